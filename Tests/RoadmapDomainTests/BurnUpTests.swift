import Testing
@testable import RoadmapDomain

@Suite struct BurnUpTests {
    private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test func plannedAndDoneAddUpMonthByMonthWithoutGaps() {
        let burnUp = BurnUp(
            due: [day("2019-01-01"): 2, day("2019-03-01"): 3],
            done: [day("2019-02-01"): 1, day("2019-03-01"): 2],
            asOf: day("2019-03-15"))
        #expect(burnUp.points.map(\.month.iso) == ["2019-01-01", "2019-02-01", "2019-03-01"])
        #expect(burnUp.points.map(\.planned) == [2, 2, 5])
        #expect(burnUp.points.map(\.done) == [0, 1, 3])
        #expect(burnUp.peak == 5)
    }

    @Test func doneIsNotDrawnAfterTheAsOfMonthAndTheSeriesEndsWithTheWork() {
        let ahead = BurnUp(due: [day("2019-01-01"): 1, day("2019-06-01"): 1], done: [:], asOf: day("2019-02-10"))
        #expect(ahead.points.map(\.done) == [0, 0, nil, nil, nil, nil], "future months have no «done» yet")
        let late = BurnUp(due: [day("2019-01-01"): 2], done: [day("2019-01-01"): 1], asOf: day("2026-11-30"))
        #expect(late.points.map(\.month.iso) == ["2019-01-01"], "the series ends with the last due or work day, not today")
        #expect(late.points.last?.done == 1)
        #expect(BurnUp(due: [:], done: [:], asOf: day("2019-04-02")).points.isEmpty)
    }
}
