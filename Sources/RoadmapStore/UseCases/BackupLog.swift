import Foundation
import RoadmapPostgres

/// What the service's metrics tell operators about the database beyond the pool: the last
/// backup `BackupStore` recorded, and how far each standby lags behind.
public struct BackupLog: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A standby streaming from this database, as `pg_stat_replication` shows it (the lag is
    /// nil when the role may not see it: grant it pg_monitor).
    public struct Standby: Sendable, Hashable {
        public let name: String
        public let syncState: String
        public let replayLagSeconds: Double?
    }

    /// The standbys of the database the service writes to; none when it has none.
    public func standbys() async throws -> [Standby] {
        try await database.withConnection { connection in
            try connection.query("""
                SELECT coalesce(application_name, '') AS name, coalesce(sync_state, '') AS sync_state,
                       extract(epoch FROM replay_lag)::float8 AS lag
                FROM pg_stat_replication ORDER BY 1
                """).rows.map { row in
                Standby(name: try row.decode(String.self, "name"), syncState: try row.decode(String.self, "sync_state"),
                        replayLagSeconds: try row.decode(Double?.self, "lag"))
            }
        }
    }

    /// The newest backup recorded, if any.
    public func latest() async throws -> BackupRecord? {
        try await database.withConnection { connection in
            try connection.query("SELECT file, size_bytes, started_at, finished_at FROM backups ORDER BY finished_at DESC LIMIT 1")
                .first.map { row in
                    BackupRecord(file: try row.decode(String.self, "file"), sizeBytes: try row.decode(Int64.self, "size_bytes"),
                                 startedAt: try row.decode(Date.self, "started_at"), finishedAt: try row.decode(Date.self, "finished_at"),
                                 counts: [:])
                }
        }
    }
}
