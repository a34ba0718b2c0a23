import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Users and their API tokens: adding, disabling, issuing, revoking, and authenticating a
/// bearer token in one round trip.
public struct UserStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    // MARK: Users

    public func addUser(
        login: String, role: Role, organizationID: UUID?, displayName: String? = nil, email: String? = nil, password: String? = nil,
        isHead: Bool = false, actor: Principal
    ) async throws -> UserRecord {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageUsers))
        if let password { try Self.validate(password: password) }
        let email = email?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        if let email, !Self.isEmail(email) {
            throw UseCaseError.invalid(field: "email", reason: "«\(email)» is not an e-mail address")
        }
        guard login.range(of: #"^[A-Za-z0-9._@-]{1,64}$"#, options: .regularExpression) != nil else {
            throw UseCaseError.invalid(field: "login", reason: "use 1–64 Latin letters, digits and . _ @ - (got «\(login)»)")
        }
        let displayName = try TypedText.field(displayName, "display_name")
        if role == .executor, organizationID == nil {
            throw UseCaseError.invalid(field: "organization", reason: "an executor must belong to an organisation")
        }
        if isHead, role != .executor {
            throw UseCaseError.invalid(field: "head", reason: "only a school's executor is its head")
        }
        return try await database.transaction { connection in
            if let organizationID,
               try connection.query("SELECT 1 FROM organizations WHERE id = \(organizationID)").first == nil {
                throw UseCaseError.invalid(field: "organization", reason: "no organisation with id \(organizationID)")
            }
            let inserted = try connection.query("""
                INSERT INTO users (login, display_name, email, role, organization_id, is_head)
                VALUES (\(login), \(displayName), \(email), \(role.rawValue), \(organizationID), \(isHead))
                ON CONFLICT DO NOTHING RETURNING id
                """)
            guard let id = try inserted.first?.decode(UUID.self, "id") else {
                throw UseCaseError.conflict("A user with login «\(login)» already exists.")
            }
            try EventLog.record(connection, actor: actor, entityType: "user", entityID: id, event: "created",
                                data: ["role": role.rawValue])
            if let password {
                try connection.execute("UPDATE users SET password_hash = crypt(\(password), gen_salt('bf', 10)) WHERE id = \(id)")
                try EventLog.record(connection, actor: actor, entityType: "user", entityID: id, event: "password_set")
            }
            return try Self.user(id: id, on: connection)
        }
    }

    /// An address the outbox can send to: one «@», a dot in the domain, no spaces, control
    /// characters or the marks that would break an SMTP command or a header (< > , ; "), at
    /// most 254 characters.
    public static func isEmail(_ text: String) -> Bool {
        text.count <= 254 && text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) })
            && text.range(of: #"^[^@\s<>,;"]+@[^@\s<>,;"]+\.[^@\s<>,;"]+$"#, options: .regularExpression) != nil
    }

    public func listUsers(scope: Principal) async throws -> [UserRecord] {
        try OrganizationStore.require(AccessPolicy(scope).may(.manageUsers))
        return try await database.withConnection { connection in
            try connection.query("""
                SELECT \(UserRecord.columns) FROM users u LEFT JOIN organizations o ON o.id = u.organization_id
                ORDER BY lower(u.login)
                """).rows.map(UserRecord.init(row:))
        }
    }

    /// A user by login: any user to an administrator, only oneself to anybody else.
    public func user(login: String, scope: Principal) async throws -> UserRecord {
        let user = try await user(login: login)
        guard scope.isUser(user.id) || AccessPolicy(scope).may(.manageUsers) == .allowed else {
            throw UseCaseError.notFound(entity: "user", id: login)
        }
        return user
    }

    func user(login: String) async throws -> UserRecord {
        try await database.withConnection { connection in try Self.user(login: login, on: connection) }
    }

    /// Whom a command acts as: the user `login`; or, with no login, the installation's
    /// administrator (recorded by `commandLine`), which only whoever owns the database may
    /// be: the private embedded cluster, or a connection as a PostgreSQL superuser. On a
    /// shared database any other connection must name its user.
    public func actor(login: String?, commandLine: String) async throws -> Principal {
        if let login {
            let user = try await user(login: login)
            guard !user.disabled else { throw UseCaseError.forbidden("User «\(user.login)» is disabled.") }
            return Principal(userID: user.id, login: user.login, role: user.role, organizationID: user.organizationID)
        }
        if database.isPrivate { return .installation(commandLine: commandLine) }
        let superuser = try await database.withConnection { connection in
            try connection.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").first?.decode(Bool.self, "rolsuper") ?? false
        }
        guard superuser else {
            throw UseCaseError.forbidden(
                "This database is shared and the connection is not a superuser: name the user to act as with --as LOGIN.")
        }
        return .installation(commandLine: commandLine)
    }

    /// Disables a user: its tokens and sessions stop working at once; its history stays.
    /// Nobody disables their own account (the last administrator cannot lock everyone out).
    public func disableUser(login: String, actor: Principal) async throws -> UserRecord {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageUsers))
        return try await database.transaction { connection in
            let user = try Self.user(login: login, on: connection)
            guard !actor.isUser(user.id) else { throw UseCaseError.conflict("You cannot disable your own account.") }
            try connection.execute("""
                UPDATE users SET disabled_at = coalesce(disabled_at, now()), version = version + 1, updated_at = now()
                WHERE id = \(user.id)
                """)
            try EventLog.record(connection, actor: actor, entityType: "user", entityID: user.id, event: "disabled")
            return try Self.user(id: user.id, on: connection)
        }
    }

    /// Sets or clears (nil or empty) where a user's messages go: one's own address, or anyone's
    /// for an administrator.
    public func setEmail(login: String, _ email: String?, actor: Principal) async throws -> UserRecord {
        let email = email?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        if let email, !Self.isEmail(email) {
            throw UseCaseError.invalid(field: "email", reason: "«\(email)» is not an e-mail address")
        }
        return try await database.transaction { connection in
            let user = try Self.user(login: login, on: connection)
            guard actor.isUser(user.id) || AccessPolicy(actor).may(.manageUsers) == .allowed else {
                throw UseCaseError.notFound(entity: "user", id: login)
            }
            try connection.execute("""
                UPDATE users SET email = \(email), version = version + 1, updated_at = now() WHERE id = \(user.id)
                """)
            try EventLog.record(connection, actor: actor, entityType: "user", entityID: user.id, event: email == nil ? "email_removed" : "email_set")
            return try Self.user(id: user.id, on: connection)
        }
    }

    /// Makes an executor the head of their organisation (директор, заведующий), whom
    /// long-overdue work is escalated to, or no longer.
    public func setHead(login: String, _ isHead: Bool, actor: Principal) async throws -> UserRecord {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageUsers))
        return try await database.transaction { connection in
            let user = try Self.user(login: login, on: connection)
            guard !isHead || user.role == .executor else {
                throw UseCaseError.invalid(field: "head", reason: "only a school's executor is its head")
            }
            try connection.execute("UPDATE users SET is_head = \(isHead), version = version + 1, updated_at = now() WHERE id = \(user.id)")
            try EventLog.record(connection, actor: actor, entityType: "user", entityID: user.id, event: isHead ? "made_head" : "head_removed")
            return try Self.user(id: user.id, on: connection)
        }
    }

    /// Lifts every sign-in lock of a user (failed sign-ins from any address are forgotten), so
    /// a user locked out by their own mistakes, or a stranger's, signs in again at once.
    public func unlockUser(login: String, actor: Principal) async throws -> UserRecord {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageUsers))
        return try await database.transaction { connection in
            let user = try Self.user(login: login, on: connection)
            let lifted = try connection.execute("DELETE FROM sign_in_failures WHERE user_id = \(user.id)")
            try EventLog.record(connection, actor: actor, entityType: "user", entityID: user.id, event: "unlocked",
                                data: ["addresses": String(lifted)])
            return try Self.user(id: user.id, on: connection)
        }
    }

    /// The password rule: 10 characters or more, at most the 72 bytes bcrypt reads.
    static func validate(password: String) throws(UseCaseError) {
        guard password.count >= 10 else {
            throw .invalid(field: "password", reason: "must be at least 10 characters long")
        }
        guard password.utf8.count <= 72 else {
            throw .invalid(field: "password", reason: "must be at most 72 bytes (bcrypt reads no further)")
        }
    }

    /// Refuses a change to `user`'s account by anybody but the user or an administrator;
    /// another user's account is not found for them, as it is not theirs to know.
    static func requireAccount(_ user: UserRecord, actor: Principal) throws {
        guard AccessPolicy(actor).mayChangeAccount(user.id) == .allowed else {
            throw UseCaseError.notFound(entity: "user", id: user.login)
        }
    }

    static func user(id: UUID, on connection: PostgresConnection) throws -> UserRecord {
        guard let row = try connection.query("""
            SELECT \(UserRecord.columns) FROM users u LEFT JOIN organizations o ON o.id = u.organization_id
            WHERE u.id = \(id)
            """).first else { throw UseCaseError.notFound(entity: "user", id: id.lowercased) }
        return try UserRecord(row: row)
    }

    static func user(login: String, on connection: PostgresConnection) throws -> UserRecord {
        guard let row = try connection.query("""
            SELECT \(UserRecord.columns) FROM users u LEFT JOIN organizations o ON o.id = u.organization_id
            WHERE lower(u.login) = lower(\(login))
            """).first else { throw UseCaseError.notFound(entity: "user", id: login) }
        return try UserRecord(row: row)
    }

    // MARK: Tokens

    /// Issues a token for `login`, valid for `lifetime` seconds (forever when nil).
    /// A user issues their own tokens; an administrator anybody's.
    public func issueToken(login: String, name: String? = nil, lifetime: TimeInterval? = nil, actor: Principal) async throws -> IssuedToken {
        if let lifetime, lifetime <= 0 {
            throw UseCaseError.invalid(field: "expires-in", reason: "must be a positive duration")
        }
        let token = TokenSecret.generate()
        let prefix = String(token.prefix(TokenSecret.prefixLength))
        let seconds = lifetime.map { Int($0) }
        return try await database.transaction { connection in
            let user = try Self.user(login: login, on: connection)
            try Self.requireAccount(user, actor: actor)
            guard !user.disabled else { throw UseCaseError.conflict("User «\(user.login)» is disabled.") }
            let row = try connection.query("""
                WITH t AS (
                    INSERT INTO api_tokens (user_id, token_hash, prefix, name, expires_at)
                    VALUES (\(user.id), sha256(convert_to(\(token), 'UTF8')), \(prefix), \(name),
                            CASE WHEN \(seconds)::integer IS NULL THEN NULL ELSE now() + make_interval(secs => \(seconds)::integer) END)
                    RETURNING *)
                SELECT t.*, \(user.login) AS login FROM t
                """).first
            guard let row else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no row") }
            let record = try TokenRecord(row: row)
            try EventLog.record(connection, actor: actor, entityType: "user", entityID: user.id, event: "token_issued",
                                data: ["token_id": record.id.lowercased, "prefix": prefix])
            return IssuedToken(token: token, record: record)
        }
    }

    /// Revokes a token by its id or its listed prefix; revoking twice is not an error.
    /// A user revokes their own tokens; an administrator anybody's.
    public func revokeToken(_ idOrPrefix: String, actor: Principal) async throws -> TokenRecord {
        try await database.transaction { connection in
            let matches: [PostgresRow]
            if let id = UUID(uuidString: idOrPrefix) {
                matches = try connection.query("SELECT id FROM api_tokens WHERE id = \(id)").rows
            } else {
                matches = try connection.query("SELECT id FROM api_tokens WHERE prefix = \(idOrPrefix)").rows
            }
            guard matches.count == 1, let id = try matches.first?.decode(UUID.self, "id") else {
                if matches.count > 1 {
                    throw UseCaseError.conflict("\(matches.count) tokens start with «\(idOrPrefix)»; name one by its id.")
                }
                throw UseCaseError.notFound(entity: "token", id: idOrPrefix)
            }
            if let owner = try connection.query("SELECT user_id FROM api_tokens WHERE id = \(id)").first?.decode(UUID.self, "user_id") {
                try Self.requireAccount(try Self.user(id: owner, on: connection), actor: actor)
            }
            let row = try connection.query("""
                WITH t AS (UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = \(id) RETURNING *)
                SELECT t.*, u.login FROM t JOIN users u ON u.id = t.user_id
                """).first
            guard let row else { throw UseCaseError.notFound(entity: "token", id: idOrPrefix) }
            let record = try TokenRecord(row: row)
            let userID = try connection.query("SELECT user_id FROM api_tokens WHERE id = \(id)").first?.decode(UUID.self, "user_id")
            if let userID {
                try EventLog.record(connection, actor: actor, entityType: "user", entityID: userID, event: "token_revoked",
                                    data: ["token_id": id.lowercased, "prefix": record.prefix])
            }
            return record
        }
    }

    public func listTokens(login: String? = nil, scope: Principal) async throws -> [TokenRecord] {
        try OrganizationStore.require(AccessPolicy(scope).may(.manageUsers))
        return try await database.withConnection { connection in
            try connection.query("""
                SELECT t.*, u.login FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE \(login)::text IS NULL OR lower(u.login) = lower(\(login))
                ORDER BY t.created_at, t.id
                """).rows.map(TokenRecord.init(row:))
        }
    }

    /// The principal a bearer token stands for, or nil for a token that is malformed,
    /// unknown, expired, revoked, or whose user is disabled. One round trip; `last_used_at`
    /// is refreshed at most every five minutes so reads stay reads.
    public func authenticate(token: String) async throws -> Principal? {
        guard TokenSecret.isWellFormed(token) else { return nil }
        return try await database.withConnection { connection in
            // Prepared: every API request asks it, and planning it each time cost more than running it.
            guard let row = try connection.query(.prepared("""
                WITH t AS (
                    SELECT t.id AS token_id, t.last_used_at, u.id, u.login, u.role, u.organization_id
                    FROM api_tokens t JOIN users u ON u.id = t.user_id
                    WHERE t.token_hash = sha256(convert_to(\(token), 'UTF8')) AND t.revoked_at IS NULL
                      AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.disabled_at IS NULL),
                touched AS (
                    UPDATE api_tokens SET last_used_at = now()
                    WHERE id IN (SELECT token_id FROM t WHERE last_used_at IS NULL OR last_used_at < now() - interval '5 minutes'))
                SELECT id, login, role, organization_id FROM t
                """)).first else { return nil }
            let roleText = try row.decode(String.self, "role")
            guard let role = Role(rawValue: roleText) else { return nil }
            return Principal(
                userID: try row.decode(UUID.self, "id"), login: try row.decode(String.self, "login"),
                role: role, organizationID: try row.decode(UUID?.self, "organization_id"))
        }
    }
}

// MARK: Passwords (for the web pages' sign-in)

extension UserStore {
    /// Failed sign-ins in a row that lock an account, and for how long.
    public static let lockoutThreshold = 5
    public static let lockoutMinutes = 15

    /// The outcome of a sign-in with a password.
    public enum SignIn: Sendable, Equatable {
        case signedIn(Principal)
        /// Wrong login or password: the same answer for both, so logins cannot be probed.
        case refused
        /// Too many failures: try again after this moment.
        case locked(until: Date)
    }

    /// Sets a user's password, hashed by PostgreSQL's pgcrypto with bcrypt (cost 10); the
    /// password itself is never stored or logged. A new password unlocks the account and
    /// signs the user out everywhere.
    public func setPassword(login: String, password: String, actor: Principal) async throws {
        try Self.validate(password: password)
        try await database.transaction { connection in
            let user = try Self.user(login: login, on: connection)
            try Self.requireAccount(user, actor: actor)
            try connection.execute("""
                UPDATE users SET password_hash = crypt(\(password), gen_salt('bf', 10)), version = version + 1, updated_at = now()
                WHERE id = \(user.id)
                """)
            // A new password unlocks the account and ends every session opened with the old one.
            try connection.execute("DELETE FROM sign_in_failures WHERE user_id = \(user.id)")
            try connection.execute("DELETE FROM web_sessions WHERE user_id = \(user.id)")
            try EventLog.record(connection, actor: actor, entityType: "user", entityID: user.id, event: "password_set")
        }
    }

    /// Checks a login and password from a client `address`. Failures are counted per
    /// account and address; after `lockoutThreshold` in a row the account is locked for
    /// `lockoutMinutes` for that address only, so strangers cannot keep a user out.
    public func signIn(login: String, password: String, address: String) async throws -> SignIn {
        let address = String(address.prefix(64)).isEmpty ? "unknown" : String(address.prefix(64))
        return try await database.transaction { connection in
            guard let row = try connection.query("""
                SELECT u.id, u.login, u.role, u.organization_id, f.locked_until, f.locked_until > now() AS locked,
                       u.password_hash IS NOT NULL AND u.password_hash = crypt(\(password), u.password_hash) AS matches
                FROM users u LEFT JOIN sign_in_failures f ON f.user_id = u.id AND f.address = \(address)
                WHERE lower(u.login) = lower(\(login)) AND u.disabled_at IS NULL FOR UPDATE OF u
                """).first else {
                // An unknown login costs one bcrypt of the same cost too, so the answer takes as
                // long whether or not the user exists.
                _ = try connection.query("SELECT crypt(\(password), gen_salt('bf', 10)) AS decoy")
                return .refused
            }
            let id = try row.decode(UUID.self, "id")
            if try row.decode(Bool?.self, "locked") == true, let until = try row.decode(Date?.self, "locked_until") {
                return .locked(until: until)
            }
            guard try row.decode(Bool.self, "matches") else {
                let locked = try connection.query("""
                    INSERT INTO sign_in_failures AS f (user_id, address, failures) VALUES (\(id), \(address), 1)
                    ON CONFLICT (user_id, address) DO UPDATE SET
                        failures = CASE WHEN f.locked_until IS NOT NULL THEN 1 ELSE f.failures + 1 END,
                        locked_until = CASE WHEN f.locked_until IS NULL AND f.failures + 1 >= \(Self.lockoutThreshold)
                                            THEN now() + make_interval(mins => \(Self.lockoutMinutes)::int) END,
                        updated_at = now()
                    RETURNING f.locked_until
                    """).first?.decode(Date?.self, "locked_until")
                if let locked {
                    try EventLog.record(connection, actor: nil, entityType: "user", entityID: id, event: "locked",
                                        reason: "\(Self.lockoutThreshold) failed sign-ins from \(address)")
                    return .locked(until: locked)
                }
                return .refused
            }
            try connection.execute("DELETE FROM sign_in_failures WHERE user_id = \(id) AND address = \(address)")
            guard let role = Role(rawValue: try row.decode(String.self, "role")) else { return .refused }
            return .signedIn(Principal(userID: id, login: try row.decode(String.self, "login"), role: role,
                                       organizationID: try row.decode(UUID?.self, "organization_id")))
        }
    }
}

extension String {
    /// nil for an empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
