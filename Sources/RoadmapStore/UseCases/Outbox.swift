import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Writes messages to the outbox (`notifications`) on the connection of the transaction that
/// causes them, so a message exists exactly when its cause was committed. Each recipient gets
/// it as they chose for its kind (`notification_preferences`): queued at once, held for the
/// daily digest, or not written. `key` makes each write idempotent: the recipient's id is
/// appended, and a second write of the same key adds nothing.
enum Outbox {
    /// Queues `message` to every active executor user of an organisation with an address;
    /// returns how many were written.
    @discardableResult
    static func toExecutors(of organizationID: UUID, _ message: NotificationMessage, assignmentID: UUID?, key: String,
                            on connection: PostgresConnection) throws -> Int {
        try write(message, assignmentID: assignmentID, key: key,
                  recipients: "u.organization_id = \(organizationID) AND u.role = 'executor'", on: connection)
    }

    /// Queues `message` to one user, if active, with an address, and not opted out.
    @discardableResult
    static func toUser(_ userID: UUID, _ message: NotificationMessage, assignmentID: UUID?, key: String,
                       on connection: PostgresConnection) throws -> Int {
        try write(message, assignmentID: assignmentID, key: key, recipients: "u.id = \(userID)", on: connection)
    }

    private static func write(_ message: NotificationMessage, assignmentID: UUID?, key: String, recipients: SQL,
                              on connection: PostgresConnection) throws -> Int {
        let kind = message.kind.rawValue
        return try connection.query("""
            INSERT INTO notifications (kind, recipient_id, recipient_email, assignment_id, subject, body_text, link_path, dedup_key, status)
            SELECT \(kind), u.id, u.email, \(assignmentID), \(message.subject), \(message.text), \(message.linkPath),
                   \(key) || ':' || u.id::text, CASE coalesce(p.mode, 'now') WHEN 'digest' THEN 'held' ELSE 'queued' END
            FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = \(kind)
            WHERE \(recipients) AND u.disabled_at IS NULL AND u.email IS NOT NULL AND coalesce(p.mode, 'now') <> 'off'
            ON CONFLICT (dedup_key) DO NOTHING
            RETURNING id
            """).rows.count
    }

    /// What a piece of work is, for a message about one assignment.
    static func work(of assignmentID: UUID, on connection: PostgresConnection) throws -> (work: NotificationMessage.Work, executorID: UUID, dueOn: CalendarDate?) {
        guard let row = try connection.query("""
            SELECT ac.title, o.number, o.issued_on, e.name AS school, s.executor_id, s.due_on
            FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
            LEFT JOIN orders o ON o.id = p.order_id JOIN organizations e ON e.id = s.executor_id
            WHERE s.id = \(assignmentID)
            """).first else { throw UseCaseError.notFound(entity: "assignment", id: assignmentID.uuidString.lowercased()) }
        let order = try row.decode(String?.self, "number").map {
            NotificationMessage.Work.order(number: $0, issuedOn: try row.decode(CalendarDate?.self, "issued_on"))
        }
        let work = NotificationMessage.Work(actionTitle: try row.decode(String.self, "title"), order: order,
                                            organization: try row.decode(String.self, "school"),
                                            assignmentPath: "/assignments/\(assignmentID.uuidString.lowercased())")
        return (work, try row.decode(UUID.self, "executor_id"), try row.decode(CalendarDate?.self, "due_on"))
    }

    /// Tells each school the assignments of `planID` made in this transaction gave work: one
    /// message per school, with how many actions and the nearest due day. Rows made in this
    /// transaction are those with `created_at = now()` (now() is the transaction's start).
    @discardableResult
    static func newWork(planID: UUID, on connection: PostgresConnection) throws -> Int {
        let rows = try connection.query("""
            SELECT s.executor_id, e.name, count(DISTINCT s.action_id)::int AS n, min(s.due_on) AS first_due, o.number, o.issued_on, txid_current()::text AS tx
            FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
            LEFT JOIN orders o ON o.id = p.order_id JOIN organizations e ON e.id = s.executor_id
            WHERE g.plan_id = \(planID) AND s.created_at = now() AND s.status NOT IN ('done', 'cancelled')
            GROUP BY s.executor_id, e.name, o.number, o.issued_on
            """).rows
        var written = 0
        for row in rows {
            let order = try row.decode(String?.self, "number").map {
                NotificationMessage.Work.order(number: $0, issuedOn: try row.decode(CalendarDate?.self, "issued_on"))
            }
            let message = NotificationMessage.newWork(organization: try row.decode(String.self, "name"), order: order,
                                                      actions: try row.decode(Int.self, "n"), firstDueOn: try row.decode(CalendarDate?.self, "first_due"))
            let executor = try row.decode(UUID.self, "executor_id")
            let key = "new_work:\(planID.uuidString.lowercased()):\(executor.uuidString.lowercased()):\(try row.decode(String.self, "tx"))"
            written += try toExecutors(of: executor, message, assignmentID: nil, key: key, on: connection)
        }
        return written
    }
}
