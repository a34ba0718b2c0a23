import Foundation
import RoadmapDomain
import RoadmapImport
import RoadmapPostgres

/// Writes plans read from documents: one call, one transaction, all or nothing.
public struct ImportStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A dry run's outcome travels out of the transaction as an error, so the transaction
    /// rolls back through the same path as any failure.
    private struct DryRun: Error {
        let outcome: ImportOutcome
    }

    /// Imports `draft` as `actor` (who must be allowed to change plans). With
    /// `options.dryRun` everything runs (matching, counting, the same checks) and is then
    /// rolled back.
    /// A choice that makes a name an organisation's alias changes the organisation: it needs
    /// the right to manage organisations too.
    public func importPlan(_ draft: PlanDraft, options: ImportOptions = ImportOptions(), actor: Principal) async throws -> ImportOutcome {
        try OrganizationStore.require(AccessPolicy(actor).may(.managePlans))
        if options.executorChoices.values.contains(where: { if case .organization = $0 { true } else { false } }) {
            try OrganizationStore.require(AccessPolicy(actor).may(.manageOrganizations))
        }
        do {
            return try await database.transaction { connection in
                // «В течение 10 рабочих дней после утверждения»: counted from the order's day
                // with the committee's production calendar.
                let approvedOn = options.orderDate ?? draft.order?.date
                let calendar = try approvedOn.map { try WorkingCalendarStore.calendar(around: $0, on: connection) } ?? .none
                let read = draft.readingRelativeDeadlines(approvedOn: approvedOn, calendar: calendar)
                var run = PlanImport(connection: connection, draft: read, options: options, actor: actor)
                let outcome = try run.run()
                if options.dryRun { throw DryRun(outcome: outcome) }
                return outcome
            }
        } catch let dryRun as DryRun {
            return dryRun.outcome
        }
    }

    /// What an import is doing, for a progress line.
    public enum Stage: Sendable {
        case reading(bytes: Int)
        case parsing(tables: Int)
        case writing(actions: Int)
    }

    /// Reads a plan document (.docx, .xlsx, .csv, .txt…), finds the plan in it and imports
    /// it as `actor`: the one way a file becomes a plan, for the API, the page and the CLI.
    /// Throws `DocumentReadError` for a file it cannot read, `PlanParseError` for one with
    /// no plan, `ImportError` for a plan it refuses; nothing is written then.
    public func importDocument(
        _ data: Data, fileName: String, academicYear: Int? = nil, options: ImportOptions = ImportOptions(), actor: Principal,
        progress: @Sendable (Stage) -> Void = { _ in }
    ) async throws -> ImportOutcome {
        try OrganizationStore.require(AccessPolicy(actor).may(.managePlans))
        if let academicYear, !AcademicYear.supported.contains(academicYear) {
            throw ImportError.academicYearUnsupported(academicYear)
        }
        progress(.reading(bytes: data.count))
        // Reading may wait up to a minute on LibreOffice's converter: never on the caller's
        // (an event loop's or the cooperative pool's) thread.
        let document = try await Self.offCooperativePool { try DocumentReader.read(data: data, fileName: fileName) }
        progress(.parsing(tables: document.tables.count))
        let draft = try PlanDocumentParser(academicYear: academicYear).parse(document)
        progress(.writing(actions: draft.actionCount))
        return try await importPlan(draft, options: options, actor: actor)
    }

    /// Runs blocking `work` on a thread of Dispatch's global pool and waits for it.
    static func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
