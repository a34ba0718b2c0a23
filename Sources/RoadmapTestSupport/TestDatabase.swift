import Foundation
import Logging
import NIOConcurrencyHelpers
import RoadmapPostgres
import RoadmapStore

/// Gives each database test a real PostgreSQL database of its own.
///
/// With `DATABASE_URL` set, databases are created on that server (the role needs
/// CREATEDB). Otherwise a throwaway cluster is started once per test process in a
/// temporary folder and removed when the process exits. Each test gets a fresh database
/// cloned from a migrated template, so tests never see each other's rows.
public enum TestDatabase {
    /// A database for one test, dropped by `drop()`.
    public struct Lease: Sendable {
        public let name: String
        public let configuration: PostgresConfiguration
        /// The driver's pool, for tests that read or arrange rows with SQL.
        public let pool: PostgresPool
        /// The same connections as the use cases take them.
        public var database: Database { Database(pool: pool) }

        /// A libpq URL or conninfo string for this database, for tools run as separate
        /// processes (`roadmapctl --database-url …`, `psql`).
        public var connectionString: String {
            let base = configuration.connectionString
            if base.contains("://"), var components = URLComponents(string: base) {
                components.path = "/" + name
                return components.string ?? base
            }
            return base + " dbname=" + name
        }

        /// Closes the pool and drops the database.
        public func drop() async {
            await pool.close()
            try? TestDatabase.server().dropDatabase(name)
        }
    }

    /// Runs `body` with a fresh, migrated database and drops it afterwards.
    public static func withDatabase<T>(
        migrated: Bool = true,
        maximumConnections: Int = 4,
        _ body: (Lease) async throws -> T
    ) async throws -> T {
        let lease = try await database(migrated: migrated, maximumConnections: maximumConnections)
        do {
            let value = try await body(lease)
            await lease.drop()
            return value
        } catch {
            await lease.drop()
            throw error
        }
    }

    /// A fresh database: a copy of the migrated template, or empty when `migrated` is false.
    public static func database(migrated: Bool = true, maximumConnections: Int = 4) async throws -> Lease {
        let server = try server()
        let name = "test_" + UUID().lowercased.replacingOccurrences(of: "-", with: "")
        try server.createDatabase(name, template: migrated ? try server.migratedTemplate() : "template0")
        let configuration = server.configuration.database(name)
        let pool = PostgresPool(configuration: configuration, maximumConnections: maximumConnections, logger: Logger(label: "test"))
        return Lease(name: name, configuration: configuration, pool: pool)
    }

    /// The server the tests use (started on first use).
    public static func server() throws -> TestServer {
        try TestServer.shared.withLockedValue { shared in
            if let server = shared { return server }
            let server = try TestServer.start()
            shared = server
            return server
        }
    }

    /// The embedded cluster, when the tests run one (nil with DATABASE_URL).
    public static var cluster: EmbeddedCluster? {
        (try? server())?.cluster
    }
}

/// The PostgreSQL server of a test process.
public final class TestServer: Sendable {
    static let shared = NIOLockedValueBox<TestServer?>(nil)

    /// Connection to the server's maintenance database.
    public let configuration: PostgresConfiguration
    public let cluster: EmbeddedCluster?
    private let template = NIOLockedValueBox<String?>(nil)

    init(configuration: PostgresConfiguration, cluster: EmbeddedCluster?) {
        self.configuration = configuration
        self.cluster = cluster
    }

    static func start() throws -> TestServer {
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
            return TestServer(configuration: PostgresConfiguration(url), cluster: nil)
        }
        // A short path: the socket path must stay under 108 bytes.
        let directory = URL(fileURLWithPath: "/tmp/roadmap-test-\(getpid())-\(UUID().uuidString.prefix(8))")
        let cluster = EmbeddedCluster(directory: directory, databaseName: "postgres", forTesting: true)
        try cluster.start()
        TestServer.clusterToDestroy.withLockedValue { $0 = cluster }
        atexit {
            TestServer.clusterToDestroy.withLockedValue { $0?.destroy() }
        }
        return TestServer(configuration: cluster.configuration, cluster: cluster)
    }

    static let clusterToDestroy = NIOLockedValueBox<EmbeddedCluster?>(nil)

    /// The name of a database migrated once per process, the template of every test database.
    public func migratedTemplate() throws -> String {
        try template.withLockedValue { template in
            if let name = template { return name }
            let name = "roadmap_template_\(getpid())"
            try dropDatabase(name)
            try createDatabase(name, template: "template0")
            let connection = try PostgresConnection(configuration: configuration.database(name))
            defer { connection.close() }
            try Migrator.embedded().migrate(on: connection)
            template = name
            return name
        }
    }

    public func createDatabase(_ name: String, template: String) throws {
        let admin = try PostgresConnection(configuration: configuration)
        defer { admin.close() }
        try admin.execute(script: "CREATE DATABASE \(SQL.quoteIdentifier(name)) TEMPLATE \(SQL.quoteIdentifier(template))")
    }

    public func dropDatabase(_ name: String) throws {
        let admin = try PostgresConnection(configuration: configuration)
        defer { admin.close() }
        // WITH (FORCE) is PostgreSQL 13+; end stray sessions by hand to stay 12-compatible.
        try admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(name) AND pid <> pg_backend_pid()")
        try admin.execute(script: "DROP DATABASE IF EXISTS \(SQL.quoteIdentifier(name))")
    }
}
