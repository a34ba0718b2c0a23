/// How often a recurring obligation repeats («ежемесячно», «2 раза в год»). The raw values are
/// the words the API, the CLI's JSON and the database use.
public enum Recurrence: String, CaseIterable, Codable, Hashable, Sendable, CustomStringConvertible {
    /// «еженедельно», «раз в неделю», «по пятницам»: one occurrence per ISO week (Monday–Sunday)
    /// or, with a weekday, on that weekday.
    case weekly
    /// «ежемесячно», «раз в месяц», «ежемесячно до 5 числа»: one occurrence per calendar month.
    case monthly
    /// «ежеквартально», «раз в квартал»: one occurrence per calendar quarter.
    case quarterly
    /// «2 раза в год», «раз в полугодие»: one occurrence per half of each year of the context
    /// (January–June and July–December; in an academic year September–December and January–August).
    case twiceAYear = "twice_a_year"
    /// «ежегодно», «раз в год», «ежегодно, до 25 декабря»: one occurrence per year of the context.
    case annually

    public var description: String { rawValue }

    /// The Russian word a page shows.
    public var russianName: String {
        switch self {
        case .weekly: "еженедельно"
        case .monthly: "ежемесячно"
        case .quarterly: "ежеквартально"
        case .twiceAYear: "2 раза в год"
        case .annually: "ежегодно"
        }
    }
}
