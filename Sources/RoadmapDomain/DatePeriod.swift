import Foundation

/// A closed period of days, first day to last day inclusive: what a deadline covers
/// («Сентябрь 2018 – апрель 2019» → 2018-09-01...2019-04-30). PostgreSQL stores it as a
/// canonical `daterange` `[first, last + 1)`.
public struct DatePeriod: Hashable, Sendable, CustomStringConvertible, Codable {
    public let first: CalendarDate
    public let last: CalendarDate

    /// Nil when `last` is before `first`.
    public init?(first: CalendarDate, last: CalendarDate) {
        guard first <= last else { return nil }
        self.first = first
        self.last = last
    }

    /// A single day.
    public init(day: CalendarDate) {
        self.first = day
        self.last = day
    }

    /// A whole calendar month.
    public static func month(_ month: Int, of year: Int) -> DatePeriod? {
        guard let first = CalendarDate.firstDay(year: year, month: month),
              let last = CalendarDate.lastDay(year: year, month: month)
        else { return nil }
        return DatePeriod(first: first, last: last)
    }

    /// A whole calendar year.
    public static func year(_ year: Int) -> DatePeriod? {
        guard let first = CalendarDate(year: year, month: 1, day: 1),
              let last = CalendarDate(year: year, month: 12, day: 31)
        else { return nil }
        return DatePeriod(first: first, last: last)
    }

    /// The academic year starting on 1 September of `startYear` (2022 → 2022-09-01...2023-08-31).
    public static func academicYear(startingIn startYear: Int) -> DatePeriod? {
        guard let first = CalendarDate(year: startYear, month: 9, day: 1),
              let last = CalendarDate(year: startYear + 1, month: 8, day: 31)
        else { return nil }
        return DatePeriod(first: first, last: last)
    }

    public func contains(_ date: CalendarDate) -> Bool {
        first <= date && date <= last
    }

    public func overlaps(_ other: DatePeriod) -> Bool {
        first <= other.last && other.first <= last
    }

    /// Number of days, both ends counted.
    public var dayCount: Int { first.days(until: last) + 1 }

    public var description: String { "\(first.iso)..\(last.iso)" }

    /// Parses `YYYY-MM-DD..YYYY-MM-DD`, the form the CLI takes.
    public init?(parsing text: String) {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2,
              let first = CalendarDate(iso: parts[0]), let last = CalendarDate(iso: parts[1])
        else { return nil }
        self.init(first: first, last: last)
    }
}
