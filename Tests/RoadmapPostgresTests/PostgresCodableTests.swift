import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

@Suite("Typed values against a real PostgreSQL")
struct PostgresCodableTests {
    /// Sends a value as a parameter, casts it on the server and reads it back.
    func roundTrip<T: PostgresCodable & Equatable>(_ value: T, as type: String, in lease: TestDatabase.Lease) async throws -> T {
        try await lease.pool.withConnection { (connection) throws in
            let row = try #require(try connection.query("SELECT \(value)::\(unescaped: type) AS value").first)
            return try row.decode(T.self, "value")
        }
    }

    @Test func uuidsAreWrittenInLowerCaseHex() {
        for _ in 0..<1000 {
            let id = UUID()
            #expect(id.postgresText == id.uuidString.lowercased())
        }
        let fixed = UUID(uuid: (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xAB, 0xCD, 0xEF, 0x10, 0xFE, 0xFF))
        #expect(fixed.postgresText == "00010203-0405-0607-0809-abcdef10feff")
    }

    @Test func uuidsAreReadFromHexInEitherCaseAndNothingElse() {
        for _ in 0..<1000 {
            let id = UUID()
            #expect(UUID(postgresHex: id.postgresText) == id)
            #expect(UUID(postgresHex: id.uuidString) == id)
        }
        let fixed = UUID(uuid: (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xAB, 0xCD, 0xEF, 0x10, 0xFE, 0xFF))
        #expect(UUID(postgresHex: "00010203-0405-0607-0809-ABCDEF10feff") == fixed)
        for bad in ["", "00010203-0405-0607-0809-abcdef10fef", "00010203-0405-0607-0809-abcdef10feff0",
                    "0001020304050607-0809-abcdef10feff-", "00010203-0405-0607-0809-abcdef10fefg",
                    "00010203+0405-0607-0809-abcdef10feff", "00010203-0405-0607-0809-abcdef10feяя"] {
            #expect(UUID(postgresHex: bad) == nil, "\(bad)")
        }
    }

    @Test func scalarsRoundTrip() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            #expect(try await roundTrip("Приказ № 770 «Об утверждении»", as: "text", in: lease) == "Приказ № 770 «Об утверждении»")
            #expect(try await roundTrip("", as: "text", in: lease) == "")
            #expect(try await roundTrip(Int.max, as: "bigint", in: lease) == Int.max)
            #expect(try await roundTrip(Int.min, as: "bigint", in: lease) == Int.min)
            #expect(try await roundTrip(Int32(-42), as: "integer", in: lease) == -42)
            #expect(try await roundTrip(Int16(7), as: "smallint", in: lease) == 7)
            #expect(try await roundTrip(true, as: "boolean", in: lease) == true)
            #expect(try await roundTrip(false, as: "boolean", in: lease) == false)
            #expect(try await roundTrip(0.1, as: "double precision", in: lease) == 0.1)
            #expect(try await roundTrip(Decimal(string: "12345678901234567890.123456789")!, as: "numeric", in: lease)
                == Decimal(string: "12345678901234567890.123456789")!)
            let id = UUID()
            #expect(try await roundTrip(id, as: "uuid", in: lease) == id)
            #expect(try await roundTrip(Data([0, 1, 0xfe, 0xff]), as: "bytea", in: lease) == Data([0, 1, 0xfe, 0xff]))
        }
    }

    /// Ids are read from libpq's bytes without a `String`: an id as text in either case reads,
    /// NULL is nil for an optional, and what is not an id is an error naming its column.
    @Test func idsAreReadFromTheirBytes() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            try await lease.pool.withConnection { (connection) throws in
                let row = try #require(try connection.query("""
                    SELECT '00010203-0405-0607-0809-abcdef10feff'::uuid AS id, '00010203-0405-0607-0809-ABCDEF10FEFF' AS upper,
                           NULL::uuid AS missing, 'not-an-id' AS bad, '00010203-0405-0607-0809-abcdef10fef' AS short
                    """).first)
                let fixed = UUID(uuid: (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xAB, 0xCD, 0xEF, 0x10, 0xFE, 0xFF))
                #expect(try row.decode(UUID.self, "id") == fixed)
                #expect(try row.decode(UUID?.self, "upper") == fixed)
                #expect(try row.decode(UUID?.self, "missing") == nil)
                #expect(throws: PostgresError.self) { try row.decode(UUID.self, "missing") }
                for column in ["bad", "short"] {
                    do {
                        _ = try row.decode(UUID.self, column)
                        Issue.record("«\(column)» decoded as an id")
                    } catch let error as PostgresError {
                        #expect(error.column == column)
                        #expect(error.message.contains("is not a valid UUID"), "\(error.message)")
                    }
                }
            }
        }
    }

    @Test func datesAndRangesRoundTrip() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            let day = try #require(CalendarDate(year: 2018, month: 6, day: 25))
            #expect(try await roundTrip(day, as: "date", in: lease) == day)
            let leap = try #require(CalendarDate(year: 2020, month: 2, day: 29))
            #expect(try await roundTrip(leap, as: "date", in: lease) == leap)
            let period = try #require(DatePeriod(first: CalendarDate(year: 2018, month: 9, day: 1)!, last: CalendarDate(year: 2019, month: 4, day: 30)!))
            #expect(try await roundTrip(period, as: "daterange", in: lease) == period)
            let single = DatePeriod(day: day)
            #expect(try await roundTrip(single, as: "daterange", in: lease) == single)
            let instant = Date(timeIntervalSince1970: 1_529_923_200.123456)
            let back = try await roundTrip(instant, as: "timestamptz", in: lease)
            #expect(abs(back.timeIntervalSince1970 - instant.timeIntervalSince1970) < 0.000_001)
        }
    }

    @Test func serverTimestampsInOtherZonesDecode() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            let decoded = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT '2019-03-31 22:30:00-05'::timestamptz AS at").first?.decode(Date.self, "at")
            }
            #expect(decoded == Date(timeIntervalSince1970: 1_554_089_400))
        }
    }

    @Test func arraysAndJSONRoundTrip() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            let texts = ["https://school5.ru/отчёт", "a,b", "with \"quotes\"", "back\\slash", "", "NULL", "null", "{}", "tab\there", "line\r\nbreak"]
            #expect(try await roundTrip(texts, as: "text[]", in: lease) == texts)
            #expect(try await roundTrip([Int](), as: "bigint[]", in: lease) == [])
            #expect(try await roundTrip([1, 2, 3], as: "bigint[]", in: lease) == [1, 2, 3])
            let ids = [UUID(), UUID()]
            #expect(try await roundTrip(ids, as: "uuid[]", in: lease) == ids)

            struct Payload: Codable, Equatable, Sendable {
                var status: String
                var count: Int
            }
            let payload = PostgresJSON(Payload(status: "выполнено", count: 3))
            let back = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT \(payload)::jsonb AS value").first?.decode(PostgresJSON<Payload>.self, "value")
            }
            #expect(back?.value == payload.value)
        }
    }

    @Test func nullsAreExplicit() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            try await lease.pool.withConnection { (connection) throws in
                let row = try #require(try connection.query("SELECT NULL::text AS t, NULL::int AS i, ARRAY['a', NULL] AS a").first)
                #expect(try row.decode(String?.self, "t") == nil)
                #expect(try row.decode(Int?.self, "i") == nil)
                #expect(try row.isNull("t"))
                #expect(try row.decode([String?].self, "a") == ["a", nil])
                let error = #expect(throws: PostgresError.self) { try row.decode(String.self, "t") }
                #expect(error?.kind == .decoding)
                #expect(error?.column == "t")
                #expect(error?.description.contains("NULL") == true)
                let missing: Int? = nil
                let bound = try #require(try connection.query("SELECT \(missing)::int IS NULL AS isnull").first)
                #expect(try bound.decode(Bool.self, "isnull"))
            }
        }
    }

    @Test func mismatchesNameTheColumn() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            try await lease.pool.withConnection { (connection) throws in
                let row = try #require(try connection.query("SELECT 'Март 2019'::text AS deadline_text, 5 AS n").first)
                let error = #expect(throws: PostgresError.self) { try row.decode(Int.self, "deadline_text") }
                #expect(error?.kind == .decoding)
                #expect(error?.description.contains("deadline_text") == true)
                let unknown = #expect(throws: PostgresError.self) { try row.decode(Int.self, "nope") }
                #expect(unknown?.column == "nope")
                #expect(throws: PostgresError.self) { try row.decode(CalendarDate.self, "n") }
            }
        }
    }

    @Test func textWithNULIsRefusedNotTruncated() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            try await lease.pool.withConnection { (connection) throws in
                let error = #expect(throws: PostgresError.self) { try connection.query("SELECT \("a\u{0}b") AS t") }
                #expect(error?.kind == .encoding)
            }
        }
    }
}
