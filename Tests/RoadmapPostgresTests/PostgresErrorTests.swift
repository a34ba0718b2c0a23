import Foundation
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

@Suite("Errors, transactions and COPY")
struct PostgresErrorTests {
    func insertCommittee(_ connection: PostgresConnection, name: String = "Комитет образования") throws -> UUID {
        let row = try #require(try connection.query("""
            INSERT INTO organizations (name, kind, normalized_name) VALUES (\(name), 'committee', lower(\(name))) RETURNING id
            """).first)
        return try row.decode(UUID.self, "id")
    }

    @Test func uniqueViolationCarriesSQLStateAndConstraint() async throws {
        try await TestDatabase.withDatabase { lease in
            try await lease.pool.withConnection { (connection) throws in
                let committee = try insertCommittee(connection)
                let day = "2018-06-25"
                try connection.execute("INSERT INTO orders (issuer_id, number, issued_on) VALUES (\(committee), '770', \(day)::date)")
                let error = #expect(throws: PostgresError.self) {
                    try connection.execute("INSERT INTO orders (issuer_id, number, issued_on) VALUES (\(committee), '770', \(day)::date)")
                }
                #expect(error?.sqlState == .uniqueViolation)
                #expect(error?.constraint == "orders_issuer_number_date_key")
                #expect(error?.table == "orders")
                #expect(error?.detail?.contains("770") == true)
                // The description is safe to show: no statement text.
                #expect(error?.description.contains("INSERT") == false)
                #expect(error?.debugDescription.contains("INSERT") == true)
            }
        }
    }

    @Test func foreignKeyAndCheckViolations() async throws {
        try await TestDatabase.withDatabase { lease in
            try await lease.pool.withConnection { (connection) throws in
                let fk = #expect(throws: PostgresError.self) {
                    try connection.execute("INSERT INTO orders (issuer_id, number, issued_on) VALUES (\(UUID()), '1', '2020-01-01')")
                }
                #expect(fk?.sqlState == .foreignKeyViolation)
                #expect(fk?.constraint == "orders_issuer_id_fkey")

                let kind = #expect(throws: PostgresError.self) {
                    try connection.execute("INSERT INTO organizations (name, kind, normalized_name) VALUES ('X', 'bank', 'x')")
                }
                #expect(kind?.sqlState == .checkViolation)
                #expect(kind?.constraint == "organizations_kind_check")

                let syntax = #expect(throws: PostgresError.self) { try connection.execute("SELEC 1") }
                #expect(syntax?.sqlState == .syntaxError)
                #expect(syntax?.kind == .server)
                // The connection is still usable after a refused statement.
                #expect(try connection.query("SELECT 1 AS one").first?.decode(Int.self, "one") == 1)
            }
        }
    }

    @Test func transactionCommitsOnReturnAndRollsBackOnError() async throws {
        struct Refused: Error {}
        try await TestDatabase.withDatabase { lease in
            let committed = try await lease.pool.transaction { tx in
                try insertCommittee(tx, name: "Kept")
            }
            await #expect(throws: Refused.self) {
                try await lease.pool.transaction { tx in
                    _ = try insertCommittee(tx, name: "Rolled back")
                    throw Refused()
                }
            }
            // A statement that fails and whose error the body swallows still rolls back.
            await #expect(throws: PostgresError.self) {
                try await lease.pool.transaction { tx in
                    _ = try insertCommittee(tx, name: "Swallowed")
                    _ = try? tx.execute("INSERT INTO organizations (name, kind, normalized_name) VALUES ('X', 'bank', 'x')")
                }
            }
            let names = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT id, name FROM organizations ORDER BY name").rows.map { try $0.decode(String.self, "name") }
            }
            #expect(names == ["Kept"])
            let ids = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT id FROM organizations").rows.map { try $0.decode(UUID.self, "id") }
            }
            #expect(ids == [committed])
        }
    }

    @Test func copyLoadsRowsInBulk() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            try await lease.pool.withConnection { (connection) throws in
                try connection.execute(script: "CREATE TABLE t (n bigint NOT NULL, label text, day date)")
                let rows = (1...10_000).lazy.map { n -> [PostgresBinding] in
                    [PostgresBinding(n), PostgresBinding(text: n % 7 == 0 ? nil : n % 2 == 0 ? "строка \(n)" : "строка\t\(n)\n\\", type: .text),
                     PostgresBinding(text: "2019-03-01", type: .date)]
                }
                #expect(try connection.copy("COPY t (n, label, day) FROM STDIN", rows: rows) == 10_000)
                let row = try #require(try connection.query("SELECT count(*) AS c, count(label) AS l, sum(n) AS s FROM t").first)
                #expect(try row.decode(Int.self, "c") == 10_000)
                #expect(try row.decode(Int.self, "l") == 10_000 - 10_000 / 7)
                #expect(try row.decode(Int.self, "s") == 50_005_000)
                let label = try connection.query("SELECT label FROM t WHERE n = 1").first?.decode(String.self, "label")
                #expect(label == "строка\t1\n\\")
                let plain = try connection.query("SELECT label FROM t WHERE n = 2").first?.decode(String.self, "label")
                #expect(plain == "строка 2", "a value with nothing to escape goes as it is")
            }
        }
    }

    @Test func copyWithABadRowLoadsNothing() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            try await lease.pool.withConnection { (connection) throws in
                try connection.execute(script: "CREATE TABLE t (n bigint NOT NULL)")
                let rows: [[PostgresBinding]] = [[PostgresBinding(1)], [PostgresBinding(text: "not a number", type: .int8)], [PostgresBinding(3)]]
                let error = #expect(throws: PostgresError.self) { try connection.copy("COPY t (n) FROM STDIN", rows: rows) }
                #expect(error?.sqlState == .invalidTextRepresentation)
                #expect(try connection.query("SELECT count(*) AS c FROM t").first?.decode(Int.self, "c") == 0)
                let nul: [[PostgresBinding]] = [[PostgresBinding(text: "1\u{0}", type: .int8)]]
                #expect(throws: PostgresError.self) { try connection.copy("COPY t (n) FROM STDIN", rows: nul) }
                #expect(try connection.query("SELECT count(*) AS c FROM t").first?.decode(Int.self, "c") == 0)
            }
        }
    }
}

