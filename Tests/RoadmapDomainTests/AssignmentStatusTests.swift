import Foundation
import RoadmapDomain
import Testing

@Suite("Assignment status")
struct AssignmentStatusTests {
    static let legal: [(AssignmentStatus, AssignmentTransition, AssignmentStatus)] = [
        (.planned, .start, .inProgress),
        (.planned, .submitReport, .reported),
        (.planned, .cancel, .cancelled),
        (.inProgress, .submitReport, .reported),
        (.inProgress, .cancel, .cancelled),
        (.reported, .accept, .done),
        (.reported, .returnForRework, .returned),
        (.reported, .cancel, .cancelled),
        (.returned, .start, .inProgress),
        (.returned, .submitReport, .reported),
        (.returned, .cancel, .cancelled),
    ]

    @Test("legal transitions", arguments: legal)
    func legalTransition(_ from: AssignmentStatus, _ transition: AssignmentTransition, _ to: AssignmentStatus) throws {
        #expect(try from.applying(transition) == to)
        #expect(from.allows(transition))
    }

    static var illegal: [(AssignmentStatus, AssignmentTransition)] {
        AssignmentStatus.allCases.flatMap { status in
            AssignmentTransition.allCases.compactMap { transition in
                legal.contains { $0.0 == status && $0.1 == transition } ? nil : (status, transition)
            }
        }
    }

    @Test("every other transition is refused with an error naming status and transition", arguments: illegal)
    func illegalTransition(_ from: AssignmentStatus, _ transition: AssignmentTransition) {
        #expect(throws: StatusTransitionError(status: from, transition: transition)) {
            try from.applying(transition)
        }
        #expect(!from.allows(transition))
        let message = StatusTransitionError(status: from, transition: transition).description
        #expect(message.contains(from.rawValue))
        #expect(message.contains(transition.rawValue))
    }

    @Test func thereAreNineteenIllegalTransitions() {
        #expect(Self.illegal.count == 6 * 5 - 11)
    }

    @Test func namedMistakes() {
        #expect(StatusTransitionError(status: .cancelled, transition: .submitReport).description
            == "cannot submit a report (submit_report): the assignment is cancelled (отменено); a cancelled assignment accepts nothing")
        #expect(StatusTransitionError(status: .done, transition: .accept).description.contains("already accepted"))
        #expect(StatusTransitionError(status: .done, transition: .submitReport).description.contains("already accepted"))
        #expect(StatusTransitionError(status: .planned, transition: .accept).description.contains("no report"))
    }

    @Test func aReturnedReportCanBeReportedAgain() throws {
        var status = AssignmentStatus.planned
        for transition: AssignmentTransition in [.start, .submitReport, .returnForRework, .submitReport, .accept] {
            status = try status.applying(transition)
        }
        #expect(status == .done)
    }

    @Test func namesAndRawValues() {
        #expect(AssignmentStatus.allCases.map(\.rawValue) == ["planned", "in_progress", "reported", "done", "returned", "cancelled"])
        #expect(AssignmentStatus.allCases.map(\.russianName) == ["запланировано", "в работе", "на проверке", "выполнено", "возвращено", "отменено"])
        #expect(AssignmentStatus.overdueRussianName == "просрочено")
        #expect(AssignmentTransition.allCases.map(\.rawValue) == ["start", "submit_report", "accept", "return_for_rework", "cancel"])
    }
}

@Suite("Overdue")
struct OverdueTests {
    static let due = CalendarDate(year: 2019, month: 3, day: 31)!

    @Test("the due day itself is not overdue; the next day is", arguments: AssignmentStatus.allCases)
    func dueDay(_ status: AssignmentStatus) throws {
        let dayAfter = try #require(Self.due.adding(days: 1))
        let dayBefore = try #require(Self.due.adding(days: -1))
        #expect(!status.isOverdue(dueDay: Self.due, asOf: dayBefore))
        #expect(!status.isOverdue(dueDay: Self.due, asOf: Self.due))
        #expect(status.isOverdue(dueDay: Self.due, asOf: dayAfter) == !(status == .done || status == .cancelled))
        #expect(!status.isOverdue(dueDay: nil, asOf: dayAfter))
    }

    @Test("the committee's time zone decides the day")
    func timeZone() throws {
        // 2019-03-31T22:30Z is already 1 April in Moscow, still 31 March in UTC.
        let instant = try #require(ISO8601DateFormatter().date(from: "2019-03-31T22:30:00Z"))
        let moscow = CommitteeClock()
        #expect(moscow.timeZone.identifier == "Europe/Moscow")
        #expect(moscow.today(now: instant) == CalendarDate(year: 2019, month: 4, day: 1))
        #expect(moscow.isOverdue(.inProgress, dueDay: Self.due, now: instant))
        let utc = try #require(CommitteeClock(timeZoneIdentifier: "UTC"))
        #expect(utc.today(now: instant) == Self.due)
        #expect(!utc.isOverdue(.inProgress, dueDay: Self.due, now: instant))
        #expect(CommitteeClock(timeZoneIdentifier: "Mars/Olympus") == nil)
    }
}

@Suite("Roll-up")
struct RollupTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    static let asOf = day("2019-04-01")

    static let facts = [
        AssignmentFact(status: .done, dueDay: day("2019-03-01")),
        AssignmentFact(status: .done, dueDay: day("2019-05-01")),
        AssignmentFact(status: .inProgress, dueDay: day("2019-03-31")),
        AssignmentFact(status: .planned, dueDay: day("2019-03-15")),
        AssignmentFact(status: .reported, dueDay: day("2019-02-01")),
        AssignmentFact(status: .returned, dueDay: day("2019-03-20"), extendedDueDay: day("2019-06-01")),
        AssignmentFact(status: .cancelled, dueDay: day("2019-01-01")),
        AssignmentFact(status: .planned, dueDay: nil),
    ]

    @Test func arithmetic() {
        let rollup = Rollup(Self.facts, asOf: Self.asOf)
        #expect(rollup.total == 8)
        #expect(rollup.count(.done) == 2)
        #expect(rollup.count(.planned) == 2)
        #expect(rollup.count(.cancelled) == 1)
        #expect(rollup.open == 5)
        #expect(rollup.shareDone == 2.0 / 7.0)
        // in progress 03-31, planned 03-15 and reported 02-01; not the returned one (extended to
        // 06-01), not the done or cancelled ones, not the one without a due day.
        #expect(rollup.overdue == 3)
        #expect(rollup.earliestOpenDeadline == Self.day("2019-02-01"))
    }

    @Test("counts read already counted: a status with none is absent, and counting none is the empty roll-up")
    func countsAddedPerStatus() {
        var rollup = Rollup.empty
        rollup.add(3, in: .done)
        rollup.add(0, in: .planned)
        rollup.add(2, in: .returned)
        #expect(rollup.counts == [.done: 3, .returned: 2])
        #expect(rollup.total == 5 && rollup.open == 2 && rollup.count(.planned) == 0)
        #expect(rollup + rollup == Rollup(counts: [.done: 6, .returned: 4], overdue: 0, earliestOpenDeadline: nil))
        var none = Rollup.empty
        none.add(0, in: .inProgress)
        #expect(none == .empty)
        #expect(Rollup(counts: [.planned: 0], overdue: 0, earliestOpenDeadline: nil) == .empty)
    }

    @Test("a goal without its actions on time is the sum of its late actions")
    func removingTheOnesOnTime() throws {
        let late = Rollup(Self.facts.prefix(5), asOf: Self.asOf)  // three overdue
        let onTime = Rollup(Self.facts.dropFirst(5), asOf: Self.asOf)  // returned but extended; cancelled; no due day
        let whole = late + onTime
        #expect(onTime.overdue == 0)
        #expect(whole.removing(onTime: onTime) == late)
        #expect(whole.removing(onTime: .empty) == whole)
        // Not exact, so not given: a part with overdue work, a part not inside the whole, or a
        // rest with open work and none overdue (its earliest deadline is not known).
        #expect(whole.removing(onTime: late) == nil)
        #expect(onTime.removing(onTime: Rollup([AssignmentFact(status: .done, dueDay: nil)], asOf: Self.asOf)) == nil)
        let future = Rollup([AssignmentFact(status: .planned, dueDay: Self.day("2019-09-01"))], asOf: Self.asOf)
        #expect((future + onTime).removing(onTime: onTime) == nil)
        // Nothing removed: the whole, exact whatever it holds (the order page's goals unfiltered).
        #expect(future.removing(onTime: .empty) == future)
        let closed = Rollup([AssignmentFact(status: .done, dueDay: Self.day("2019-09-01"))], asOf: Self.asOf)
        let rest = try #require((closed + onTime).removing(onTime: onTime))
        #expect(rest == closed)
    }

    @Test func dueTodayIsNotOverdue() {
        let rollup = Rollup([AssignmentFact(status: .inProgress, dueDay: Self.asOf)], asOf: Self.asOf)
        #expect(rollup.overdue == 0)
        #expect(rollup.earliestOpenDeadline == Self.asOf)
    }

    @Test func emptyAndAllCancelled() {
        #expect(Rollup.empty.total == 0)
        #expect(Rollup.empty.shareDone == 0)
        #expect(Rollup.empty.earliestOpenDeadline == nil)
        let cancelled = Rollup([AssignmentFact(status: .cancelled, dueDay: Self.day("2019-01-01"))], asOf: Self.asOf)
        #expect(cancelled.shareDone == 0)
        #expect(cancelled.overdue == 0)
        #expect(cancelled.earliestOpenDeadline == nil)
        let done = Rollup([AssignmentFact(status: .done, dueDay: nil)], asOf: Self.asOf)
        #expect(done.shareDone == 1)
    }

    @Test("parents are the sum of their children: actions → tasks → goals → plans → orders")
    func combining() {
        let whole = Rollup(Self.facts, asOf: Self.asOf)
        let actionA = Rollup(Self.facts.prefix(3), asOf: Self.asOf)
        let actionB = Rollup(Self.facts.dropFirst(3).prefix(2), asOf: Self.asOf)
        let actionC = Rollup(Self.facts.dropFirst(5), asOf: Self.asOf)
        let task = actionA + actionB
        let goal = Rollup.combining([task, actionC])
        let plan = Rollup.combining([goal, .empty])
        #expect(plan == whole)
        #expect(actionA.earliestOpenDeadline == Self.day("2019-03-31"))
        #expect(task.earliestOpenDeadline == Self.day("2019-02-01"))
        #expect(Rollup.combining([Rollup]()) == .empty)
    }

    @Test func recurringDeadlineGivesOneAssignmentPerOccurrence() throws {
        let deadline = try Deadline.parse("ежеквартально", in: .calendarYear(2019))
        let facts = deadline.occurrences.map { AssignmentFact(status: .planned, dueDay: $0.last) }
        let rollup = Rollup(facts, asOf: Self.day("2019-07-01"))
        #expect(rollup.total == 4)
        #expect(rollup.overdue == 2)
        #expect(rollup.earliestOpenDeadline == Self.day("2019-03-31"))
    }
}
