/// When a school is reminded of an open assignment (DESIGN: the control loop): some days
/// before its due day (7 and 1 by default, set per committee), on the day it becomes overdue,
/// and every `overdueEvery` days while it stays overdue. Done and cancelled work, work
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

    /// The reminder an assignment in `status`, due on `dueOn`, gets on `asOf`, if any.
    public func reminder(status: AssignmentStatus, dueOn: CalendarDate?, asOf: CalendarDate) -> Reminder? {
        guard !status.isClosed, status != .reported, let dueOn else { return nil }
        let ahead = asOf.days(until: dueOn)
        if ahead > 0 { return daysBefore.contains(ahead) ? .dueIn(days: ahead) : nil }
        let late = -ahead
        // The day after the due day is the first day it is overdue (the due day itself is not).
        guard late >= 1, (late - 1) % overdueEvery == 0 else { return nil }
        return .overdue(days: late)
    }

    /// The due days of the assignments reminded before their deadline on `asOf`: `asOf`
    /// plus each of `daysBefore`.
    public func dueDays(remindedOn asOf: CalendarDate) -> [CalendarDate] {
        daysBefore.compactMap { asOf.adding(days: $0) }
    }
}
