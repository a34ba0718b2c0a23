import RoadmapPostgres
import RoadmapDomain

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

    /// Imports `draft`. With `options.dryRun` everything runs (matching, counting, the
    /// same checks) and is then rolled back.
    public func importPlan(_ draft: PlanDraft, options: ImportOptions = ImportOptions()) async throws -> ImportOutcome {
        do {
            return try await database.transaction { connection in
                var run = PlanImport(connection: connection, draft: draft, options: options)
                let outcome = try run.run()
                if options.dryRun { throw DryRun(outcome: outcome) }
                return outcome
            }
        } catch let dryRun as DryRun {
            return dryRun.outcome
        }
    }
}
