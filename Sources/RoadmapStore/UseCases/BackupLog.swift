import Foundation
import RoadmapPostgres

/// The backups `BackupStore` recorded, for the service's metric of the last one's age.
public struct BackupLog: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
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
