import RoadmapDomain
import Testing

@Suite("Reminders: which day chases which assignment")
struct ReminderRuleTests {
    let rule = ReminderRule.standard

    func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test func sevenAndOneDayBeforeThenTheDayAfterAndWeekly() {
        let due = day("2019-03-31")
        #expect(rule.reminder(status: .planned, dueOn: due, asOf: day("2019-03-24")) == .dueIn(days: 7))
        #expect(rule.reminder(status: .inProgress, dueOn: due, asOf: day("2019-03-30")) == .dueIn(days: 1))
        #expect(rule.reminder(status: .planned, dueOn: due, asOf: day("2019-03-25")) == nil)
        #expect(rule.reminder(status: .planned, dueOn: due, asOf: due) == nil, "the due day itself is not overdue")
        #expect(rule.reminder(status: .planned, dueOn: due, asOf: day("2019-04-01")) == .overdue(days: 1))
        #expect(rule.reminder(status: .returned, dueOn: due, asOf: day("2019-04-08")) == .overdue(days: 8))
        #expect(rule.reminder(status: .planned, dueOn: due, asOf: day("2019-04-05")) == nil)
        #expect(rule.reminder(status: .done, dueOn: due, asOf: day("2019-03-24")) == nil)
        #expect(rule.reminder(status: .reported, dueOn: due, asOf: day("2019-04-01")) == nil, "reported work waits for the committee")
        #expect(rule.reminder(status: .cancelled, dueOn: due, asOf: day("2019-04-01")) == nil)
        #expect(rule.reminder(status: .planned, dueOn: nil, asOf: due) == nil)
        #expect(rule.dueDays(remindedOn: day("2019-03-24")) == [day("2019-03-31"), day("2019-03-25")])
    }

    @Test func aCommitteeSetsItsOwnDaysWithinReason() throws {
        let custom = try ReminderRule(daysBefore: [3, 14, 3], overdueEvery: 3)
        #expect(custom.daysBefore == [14, 3])
        #expect(custom.reminder(status: .planned, dueOn: day("2019-03-31"), asOf: day("2019-04-04")) == .overdue(days: 4))
        #expect(throws: ReminderRule.Refusal.daysBefore) { try ReminderRule(daysBefore: []) }
        #expect(throws: ReminderRule.Refusal.daysBefore) { try ReminderRule(daysBefore: [0]) }
        #expect(throws: ReminderRule.Refusal.overdueEvery) { try ReminderRule(overdueEvery: 0) }
    }
}

@Suite("Reminders: the message a school reads")
struct ReminderMessageTests {
    @Test func theSubjectSaysWhatAndWhenAndTheBodyLinksToThePage() throws {
        let due = try #require(CalendarDate(iso: "2019-03-31"))
        let soon = ReminderMessage(.dueIn(days: 7), actionTitle: "Фестиваль мастер-классов «Калейдоскоп педагогических идей»",
                                   order: "приказу № 770 от 25.06.2018", organization: "МАОУ СОШ № 5", dueOn: due,
                                   link: "https://roadmap.example/assignments/1")
        #expect(soon.subject == "Срок через 7 дней: Фестиваль мастер-классов «Калейдоскоп педагогических идей»")
        #expect(soon.text.contains("Срок исполнения — 31.03.2019, через 7 дней."))
        #expect(soon.text.contains("по приказу № 770 от 25.06.2018."))
        #expect(soon.text.contains("https://roadmap.example/assignments/1"))
        let late = ReminderMessage(.overdue(days: 22), actionTitle: String(repeating: "очень длинное название ", count: 10),
                                   order: nil, organization: "Лицей № 14", dueOn: due, link: "/assignments/2")
        #expect(late.subject.hasPrefix("Просрочено на 22 дня: очень длинное"))
        #expect(late.subject.hasSuffix("…") && late.subject.count < 110)
        #expect(!late.text.contains("по приказу"))
    }
}
