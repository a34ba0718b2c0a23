import Foundation
import RoadmapDomain
import RoadmapPostgres

/// A request to move an assignment's due date («перенос срока»).
public struct ExtensionRecord: Sendable, Hashable {
    public let id: UUID
    public let assignmentID: UUID
    public let previousDueOn: CalendarDate?
    public let requestedDueOn: CalendarDate
    public let reason: String
    public let status: ExtensionStatus
    public let decisionComment: String?
    public let decidedAt: Date?
    public let createdAt: Date
    public let version: Int

    init(row: PostgresRow) throws {
        id = try row.decode(UUID.self, "id")
        assignmentID = try row.decode(UUID.self, "assignment_id")
        previousDueOn = try row.decode(CalendarDate?.self, "previous_due_on")
        requestedDueOn = try row.decode(CalendarDate.self, "requested_due_on")
        reason = try row.decode(String.self, "reason")
        guard let status = ExtensionStatus(rawValue: try row.decode(String.self, "status")) else {
            throw PostgresError(.unexpected, message: "unknown status «\(try row.decode(String.self, "status"))»")
        }
        self.status = status
        decisionComment = try row.decode(String?.self, "decision_comment")
        decidedAt = try row.decode(Date?.self, "decided_at")
        createdAt = try row.decode(Date.self, "created_at")
        version = try row.decode(Int.self, "version")
    }

    static let select: SQL = """
        SELECT e.id, e.assignment_id, e.previous_due_on, e.requested_due_on, e.reason, e.status, e.decision_comment,
               e.decided_at, e.created_at, e.version, s.executor_id,
               NOT \(Withdrawal.assignmentInForce()) AS withdrawn
        FROM deadline_extensions e JOIN assignments s ON s.id = e.assignment_id
        """
}
