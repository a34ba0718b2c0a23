import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Deadline extensions: an executor asks for a later due date with a reason; the committee
/// approves (the assignment's due date moves, the original is kept) or rejects.
public struct ExtensionStore: Sendable {
    let database: Database
    public let clock: CommitteeClock

    public init(database: Database, clock: CommitteeClock = CommitteeClock()) {
        self.database = database
        self.clock = clock
    }

    public func request(assignmentID: UUID, dueOn: CalendarDate, reason: String, actor: Principal) async throws -> ExtensionRecord {
        let reason = try TypedText.field(reason, "reason")
        guard !reason.isEmpty else { throw UseCaseError.invalid(field: "reason", reason: "say why the deadline must move") }
        return try await database.transaction { connection in
            let assignment = try AssignmentStore.get(assignmentID, asOf: clock.today(), scope: actor, forUpdate: true, on: connection)
            try OrganizationStore.require(AccessPolicy(actor).may(.requestExtension, ownedBy: assignment.executorID))
            guard !assignment.status.isClosed else {
                throw UseCaseError.conflict("The assignment is \(assignment.status.russianName); its deadline cannot move.")
            }
            guard let current = assignment.dueOn else {
                throw UseCaseError.conflict("The assignment has no due date («\(assignment.deadlineText)») to move.")
            }
            guard dueOn > current else {
                throw UseCaseError.invalid(field: "due_on", reason: "\(dueOn.iso) is not later than the current due date \(current.iso)")
            }
            if try connection.query("SELECT 1 FROM deadline_extensions WHERE assignment_id = \(assignmentID) AND status = 'requested'").first != nil {
                throw UseCaseError.conflict("An extension of this assignment is already waiting for a decision.")
            }
            guard let id = try connection.query("""
                INSERT INTO deadline_extensions (assignment_id, requested_by, previous_due_on, requested_due_on, reason)
                VALUES (\(assignmentID), \(actor.recordedUserID), \(current), \(dueOn), \(reason)) RETURNING id
                """).first?.decode(UUID.self, "id") else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no row") }
            try EventLog.record(connection, actor: actor, entityType: "extension", entityID: id, event: "requested", reason: reason,
                                data: ["assignment_id": assignmentID.lowercased, "from": current.iso, "to": dueOn.iso])
            return try Self.get(id, scope: actor, on: connection)
        }
    }

    public func get(_ id: UUID, scope: Principal) async throws -> ExtensionRecord {
        try await database.withConnection { connection in try Self.get(id, scope: scope, on: connection) }
    }

    static func get(_ id: UUID, scope: Principal, forUpdate: Bool = false, on connection: PostgresConnection) throws -> ExtensionRecord {
        let statement: SQL = forUpdate ? "\(ExtensionRecord.select) WHERE e.id = \(id) FOR UPDATE" : "\(ExtensionRecord.select) WHERE e.id = \(id)"
        guard let row = try connection.query(statement).first,
              AccessPolicy(scope).read(ownedBy: try row.decode(UUID.self, "executor_id")).isAllowed,
              try scope.role.seesEverything || !row.decode(Bool.self, "withdrawn") else {
            throw UseCaseError.notFound(entity: "extension", id: id.lowercased)
        }
        return try ExtensionRecord(row: row)
    }

    /// Approves (the due day moves, the original is kept) or rejects (with a required
    /// comment) a request, as `ExtensionStatus` rules.
    public func decide(_ id: UUID, decision: ExtensionStatus.Decision, comment: String?, ifVersion: Int?, actor: Principal) async throws -> ExtensionRecord {
        let comment = try TypedText.field(comment, "comment").flatMap { $0.isEmpty ? nil : $0 }
        let approve = decision == .approve
        return try await database.transaction { connection in
            let request = try Self.get(id, scope: actor, forUpdate: true, on: connection)
            let assignment = try AssignmentStore.get(request.assignmentID, asOf: clock.today(), scope: actor, forUpdate: true, on: connection)
            try OrganizationStore.require(AccessPolicy(actor).may(.decideExtension, ownedBy: assignment.executorID))
            try UseCaseError.check(version: request.version, expected: ifVersion, entity: "extension")
            let decided = try UseCaseError.deciding { () throws(DecisionError) in
                try request.status.deciding(decision, comment: comment, assignment: assignment.status)
            }
            try connection.execute("""
                UPDATE deadline_extensions SET status = \(decided.rawValue), decided_by = \(actor.recordedUserID),
                    decided_at = now(), decision_comment = \(comment), version = version + 1, updated_at = now()
                WHERE id = \(id)
                """)
            try EventLog.record(connection, actor: actor, entityType: "extension", entityID: id, event: approve ? "approved" : "rejected",
                                reason: comment)
            if approve {
                try DeadlineMoveStore.setDueDay(of: assignment.id, from: assignment.dueOn, to: request.requestedDueOn, reason: request.reason,
                                                data: ["extension_id": id.lowercased], actor: actor, on: connection)
            }
            let about = try Outbox.work(of: assignment.id, on: connection)
            let message = NotificationMessage.extensionDecided(work: about.work, approved: approve, dueOn: about.dueOn, comment: comment)
            try Outbox.toExecutors(of: about.executorID, message, assignmentID: assignment.id,
                                   key: "extension_decided:\(id.lowercased)", on: connection)
            return try Self.get(id, scope: actor, on: connection)
        }
    }
}
