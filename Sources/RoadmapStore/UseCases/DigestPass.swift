import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The daily letters of the control loop, written by the daily pass in its transaction:
/// each person's held messages gathered into one digest; each coordinator's day (reports to
/// review, newly overdue work, extension requests, late schools, and work overdue for
/// longer than the committee allows); and that long-overdue work to the head of its school.
/// Each is idempotent per person (or school and assignment) and day.
enum DigestPass {
    struct Outcome: Sendable, Hashable {
        var digests = 0
        var reviewDigests = 0
        var escalations = 0
    }

    /// How many lines each section of a coordinator's day lists; the rest are counted.
    static let sectionLines = 10

    /// `since` is the previous working day: what happened on the days off in between is in
    /// today's letters.
    static func run(asOf: CalendarDate, since: CalendarDate, escalateAfter: Int, dryRun: Bool, on connection: PostgresConnection) throws -> Outcome {
        var outcome = Outcome()
        outcome.digests = try heldDigests(asOf: asOf, dryRun: dryRun, on: connection)
        outcome.reviewDigests = try reviewDigests(asOf: asOf, since: since, escalateAfter: escalateAfter, dryRun: dryRun, on: connection)
        outcome.escalations = try escalations(asOf: asOf, since: since, escalateAfter: escalateAfter, dryRun: dryRun, on: connection)
        return outcome
    }

    /// One letter per person with held messages; the held ones become `digested`.
    static func heldDigests(asOf: CalendarDate, dryRun: Bool, on connection: PostgresConnection) throws -> Int {
        let people = try connection.query("""
            SELECT recipient_id, recipient_email, array_agg(id ORDER BY created_at, id) AS ids,
                   array_agg(subject ORDER BY created_at, id) AS subjects, array_agg(coalesce(link_path, '') ORDER BY created_at, id) AS links
            FROM notifications WHERE status = 'held' GROUP BY recipient_id, recipient_email
            """).rows
        var written = 0
        for person in people {
            let userID = try person.decode(UUID.self, "recipient_id")
            let ids = try person.decode([UUID].self, "ids")
            let subjects = try person.decode([String].self, "subjects")
            let links = try person.decode([String].self, "links")
            let lines = zip(subjects, links).map { NotificationMessage.Line($0, path: $1.isEmpty ? nil : $1) }
            let message = NotificationMessage.digest(day: asOf, lines: lines)
            let key = "digest:\(userID.lowercased):\(asOf.iso)"
            if dryRun {
                if try connection.query("SELECT 1 FROM notifications WHERE dedup_key = \(key)").first == nil { written += 1 }
                continue
            }
            guard let digestID = try connection.query("""
                INSERT INTO notifications (kind, recipient_id, recipient_email, subject, body_text, link_path, dedup_key)
                VALUES ('digest', \(userID), \(try person.decode(String.self, "recipient_email")), \(message.subject), \(message.text),
                        \(message.linkPath), \(key))
                ON CONFLICT (dedup_key) DO NOTHING RETURNING id
                """).first?.decode(UUID.self, "id") else { continue }
            try connection.execute("""
                UPDATE notifications SET status = 'digested', digest_id = \(digestID), sent_at = now() WHERE id = ANY(\(ids)) AND status = 'held'
                """)
            written += 1
        }
        return written
    }

    /// The coordinator's day, the same for every coordinator (and administrator) with an
    /// address who has not turned it off.
    static func reviewDigests(asOf: CalendarDate, since: CalendarDate, escalateAfter: Int, dryRun: Bool, on connection: PostgresConnection) throws -> Int {
        let readers = try connection.query("""
            SELECT u.id FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = 'review_digest'
            WHERE u.role IN ('coordinator', 'admin') AND u.disabled_at IS NULL AND u.email IS NOT NULL AND coalesce(p.mode, 'now') <> 'off'
            """).rows.map { try $0.decode(UUID.self, "id") }
        guard !readers.isEmpty else { return 0 }
        let longAgo = asOf.adding(days: -(escalateAfter + 1)) ?? asOf
        let inForce = Withdrawal.planInForce()
        func section(_ title: String, count: SQL, lines: SQL, line: (PostgresRow) throws -> NotificationMessage.Line) throws -> NotificationMessage.Section {
            let total = try connection.query(count).first?.decode(Int.self, "n") ?? 0
            let shown = total == 0 ? [] : try connection.query(lines).rows.map(line)
            return NotificationMessage.Section(title: title, count: total, lines: shown)
        }
        func work(_ row: PostgresRow) throws -> NotificationMessage.Line {
            NotificationMessage.Line("\(try row.decode(String.self, "school")) — \(try row.decode(String.self, "title"))",
                                     path: "/assignments/\(try row.decode(UUID.self, "id").lowercased)")
        }
        let open: SQL = "s.status NOT IN ('done', 'cancelled', 'reported')"
        let joins: SQL = """
            FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
            JOIN organizations e ON e.id = s.executor_id
            """
        let sections = [
            try section("Пришло на проверку", count: """
                SELECT count(*)::int AS n FROM reports r JOIN assignments s ON s.id = r.assignment_id JOIN actions ac ON ac.id = s.action_id
                JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
                WHERE r.status = 'submitted' AND \(inForce)
                """, lines: """
                SELECT s.id, e.name AS school, ac.title FROM reports r JOIN assignments s ON s.id = r.assignment_id
                JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
                JOIN organizations e ON e.id = s.executor_id
                WHERE r.status = 'submitted' AND \(inForce) ORDER BY r.created_at LIMIT \(sectionLines)
                """, line: work),
            try section("Стало просроченным", count: """
                SELECT count(*)::int AS n \(joins) WHERE s.due_on >= \(since) AND s.due_on < \(asOf) AND \(open) AND \(inForce)
                """, lines: """
                SELECT s.id, e.name AS school, ac.title \(joins) WHERE s.due_on >= \(since) AND s.due_on < \(asOf) AND \(open) AND \(inForce)
                ORDER BY e.name LIMIT \(sectionLines)
                """, line: work),
            try section("Запросы переноса срока", count: """
                SELECT count(*)::int AS n FROM deadline_extensions x JOIN assignments s ON s.id = x.assignment_id JOIN actions ac ON ac.id = s.action_id
                JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id WHERE x.status = 'requested' AND \(inForce)
                """, lines: """
                SELECT s.id, e.name AS school, ac.title FROM deadline_extensions x JOIN assignments s ON s.id = x.assignment_id
                JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
                JOIN organizations e ON e.id = s.executor_id
                WHERE x.status = 'requested' AND \(inForce) ORDER BY x.created_at LIMIT \(sectionLines)
                """, line: work),
            try section("Не отчитались вовремя", count: """
                SELECT count(DISTINCT s.executor_id)::int AS n \(joins) WHERE s.due_on < \(asOf) AND \(open) AND \(inForce)
                """, lines: """
                SELECT e.name AS school, count(*)::int AS late \(joins) WHERE s.due_on < \(asOf) AND \(open) AND \(inForce)
                GROUP BY e.name ORDER BY count(*) DESC, e.name LIMIT \(sectionLines)
                """, line: { row in
                    let late = try row.decode(Int.self, "late")
                    return NotificationMessage.Line("\(try row.decode(String.self, "school")): просрочено \(late)", path: nil)
                }),
            try section("Просрочено более чем на \(RussianPlural.days(escalateAfter))", count: """
                SELECT count(*)::int AS n \(joins) WHERE s.due_on <= \(longAgo) AND \(open) AND \(inForce)
                """, lines: """
                SELECT s.id, e.name AS school, ac.title \(joins) WHERE s.due_on <= \(longAgo) AND \(open) AND \(inForce)
                ORDER BY s.due_on, e.name LIMIT \(sectionLines)
                """, line: work),
        ]
        guard let message = NotificationMessage.reviewDigest(day: asOf, sections: sections) else { return 0 }
        var written = 0
        for reader in readers {
            let key = "review_digest:\(asOf.iso)"
            if dryRun {
                if try connection.query("SELECT 1 FROM notifications WHERE dedup_key = \(key + ":" + reader.lowercased)").first == nil {
                    written += 1
                }
                continue
            }
            written += try Outbox.toUser(reader, message, assignmentID: nil, key: key, on: connection)
        }
        return written
    }

    /// The day work becomes overdue by more than `escalateAfter` days (or the first working
    /// day after), the head of its school hears of it: one letter per school listing it.
    static func escalations(asOf: CalendarDate, since: CalendarDate, escalateAfter: Int, dryRun: Bool, on connection: PostgresConnection) throws -> Int {
        // Crossed since the last working day: due in (since − N − 1, asOf − N − 1].
        guard let crossed = asOf.adding(days: -(escalateAfter + 1)), let after = since.adding(days: -(escalateAfter + 1)) else { return 0 }
        let rows = try connection.query("""
            SELECT s.id, s.executor_id, e.name AS school, ac.title
            FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
            JOIN organizations e ON e.id = s.executor_id
            WHERE s.due_on > \(after) AND s.due_on <= \(crossed) AND s.status NOT IN ('done', 'cancelled', 'reported') AND \(Withdrawal.planInForce())
              AND EXISTS (SELECT 1 FROM users u WHERE u.organization_id = s.executor_id AND u.is_head AND u.disabled_at IS NULL AND u.email IS NOT NULL)
            ORDER BY e.name, ac.title
            """).rows
        var bySchool: [UUID: (name: String, lines: [NotificationMessage.Line])] = [:]
        var order: [UUID] = []
        for row in rows {
            let school = try row.decode(UUID.self, "executor_id")
            let name = try row.decode(String.self, "school")
            let line = NotificationMessage.Line(try row.decode(String.self, "title"),
                                                path: "/assignments/\(try row.decode(UUID.self, "id").lowercased)")
            if bySchool[school] == nil { order.append(school) }
            bySchool[school, default: (name, [])].lines.append(line)
        }
        var written = 0
        for school in order {
            guard let entry = bySchool[school] else { continue }
            let message = NotificationMessage.escalation(organization: entry.name, days: escalateAfter, lines: entry.lines)
            let key = "escalation:\(school.lowercased):\(asOf.iso)"
            if dryRun {
                written += try connection.query("""
                    SELECT count(*)::int AS n FROM users u WHERE u.organization_id = \(school) AND u.is_head AND u.disabled_at IS NULL
                      AND u.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedup_key = \(key) || ':' || u.id::text)
                    """).first?.decode(Int.self, "n") ?? 0
                continue
            }
            for head in try connection.query("""
                SELECT id FROM users WHERE organization_id = \(school) AND is_head AND disabled_at IS NULL AND email IS NOT NULL
                """).rows.map({ try $0.decode(UUID.self, "id") }) {
                written += try Outbox.toUser(head, message, assignmentID: nil, key: key, on: connection)
            }
        }
        return written
    }
}
