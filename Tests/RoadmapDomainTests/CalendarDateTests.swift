import Foundation
import RoadmapDomain
import Testing

@Suite("Calendar dates and periods")
struct CalendarDateTests {
    @Test(arguments: [
        ("2018-06-25", true), ("2020-02-29", true), ("2019-02-29", false), ("2018-13-01", false),
        ("2018-04-31", false), ("18-06-25", false), ("2018-6-25", false), ("2018-06-25x", false), ("", false),
        ("０２０１-01-01", false), ("2018-06-2x", false), ("2018/06/25", false), ("2018-00-10", false),
        ("2018-06-00", false), ("+018-06-25", false), ("2018-06-25\n", false), ("0001-01-01", true),
    ])
    func isoParsing(text: String, valid: Bool) {
        #expect((CalendarDate(iso: text) != nil) == valid)
    }

    @Test func formatsAndOrders() throws {
        let day = try #require(CalendarDate(year: 2018, month: 6, day: 25))
        #expect(day.iso == "2018-06-25")
        #expect(day.russian == "25.06.2018")
        #expect(day.russianMonth == "июнь 2018")
        let early = try #require(CalendarDate(year: 987, month: 1, day: 5))
        #expect(early.iso == "0987-01-05")
        #expect(early.russian == "05.01.0987")
        #expect(day < CalendarDate(year: 2018, month: 6, day: 26)!)
        #expect(day > CalendarDate(year: 2017, month: 12, day: 31)!)
    }

    @Test func dayArithmeticAcrossMonthsYearsAndLeapDays() throws {
        let day = try #require(CalendarDate(year: 2020, month: 2, day: 28))
        #expect(day.adding(days: 1)?.iso == "2020-02-29")
        #expect(day.adding(days: 2)?.iso == "2020-03-01")
        #expect(CalendarDate(year: 2018, month: 12, day: 31)?.adding(days: 1)?.iso == "2019-01-01")
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(CalendarDate(year: 2019, month: 3, day: 1)?.days(until: CalendarDate(year: 2019, month: 4, day: 1)!) == 31)
        for offset in stride(from: -719_000, through: 2_900_000, by: 9_973) {
            let date = try #require(CalendarDate(daysSinceEpoch: offset))
            #expect(date.daysSinceEpoch == offset)
        }
    }

    @Test func todayDependsOnTheCommitteeTimeZone() throws {
        // 2019-03-31 22:30 UTC is already 1 April in Moscow.
        let instant = Date(timeIntervalSince1970: 1_554_071_400)
        #expect(CalendarDate.today(in: TimeZone(identifier: "UTC")!, now: instant).iso == "2019-03-31")
        #expect(CalendarDate.today(in: TimeZone(identifier: "Europe/Moscow")!, now: instant).iso == "2019-04-01")
    }

    @Test func periods() throws {
        let march = try #require(DatePeriod.month(3, of: 2019))
        #expect(march.description == "2019-03-01..2019-03-31")
        #expect(march.dayCount == 31)
        #expect(DatePeriod.month(2, of: 2020)?.last.iso == "2020-02-29")
        #expect(DatePeriod.academicYear(startingIn: 2022)?.description == "2022-09-01..2023-08-31")
        #expect(DatePeriod.year(2019)?.contains(CalendarDate(year: 2019, month: 12, day: 31)!) == true)
        #expect(DatePeriod(first: CalendarDate(year: 2019, month: 4, day: 30)!, last: CalendarDate(year: 2019, month: 3, day: 1)!) == nil)
        #expect(DatePeriod(parsing: "2018-09-01..2019-04-30")?.last.iso == "2019-04-30")
        #expect(DatePeriod(parsing: "2019-04-30..2018-09-01") == nil)
        #expect(DatePeriod(parsing: "2018-09-01") == nil)
        let q1 = try #require(DatePeriod(parsing: "2019-01-01..2019-03-31"))
        #expect(q1.overlaps(march))
        #expect(!q1.overlaps(DatePeriod.month(4, of: 2019)!))
    }

    @Test func codableAsISOStrings() throws {
        let day = try #require(CalendarDate(year: 2018, month: 6, day: 25))
        let data = try JSONEncoder().encode([day])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2018-06-25\"]")
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [day])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data("[\"2019-02-29\"]".utf8)) }
    }

    @Test func datesAsPeopleTypeThem() {
        #expect(CalendarDate(russian: "25.06.2018")?.iso == "2018-06-25")
        #expect(CalendarDate(russian: "1.4.2019")?.iso == "2019-04-01")
        for bad in ["31.02.2019", "2019-04-01", "1.4.19", "01.04.2019г", "", "..", "１.4.2019"] {
            #expect(CalendarDate(russian: bad) == nil, "«\(bad)»")
        }
    }
}
