import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Logins for analysts: PostgreSQL roles in `roadmap_analyst` (created by the migration
/// `0003_analytics.sql`), which may read the `analytics` views and nothing else. Needs a
/// database user that may create roles (CREATEROLE).
public struct AnalystStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public static let groupRole = "roadmap_analyst"

    /// A login just granted: its name, password and a URL that `psql` accepts.
    public struct Grant: Sendable {
        public let name: String
        public let password: String
        public let url: String
    }

    /// Creates the login `name` in `roadmap_analyst`, or gives an existing analyst a new
    /// password; its sessions are read-only by default.
    public func grant(_ name: String, actor: Principal) async throws -> Grant {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageAnalysts))
        try Self.validate(name)
        let password = Self.generatePassword()
        return try await database.transaction { connection in
            try Self.requireGroup(on: connection)
            if let existing = try connection.query("""
                SELECT pg_has_role(oid, \(Self.groupRole), 'MEMBER') AND rolname <> \(Self.groupRole) AS analyst
                FROM pg_roles WHERE rolname = \(name)
                """).first {
                guard try existing.decode(Bool.self, "analyst") else {
                    throw UseCaseError.conflict("A database role «\(name)» exists and is not an analyst; choose another name.")
                }
                try connection.execute(script: "ALTER ROLE \(SQL.quoteIdentifier(name)) WITH LOGIN PASSWORD \(SQL.quoteLiteral(password))")
            } else {
                do {
                    try connection.execute(script: """
                        CREATE ROLE \(SQL.quoteIdentifier(name)) LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT
                            PASSWORD \(SQL.quoteLiteral(password)) IN ROLE \(Self.groupRole)
                        """)
                } catch let error as PostgresError where error.sqlState == SQLState(rawValue: "42501") {
                    throw UseCaseError.forbidden("The database user may not create roles (it needs CREATEROLE): \(error.message)")
                }
            }
            try connection.execute(script: """
                ALTER ROLE \(SQL.quoteIdentifier(name)) SET default_transaction_read_only = on;
                """)
            guard let address = connection.address else {
                throw PostgresError(.unexpected, message: "the connection does not say where it goes")
            }
            return Grant(name: name, password: password, url: Self.url(user: name, password: password, address: address))
        }
    }

    /// Drops the login `name`; refuses roles that are not analysts.
    public func revoke(_ name: String, actor: Principal) async throws {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageAnalysts))
        try Self.validate(name)
        try await database.transaction { connection in
            guard let row = try connection.query("""
                SELECT pg_has_role(oid, \(Self.groupRole), 'MEMBER') AS analyst FROM pg_roles WHERE rolname = \(name)
                """).first else { throw UseCaseError.notFound(entity: "analyst", id: name) }
            guard try row.decode(Bool.self, "analyst") else {
                throw UseCaseError.conflict("The database role «\(name)» is not an analyst; it is left alone.")
            }
            try connection.execute(script: "DROP ROLE \(SQL.quoteIdentifier(name))")
        }
    }

    /// The analysts' logins.
    public func list(scope: Principal) async throws -> [String] {
        try OrganizationStore.require(AccessPolicy(scope).may(.manageAnalysts))
        return try await database.withConnection { connection in
            try connection.query("""
                SELECT rolname FROM pg_roles
                WHERE rolname <> \(Self.groupRole) AND pg_has_role(oid, \(Self.groupRole), 'MEMBER') AND NOT rolsuper
                ORDER BY rolname
                """).rows.map { try $0.decode(String.self, "rolname") }
        }
    }

    static func validate(_ name: String) throws {
        guard name.range(of: #"^[a-z][a-z0-9_]{0,62}$"#, options: .regularExpression) != nil, !name.hasPrefix("pg_"),
              name != groupRole, !["roadmap", "postgres", "public"].contains(name) else {
            throw UseCaseError.invalid(field: "name", reason: "«\(name)» must be 1–63 lower-case Latin letters, digits or _ , start with a letter, and not be a reserved role")
        }
    }

    static func requireGroup(on connection: PostgresConnection) throws {
        guard try connection.query("SELECT 1 FROM pg_roles WHERE rolname = \(groupRole)").first != nil else {
            throw UseCaseError.conflict("The role roadmap_analyst does not exist: the migration could not create it (it needs CREATEROLE). See docs/analytics.md, «If the role is missing».")
        }
    }

    static func generatePassword() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// `postgresql://user:password@host:port/database`, or with `?host=/socket/folder` for
    /// a Unix socket.
    static func url(user: String, password: String, address: (host: String, port: String, database: String)) -> String {
        let database = address.database.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? address.database
        if address.host.hasPrefix("/") {
            let host = address.host.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? address.host
            return "postgresql://\(user):\(password)@/\(database)?host=\(host)&port=\(address.port)"
        }
        let host = address.host.contains(":") ? "[\(address.host)]" : address.host
        return "postgresql://\(user):\(password)@\(host):\(address.port)/\(database)"
    }
}
