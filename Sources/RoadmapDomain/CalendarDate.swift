import Foundation

/// A day of the civil calendar, with no time and no time zone: the unit of every
/// deadline, due date and report date in the domain («25.06.2018»).
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public private(set) var day: Int

    /// Creates a date, or nil when the day does not exist (31 April, 29 February 2019).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO `YYYY-MM-DD`; nil for anything else or a day that does not exist.
    public init?(iso text: String) {
        // Byte by byte: every date of every row a page shows comes through here.
        var text = text
        let fields: (Int, Int, Int)? = text.withUTF8 { bytes in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let byte = bytes[index]
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
        guard let (year, month, day) = fields else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`, as PostgreSQL and the API write dates.
    public var iso: String {
        // Built by hand: String(format:) goes through Foundation's varargs and is the
        // slowest part of writing 500,000 assignments.
        Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
    }

    /// `dd.mm.yyyy`, as Russian documents and Excel write dates.
    public var russian: String {
        Self.padded(day, 2) + "." + Self.padded(month, 2) + "." + Self.padded(year, 4)
    }

    /// The month and year in Russian, as a timeline heads them: «март 2019».
    public var russianMonth: String {
        "\(DeadlinePoint.months[month - 1]) \(year)"
    }

    /// `value` in decimal, zero-padded on the left to `width` digits.
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first day of the given month.
    public static func firstDay(year: Int, month: Int) -> CalendarDate? {
        CalendarDate(year: year, month: month, day: 1)
    }

    /// The first day of this date's month.
    public var firstOfMonth: CalendarDate {
        var first = self
        first.day = 1
        return first
    }

    /// The first day of the next month (nil after December 9999).
    public var firstOfNextMonth: CalendarDate? {
        month == 12 ? CalendarDate.firstDay(year: year + 1, month: 1) : CalendarDate.firstDay(year: year, month: month + 1)
    }

    /// The last day of the given month.
    public static func lastDay(year: Int, month: Int) -> CalendarDate? {
        guard (1...12).contains(month) else { return nil }
        return CalendarDate(year: year, month: month, day: daysIn(month: month, year: year))
    }

    /// Days since 1970-01-01 (negative before), for arithmetic without Foundation's calendars.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// «25.06.2018», as people type a date (one or two digits for the day and month).
    public init?(russian text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date `daysSinceEpoch` days after 1970-01-01.
    public init?(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// This date moved by `days` (negative moves back); nil outside years 1–9999.
    public func adding(days: Int) -> CalendarDate? {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Whole days from this date to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// Today's date in the given time zone (the committee's, Europe/Moscow by default).
    public static func today(in timeZone: TimeZone, now: Date = Date()) -> CalendarDate {
        let seconds = now.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: now))
        let days = Int((seconds / 86_400).rounded(.down))
        guard let date = CalendarDate(daysSinceEpoch: days) else {
            preconditionFailure("the system clock is outside years 1–9999")
        }
        return date
    }

    // Codable as the ISO string, the form the API and JSON output use.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date as YYYY-MM-DD, got «\(text)»")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
