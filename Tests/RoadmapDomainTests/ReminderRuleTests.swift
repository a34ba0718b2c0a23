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
        let days = rule.dueDays(remindedOn: day("2019-03-24"))
        #expect(Array(days.prefix(2)) == [day("2019-03-25"), day("2019-03-31")], "1 and 7 days ahead")
        #expect(Array(days.dropFirst(2).prefix(3)) == [day("2019-03-23"), day("2019-03-16"), day("2019-03-09")],
                "overdue since yesterday, and weekly before")
        #expect(days.count == 2 + (3 * 366 + 6) / 7, "overdue work is chased for three years")
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

@Suite("Notifications: the messages people read")
struct NotificationMessageTests {
    let work = NotificationMessage.Work(
        actionTitle: "Фестиваль мастер-классов «Калейдоскоп педагогических идей»",
        order: NotificationMessage.Work.order(number: "770", issuedOn: CalendarDate(iso: "2018-06-25")),
        organization: "МАОУ СОШ № 5", assignmentPath: "/assignments/1")

    @Test func aReminderSaysWhatAndWhenAndLinksToThePage() throws {
        let due = try #require(CalendarDate(iso: "2019-03-31"))
        let soon = NotificationMessage.reminder(.dueIn(days: 7), work: work, dueOn: due)
        #expect(soon.kind == .dueSoon)
        #expect(soon.subject == "Срок через 7 дней: Фестиваль мастер-классов «Калейдоскоп педагогических идей»")
        #expect(soon.text.contains("Срок исполнения — 31.03.2019, через 7 дней."))
        #expect(soon.text.contains("по приказу № 770 от 25.06.2018."))
        #expect(soon.linkPath == "/assignments/1")
        let long = NotificationMessage.Work(actionTitle: String(repeating: "очень длинное название ", count: 10), order: nil,
                                            organization: "Лицей № 14", assignmentPath: "/assignments/2")
        let late = NotificationMessage.reminder(.overdue(days: 22), work: long, dueOn: due)
        #expect(late.kind == .overdue)
        #expect(late.subject.hasPrefix("Просрочено на 22 дня: очень длинное"))
        #expect(late.subject.hasSuffix("…") && late.subject.count < 110)
        #expect(!late.text.contains("по приказу"))
    }

    @Test func decisionsCarryTheCoordinatorsCommentAndTheNewDueDay() throws {
        let returned = NotificationMessage.reportReturned(work: work, comment: "Приложите программу фестиваля")
        #expect(returned.kind == .reportReturned && returned.subject.hasPrefix("Отчёт возвращён: Фестиваль"))
        #expect(returned.text.contains("Комментарий координатора: Приложите программу фестиваля"))
        let accepted = NotificationMessage.reportAccepted(work: work, comment: nil)
        #expect(accepted.subject.hasPrefix("Отчёт принят:") && !accepted.text.contains("Комментарий"))
        let moved = NotificationMessage.extensionDecided(work: work, approved: true, dueOn: CalendarDate(iso: "2019-05-15"), comment: nil)
        #expect(moved.subject.hasPrefix("Срок перенесён:") && moved.text.contains("Новый срок — 15.05.2019."))
        let refused = NotificationMessage.extensionDecided(work: work, approved: false, dueOn: CalendarDate(iso: "2019-03-31"), comment: "Нет оснований")
        #expect(refused.text.contains("Срок остаётся прежним: 31.03.2019.") && refused.text.contains("Нет оснований"))
        let new = NotificationMessage.newWork(organization: "МАОУ СОШ № 5", order: "приказу № 770 от 25.06.2018", actions: 3,
                                              firstDueOn: CalendarDate(iso: "2019-03-31"))
        #expect(new.subject == "Новая работа: 3 мероприятия по приказу № 770 от 25.06.2018")
        #expect(new.text.contains("Ближайший срок — 31.03.2019."))
    }

    @Test func retriesWaitLongerEachTimeAndStop() {
        let retry = DeliveryRetry.standard
        #expect(retry.wait(afterAttempt: 1) == 60)
        #expect(retry.wait(afterAttempt: 2) == 120)
        let longest: Double? = 21_600
        #expect(retry.wait(afterAttempt: 11) == longest)
        #expect(retry.wait(afterAttempt: 12) == nil)
        #expect(NotificationMode.digest.queuedStatus == "held" && NotificationMode.off.queuedStatus == nil)
    }
}
