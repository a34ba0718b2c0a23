import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The committee moves a deadline itself, with a reason: for one school's assignment, or for
/// every open assignment of an action. No extension request is made; the move is recorded as
/// such (`deadline_moved`, `direct`), and the day first planned is kept (`original_due_on`).
public struct DeadlineMoveStore: Sendable {
    let database: Database
    public let clock: CommitteeClock

    public init(database: Database, clock: CommitteeClock = CommitteeClock()) {
        self.database = database
        self.clock = clock
    }

    /// Moves one assignment's due day to `dueOn`.
    public func move(assignmentID: UUID, to dueOn: CalendarDate, reason: String, ifVersion: Int?, actor: Principal) async throws -> AssignmentRecord {
        let reason = try Self.reason(reason)
        return try await database.transaction { connection in
            let assignment = try AssignmentStore.get(assignmentID, asOf: clock.today(), scope: actor, forUpdate: true, on: connection)
            try OrganizationStore.require(AccessPolicy(actor).may(.moveDeadline, ownedBy: assignment.executorID))
            try UseCaseError.check(version: assignment.version, expected: ifVersion, entity: "assignment")
            try Self.move(assignment, to: dueOn, reason: reason, actor: actor, on: connection)
            return try AssignmentStore.get(assignmentID, asOf: clock.today(), scope: actor, on: connection)
        }
    }

    /// Moves the due day of every open assignment of an action to `dueOn`: the deadline of the
    /// whole action, for all its executors. Done and cancelled assignments keep theirs; a
    /// recurring action's occurrences are moved one by one.
    public func move(actionID: UUID, to dueOn: CalendarDate, reason: String, actor: Principal) async throws -> [AssignmentRecord] {
        let reason = try Self.reason(reason)
        try OrganizationStore.require(AccessPolicy(actor).may(.moveDeadline))
        return try await database.transaction { connection in
            guard try connection.query("SELECT 1 FROM actions WHERE id = \(actionID)").first != nil else {
                throw UseCaseError.notFound(entity: "action", id: actionID.lowercased)
            }
            try Withdrawal.refuseChange(under: "ac.id = \(actionID)", on: connection)
            if try connection.query("SELECT 1 FROM assignments WHERE action_id = \(actionID) AND occurrence > 1 LIMIT 1").first != nil {
                throw UseCaseError.conflict("The action recurs; move its occurrences one by one.")
            }
            let ids = try connection.query("""
                SELECT id FROM assignments
                WHERE action_id = \(actionID) AND status NOT IN ('done', 'cancelled') AND due_on IS NOT NULL
                ORDER BY id FOR UPDATE
                """).rows.map { try $0.decode(UUID.self, "id") }
            guard !ids.isEmpty else {
                throw UseCaseError.conflict("The action has no open assignment with a due date to move.")
            }
            let today = clock.today()
            let moved = try ids.compactMap { id -> UUID? in
                let assignment = try AssignmentStore.get(id, asOf: today, scope: actor, on: connection)
                guard assignment.dueOn != dueOn else { return nil }
                try Self.move(assignment, to: dueOn, reason: reason, actor: actor, on: connection)
                return id
            }
            guard !moved.isEmpty else {
                throw UseCaseError.invalid(field: "due_on", reason: "every open assignment of the action is already due on \(dueOn.iso)")
            }
            return try moved.map { try AssignmentStore.get($0, asOf: today, scope: actor, on: connection) }
        }
    }

    static func reason(_ text: String) throws -> String {
        let reason = try TypedText.field(text, "reason")
        guard !reason.isEmpty else { throw UseCaseError.invalid(field: "reason", reason: "say why the deadline moves") }
        return reason
    }

    static func move(_ assignment: AssignmentRecord, to dueOn: CalendarDate, reason: String, actor: Principal, on connection: PostgresConnection) throws {
        guard !assignment.status.isClosed else {
            throw UseCaseError.conflict("The assignment is \(assignment.status.russianName); its deadline cannot move.")
        }
        guard let current = assignment.dueOn else {
            throw UseCaseError.conflict("The assignment has no due date («\(assignment.deadlineText)») to move.")
        }
        guard dueOn != current else {
            throw UseCaseError.invalid(field: "due_on", reason: "the assignment is already due on \(dueOn.iso)")
        }
        try setDueDay(of: assignment.id, from: current, to: dueOn, reason: reason, data: ["direct": "true"], actor: actor, on: connection)
    }

    /// The one way a due day moves (a committee's move, an approved extension): the day first
    /// planned is kept, and the move is recorded with both days.
    static func setDueDay(of assignmentID: UUID, from current: CalendarDate?, to dueOn: CalendarDate, reason: String,
                          data: [String: String], actor: Principal, on connection: PostgresConnection) throws {
        try connection.execute("""
            UPDATE assignments SET due_on = \(dueOn), original_due_on = coalesce(original_due_on, due_on),
                version = version + 1, updated_at = now()
            WHERE id = \(assignmentID)
            """)
        try EventLog.record(connection, actor: actor, entityType: "assignment", entityID: assignmentID, event: "deadline_moved",
                            reason: reason, data: data.merging(["from": current?.iso ?? "", "to": dueOn.iso]) { _, new in new })
    }
}
