import Foundation
import RoadmapDomain
import RoadmapPostgres

/// One action × one executor organisation × one occurrence: the unit that has a status.
public struct AssignmentRecord: Sendable, Hashable {
    public let id: UUID
    public let actionID: UUID
    public let actionTitle: String
    public let orderID: UUID?
    public let executorID: UUID
    public let executorName: String
    public let occurrence: Int
    public let deadlineText: String
    public let period: DatePeriod?
    public let dueOn: CalendarDate?
    public let originalDueOn: CalendarDate?
    public let status: AssignmentStatus
    /// Derived as of the request's date, never stored.
    public let overdue: Bool
    public let version: Int
    /// Its plan (or the plan's order) is withdrawn: kept, but no longer in force.
    public let withdrawn: Bool

    init(row: PostgresRow, asOf: CalendarDate) throws {
        id = try row.decode(UUID.self, "id")
        actionID = try row.decode(UUID.self, "action_id")
        actionTitle = try row.decode(String.self, "action_title")
        orderID = try row.decode(UUID?.self, "order_id")
        executorID = try row.decode(UUID.self, "executor_id")
        executorName = try row.decode(String.self, "executor_name")
        occurrence = try row.decode(Int.self, "occurrence")
        deadlineText = try row.decode(String.self, "deadline_text")
        period = try row.decode(DatePeriod?.self, "period")
        dueOn = try row.decode(CalendarDate?.self, "due_on")
        originalDueOn = try row.decode(CalendarDate?.self, "original_due_on")
        let statusText = try row.decode(String.self, "status")
        guard let status = AssignmentStatus(rawValue: statusText) else {
            throw PostgresError(.decoding, message: "unknown status «\(statusText)»", column: "status")
        }
        self.status = status
        overdue = status.isOverdue(dueDay: dueOn, asOf: asOf)
        version = try row.decode(Int.self, "version")
        withdrawn = try row.decode(Bool.self, "withdrawn")
    }

    /// What a roll-up counts of it.
    public var fact: AssignmentFact { AssignmentFact(status: status, dueDay: dueOn) }

    /// What `init(row:asOf:)` reads, over assignments `s`, actions `ac`, plans `p` and
    /// organisations `o`.
    static let columns: SQL = """
        s.id, s.action_id, ac.title AS action_title, p.order_id, s.executor_id, o.name AS executor_name,
        s.occurrence, ac.deadline_text, s.period, s.due_on, s.original_due_on, s.status, s.version,
        p.withdrawn_at IS NOT NULL AS withdrawn
        """

    static let select: SQL = """
        SELECT \(columns)
        FROM assignments s
        JOIN actions ac ON ac.id = s.action_id
        JOIN goals g ON g.id = ac.goal_id
        JOIN plans p ON p.id = g.plan_id
        JOIN organizations o ON o.id = s.executor_id
        """
}
