import Foundation
import RoadmapDomain
import Testing

@Suite("Assignment replay")
struct AssignmentReplayTests {
    @Test func theLastChangeBeforeTheMomentSetsTheStatus() {
        #expect(AssignmentReplay.status(current: .done, lastBefore: "reported", firstAfter: "done") == .reported)
        #expect(AssignmentReplay.status(current: .done, lastBefore: "returned", firstAfter: "reported") == .returned)
        #expect(AssignmentReplay.status(current: .planned, lastBefore: "reopened", firstAfter: nil) == .planned)
        #expect(AssignmentReplay.status(current: .reported, lastBefore: "started", firstAfter: "reported") == .inProgress)
        #expect(AssignmentReplay.status(current: .planned, lastBefore: "cancelled", firstAfter: "reopened") == .cancelled)
    }

    @Test func beforeAnyChangeAnAssignmentIsPlannedOrCancelledWhenItWasLaterReopened() {
        #expect(AssignmentReplay.status(current: .done, lastBefore: nil, firstAfter: "reported") == .planned)
        #expect(AssignmentReplay.status(current: .inProgress, lastBefore: nil, firstAfter: "started") == .planned)
        #expect(AssignmentReplay.status(current: .planned, lastBefore: nil, firstAfter: "reopened") == .cancelled)
    }

    @Test func withoutAnyRecordedChangeTheCurrentStatusStands() {
        #expect(AssignmentReplay.status(current: .done, lastBefore: nil, firstAfter: nil) == .done)
        #expect(AssignmentReplay.status(current: .returned, lastBefore: "deadline_moved", firstAfter: "evidence_attached") == .returned,
                "events that are no change of status are not read as one")
    }

    @Test func theDueDayIsTheOneTheFirstLaterMoveStartedFrom() {
        let now = CalendarDate(year: 2019, month: 5, day: 15)
        #expect(AssignmentReplay.dueDay(current: now, firstMoveAfterFrom: nil) == now)
        #expect(AssignmentReplay.dueDay(current: now, firstMoveAfterFrom: "2019-03-31") == CalendarDate(year: 2019, month: 3, day: 31))
        #expect(AssignmentReplay.dueDay(current: now, firstMoveAfterFrom: "") == nil, "it had no due day then")
    }
}

@Suite("Committee clock")
struct CommitteeClockEndOfDayTests {
    @Test func aDayEndsAtMidnightInTheCommitteesZone() throws {
        let moscow = try #require(CommitteeClock(timeZoneIdentifier: "Europe/Moscow"))
        let end = moscow.end(of: try #require(CalendarDate(iso: "2019-04-01")))
        // Midnight of 2 April in Moscow (UTC+3) is 21:00 UTC on 1 April.
        #expect(end == Date(timeIntervalSince1970: 1_554_152_400))
        #expect(moscow.today(now: end.addingTimeInterval(-1)).iso == "2019-04-01")
        #expect(moscow.today(now: end).iso == "2019-04-02")
    }
}
