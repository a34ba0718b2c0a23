/// One numbered SQL file (`0001_schema.sql`).
public struct Migration: Sendable, Hashable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Reads the version from a file name `NNNN_description.sql`.
    public init(fileName: String, sql: String) throws {
        let digits = fileName.prefix(while: \.isNumber)
        guard !digits.isEmpty, let version = Int(digits), version > 0,
              fileName.dropFirst(digits.count).first == "_", fileName.hasSuffix(".sql")
        else {
            throw MigrationError.badFileName(fileName)
        }
        self.init(version: version, name: fileName, sql: sql)
    }

    /// Refuses two files with one version.
    static func validate(_ migrations: [Migration]) throws {
        var seen: [Int: String] = [:]
        for migration in migrations {
            if let other = seen[migration.version] {
                throw MigrationError.duplicateVersion(migration.version, other, migration.name)
            }
            seen[migration.version] = migration.name
        }
    }
}

/// Why migrating refused to run or failed.
public enum MigrationError: Error, Equatable, CustomStringConvertible {
    case badFileName(String)
    case duplicateVersion(Int, String, String)
    /// An applied migration's file changed since it was applied.
    case edited(name: String, appliedChecksum: String, fileChecksum: String)
    /// The database has a migration this build does not know (it is newer than this build).
    case unknownApplied(version: Int, name: String)
    /// A migration failed; it was rolled back.
    case failed(name: String, reason: String)

    public var description: String {
        switch self {
        case .badFileName(let name):
            return "migration file «\(name)» is not named NNNN_description.sql"
        case .duplicateVersion(let version, let first, let second):
            return "migrations «\(first)» and «\(second)» share version \(version)"
        case .edited(let name, let applied, let file):
            return "migration \(name) was edited after it was applied (applied checksum \(applied.prefix(12)), file checksum \(file.prefix(12))); write a new migration instead of changing an applied one"
        case .unknownApplied(let version, let name):
            return "the database has migration \(version) («\(name)») that this build does not carry: it was migrated by a newer roadmapctl"
        case .failed(let name, let reason):
            return "migration \(name) failed and was rolled back: \(reason)"
        }
    }
}
