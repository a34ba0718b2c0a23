import Foundation
import RoadmapDomain
import Testing

@Suite("Deadlines as an iCalendar feed")
struct CalendarFeedTests {
    @Test func eventsAreAllDayOnTheDueDayEscapedAndFolded() throws {
        let due = try #require(CalendarDate(iso: "2019-03-31"))
        let feed = CalendarFeed(name: "Сроки: МАОУ СОШ № 5", events: [
            .init(uid: "a1@roadmap", dueOn: due,
                  summary: "Семинар «Современные педагогические технологии как ресурс инновационного развития педагогов»",
                  description: "Приказ № 770 от 25.06.2018; исполнитель: СОШ № 5,\nвторая строка", url: "https://roadmap.example/assignments/a1"),
        ])
        let text = feed.rendered(stamp: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.contains("DTSTART;VALUE=DATE:20190331\r\n") && text.contains("DTEND;VALUE=DATE:20190401\r\n"))
        #expect(text.contains("DTSTAMP:20231114T221320Z"))
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "a line longer than 75 octets: \(line)")
        }
        // Unfolding gives the summary back whole.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:Приказ № 770 от 25.06.2018\\; исполнитель: СОШ № 5\\,\\nвторая строка\r\n"))
        #expect(unfolded.contains("SUMMARY:Семинар «Современные педагогические технологии как ресурс инновационного развития педагогов»\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    }
}
