import Foundation
import RoadmapPostgres
import RoadmapTestSupport
import Testing

@Suite("Prepared queries")
struct PreparedStatementTests {
    /// The connection's prepared statements, by their text.
    static func prepared(_ connection: PostgresConnection) throws -> [String] {
        try connection.query("SELECT statement FROM pg_prepared_statements ORDER BY prepare_time").rows
            .map { try $0.decode(String.self, "statement") }
    }

    @Test func aQueryIsPreparedOnceAndRunByNameWithEachCallsValues() async throws {
        try await TestDatabase.withDatabase(migrated: false, maximumConnections: 1) { (lease) async throws in
            try await lease.pool.withConnection { (connection) throws in
                for n in 1...3 {
                    let query: SQL = "SELECT \(n)::int * 2 AS twice"
                    let got = try connection.query(query.prepared()).first?.decode(Int.self, "twice")
                    #expect(got == n * 2)
                }
                let statements = try Self.prepared(connection)
                #expect(statements.filter { $0.contains("AS twice") }.count == 1)
                // A statement not marked runs unnamed, as every statement did.
                #expect(try connection.query("SELECT \(3)::int AS three").first?.decode(Int.self, "three") == 3)
                #expect(try Self.prepared(connection).contains { $0.contains("AS three") } == false)
            }
        }
    }

    @Test func aTableChangedUnderALiveConnectionIsReadAsItIsNow() async throws {
        try await TestDatabase.withDatabase(migrated: false, maximumConnections: 1) { (lease) async throws in
            try await lease.pool.withConnection { (connection) throws in
                try connection.execute("CREATE TABLE notes (id int PRIMARY KEY, body text)")
                try connection.execute("INSERT INTO notes VALUES (\(1), \("one"))")
                let query = ("SELECT * FROM notes WHERE id = \(1)" as SQL).prepared()
                #expect(try connection.query(query).first?.decode(String.self, "body") == "one")
                // A column more: the plan of «*» cannot give the same columns; prepared again.
                try connection.execute("ALTER TABLE notes ADD COLUMN author text DEFAULT 'Петрова'")
                let row = try #require(try connection.query(query).first)
                #expect(try row.decode(String.self, "author") == "Петрова")
                // Every statement dropped by somebody else: prepared again.
                try connection.execute(script: "DEALLOCATE ALL")
                #expect(try connection.query(query).first?.decode(String.self, "body") == "one")
            }
        }
    }

    @Test func aTableChangedInsideATransactionFailsItWithTheRealReason() async throws {
        try await TestDatabase.withDatabase(migrated: false, maximumConnections: 1) { (lease) async throws in
            try await lease.pool.withConnection { (connection) throws in
                try connection.execute("CREATE TABLE notes (id int PRIMARY KEY, body text)")
                let query = ("SELECT * FROM notes" as SQL).prepared()
                _ = try connection.query(query)
                try connection.execute(script: "BEGIN")
                try connection.execute("ALTER TABLE notes ADD COLUMN author text")
                // The transaction cannot go on; the error says why, not «transaction aborted».
                let error = #expect(throws: PostgresError.self) { try connection.query(query) }
                #expect(error?.sqlState != .inFailedSQLTransaction)
                #expect(error?.message.contains("cached plan") == true)
                try connection.execute(script: "ROLLBACK")
                #expect(try connection.query(query).rows.isEmpty)
            }
        }
    }

    @Test func aStatementPreparedInATransactionRolledBackStillRuns() async throws {
        try await TestDatabase.withDatabase(migrated: false, maximumConnections: 1) { (lease) async throws in
            try await lease.pool.withConnection { (connection) throws in
                try connection.execute(script: "BEGIN")
                #expect(try connection.query(("SELECT \(7)::int AS seven" as SQL).prepared()).first?.decode(Int.self, "seven") == 7)
                try connection.execute(script: "ROLLBACK")
                #expect(try connection.query(("SELECT \(7)::int AS seven" as SQL).prepared()).first?.decode(Int.self, "seven") == 7)
                // A query refused in a failed transaction is refused as before, and runs after it.
                try connection.execute(script: "BEGIN")
                #expect(throws: PostgresError.self) { try connection.query(("SELECT 1 / \(0)::int AS nothing" as SQL).prepared()) }
                let aborted = #expect(throws: PostgresError.self) { try connection.query(("SELECT \(7)::int AS seven" as SQL).prepared()) }
                #expect(aborted?.sqlState == .inFailedSQLTransaction)
                try connection.execute(script: "ROLLBACK")
                #expect(try connection.query(("SELECT \(8)::int AS seven" as SQL).prepared()).first?.decode(Int.self, "seven") == 8)
            }
        }
    }
}
