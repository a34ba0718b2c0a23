/// What a deadline's text may leave out and its reader must supply: the period of the plan the
/// deadline belongs to, a calendar year or an academic year. «Сентябрь» means September 2022 in
/// a plan for the 2022–2023 academic year; «постоянно» means the whole plan period.
public enum DeadlineContext: Hashable, Sendable, CustomStringConvertible {
    /// Nothing is known: a deadline must carry its own years.
    case none
    /// A calendar year: months without a year fall in it.
    case calendarYear(Int)
    /// The academic year 1 September `startingIn` – 31 August of the next year: September to
    /// December fall in the start year, January to August in the next.
    case academicYear(startingIn: Int)
    /// The period of a plan: a month without a year is the one occurrence of that month
    /// overlapping the period (an error when it occurs never or more than once).
    case planPeriod(DatePeriod)

    /// The whole period the context covers, nil for `.none`.
    public var period: DatePeriod? {
        switch self {
        case .none: nil
        case .calendarYear(let year): DatePeriod.year(year)
        case .academicYear(let start): DatePeriod.academicYear(startingIn: start)
        case .planPeriod(let period): period
        }
    }

    public var description: String {
        switch self {
        case .none: "no context"
        case .calendarYear(let year): "the calendar year \(year)"
        case .academicYear(let start): "the academic year \(start)–\(start + 1)"
        case .planPeriod(let period): "the plan period \(period)"
        }
    }

    /// Builds a context from the CLI's or the API's three mutually exclusive options
    /// (`--year`, `--academic-year`, `--period YYYY-MM-DD..YYYY-MM-DD`); none given is `.none`.
    public init(year: Int?, academicYear: Int?, period: String?) throws(DeadlineError) {
        let given = [year != nil, academicYear != nil, period != nil].filter { $0 }.count
        guard given <= 1 else {
            throw .invalidContext("give at most one of a year, an academic year and a period")
        }
        if let year {
            guard DatePeriod.year(year) != nil, (1000...9998).contains(year) else {
                throw .invalidContext("the year \(year) is not a calendar year (1000–9998)")
            }
            self = .calendarYear(year)
        } else if let academicYear {
            guard (1000...9998).contains(academicYear) else {
                throw .invalidContext("the academic year must start in a year 1000–9998, got \(academicYear)")
            }
            self = .academicYear(startingIn: academicYear)
        } else if let period {
            guard let parsed = DatePeriod(parsing: period) else {
                throw .invalidContext(
                    "the period «\(period)» is not YYYY-MM-DD..YYYY-MM-DD with the first day not after the last")
            }
            self = .planPeriod(parsed)
        } else {
            self = .none
        }
    }
}
