import Foundation
import HTTPTypes
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Deadlines in calendars: a school gets its private feed address on /calendar; the feed
/// holds its own open deadlines, parses in a real iCalendar reader, and stops when replaced
/// or revoked.
extension WebPagesTests {
    /// The events a real iCalendar parser (Python's icalendar, from PyPI) reads from `text`:
    /// [due day, summary]; nil when no parser is installed (and the run does not require one).
    static func parsedByICalendar(_ text: String) throws -> [[String]]? {
        let environment = ProcessInfo.processInfo.environment
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let python = environment["ROADMAP_ICALENDAR_PYTHON"] ?? root.appendingPathComponent(".build/ics-venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            if environment["ROADMAP_ICALENDAR_TESTS"] == "required" { Issue.record("icalendar is required but \(python) is missing") }
            return nil
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).ics")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", """
            import json, sys, icalendar
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            print(json.dumps([[e.decoded('dtstart').isoformat(), str(e.get('summary'))] for e in calendar.walk('VEVENT')], ensure_ascii=False))
            """, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "icalendar could not read the feed")
        return try JSONSerialization.jsonObject(with: data) as? [[String]]
    }

    @Test func aSchoolSubscribesToItsDeadlinesAndCanStopIt() async throws {
        try await APIFixture.run { api, fixture in
            _ = try await fixture.makePlan(api)
            let school = try await session(api, fixture, "school-a")
            let home = try await get(api, "/", cookies: school.cookie)
            #expect(home.html.contains(#"href="/calendar""#))
            let issued = try await post(api, "/calendar", form: "csrf=\(school.csrf)", cookies: school.cookie)
            #expect(issued.status == 200 && issued.html.contains("Адрес вашего календаря"))
            let address = try #require(issued.html.range(of: #"id="feed-address" readonly value=""#).map { String(issued.html[$0.upperBound...].prefix { $0 != "\"" }) })
            let path = try #require(address.range(of: "/calendar/").map { String(address[$0.lowerBound...]) })
            #expect(path.hasSuffix(".ics"))

            let feed = try await get(api, path)
            #expect(feed.status == 200 && feed.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(feed.html.contains("DTSTART;VALUE=DATE:20190331") && feed.html.contains("SUMMARY:Семинар"))
            #expect(feed.html.components(separatedBy: "BEGIN:VEVENT").count == 2, "school A's one deadline, not school B's")
            if let events = try Self.parsedByICalendar(feed.html) {
                #expect(events == [["2019-03-31", "Семинар"]])
            }

            // Another address replaces it; stopping ends both; a guessed one opens nothing.
            let again = try await post(api, "/calendar", form: "csrf=\(school.csrf)", cookies: school.cookie)
            #expect(again.status == 200)
            #expect(try await get(api, path).status == 404, "the first address stopped")
            #expect(try await post(api, "/calendar/revoke", form: "csrf=\(school.csrf)", cookies: school.cookie).status == 200)
            let second = try #require(again.html.range(of: "/calendar/rm_").map { String(again.html[$0.lowerBound...].prefix { $0 != "\"" }) })
            #expect(try await get(api, second).status == 404)
            #expect(try await get(api, "/calendar/rm_\(String(repeating: "A", count: 43)).ics").status == 404)
            #expect(try await get(api, "/calendar/anything").status == 404)
            #expect(try await post(api, "/calendar", form: "csrf=forged", cookies: school.cookie).status == 403)
        }
    }
}
