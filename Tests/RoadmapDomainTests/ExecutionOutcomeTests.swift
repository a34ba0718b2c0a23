import Testing
@testable import RoadmapDomain

@Suite struct ExecutionOutcomeTests {
    private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test func workDoneBeforeTheDateCountsByItsDoneOnDayHoweverLateItWasAccepted() {
        // Held on 25.10.2018, due 31.10.2018, accepted whenever: done on time on 1 April 2019.
        #expect(ExecutionOutcome(status: .done, dueOn: day("2018-10-31"), doneOn: day("2018-10-25"), asOf: day("2019-04-01")) == .doneOnTime)
        #expect(ExecutionOutcome(status: .done, dueOn: day("2018-10-31"), doneOn: day("2018-11-02"), asOf: day("2019-04-01")) == .doneLate)
        #expect(ExecutionOutcome(status: .done, dueOn: nil, doneOn: day("2018-11-02"), asOf: day("2019-04-01")) == .doneOnTime)
        #expect(ExecutionOutcome(status: .done, dueOn: day("2018-10-31"), doneOn: day("2018-10-31"), asOf: day("2018-10-31")) == .doneOnTime,
                "the due day itself is in time")
    }

    @Test func workDoneAfterTheDateIsNotDoneOnIt() {
        #expect(ExecutionOutcome(status: .done, dueOn: day("2019-03-31"), doneOn: day("2019-04-10"), asOf: day("2019-04-01")) == .overdue)
        #expect(ExecutionOutcome(status: .done, dueOn: day("2019-04-30"), doneOn: day("2019-04-10"), asOf: day("2019-04-01")) == .notYetDue)
    }

    @Test func aReportNotYetAcceptedDoesNotCount() {
        for status in [AssignmentStatus.reported, .returned, .inProgress, .planned] {
            #expect(ExecutionOutcome(status: status, dueOn: day("2019-03-31"), doneOn: nil, asOf: day("2019-04-01")) == .overdue)
            #expect(ExecutionOutcome(status: status, dueOn: day("2019-04-01"), doneOn: nil, asOf: day("2019-04-01")) == .notYetDue,
                    "the due day itself is not yet overdue")
            #expect(ExecutionOutcome(status: status, dueOn: nil, doneOn: nil, asOf: day("2019-04-01")) == .notYetDue)
        }
        #expect(ExecutionOutcome(status: .cancelled, dueOn: day("2019-03-31"), doneOn: nil, asOf: day("2019-04-01")) == .cancelled)
    }

    @Test func talliesCountApartCancelledWorkAndAddUp() {
        let action = ExecutionTally([.doneOnTime, .doneLate, .overdue, .cancelled])
        let other = ExecutionTally([.notYetDue, .doneOnTime])
        let goal = action + other
        #expect(action.total == 3 && action.done == 2 && action.percentDone == 66)
        #expect(goal.total == 5 && goal.count(.doneOnTime) == 2 && goal.count(.cancelled) == 1 && goal.percentDone == 60)
        #expect(ExecutionTally.empty.percentDone == 0)
    }
}

@Suite struct DisciplineRankingTests {
    @Test func aSmallerShareOnTimeThenMoreOverdueWorkIsFurtherBehind() {
        let good = ExecutionTally([.doneOnTime, .doneOnTime, .doneLate])
        let bad = ExecutionTally([.doneOnTime, .overdue, .overdue])
        let worse = ExecutionTally([.doneOnTime, .overdue, .overdue, .overdue, .notYetDue, .notYetDue])
        #expect(ExecutionTally.isFurtherBehind(bad, than: good))
        #expect(!ExecutionTally.isFurtherBehind(good, than: bad))
        #expect(ExecutionTally.isFurtherBehind(worse, than: bad), "a sixth on time is behind a third")
        let sameShare = ExecutionTally([.doneOnTime, .doneLate, .doneLate])
        #expect(ExecutionTally.isFurtherBehind(bad, than: sameShare), "the same share: more overdue is further behind")
        #expect(good.percentOnTime == 66 && ExecutionTally.empty.percentOnTime == 0)
        #expect(!ExecutionTally.isFurtherBehind(.empty, than: good), "nothing due is nobody behind")
    }
}
