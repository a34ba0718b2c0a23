import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Private calendar feeds of deadlines: a user's (what the user may see) or an organisation's
/// (its own work), each at a secret URL issued once and revocable. Only the secret's SHA-256
/// is stored. A feed holds one all-day event per open assignment on its due day: the latest
/// 2,000 due days.
public struct CalendarFeedStore: Sendable {
    let database: Database
    public let clock: CommitteeClock

    public init(database: Database, clock: CommitteeClock = CommitteeClock()) {
        self.database = database
        self.clock = clock
    }

    /// A feed just issued: its secret is shown this once.
    public struct Issued: Sendable {
        public let id: UUID
        public let secret: String
    }

    /// Issues the acting user's own feed; their earlier feeds stop working.
    public func issueOwn(actor: Principal) async throws -> Issued {
        guard !actor.isInstallation else {
            throw UseCaseError.invalid(field: "user", reason: "the installation has no deadlines of its own; give --organization, or act as a user")
        }
        return try await database.transaction { connection in
            try connection.execute("UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = \(actor.userID) AND revoked_at IS NULL")
            return try Self.insert(user: actor.userID, organization: nil, on: connection)
        }
    }

    /// Issues an organisation's feed (the committee's staff); its earlier feeds stop working.
    public func issue(organizationID: UUID, actor: Principal) async throws -> Issued {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageOrganizations))
        return try await database.transaction { connection in
            guard try connection.query("SELECT 1 FROM organizations WHERE id = \(organizationID)").first != nil else {
                throw UseCaseError.notFound(entity: "organization", id: organizationID.lowercased)
            }
            try connection.execute("UPDATE calendar_feeds SET revoked_at = now() WHERE organization_id = \(organizationID) AND revoked_at IS NULL")
            return try Self.insert(user: nil, organization: organizationID, on: connection)
        }
    }

    /// Revokes the acting user's own feeds.
    public func revokeOwn(actor: Principal) async throws {
        _ = try await database.transaction { connection in
            try connection.execute("UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = \(actor.userID) AND revoked_at IS NULL")
        }
    }

    static func insert(user: UUID?, organization: UUID?, on connection: PostgresConnection) throws -> Issued {
        let secret = TokenSecret.generate()
        guard let id = try connection.query("""
            INSERT INTO calendar_feeds (token_hash, user_id, organization_id) VALUES (digest(\(secret), 'sha256'), \(user), \(organization))
            RETURNING id
            """).first?.decode(UUID.self, "id") else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no row") }
        return Issued(id: id, secret: secret)
    }

    /// The feed a secret opens, or nil (unknown, malformed, revoked, or its user disabled).
    /// `publicURL` makes the events' links absolute.
    public func feed(secret: String, publicURL: String?) async throws -> CalendarFeed? {
        guard TokenSecret.isWellFormed(secret) else { return nil }
        let base = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? ""
        return try await database.transaction { connection in
            guard let owner = try connection.query("""
                UPDATE calendar_feeds f SET last_used_at = now()
                WHERE token_hash = digest(\(secret), 'sha256') AND revoked_at IS NULL
                RETURNING f.user_id, f.organization_id
                """).first else { return nil }
            var scope: SQL
            var name: String
            if let userID = try owner.decode(UUID?.self, "user_id") {
                guard let user = try connection.query("""
                    SELECT u.login, u.role, u.organization_id, u.disabled_at, o.name FROM users u LEFT JOIN organizations o ON o.id = u.organization_id
                    WHERE u.id = \(userID)
                    """).first, try user.decode(Date?.self, "disabled_at") == nil else { return nil }
                let organization = try user.decode(UUID?.self, "organization_id")
                if try user.decode(String.self, "role") == Role.executor.rawValue {
                    guard let organization else { return nil }
                    scope = "s.executor_id = \(organization)"
                    name = "Сроки: \(try user.decode(String?.self, "name") ?? "")"
                } else {
                    scope = "TRUE"
                    name = "Сроки комитета (\(try user.decode(String.self, "login")))"
                }
            } else if let organizationID = try owner.decode(UUID?.self, "organization_id") {
                scope = "s.executor_id = \(organizationID)"
                name = "Сроки: \(try connection.query("SELECT name FROM organizations WHERE id = \(organizationID)").first?.decode(String.self, "name") ?? "")"
            } else {
                return nil
            }
            let rows = try connection.query("""
                SELECT s.id, s.due_on, ac.title, e.name AS school, o.number, o.issued_on
                FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
                LEFT JOIN orders o ON o.id = p.order_id JOIN organizations e ON e.id = s.executor_id
                WHERE \(scope) AND analytics.is_open(s.status) AND s.due_on IS NOT NULL AND \(Withdrawal.planInForce())
                ORDER BY s.due_on DESC, s.id LIMIT 2000
                """).rows
            let events = try rows.map { row in
                let id = try row.decode(UUID.self, "id").lowercased
                let order = try row.decode(String?.self, "number").map { number in
                    "Приказ № \(number) от \((try? row.decode(CalendarDate.self, "issued_on"))?.russian ?? "")" }
                let school = try row.decode(String.self, "school")
                return CalendarFeed.Event(
                    uid: "\(id)@roadmap", dueOn: try row.decode(CalendarDate.self, "due_on"), summary: try row.decode(String.self, "title"),
                    description: [order, "Исполнитель: \(school)"].compactMap { $0 }.joined(separator: "\n"),
                    url: base.isEmpty ? nil : "\(base)/assignments/\(id)")
            }
            return CalendarFeed(name: name, events: events.sorted { ($0.dueOn, $0.uid) < ($1.dueOn, $1.uid) })
        }
    }
}
