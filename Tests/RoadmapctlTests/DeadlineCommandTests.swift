import Foundation
import Testing

@Suite("roadmapctl deadline parse")
struct DeadlineCommandTests {
    let runner = RoadmapctlRunner()

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func printsExactlyOneJSONObject() throws {
        let outcome = try runner.run(["deadline", "parse", "Сентябрь 2018 – апрель 2019", "--format", "json"])
        #expect(outcome.status == 0)
        let json = try object(outcome.stdout)
        #expect(json["text"] as? String == "Сентябрь 2018 – апрель 2019")
        #expect(json["start"] as? String == "2018-09-01")
        #expect(json["end"] as? String == "2019-04-30")
        #expect(json["parsed"] as? Bool == true)
        #expect(json["recurrence"] is NSNull)
        #expect((json["occurrences"] as? [[String: String]])?.count == 1)
    }

    @Test func academicYearContextAndRecurrence() throws {
        let september = try object(try runner.run(["deadline", "parse", "Сентябрь", "--academic-year", "2022", "--format", "json"]).stdout)
        #expect(september["start"] as? String == "2022-09-01")
        let january = try object(try runner.run(["deadline", "parse", "Январь", "--academic-year", "2022", "--format", "json"]).stdout)
        #expect(january["start"] as? String == "2023-01-01")
        let quarterly = try object(try runner.run(["deadline", "parse", "ежеквартально", "--period", "2019-01-01..2019-12-31", "--format", "json"]).stdout)
        #expect(quarterly["recurrence"] as? String == "quarterly")
        #expect((quarterly["occurrences"] as? [[String: String]])?.count == 4)
    }

    @Test func unparsedExitsOneAndKeepsTheText() throws {
        let outcome = try runner.run(["deadline", "parse", "когда-нибудь потом", "--format", "json"])
        #expect(outcome.status == 1)
        let json = try object(outcome.stdout)
        #expect(json["parsed"] as? Bool == false)
        #expect(json["text"] as? String == "когда-нибудь потом")
        #expect(json["start"] is NSNull)
    }

    @Test func missingContextSaysWhatIsMissing() throws {
        let outcome = try runner.run(["deadline", "parse", "Сентябрь"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("no year"))
    }

    @Test func badArgumentsExitTwo() throws {
        #expect(try runner.run(["deadline", "parse", "Март", "--year", "2019", "--academic-year", "2019"]).status == 2)
        #expect(try runner.run(["deadline", "parse", "Март", "--period", "2019-05-01..2019-01-01"]).status == 2)
        #expect(try runner.run(["deadline", "parse", "Март", "--year", "abc"]).status == 2)
        #expect(try runner.run(["deadline", "parse"]).status == 2)
    }
}
