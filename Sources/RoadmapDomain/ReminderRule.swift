/// When a school is reminded of an open assignment (DESIGN: the control loop): some working
/// days before its due day (7 and 1 by default, set per committee), on the day it becomes
/// overdue, and every `overdueEvery` days while it stays overdue; never on a day off. Done and cancelled work, work
/// reported and waiting for review, and work with no due day are never chased.
public struct ReminderRule: Sendable, Hashable {
    /// A reminder due on a day.
    public enum Reminder: Sendable, Hashable {
        /// The due day is `days` ahead.
        case dueIn(days: Int)
        /// The due day passed `days` ago.
        case overdue(days: Int)

        /// The kind as stored with a queued message: «due_soon», «overdue».
        public var kind: String {
            switch self {
            case .dueIn: "due_soon"
            case .overdue: "overdue"
            }
        }
    }

    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case daysBefore
        case overdueEvery

        public var description: String {
            switch self {
            case .daysBefore: "the days before a deadline must be 1–90, at most 5 of them"
            case .overdueEvery: "overdue work is chased every 1–30 days"
            }
        }
    }

    public let daysBefore: [Int]
    public let overdueEvery: Int

    public init(daysBefore: [Int] = [7, 1], overdueEvery: Int = 7) throws(Refusal) {
        let days = Array(Set(daysBefore)).sorted(by: >)
        guard !days.isEmpty, days.count <= 5, days.allSatisfy({ (1...90).contains($0) }) else { throw .daysBefore }
        guard (1...30).contains(overdueEvery) else { throw .overdueEvery }
        self.daysBefore = days
        self.overdueEvery = overdueEvery
    }

    /// The committee's defaults: 7 and 1 days before, weekly once overdue.
    public static let standard: ReminderRule = {
        do { return try ReminderRule() } catch { preconditionFailure("the default reminder rule is valid") }
    }()

    /// The reminder an assignment in `status`, due on `dueOn`, gets on `asOf`, if any. Days
    /// before the due day count working days of `calendar`; nothing is sent on a day off, and
    /// an overdue reminder whose day falls on days off comes on the next working day.
    public func reminder(status: AssignmentStatus, dueOn: CalendarDate?, asOf: CalendarDate,
                         calendar: WorkingCalendar = .none) -> Reminder? {
        guard !status.isClosed, status != .reported, let dueOn, calendar.isWorkingDay(asOf) else { return nil }
        if dueOn > asOf {
            let ahead = calendar.workingDays(after: asOf, through: dueOn)
            return daysBefore.contains(ahead) ? .dueIn(days: ahead) : nil
        }
        // Overdue reminders fall on the day after the due day (the due day itself is not
        // overdue) and every `overdueEvery` days after; one that fell on days off since the
        // last working day comes today.
        let late = dueOn.days(until: asOf)
        guard late >= 1 else { return nil }
        let before = calendar.previousWorkingDay(before: asOf).map { dueOn.days(until: $0) } ?? (late - 1)
        // Is there a k ≥ 0 with before < 1 + k·every ≤ late?
        let k = (late - 1) / overdueEvery
        let lastTarget = 1 + k * overdueEvery
        return lastTarget > before ? .overdue(days: late) : nil
    }

    /// The due days whose assignments may get a reminder on `asOf`: those some working days
    /// ahead, and those overdue by up to three years whose reminder falls today.
    public func dueDays(remindedOn asOf: CalendarDate, calendar: WorkingCalendar = .none) -> [CalendarDate] {
        guard calendar.isWorkingDay(asOf) else { return [] }
        var days: [CalendarDate] = []
        let furthest = daysBefore.max() ?? 0
        var ahead = 0
        var offset = 0
        while ahead <= furthest, offset < 400 {
            offset += 1
            guard let day = asOf.adding(days: offset) else { break }
            if calendar.isWorkingDay(day) { ahead += 1 }
            if daysBefore.contains(ahead) { days.append(day) }
        }
        for back in 1...(3 * 366) {
            guard let day = asOf.adding(days: -back) else { break }
            if reminder(status: .planned, dueOn: day, asOf: asOf, calendar: calendar) != nil { days.append(day) }
        }
        return days
    }
}
