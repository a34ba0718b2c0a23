import RoadmapDomain
import Testing

@Suite("Working days: the production calendar")
struct WorkingCalendarTests {
    static func day(_ iso: String) -> CalendarDate {
        guard let date = CalendarDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
        return date
    }

    /// 2026 as the decree has it (a part): 1–11 January off, 9 March off (for Sunday 8 March).
    let calendar = WorkingCalendar(years: [2026], exceptions: [
        day("2026-01-01"): false, day("2026-01-02"): false, day("2026-01-05"): false, day("2026-01-06"): false,
        day("2026-01-07"): false, day("2026-01-08"): false, day("2026-01-09"): false, day("2026-03-09"): false,
        day("2026-06-13"): true,
    ])

    @Test func weekendsAndHolidaysAreOffOnlyInALoadedYear() {
        #expect(WorkingCalendar.weekday(Self.day("2026-11-30")) == 1, "30 November 2026 is a Monday")
        #expect(WorkingCalendar.weekday(Self.day("2019-03-24")) == 7, "24 March 2019 was a Sunday")
        #expect(!calendar.isWorkingDay(Self.day("2026-11-29")) && calendar.isWorkingDay(Self.day("2026-11-30")))
        #expect(!calendar.isWorkingDay(Self.day("2026-03-09")), "a holiday on a Monday")
        #expect(calendar.isWorkingDay(Self.day("2026-06-13")), "a Saturday made a working day")
        #expect(calendar.isWorkingDay(Self.day("2019-03-24")), "a year without a calendar has no days off known")
        #expect(calendar.adding(workingDays: 1, to: Self.day("2026-01-01")) == Self.day("2026-01-12"), "the first working day of 2026")
        #expect(calendar.adding(workingDays: 10, to: Self.day("2026-03-02")) == Self.day("2026-03-17"), "10 working days skip 7–9 March")
        #expect(calendar.workingDays(after: Self.day("2026-03-06"), through: Self.day("2026-03-10")) == 1)
    }

    @Test func remindersCountWorkingDaysAndAreNotSentOnADayOff() throws {
        let rule = ReminderRule.standard
        // Due Wednesday 18 March 2026: seven working days before is Friday 6 March (the 9th is a holiday).
        let due = Self.day("2026-03-18")
        #expect(rule.reminder(status: .planned, dueOn: due, asOf: Self.day("2026-03-06"), calendar: calendar) == .dueIn(days: 7))
        #expect(rule.reminder(status: .planned, dueOn: due, asOf: Self.day("2026-03-10"), calendar: calendar) == nil)
        #expect(rule.reminder(status: .planned, dueOn: due, asOf: Self.day("2026-03-17"), calendar: calendar) == .dueIn(days: 1))
        #expect(rule.reminder(status: .planned, dueOn: due, asOf: Self.day("2026-03-08"), calendar: calendar) == nil, "Sunday: nothing")
        // Due Friday 27 November: overdue from Saturday; the reminder comes Monday 30 November.
        let friday = Self.day("2026-11-27")
        #expect(rule.reminder(status: .planned, dueOn: friday, asOf: Self.day("2026-11-28"), calendar: calendar) == nil)
        #expect(rule.reminder(status: .planned, dueOn: friday, asOf: Self.day("2026-11-30"), calendar: calendar) == .overdue(days: 3))
        #expect(rule.reminder(status: .planned, dueOn: friday, asOf: Self.day("2026-12-01"), calendar: calendar) == nil)
        #expect(rule.reminder(status: .planned, dueOn: friday, asOf: Self.day("2026-12-07"), calendar: calendar) == .overdue(days: 10),
                "a week on (Saturday 5 December) moves to Monday")
        // Without a calendar the rule is as it always was: 24 March 2019 is 7 days before 31 March.
        #expect(rule.reminder(status: .planned, dueOn: Self.day("2019-03-31"), asOf: Self.day("2019-03-24"), calendar: calendar) == .dueIn(days: 7))
        let days = rule.dueDays(remindedOn: Self.day("2026-11-30"), calendar: calendar)
        #expect(days.contains(friday) && days.contains(Self.day("2026-12-01")) && days.contains(Self.day("2026-12-09")))
        #expect(rule.dueDays(remindedOn: Self.day("2026-11-29"), calendar: calendar).isEmpty, "a Sunday chases nobody")
    }

    @Test func aCalendarFileIsReadOrRefusedByItsLine() throws {
        let days = try WorkingCalendar.parse("# 2027\n2027-01-01;off;Новый год\n\n2027-02-20;work\n")
        #expect(days.count == 2 && days[0].note == "Новый год" && days[1].worked)
        #expect(throws: WorkingCalendar.Refusal.line(2, "the kind must be off or work, got «holiday»")) {
            try WorkingCalendar.parse("2027-01-01;off\n2027-01-02;holiday\n")
        }
        #expect(throws: WorkingCalendar.Refusal.self) { try WorkingCalendar.parse("01.01.2027;off") }
    }
}
