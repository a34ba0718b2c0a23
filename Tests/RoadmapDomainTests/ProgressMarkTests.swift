import Testing
@testable import RoadmapDomain

@Suite struct ProgressMarkTests {
    private func rollup(_ counts: [AssignmentStatus: Int], overdue: Int = 0) -> Rollup {
        Rollup(counts: counts, overdue: overdue, earliestOpenDeadline: nil)
    }

    @Test func anEmptyGroupHasNoMark() {
        #expect(ProgressMark(.empty) == nil)
    }

    @Test func overdueWorkOutranksEverything() {
        #expect(ProgressMark(rollup([.done: 11, .planned: 1, .returned: 1], overdue: 1)) == .overdue)
    }

    @Test func theMostUrgentOpenStateWins() {
        #expect(ProgressMark(rollup([.returned: 1, .reported: 2, .planned: 3])) == .returned)
        #expect(ProgressMark(rollup([.reported: 2, .inProgress: 1, .done: 4])) == .reported)
        #expect(ProgressMark(rollup([.inProgress: 1, .planned: 3])) == .inProgress)
        #expect(ProgressMark(rollup([.planned: 3, .done: 9])) == .planned)
    }

    @Test func doneOnlyWhenNothingIsOpen() {
        #expect(ProgressMark(rollup([.done: 12, .cancelled: 2])) == .done)
        #expect(ProgressMark(rollup([.cancelled: 2])) == .cancelled)
    }

    @Test func everyMarkHasANameAndASymbol() {
        #expect(Set(ProgressMark.allCases.map(\.symbol)).count == ProgressMark.allCases.count)
        #expect(ProgressMark.overdue.russianName == "просрочено")
        #expect(ProgressMark.done.russianName == "выполнено")
    }
}
