import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Web sessions: a random cookie token (kept as a SHA-256 hash) and a form token for CSRF,
/// valid for `lifetimeHours`; a disabled user's sessions end at once.
public struct SessionStore: Sendable {
    let database: Database
    public static let lifetimeHours = 12

    public init(database: Database) {
        self.database = database
    }

    /// A session just opened.
    public struct Opened: Sendable {
        public let token: String
        public let csrfToken: String
    }

    /// A live session: who, and the form token its forms must carry.
    public struct Live: Sendable {
        public let principal: Principal
        public let csrfToken: String
    }

    public func open(for principal: Principal) async throws -> Opened {
        let token = TokenSecret.generate()
        let csrf = TokenSecret.generate()
        try await database.transaction { connection in
            try connection.execute("DELETE FROM web_sessions WHERE expires_at < now()")
            try connection.execute("""
                INSERT INTO web_sessions (token_hash, user_id, csrf_token, expires_at)
                VALUES (sha256(convert_to(\(token), 'UTF8')), \(principal.userID), \(csrf), now() + make_interval(hours => \(Self.lifetimeHours)::int))
                """)
        }
        return Opened(token: token, csrfToken: csrf)
    }

    /// How long a sign-in form stays good.
    public static let signInMinutes = 60

    /// Opens a pre-session for the sign-in form: the cookie's token and the form token it
    /// must come back with. Only the cookie's hash is kept.
    public func openSignIn() async throws -> Opened {
        let token = TokenSecret.generate()
        let csrf = TokenSecret.generate()
        try await database.transaction { connection in
            try connection.execute("DELETE FROM web_sign_in_challenges WHERE expires_at < now()")
            try connection.execute("""
                INSERT INTO web_sign_in_challenges (token_hash, csrf_token, expires_at)
                VALUES (sha256(convert_to(\(token), 'UTF8')), \(csrf), now() + make_interval(mins => \(Self.signInMinutes)::int))
                """)
        }
        return Opened(token: token, csrfToken: csrf)
    }

    /// Whether `csrf` is the form token of the live pre-session `token`; the pre-session is
    /// used up either way, so a sign-in form is good for one attempt.
    public func redeemSignIn(token: String, csrf: String) async throws -> Bool {
        guard TokenSecret.isWellFormed(token) else { return false }
        return try await database.withConnection { connection in
            guard let row = try connection.query("""
                DELETE FROM web_sign_in_challenges WHERE token_hash = sha256(convert_to(\(token), 'UTF8'))
                RETURNING csrf_token, expires_at > now() AS live
                """).first else { return false }
            let expected = try row.decode(String.self, "csrf_token")
            return try row.decode(Bool.self, "live") && TokenSecret.same(expected, csrf)
        }
    }

    public func session(token: String) async throws -> Live? {
        guard TokenSecret.isWellFormed(token) else { return nil }
        return try await database.withConnection { connection in
            // Prepared: every page asks it, and planning it each time cost more than running it.
            guard let row = try connection.query(.prepared("""
                SELECT s.csrf_token, u.id, u.login, u.role, u.organization_id
                FROM web_sessions s JOIN users u ON u.id = s.user_id
                WHERE s.token_hash = sha256(convert_to(\(token), 'UTF8')) AND s.expires_at > now() AND u.disabled_at IS NULL
                """)).first, let role = Role(rawValue: try row.decode(String.self, "role")) else { return nil }
            return Live(
                principal: Principal(userID: try row.decode(UUID.self, "id"), login: try row.decode(String.self, "login"), role: role,
                                     organizationID: try row.decode(UUID?.self, "organization_id")),
                csrfToken: try row.decode(String.self, "csrf_token"))
        }
    }

    public func close(token: String) async throws {
        guard TokenSecret.isWellFormed(token) else { return }
        try await database.withConnection { connection in
            _ = try connection.execute("DELETE FROM web_sessions WHERE token_hash = sha256(convert_to(\(token), 'UTF8'))")
        }
    }
}
