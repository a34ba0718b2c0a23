import Foundation

/// One backup taken: where its file is, how big, when, and the rows of each table it holds.
public struct BackupRecord: Sendable, Hashable {
    public let file: String
    public let sizeBytes: Int64
    public let startedAt: Date
    public let finishedAt: Date
    /// Rows per table of the database at the time, by table name (empty when read back
    /// from the list of backups).
    public let counts: [String: Int]
}
