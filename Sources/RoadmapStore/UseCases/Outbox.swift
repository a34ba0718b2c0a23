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
            """).first else { throw UseCaseError.notFound(entity: "assignment", id: assignmentID.lowercased) }
        let order = try row.decode(String?.self, "number").map {
            NotificationMessage.Work.order(number: $0, issuedOn: try row.decode(CalendarDate?.self, "issued_on"))
        }
        let work = NotificationMessage.Work(actionTitle: try row.decode(String.self, "title"), order: order,
                                            organization: try row.decode(String.self, "school"),
                                            assignmentPath: "/assignments/\(assignmentID.lowercased)")
        return (work, try row.decode(UUID.self, "executor_id"), try row.decode(CalendarDate?.self, "due_on"))
    }

    /// New work of one school in a plan: how many actions, and the nearest due day.
    struct NewWork: Sendable, Equatable {
        var actions: Int
        var firstDueOn: CalendarDate?
    }

    /// Tells each school the assignments of `planID` made in this transaction gave work: one
    /// message per school, with how many actions and the nearest due day. Rows made in this
    /// transaction are those with `created_at = now()` (now() is the transaction's start).
    /// An import of a new plan knows what it wrote and passes it as `counted`, so half a
    /// million new rows are not read back to count them.
    @discardableResult
    static func newWork(planID: UUID, counted: [UUID: NewWork]? = nil, on connection: PostgresConnection) throws -> Int {
        let header = try connection.query("""
            SELECT o.number, o.issued_on, txid_current()::text AS tx FROM plans p LEFT JOIN orders o ON o.id = p.order_id
            WHERE p.id = \(planID)
            """).first
        let order = try header?.decode(String?.self, "number").map {
            NotificationMessage.Work.order(number: $0, issuedOn: try header?.decode(CalendarDate?.self, "issued_on"))
        }
        let transaction = try header?.decode(String.self, "tx") ?? ""
        var work: [(executor: UUID, name: String, work: NewWork)] = []
        if let counted {
            for row in try connection.query("""
                SELECT e.id, e.name FROM organizations e WHERE e.id = ANY(\(Array(counted.keys))) ORDER BY e.id
                """).rows {
                let id = try row.decode(UUID.self, "id")
                if let count = counted[id] { work.append((id, try row.decode(String.self, "name"), count)) }
            }
        } else {
            for row in try connection.query("""
                SELECT s.executor_id, e.name, count(DISTINCT s.action_id)::int AS n, min(s.due_on) AS first_due
                FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id
                JOIN organizations e ON e.id = s.executor_id
                WHERE g.plan_id = \(planID) AND s.created_at = now() AND s.status NOT IN ('done', 'cancelled')
                GROUP BY s.executor_id, e.name ORDER BY s.executor_id
                """).rows {
                work.append((try row.decode(UUID.self, "executor_id"), try row.decode(String.self, "name"),
                             NewWork(actions: try row.decode(Int.self, "n"), firstDueOn: try row.decode(CalendarDate?.self, "first_due"))))
            }
        }
        var written = 0
        for item in work {
            let message = NotificationMessage.newWork(organization: item.name, order: order, actions: item.work.actions,
                                                      firstDueOn: item.work.firstDueOn)
            let key = "new_work:\(planID.lowercased):\(item.executor.lowercased):\(transaction)"
            written += try toExecutors(of: item.executor, message, assignmentID: nil, key: key, on: connection)
        }
        return written
    }
}
