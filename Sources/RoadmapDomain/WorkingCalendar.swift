/// The committee's production calendar (производственный календарь): which days are worked.
/// For a year whose official calendar is loaded, Monday to Friday are working days and
/// Saturday and Sunday are off, except the listed days: holidays off, transferred Saturdays
/// worked. A year with no calendar loaded has no days off known: every day counts, as
/// calendar days did before (the daily pass says so rather than guessing holidays).
public struct WorkingCalendar: Sendable, Hashable {
    /// Years whose calendar is loaded.
    public let years: Set<Int>
    /// Days that differ from Monday–Friday: true worked, false off.
    public let exceptions: [CalendarDate: Bool]

    public init(years: Set<Int> = [], exceptions: [CalendarDate: Bool] = [:]) {
        self.years = years
        self.exceptions = exceptions
    }

    /// No calendar at all: every day a working day.
    public static let none = WorkingCalendar()

    public func covers(_ day: CalendarDate) -> Bool { years.contains(day.year) }

    /// ISO weekday: 1 Monday … 7 Sunday (1 January 1970 was a Thursday).
    public static func weekday(_ day: CalendarDate) -> Int {
        let days = CalendarDate(year: 1970, month: 1, day: 1).map { $0.days(until: day) } ?? 0
        return ((days % 7) + 7 + 3) % 7 + 1
    }

    public func isWorkingDay(_ day: CalendarDate) -> Bool {
        guard covers(day) else { return true }
        if let worked = exceptions[day] { return worked }
        return Self.weekday(day) <= 5
    }

    /// Working days after `from` up to and including `to`; 0 when `to` is not later.
    public func workingDays(after from: CalendarDate, through to: CalendarDate) -> Int {
        let span = from.days(until: to)
        guard span > 0 else { return 0 }
        return (1...span).reduce(0) { count, offset in
            guard let day = from.adding(days: offset) else { return count }
            return isWorkingDay(day) ? count + 1 : count
        }
    }

    /// The day `count` working days after `day` («в течение 10 рабочих дней»); nil past year 9999.
    public func adding(workingDays count: Int, to day: CalendarDate) -> CalendarDate? {
        var current = day
        var left = max(count, 0)
        while left > 0 {
            guard let next = current.adding(days: 1) else { return nil }
            current = next
            if isWorkingDay(current) { left -= 1 }
        }
        return current
    }

    /// The last working day before `day`, looking back at most `limit` days.
    public func previousWorkingDay(before day: CalendarDate, limit: Int = 60) -> CalendarDate? {
        for back in 1...max(limit, 1) {
            guard let candidate = day.adding(days: -back) else { return nil }
            if isWorkingDay(candidate) { return candidate }
        }
        return nil
    }

    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case line(Int, String)

        public var description: String {
            switch self {
            case .line(let number, let reason): "line \(number): \(reason)"
            }
        }
    }

    /// Reads a calendar file: one day a line, `YYYY-MM-DD;off|work[;what]` («2026-01-09;off;
    /// перенос с 3 января»), `#` comments and blank lines skipped. Returns the days and the
    /// years they belong to.
    public static func parse(_ text: String) throws(Refusal) -> [(day: CalendarDate, worked: Bool, note: String?)] {
        var days: [(CalendarDate, Bool, String?)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: ";", maxSplits: 2, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2, let day = CalendarDate(iso: fields[0]) else {
                throw .line(index + 1, "expected YYYY-MM-DD;off|work[;note], got «\(line.prefix(60))»")
            }
            guard ["off", "work"].contains(fields[1]) else { throw .line(index + 1, "the kind must be off or work, got «\(fields[1])»") }
            days.append((day, fields[1] == "work", fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil))
        }
        return days
    }
}
