import Foundation
import RoadmapDomain
import RoadmapPostgres

/// What people see of the outbox: their own messages («Уведомления», whether or not any
/// SMTP server is configured), how they want each kind, the one-click unsubscribe, and for
/// administrators the state of delivery and the failed messages.
public struct NotificationStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// One message as its reader and the outbox page show it.
    public struct Message: Sendable, Hashable {
        public let id: UUID
        public let kind: NotificationKind
        public let recipient: String
        public let subject: String
        public let text: String
        public let linkPath: String?
        public let status: String
        public let attempts: Int
        public let reclaims: Int
        public let lastError: String?
        public let createdAt: Date
        public let sentAt: Date?

        init(row: PostgresRow) throws {
            id = try row.decode(UUID.self, "id")
            kind = NotificationKind(rawValue: try row.decode(String.self, "kind")) ?? .digest
            recipient = try row.decode(String.self, "recipient_email")
            subject = try row.decode(String.self, "subject")
            text = try row.decode(String.self, "body_text")
            linkPath = try row.decode(String?.self, "link_path")
            status = try row.decode(String.self, "status")
            attempts = try row.decode(Int.self, "attempts")
            reclaims = try row.decode(Int.self, "reclaims")
            lastError = try row.decode(String?.self, "last_error")
            createdAt = try row.decode(Date.self, "created_at")
            sentAt = try row.decode(Date?.self, "sent_at")
        }

        static let columns: SQL = """
            id, kind, recipient_email, subject, body_text, link_path, status, attempts, reclaims, last_error, created_at, sent_at
            """
    }

    /// The acting user's latest messages, newest first.
    public func inbox(limit: Int = 50, actor: Principal) async throws -> [Message] {
        guard !actor.isInstallation else { return [] }
        return try await database.withConnection { connection in
            try connection.query("""
                SELECT \(Message.columns) FROM notifications WHERE recipient_id = \(actor.userID)
                ORDER BY created_at DESC, id DESC LIMIT \(min(max(limit, 1), 200))
                """).rows.map(Message.init(row:))
        }
    }

    /// How the acting user gets each kind they may choose; `now` where they chose nothing.
    public func preferences(actor: Principal) async throws -> [NotificationKind: NotificationMode] {
        guard !actor.isInstallation else { return [:] }
        let chosen = try await database.withConnection { connection in
            try connection.query("SELECT kind, mode FROM notification_preferences WHERE user_id = \(actor.userID)").rows.map {
                (try $0.decode(String.self, "kind"), try $0.decode(String.self, "mode"))
            }
        }
        var modes = Dictionary(uniqueKeysWithValues: NotificationKind.choosable.map { ($0, NotificationMode.now) })
        for (kind, mode) in chosen {
            if let kind = NotificationKind(rawValue: kind), let mode = NotificationMode(rawValue: mode) { modes[kind] = mode }
        }
        return modes
    }

    /// Sets how the acting user gets each kind given; kinds not given stay as they were.
    public func setPreferences(_ modes: [NotificationKind: NotificationMode], actor: Principal) async throws {
        guard !actor.isInstallation else {
            throw UseCaseError.invalid(field: "user", reason: "the installation gets no messages; act as a user")
        }
        if let kind = modes.keys.first(where: { !NotificationKind.choosable.contains($0) }) {
            throw UseCaseError.invalid(field: "kind", reason: "«\(kind.rawValue)» is not a kind of message one chooses")
        }
        if modes[.reviewDigest] == .digest {
            throw UseCaseError.invalid(field: "review_digest", reason: "the coordinator's digest is itself daily: now or off")
        }
        try await database.transaction { connection in
            for (kind, mode) in modes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                try connection.execute("""
                    INSERT INTO notification_preferences (user_id, kind, mode) VALUES (\(actor.userID), \(kind.rawValue), \(mode.rawValue))
                    ON CONFLICT (user_id, kind) DO UPDATE SET mode = excluded.mode, updated_at = now()
                    """)
            }
        }
    }

    /// What an unsubscribe link stops: the kind and the address it came to.
    public struct Subscription: Sendable, Hashable {
        public let kind: NotificationKind
        public let recipient: String
        public let isOff: Bool
    }

    /// What the unsubscribe link of a message stops, or nil for an unknown link. Changes nothing.
    public func subscription(token: String) async throws -> Subscription? {
        guard Self.isToken(token) else { return nil }
        return try await database.withConnection { connection in
            try Self.subscription(token: token, on: connection)
        }
    }

    /// Turns off the kind of the message whose unsubscribe link this is, for its reader
    /// (RFC 8058 one-click: no sign-in). Nil for an unknown link; doing it twice is harmless.
    public func unsubscribe(token: String) async throws -> Subscription? {
        guard Self.isToken(token) else { return nil }
        return try await database.transaction { connection in
            guard let found = try connection.query("""
                SELECT recipient_id, kind FROM notifications WHERE unsubscribe_token = \(token)
                """).first else { return nil }
            let userID = try found.decode(UUID.self, "recipient_id")
            // The digest carries other kinds: unsubscribing from it stops every kind held for it.
            let kind = try found.decode(String.self, "kind")
            let kinds = kind == NotificationKind.digest.rawValue
                ? try connection.query("""
                    SELECT kind FROM notification_preferences WHERE user_id = \(userID) AND mode = 'digest'
                    """).rows.map { try $0.decode(String.self, "kind") }
                : [kind]
            for kind in kinds {
                try connection.execute("""
                    INSERT INTO notification_preferences (user_id, kind, mode) VALUES (\(userID), \(kind), 'off')
                    ON CONFLICT (user_id, kind) DO UPDATE SET mode = 'off', updated_at = now()
                    """)
            }
            try EventLog.record(connection, actor: nil, entityType: "user", entityID: userID,
                                event: "unsubscribed", reason: kinds.joined(separator: ", "))
            return try Self.subscription(token: token, on: connection)
        }
    }

    static func subscription(token: String, on connection: PostgresConnection) throws -> Subscription? {
        guard let row = try connection.query("""
            SELECT n.kind, n.recipient_email, coalesce(p.mode, 'now') = 'off' AS is_off
            FROM notifications n LEFT JOIN notification_preferences p ON p.user_id = n.recipient_id AND p.kind = n.kind
            WHERE n.unsubscribe_token = \(token)
            """).first, let kind = NotificationKind(rawValue: try row.decode(String.self, "kind")) else { return nil }
        return Subscription(kind: kind, recipient: try row.decode(String.self, "recipient_email"), isOff: try row.decode(Bool.self, "is_off"))
    }

    static func isToken(_ token: String) -> Bool {
        token.count == 36 && token.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// The state of delivery, for administrators: counts by status, possible duplicates,
    /// the oldest message waiting, and the latest failures.
    public struct Overview: Sendable, Hashable {
        public let counts: [String: Int]
        /// Messages a sender took over from one that stopped while sending: each may have gone out twice.
        public let reclaimed: Int
        public let oldestQueuedAt: Date?
        public let lastSentAt: Date?
        public let failed: [Message]
        public let latest: [Message]
    }

    public func overview(actor: Principal) async throws -> Overview {
        try OrganizationStore.require(AccessPolicy(actor).may(.sendNotifications))
        return try await database.withConnection { connection in
            let counts = Dictionary(uniqueKeysWithValues: try connection.query("""
                SELECT status, count(*)::int AS n FROM notifications GROUP BY status
                """).rows.map { (try $0.decode(String.self, "status"), try $0.decode(Int.self, "n")) })
            let facts = try connection.query("""
                SELECT (SELECT coalesce(sum(reclaims), 0)::int FROM notifications WHERE reclaims > 0) AS reclaimed,
                       (SELECT min(next_attempt_at) FROM notifications WHERE status = 'queued') AS oldest,
                       (SELECT max(sent_at) FROM notifications WHERE status = 'sent') AS last_sent
                """).first
            let failed = try connection.query("""
                SELECT \(Message.columns) FROM notifications WHERE status = 'failed' ORDER BY created_at DESC LIMIT 50
                """).rows.map(Message.init(row:))
            let latest = try connection.query("""
                SELECT \(Message.columns) FROM notifications ORDER BY created_at DESC, id DESC LIMIT 20
                """).rows.map(Message.init(row:))
            return Overview(counts: counts, reclaimed: try facts?.decode(Int.self, "reclaimed") ?? 0,
                            oldestQueuedAt: try facts?.decode(Date?.self, "oldest"), lastSentAt: try facts?.decode(Date?.self, "last_sent"),
                            failed: failed, latest: latest)
        }
    }

    /// Messages not yet delivered, for the service's metrics (an alert when mail stops).
    public struct Backlog: Sendable, Hashable {
        public let queued: Int
        public let failed: Int
        /// When the oldest queued message was first due to go.
        public let oldestQueuedAt: Date?
    }

    /// Read through the partial indexes of queued and failed messages: cheap at every scrape.
    public func backlog() async throws -> Backlog {
        try await database.withConnection { connection in
            let row = try connection.query("""
                SELECT (SELECT count(*) FROM notifications WHERE status = 'queued')::int AS queued,
                       (SELECT count(*) FROM notifications WHERE status = 'failed')::int AS failed,
                       (SELECT min(next_attempt_at) FROM notifications WHERE status = 'queued') AS oldest
                """).first
            return Backlog(queued: try row?.decode(Int.self, "queued") ?? 0, failed: try row?.decode(Int.self, "failed") ?? 0,
                           oldestQueuedAt: try row?.decode(Date?.self, "oldest"))
        }
    }

    /// The committee's settings of the control loop.
    public struct Settings: Sendable, Hashable {
        public let rule: ReminderRule
        public let escalateAfter: Int
    }

    public func settings() async throws -> Settings {
        try await database.withConnection { connection in
            Settings(rule: try ReminderPass.rule(on: connection), escalateAfter: try ReminderPass.escalateAfter(on: connection))
        }
    }

    /// Changes the days before a deadline schools are reminded, how often overdue work is
    /// chased, and after how many days it is escalated; what is not given stays.
    public func updateSettings(daysBefore: [Int]?, overdueEvery: Int?, escalateAfter: Int?, actor: Principal) async throws -> Settings {
        try OrganizationStore.require(AccessPolicy(actor).may(.sendNotifications))
        if let escalateAfter, !(1...365).contains(escalateAfter) {
            throw UseCaseError.invalid(field: "escalate_after", reason: "escalation comes after 1–365 days of overdue")
        }
        return try await database.transaction { connection in
            let current = try ReminderPass.rule(on: connection)
            let rule: ReminderRule
            do {
                rule = try ReminderRule(daysBefore: daysBefore ?? current.daysBefore, overdueEvery: overdueEvery ?? current.overdueEvery)
            } catch let refusal as ReminderRule.Refusal {
                throw UseCaseError.invalid(field: refusal == .daysBefore ? "days_before" : "overdue_every", reason: refusal.description)
            }
            let escalation = try escalateAfter ?? ReminderPass.escalateAfter(on: connection)
            let values: [(String, String)] = [
                ("reminder_days_before", rule.daysBefore.map(String.init).joined(separator: ",")),
                ("reminder_overdue_every", String(rule.overdueEvery)),
                ("escalate_after_days", String(escalation)),
            ]
            for (key, value) in values {
                try connection.execute("""
                    INSERT INTO settings (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """)
            }
            return Settings(rule: rule, escalateAfter: try ReminderPass.escalateAfter(on: connection))
        }
    }

    /// Puts failed messages back in the queue for another round of attempts.
    @discardableResult
    public func retryFailed(ids: [UUID]? = nil, actor: Principal) async throws -> Int {
        try OrganizationStore.require(AccessPolicy(actor).may(.sendNotifications))
        return try await database.transaction { connection in
            let filter: SQL
            if let ids { filter = "AND id = ANY(\(ids))" } else { filter = "" }
            return try connection.execute("""
                UPDATE notifications SET status = 'queued', attempts = 0, next_attempt_at = now()
                WHERE status = 'failed' \(filter)
                """)
        }
    }
}
