/// The order of day and month in dates written with slashes. Russian plans write «15/09/2024»
/// day first; pages made by software for other locales write «01/18/2024» month first. Which
/// one a plan uses is only known where one of its dates could not be read the other way: a
/// first number above 12 is a day, a second number above 12 is a day too. Dates such as
/// «01/11/2024» alone prove nothing, and are not read (never a guess).
public enum SlashedDateOrder: Sendable, Equatable {
    case dayMonth
    case monthDay

    /// The order the slashed dates of `texts` prove together; nil when none of them proves an
    /// order, or when they prove both (a plan that cannot be read either way).
    public static func proven(by texts: some Sequence<String>) -> SlashedDateOrder? {
        var dayFirst = false, monthFirst = false
        for text in texts where text.utf8.contains(UInt8(ascii: "/")) {
            for match in text.matches(of: Self.slashedDate.regex) {
                guard let first = Int(match.output.2), let second = Int(match.output.3) else { continue }
                if first > 12, second <= 12 { dayFirst = true }
                if second > 12, first <= 12 { monthFirst = true }
            }
        }
        switch (dayFirst, monthFirst) {
        case (true, false): return .dayMonth
        case (false, true): return .monthDay
        default: return nil
        }
    }

    /// `text` with each slashed date in this order written as «день.месяц.год», which the
    /// parser reads; the rest of the text as it was.
    func rewriting(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "/")) else { return text }
        return text.replacing(Self.slashedDate.regex) { match in
            let (before, first, second, year) = (match.output.1, match.output.2, match.output.3, match.output.4)
            return before + (self == .dayMonth ? "\(first).\(second).\(year)" : "\(second).\(first).\(year)")
        }
    }

    /// «15/09/2024», «01/18/24»: two numbers of a day and a month and a year, between slashes
    /// (not «2022/2023», an academic year, nor «123/201», rooms).
    static let slashedDate = SharedRegex(/(^|[^\d\/.])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d\/])/)
}
