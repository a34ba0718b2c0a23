/// Applies numbered migrations to a database.
///
/// Each pending migration runs in its own transaction and is recorded in
/// `schema_migrations` with a SHA-256 checksum of its text. It refuses to run when an
/// applied file was edited or the database is newer than this build, and it holds an
/// advisory lock so that two processes migrating at once apply each file once.
public struct Migrator: Sendable {
    /// The lock key shared by every roadmapctl (an arbitrary constant: "roadmap" in ASCII).
    static let advisoryLockKey: Int64 = 0x726F_6164_6D61_70

    public let migrations: [Migration]

    public init(migrations: [Migration]) throws {
        try Migration.validate(migrations)
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// What `migrate` did.
    public struct Outcome: Sendable, Equatable {
        /// Names of the migrations applied by this run, in order.
        public var applied: [String]
        /// How many were already applied before this run.
        public var alreadyApplied: Int
    }

    /// The state of a database against this build.
    public struct Status: Sendable, Equatable {
        public var applied: [String]
        public var pending: [String]
        /// True when everything is applied and nothing was edited.
        public var isCurrent: Bool { pending.isEmpty }
    }

    /// Applies every pending migration. Blocking: run it on a pool thread.
    @discardableResult
    public func migrate(on connection: PostgresConnection) throws -> Outcome {
        try connection.execute("SELECT pg_advisory_lock(\(Self.advisoryLockKey))")
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))") }
        try connection.execute(script: """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        let applied = try verifyApplied(on: connection)
        var outcome = Outcome(applied: [], alreadyApplied: applied.count)
        for migration in migrations where !applied.contains(migration.version) {
            do {
                try connection.transaction { tx in
                    try tx.execute(script: migration.sql)
                    try tx.execute("""
                        INSERT INTO schema_migrations (version, name, checksum)
                        VALUES (\(migration.version), \(migration.name), encode(sha256(convert_to(\(migration.sql), 'UTF8')), 'hex'))
                        """)
                }
            } catch let error as PostgresError {
                throw MigrationError.failed(name: migration.name, reason: error.description)
            }
            outcome.applied.append(migration.name)
        }
        return outcome
    }

    /// What is applied and what is pending, after the same checks `migrate` makes.
    public func status(on connection: PostgresConnection) throws -> Status {
        let exists = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
            .first?.decode(Bool.self, "present") ?? false
        guard exists else {
            return Status(applied: [], pending: migrations.map(\.name))
        }
        let applied = try verifyApplied(on: connection)
        return Status(
            applied: migrations.filter { applied.contains($0.version) }.map(\.name),
            pending: migrations.filter { !applied.contains($0.version) }.map(\.name))
    }

    /// Reads the applied versions and checks each against this build's files.
    private func verifyApplied(on connection: PostgresConnection) throws -> Set<Int> {
        let byVersion = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        var versions = Set<Int>()
        for row in try connection.query("SELECT version, name, checksum FROM schema_migrations ORDER BY version").rows {
            let version = try row.decode(Int.self, "version")
            let name = try row.decode(String.self, "name")
            let checksum = try row.decode(String.self, "checksum")
            guard let migration = byVersion[version] else {
                throw MigrationError.unknownApplied(version: version, name: name)
            }
            let fileChecksum = try connection.query(
                "SELECT encode(sha256(convert_to(\(migration.sql), 'UTF8')), 'hex') AS checksum"
            ).first?.decode(String.self, "checksum") ?? ""
            guard fileChecksum == checksum else {
                throw MigrationError.edited(name: migration.name, appliedChecksum: checksum, fileChecksum: fileChecksum)
            }
            versions.insert(version)
        }
        return versions
    }
}
