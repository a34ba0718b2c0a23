import Foundation

/// The committee's calendar: which day it is «today» for overdue checks. Overdue is decided in
/// the committee's time zone (Europe/Moscow unless configured), so 2019-03-31T22:30Z is already
/// 1 April.
public struct CommitteeClock: Sendable {
    /// Europe/Moscow, the default committee time zone.
    public static let defaultTimeZoneIdentifier = "Europe/Moscow"

    /// Europe/Moscow (UTC+3 if the system has no zone database).
    public static var defaultTimeZone: TimeZone {
        TimeZone(identifier: defaultTimeZoneIdentifier) ?? TimeZone(secondsFromGMT: 3 * 3600) ?? .gmt
    }

    public let timeZone: TimeZone

    public init(timeZone: TimeZone = CommitteeClock.defaultTimeZone) {
        self.timeZone = timeZone
    }

    /// A clock for a configured zone identifier; nil when the identifier is unknown.
    public init?(timeZoneIdentifier: String) {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else { return nil }
        self.init(timeZone: zone)
    }

    /// The committee's date at `now`.
    public func today(now: Date = Date()) -> CalendarDate {
        CalendarDate.today(in: timeZone, now: now)
    }

    /// The first moment after `day` ends in the committee's zone: what was recorded before it
    /// is what the committee saw at the end of that day.
    public func end(of day: CalendarDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let next = day.adding(days: 1) ?? day
        let start = calendar.date(from: DateComponents(year: next.year, month: next.month, day: next.day))
        return start ?? Date(timeIntervalSince1970: Double(next.daysSinceEpoch) * 86_400 - Double(timeZone.secondsFromGMT()))
    }

    /// Whether an assignment in `status` due on `dueDay` is overdue at `now`.
    public func isOverdue(_ status: AssignmentStatus, dueDay: CalendarDate?, now: Date = Date()) -> Bool {
        status.isOverdue(dueDay: dueDay, asOf: today(now: now))
    }
}
