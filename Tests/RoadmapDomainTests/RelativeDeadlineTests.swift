import RoadmapDomain
import Testing

@Suite("Working days: deadlines counted from the approval")
struct RelativeDeadlineTests {
    @Test func phrasesCountedFromTheApprovalAreReadAndOthersAreNot() {
        #expect(RelativeDeadline.read("в течение 10 рабочих дней после утверждения") == RelativeDeadline(count: 10, workingDays: true))
        #expect(RelativeDeadline.read("В течение 5 дней со дня подписания приказа") == RelativeDeadline(count: 5, workingDays: false))
        #expect(RelativeDeadline.read("в течение 3 календарных дней с момента издания приказа") == RelativeDeadline(count: 3, workingDays: false))
        #expect(RelativeDeadline.read("в 10-дневный срок с даты утверждения плана") == RelativeDeadline(count: 10, workingDays: false))
        #expect(RelativeDeadline.read("в течение 2019 года") == nil)
        #expect(RelativeDeadline.read("в течение 10 дней") == nil, "counted from nothing")
        #expect(RelativeDeadline.read("10 рабочих дней до начала экзамена") == nil)
    }

    @Test func theDueDayCountsTheCommitteesWorkingDays() {
        let calendar = WorkingCalendarTests().calendar
        let approved = WorkingCalendarTests.day("2026-03-02")
        let deadline = RelativeDeadline.deadline("в течение 10 рабочих дней после утверждения", approvedOn: approved, calendar: calendar)
        #expect(deadline?.kind == .dueDate && deadline?.dueDay == WorkingCalendarTests.day("2026-03-17"), "7, 8 and 9 March are off")
        #expect(RelativeDeadline.deadline("в течение 10 дней после утверждения", approvedOn: approved, calendar: calendar)?.dueDay
                == WorkingCalendarTests.day("2026-03-12"))
        #expect(RelativeDeadline.deadline("в течение 10 рабочих дней после утверждения", approvedOn: nil, calendar: calendar) == nil)
        let draft = PlanDraft(sourceName: "plan.txt", goals: [GoalDraft(title: "Цель", actions: [
            ActionDraft(title: "Назначить ответственных", deadline: .unparsed("в течение 10 рабочих дней после утверждения")),
        ])])
        #expect(draft.readingRelativeDeadlines(approvedOn: approved, calendar: calendar).actions.first?.deadline.dueDay
                == WorkingCalendarTests.day("2026-03-17"))
    }
}
