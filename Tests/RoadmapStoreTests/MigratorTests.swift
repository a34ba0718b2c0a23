import Foundation
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

@Suite("Migrations")
struct MigratorTests {
    @Test func appliesEverythingOnceAndNothingTheSecondTime() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            let migrator = try Migrator.embedded()
            #expect(!migrator.migrations.isEmpty)
            try await lease.pool.withConnection { (connection) throws in
                #expect(try migrator.status(on: connection).pending.count == migrator.migrations.count)
                let first = try migrator.migrate(on: connection)
                #expect(first.applied == migrator.migrations.map(\.name))
                #expect(first.alreadyApplied == 0)
                let tables = try connection.query("SELECT count(*) AS c FROM information_schema.tables WHERE table_schema = 'public'").first?.decode(Int.self, "c") ?? 0
                let second = try migrator.migrate(on: connection)
                #expect(second.applied.isEmpty)
                #expect(second.alreadyApplied == migrator.migrations.count)
                #expect(try connection.query("SELECT count(*) AS c FROM information_schema.tables WHERE table_schema = 'public'").first?.decode(Int.self, "c") == tables)
                #expect(try migrator.status(on: connection).isCurrent)
            }
        }
    }

    @Test func refusesAnEditedMigration() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            let original = try Migrator(migrations: [
                Migration(version: 1, name: "0001_a.sql", sql: "CREATE TABLE a (id int)"),
            ])
            let edited = try Migrator(migrations: [
                Migration(version: 1, name: "0001_a.sql", sql: "CREATE TABLE a (id bigint)"),
                Migration(version: 2, name: "0002_b.sql", sql: "CREATE TABLE b (id int)"),
            ])
            try await lease.pool.withConnection { (connection) throws in
                try original.migrate(on: connection)
                let error = #expect(throws: MigrationError.self) { try edited.migrate(on: connection) }
                guard case .edited(let name, _, _) = error else {
                    Issue.record("expected an edited-migration error, got \(String(describing: error))")
                    return
                }
                #expect(name == "0001_a.sql")
                // Nothing of the second migration was applied.
                #expect(try connection.query("SELECT to_regclass('b') IS NULL AS missing").first?.decode(Bool.self, "missing") == true)
                #expect(throws: MigrationError.self) { try edited.status(on: connection) }
            }
        }
    }

    @Test func refusesADatabaseNewerThanTheBuild() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            let newer = try Migrator(migrations: [
                Migration(version: 1, name: "0001_a.sql", sql: "SELECT 1"),
                Migration(version: 2, name: "0002_b.sql", sql: "SELECT 2"),
            ])
            let older = try Migrator(migrations: [Migration(version: 1, name: "0001_a.sql", sql: "SELECT 1")])
            try await lease.pool.withConnection { (connection) throws in
                try newer.migrate(on: connection)
                #expect(throws: MigrationError.unknownApplied(version: 2, name: "0002_b.sql")) { try older.migrate(on: connection) }
            }
        }
    }

    @Test func aFailingMigrationIsRolledBackWhole() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            let migrator = try Migrator(migrations: [
                Migration(version: 1, name: "0001_ok.sql", sql: "CREATE TABLE ok (id int)"),
                Migration(version: 2, name: "0002_bad.sql", sql: "CREATE TABLE half (id int); SELECT * FROM missing_table;"),
            ])
            try await lease.pool.withConnection { (connection) throws in
                let error = #expect(throws: MigrationError.self) { try migrator.migrate(on: connection) }
                #expect(error?.description.contains("0002_bad.sql") == true)
                #expect(error?.description.contains("missing_table") == true)
                #expect(try connection.query("SELECT to_regclass('ok') IS NOT NULL AS present").first?.decode(Bool.self, "present") == true)
                #expect(try connection.query("SELECT to_regclass('half') IS NULL AS missing").first?.decode(Bool.self, "missing") == true)
                #expect(try migrator.status(on: connection).pending == ["0002_bad.sql"])
            }
        }
    }

    @Test func twoProcessesMigratingAtOnceApplyEachFileOnce() async throws {
        try await TestDatabase.withDatabase(migrated: false, maximumConnections: 4) { (lease) async throws in
            let migrator = try Migrator.embedded()
            let outcomes = try await withThrowingTaskGroup(of: Migrator.Outcome.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await lease.pool.withConnection { try migrator.migrate(on: $0) } }
                }
                var all: [Migrator.Outcome] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            let appliedCount = outcomes.map(\.applied.count).reduce(0, +)
            #expect(appliedCount == migrator.migrations.count)
            let rows = try await lease.pool.withConnection { try $0.query("SELECT count(*) AS c FROM schema_migrations").first?.decode(Int.self, "c") }
            #expect(rows == migrator.migrations.count)
        }
    }

    @Test func badFileNamesAndDuplicateVersionsAreRefused() throws {
        #expect(throws: MigrationError.badFileName("schema.sql")) { try Migration(fileName: "schema.sql", sql: "") }
        #expect(throws: MigrationError.badFileName("0001schema.sql")) { try Migration(fileName: "0001schema.sql", sql: "") }
        #expect(throws: MigrationError.self) {
            try Migrator(migrations: [Migration(version: 1, name: "0001_a.sql", sql: ""), Migration(version: 1, name: "0001_b.sql", sql: "")])
        }
        let embedded = try Migration.embedded()
        #expect(embedded.first?.name == "0001_schema.sql")
    }
}
