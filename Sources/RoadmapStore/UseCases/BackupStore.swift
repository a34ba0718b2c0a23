import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Backups of the whole installation (#18): pg_dump's custom format, evidence files
/// included (they live in the database), written complete or not at all; restored into an
/// empty database only, in one transaction. An administrator's act (`manageBackups`).
public struct BackupStore: Sendable {
    let database: Database
    /// The libpq URL or conninfo of the same database, for pg_dump and pg_restore.
    let conninfo: String

    public init(database: Database, conninfo: String) {
        self.database = database
        self.conninfo = conninfo
    }

    /// Writes a backup to `file` (which must not exist) and records it.
    public func backup(to file: URL, actor: Principal) async throws -> BackupRecord {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageBackups))
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw UseCaseError.conflict("\(file.path) exists; a backup never overwrites a file")
        }
        let started = Date()
        let counts = try await database.withConnection { try Self.counts(on: $0) }
        let dump = PostgresDump(conninfo: conninfo)
        try await Self.offEventLoop { try dump.dump(to: file) }
        let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.int64Value ?? 0
        let finished = try await database.transaction { connection in
            try connection.query("""
                INSERT INTO backups (file, size_bytes, started_at) VALUES (\(file.path), \(size), \(started)) RETURNING finished_at
                """).first?.decode(Date.self, "finished_at")
        }
        return BackupRecord(file: file.path, sizeBytes: size, startedAt: started, finishedAt: finished ?? Date(), counts: counts)
    }

    /// Writes a backup into `directory` under a name with its moment, then deletes all but
    /// the newest `keep` backups there (`BackupRetention`); other files are never touched.
    public func backup(into directory: URL, keep: Int, actor: Principal) async throws -> (backup: BackupRecord, deleted: [String]) {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageBackups))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let record = try await backup(to: directory.appendingPathComponent(BackupRetention.fileName(at: Date())), actor: actor)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let deleted = BackupRetention.toDelete(names, keep: keep)
        for name in deleted {
            try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
        return (record, deleted)
    }

    /// Restores `file` into this database, which must hold no table yet; returns the rows
    /// per table restored.
    public func restore(from file: URL, actor: Principal) async throws -> [String: Int] {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageBackups))
        guard FileManager.default.isReadableFile(atPath: file.path) else {
            throw UseCaseError.invalid(field: "file", reason: "\(file.path) does not exist or cannot be read")
        }
        let tables = try await database.withConnection { connection in
            try connection.query("""
                SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                """).first?.decode(Int.self, "n") ?? 0
        }
        guard tables == 0 else {
            throw UseCaseError.conflict(
                "the database already holds \(tables) tables; restore into an empty database (createdb, or a new --data-dir for the embedded cluster)")
        }
        let dump = PostgresDump(conninfo: conninfo)
        try await Self.offEventLoop { try dump.restore(from: file) }
        return try await database.withConnection { try Self.counts(on: $0) }
    }

    /// Exact rows of every table of `database`, by name.
    public static func countRows(_ database: Database) async throws -> [String: Int] {
        try await database.withConnection { try counts(on: $0) }
    }

    /// Exact rows of every table of the schema, by name: what a restore must give back.
    static func counts(on connection: PostgresConnection) throws -> [String: Int] {
        let tables = try connection.query("""
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            ORDER BY 1
            """).rows.map { try $0.decode(String.self, "name") }
        var counts: [String: Int] = [:]
        for table in tables {
            counts[table] = try connection.query("SELECT count(*)::int AS n FROM \(unescaped: table)").first?.decode(Int.self, "n") ?? 0
        }
        return counts
    }

    /// Runs a blocking call (pg_dump, pg_restore) on a thread of its own.
    static func offEventLoop(_ work: @escaping @Sendable () throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread.detachNewThread {
                do {
                    try work()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
