import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The daily pass of the control loop: for a working day, every open assignment the
/// committee's `ReminderRule` chases that day (counted in the production calendar's working
/// days) gets a reminder queued in the outbox for each executor user of its school with an
/// e-mail address, as each chose; then the day's letters (`DigestPass`). Idempotent per kind,
/// assignment, day and recipient (`notifications.dedup_key`): running it twice, or on two
/// instances at once, queues nothing new. A dry run queues nothing and says what it would.
public struct ReminderPass: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// One reminder, queued or (on a dry run) to be.
    public struct Item: Sendable, Hashable {
        public let recipient: String
        public let kind: String
        public let assignmentID: UUID
        public let subject: String
    }

    public struct Outcome: Sendable, Hashable {
        /// Reminders queued by this run (or, on a dry run, that it would queue).
        public let queued: [Item]
        /// Reminders due today that an earlier run already queued.
        public let alreadyQueued: Int
        /// Assignments due a reminder whose school has no executor user with an e-mail address.
        public let unreachable: Int
        /// Digests of held messages written (or, on a dry run, to be).
        public let digests: Int
        /// Coordinators' days written.
        public let reviewDigests: Int
        /// Letters to heads of schools about long-overdue work.
        public let escalations: Int
        /// The day is off in the production calendar: nothing was queued.
        public let dayOff: Bool
        /// Whether the day's year has a production calendar; without one every day counts.
        public let calendarLoaded: Bool
    }

    /// Links are kept as paths; the sender makes them addresses with the service's public URL.
    /// The latest day a pass (not a dry run) has run for, by any instance or command.
    public func lastPassedDay() async throws -> CalendarDate? {
        try await database.withConnection { connection in
            try connection.query("SELECT value FROM settings WHERE key = 'reminders_passed_on'").first
                .flatMap { CalendarDate(iso: try $0.decode(String.self, "value")) }
        }
    }

    /// Assignments read and written per round trip of the pass.
    public static let chunk = 5_000

    public func run(asOf: CalendarDate, dryRun: Bool, actor: Principal, chunk: Int = ReminderPass.chunk) async throws -> Outcome {
        try OrganizationStore.require(AccessPolicy(actor).may(.sendNotifications))
        return try await database.transaction { connection in
            let rule = try Self.rule(on: connection)
            let calendar = try WorkingCalendarStore.calendar(around: asOf, on: connection)
            // Nothing is sent on a day off; what falls on days off comes on the next working day.
            guard calendar.isWorkingDay(asOf) else {
                return Outcome(queued: [], alreadyQueued: 0, unreachable: 0, digests: 0, reviewDigests: 0, escalations: 0,
                               dayOff: true, calendarLoaded: true)
            }
            let dueDays = rule.dueDays(remindedOn: asOf, calendar: calendar)
            let since = calendar.previousWorkingDay(before: asOf) ?? asOf.adding(days: -1) ?? asOf
            var queued: [Item] = []
            var already = 0
            var unreachable = Set<UUID>()
            // A superset of what the rule chases today, by index, a chunk of assignments at a
            // time (a region's day is a hundred thousand): the memory a pass takes stays that
            // of one chunk. The rule itself decides below.
            var after: (due: CalendarDate, id: UUID)?
            while true {
                let resume: SQL = after.map { "(s.due_on, s.id) > (\($0.due), \($0.id))" } ?? "TRUE"
                let rows = try connection.query("""
                    WITH chunk AS (
                        SELECT s.id FROM assignments s
                        JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
                        WHERE s.status NOT IN ('done', 'cancelled', 'reported') AND \(Withdrawal.planInForce())
                          AND s.due_on = ANY(\(dueDays)::date[]) AND \(resume)
                        ORDER BY s.due_on, s.id LIMIT \(max(1, chunk)))
                    SELECT s.id, s.status, s.due_on, ac.title, o.number, o.issued_on, e.name AS school,
                           u.id AS user_id, u.email, coalesce(np.mode, 'now') AS mode
                    FROM chunk c JOIN assignments s ON s.id = c.id
                    JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
                    LEFT JOIN orders o ON o.id = p.order_id
                    JOIN organizations e ON e.id = s.executor_id
                    LEFT JOIN users u ON u.organization_id = s.executor_id AND u.role = 'executor' AND u.disabled_at IS NULL AND u.email IS NOT NULL
                    LEFT JOIN notification_preferences np ON np.user_id = u.id AND np.kind = (CASE WHEN s.due_on < \(asOf) THEN 'overdue' ELSE 'due_soon' END)
                    ORDER BY s.due_on, s.id, u.login
                    """).rows
                guard let last = rows.last else { break }
                after = (try last.decode(CalendarDate.self, "due_on"), try last.decode(UUID.self, "id"))
                var batch: [(item: Item, user: UUID, message: NotificationMessage, key: String, status: String)] = []
                for row in rows {
                    let assignmentID = try row.decode(UUID.self, "id")
                    guard let status = AssignmentStatus(rawValue: try row.decode(String.self, "status")),
                          let dueOn = try row.decode(CalendarDate?.self, "due_on"),
                          let reminder = rule.reminder(status: status, dueOn: dueOn, asOf: asOf, calendar: calendar) else { continue }
                    guard let userID = try row.decode(UUID?.self, "user_id"), let email = try row.decode(String?.self, "email") else {
                        unreachable.insert(assignmentID)
                        continue
                    }
                    // A person who turned this kind off is not written to; one who wants it in
                    // the digest gets it held for the digest.
                    guard let queueStatus = NotificationMode(rawValue: try row.decode(String.self, "mode"))?.queuedStatus else { continue }
                    let order = try row.decode(String?.self, "number").map {
                        NotificationMessage.Work.order(number: $0, issuedOn: try row.decode(CalendarDate?.self, "issued_on"))
                    }
                    let work = NotificationMessage.Work(
                        actionTitle: try row.decode(String.self, "title"), order: order, organization: try row.decode(String.self, "school"),
                        assignmentPath: "/assignments/\(assignmentID.lowercased)")
                    let message = NotificationMessage.reminder(reminder, work: work, dueOn: dueOn)
                    let key = "\(reminder.kind):\(assignmentID.lowercased):\(asOf.iso):\(userID.lowercased)"
                    let item = Item(recipient: email, kind: reminder.kind, assignmentID: assignmentID, subject: message.subject)
                    batch.append((item, userID, message, key, queueStatus))
                }
                // One statement for the chunk's reminders, not one a row.
                let keys = batch.map(\.key)
                let written: Set<String>
                if batch.isEmpty {
                    written = []
                } else if dryRun {
                    let existing = Set(try connection.query("SELECT dedup_key FROM notifications WHERE dedup_key = ANY(\(keys))")
                        .rows.map { try $0.decode(String.self, "dedup_key") })
                    written = Set(keys).subtracting(existing)
                } else {
                    written = Set(try connection.query("""
                        INSERT INTO notifications (kind, recipient_id, recipient_email, assignment_id, subject, body_text, link_path, dedup_key, status)
                        SELECT kind, recipient, email, assignment, subject, body, nullif(link, ''), key, status FROM unnest(\(batch.map(\.item.kind))::text[], \(batch.map(\.user))::uuid[], \(batch.map(\.item.recipient))::text[],
                                             \(batch.map(\.item.assignmentID))::uuid[], \(batch.map(\.message.subject))::text[],
                                             \(batch.map(\.message.text))::text[], \(batch.map { $0.message.linkPath ?? "" })::text[],
                                             \(keys)::text[], \(batch.map(\.status))::text[])
                            AS t(kind, recipient, email, assignment, subject, body, link, key, status)
                        ON CONFLICT (dedup_key) DO NOTHING RETURNING dedup_key
                        """).rows.map { try $0.decode(String.self, "dedup_key") })
                }
                for entry in batch {
                    if written.contains(entry.key) { queued.append(entry.item) } else { already += 1 }
                }
            }
            if !dryRun {
                // The latest day passed, so a service started later that day does not pass it again.
                try connection.execute("""
                    INSERT INTO settings (key, value) VALUES ('reminders_passed_on', \(asOf.iso))
                    ON CONFLICT (key) DO UPDATE SET value = greatest(settings.value, excluded.value)
                    """)
            }
            // The day's letters, after the reminders (a reminder held for the digest goes in today's).
            let letters = try DigestPass.run(asOf: asOf, since: since, escalateAfter: try Self.escalateAfter(on: connection), dryRun: dryRun,
                                             on: connection)
            return Outcome(queued: queued, alreadyQueued: already, unreachable: unreachable.count, digests: letters.digests,
                           reviewDigests: letters.reviewDigests, escalations: letters.escalations, dayOff: false,
                           calendarLoaded: calendar.covers(asOf))
        }
    }

    /// Days of overdue after which work is escalated (setting `escalate_after_days`, 14 by default).
    static func escalateAfter(on connection: PostgresConnection) throws -> Int {
        let text = try connection.query("SELECT value FROM settings WHERE key = 'escalate_after_days'").first?.decode(String.self, "value")
        return text.flatMap { Int($0) }.map { min(max($0, 1), 365) } ?? 14
    }

    /// The committee's rule from its settings; the defaults when none is set.
    static func rule(on connection: PostgresConnection) throws -> ReminderRule {
        let settings = Dictionary(uniqueKeysWithValues: try connection.query("""
            SELECT key, value FROM settings WHERE key IN ('reminder_days_before', 'reminder_overdue_every')
            """).rows.map { (try $0.decode(String.self, "key"), try $0.decode(String.self, "value")) })
        let days = settings["reminder_days_before"]?.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let every = settings["reminder_overdue_every"].flatMap { Int($0) }
        do {
            return try ReminderRule(daysBefore: days ?? [7, 1], overdueEvery: every ?? 7)
        } catch {
            throw UseCaseError.conflict("The committee's reminder settings are invalid: \(error).")
        }
    }
}
