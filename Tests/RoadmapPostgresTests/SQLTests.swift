import Foundation
import RoadmapPostgres
import RoadmapStore
import Testing

@Suite("SQL values")
struct SQLTests {
    @Test func interpolationBindsValuesAsParameters() {
        let number = "770"
        let year = 2018
        let sql: SQL = "SELECT * FROM orders WHERE number = \(number) AND extract(year FROM issued_on) = \(year)"
        let (text, bindings) = sql.rendered()
        #expect(text == "SELECT * FROM orders WHERE number = $1 AND extract(year FROM issued_on) = $2")
        #expect(bindings.map(\.text) == ["770", "2018"])
        #expect(bindings.map(\.type) == [.unspecified, .int8])
    }

    @Test func hostileTextNeverReachesTheStatement() {
        let name = "x'; DROP TABLE orders; --"
        let sql: SQL = "SELECT \(name)"
        #expect(sql.rendered().text == "SELECT $1")
        #expect(sql.rendered().bindings.first?.text == name)
    }

    @Test func fragmentsAreRenumbered() {
        let first: SQL = "a = \(1)"
        let second: SQL = "b = \(2)"
        let joined = SQL.joined([first, second], separator: " AND ")
        let sql: SQL = "SELECT 1 WHERE \(joined) AND c = \(3)"
        #expect(sql.rendered().text == "SELECT 1 WHERE a = $1 AND b = $2 AND c = $3")
        #expect(sql.rendered().bindings.compactMap(\.text) == ["1", "2", "3"])
    }

    @Test func optionalNilBindsNull() {
        let missing: String? = nil
        let sql: SQL = "SELECT \(missing)"
        #expect(sql.rendered().bindings.first?.text == nil)
    }

    @Test func identifiersAndLiteralsAreQuoted() {
        #expect(SQL.quoteIdentifier("a\"b") == "\"a\"\"b\"")
        #expect(SQL.quoteLiteral("it's") == "'it''s'")
        let sql: SQL = "SELECT * FROM \(identifier: "my table")"
        #expect(sql.rendered().text == "SELECT * FROM \"my table\"")
    }

    @Test func passwordsAreRedacted() {
        #expect(PostgresConfiguration("postgresql://app:s3cret@db/roadmap").redacted == "postgresql://app:***@db/roadmap")
        #expect(PostgresConfiguration("host=db password=s3cret dbname=roadmap").redacted == "host=db password=*** dbname=roadmap")
        #expect(!PostgresConfiguration("postgresql://db/roadmap?password=s3cret&x=1").redacted.contains("s3cret"))
    }
}
