import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The sender's side of the outbox. A sender claims a few due messages at a time: each is
/// marked `sending` with a lease and its sender's name in one statement that skips rows
/// another sender holds, so any number of senders on one database never take the same
/// message while its lease runs. A message is marked `sent` the moment the SMTP server
/// accepted it. A sender killed in between leaves the message `sending`; when the lease runs
/// out another sender takes it over and counts the takeover (`reclaims`), because the
/// server may already have it: that is the only way a message goes out twice.
public struct OutboxDelivery: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A message claimed for delivery.
    public struct Letter: Sendable, Hashable {
        public let id: UUID
        public let kind: NotificationKind
        public let recipient: String
        public let subject: String
        public let text: String
        public let linkPath: String?
        public let unsubscribeToken: String
        /// This delivery's number: 1 for the first.
        public let attempt: Int
        /// Another sender stopped while delivering it: it may already have been delivered.
        public let reclaimed: Bool
        public let createdAt: Date
    }

    /// Claims up to `limit` messages due now (queued and due, or left `sending` by a sender
    /// whose lease ran out) for `lease`, as `sender`.
    public func claim(limit: Int, lease: Duration, sender: String) async throws -> [Letter] {
        let leaseSeconds = Double(lease.components.seconds) + Double(lease.components.attoseconds) / 1e18
        return try await database.transaction { connection in
            try connection.query("""
                WITH queued AS (
                    SELECT id, status FROM notifications WHERE status = 'queued' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at LIMIT \(limit) FOR UPDATE SKIP LOCKED),
                stale AS (
                    SELECT id, status FROM notifications WHERE status = 'sending' AND lease_until < now()
                    ORDER BY lease_until LIMIT \(limit) FOR UPDATE SKIP LOCKED),
                due AS (SELECT * FROM stale UNION ALL SELECT * FROM queued LIMIT \(limit))
                UPDATE notifications n
                SET reclaims = n.reclaims + CASE WHEN due.status = 'sending' THEN 1 ELSE 0 END,
                    status = 'sending', attempts = n.attempts + 1, claimed_by = \(sender),
                    lease_until = now() + make_interval(secs => \(leaseSeconds))
                FROM due WHERE n.id = due.id
                RETURNING n.id, n.kind, n.recipient_email, n.subject, n.body_text, n.link_path, n.unsubscribe_token,
                          n.attempts, n.created_at, due.status = 'sending' AS reclaimed
                """).rows.map { row in
                guard let kind = NotificationKind(rawValue: try row.decode(String.self, "kind")) else {
                    throw PostgresError(.unexpected, message: "unknown notification kind")
                }
                return Letter(id: try row.decode(UUID.self, "id"), kind: kind, recipient: try row.decode(String.self, "recipient_email"),
                              subject: try row.decode(String.self, "subject"), text: try row.decode(String.self, "body_text"),
                              linkPath: try row.decode(String?.self, "link_path"), unsubscribeToken: try row.decode(String.self, "unsubscribe_token"),
                              attempt: try row.decode(Int.self, "attempts"), reclaimed: try row.decode(Bool.self, "reclaimed"),
                              createdAt: try row.decode(Date.self, "created_at"))
            }
        }
    }

    /// Marks a message delivered. False when this sender no longer held it (its lease ran
    /// out and another sender took it over): the message then counts as a possible duplicate.
    @discardableResult
    public func markSent(_ id: UUID, sender: String) async throws -> Bool {
        try await database.transaction { connection in
            try connection.execute("""
                UPDATE notifications SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL
                WHERE id = \(id) AND status = 'sending' AND claimed_by = \(sender)
                """) == 1
        }
    }

    /// Records a failed delivery: a temporary one is retried after `DeliveryRetry`'s wait, a
    /// permanent one (or the last attempt) leaves the message `failed` for an administrator.
    public func markFailed(_ id: UUID, sender: String, error: String, permanent: Bool, retry: DeliveryRetry = .standard) async throws {
        try await database.transaction { connection in
            guard let attempts = try connection.query("""
                SELECT attempts FROM notifications WHERE id = \(id) AND status = 'sending' AND claimed_by = \(sender) FOR UPDATE
                """).first?.decode(Int.self, "attempts") else { return }
            let message = String(error.prefix(1_000))
            if !permanent, let wait = retry.wait(afterAttempt: attempts) {
                try connection.execute("""
                    UPDATE notifications SET status = 'queued', lease_until = NULL, last_error = \(message),
                        next_attempt_at = now() + make_interval(secs => \(wait))
                    WHERE id = \(id)
                    """)
            } else {
                try connection.execute("""
                    UPDATE notifications SET status = 'failed', lease_until = NULL, last_error = \(message) WHERE id = \(id)
                    """)
            }
        }
    }

    /// Gives back messages claimed but not attempted (a sender stopping cleanly): they go
    /// out with the next claim, not counted as reclaimed.
    public func release(_ ids: [UUID], sender: String) async throws {
        guard !ids.isEmpty else { return }
        _ = try await database.transaction { connection in
            try connection.execute("""
                UPDATE notifications SET status = 'queued', lease_until = NULL, attempts = greatest(attempts - 1, 0)
                WHERE id = ANY(\(ids)) AND status = 'sending' AND claimed_by = \(sender)
                """)
        }
    }
}
