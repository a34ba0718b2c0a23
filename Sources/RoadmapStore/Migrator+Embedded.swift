import RoadmapPostgres

extension Migration {
    /// The migrations of `sql/` this build carries, in order: the schema the use cases
    /// are written against.
    public static func embedded() throws -> [Migration] {
        try EmbeddedSQL.migrations.map { try Migration(fileName: $0.name, sql: $0.text) }
    }
}

extension Migrator {
    /// The migrator of the schema this build carries.
    public static func embedded() throws -> Migrator {
        try Migrator(migrations: Migration.embedded())
    }
}
