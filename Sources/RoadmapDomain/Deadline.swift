/// A deadline («срок реализации») as a committee wrote it, with the days it stands for.
///
/// The text is kept verbatim (NFC). The parsed part is:
/// - `period`: the first and last day the deadline covers. For a due date («до 01.09.2019»,
///   «не позднее 15 числа») the period is the **single due day** (2019-09-01...2019-09-01), in every
///   context: the kind `.dueDate` says that work may happen any time before it. For a recurring
///   deadline the period is the window the occurrences fill (the context's period, or the period
///   the text names: «ежеквартально в 2019 году»).
/// - `occurrences`: the periods that each get their own assignment. A recurring deadline has one
///   per week, month, quarter, half-year or year overlapping its window, clipped to the window (a
///   due day recurs as single days inside the window); a list («март, октябрь 2019») has one per
///   item; any other deadline with a period has exactly one, the period itself; `.noDueDate`
///   and `.unparsed` have none.
/// - `dueDay`: the last day of the last occurrence, what overdue is measured against.
public struct Deadline: Hashable, Sendable {
    /// The shape of the text, for display and for analysts' queries.
    public enum Kind: String, CaseIterable, Codable, Hashable, Sendable {
        /// «25.06.2018», «1 сентября 2019 г.»
        case day
        /// «01.09.2018-31.05.2019», «с 1 по 15 сентября 2019»
        case dayRange = "day_range"
        /// «до 1 сентября 2019 г.», «не позднее 25.12.2019», «до конца 2019 года»
        case dueDate = "due_date"
        /// «Март 2019»
        case month
        /// «Сентябрь 2018 – апрель 2019», «май-июнь 2019»
        case monthRange = "month_range"
        /// «I квартал 2020 года», «IV кв. 2018»
        case quarter
        /// «1 полугодие 2019»
        case halfYear = "half_year"
        /// «в течение 2019 года», «2019 г.»
        case year
        /// «2019-2020 гг.», «2018–2020 годы»
        case yearRange = "year_range"
        /// «2022-2023 учебный год»
        case academicYear = "academic_year"
        /// «летний период», «лето 2019»
        case season
        /// A range mixing units («с сентября 2018 по 15 мая 2019», «I–II квартал 2019») or open
        /// at the end («с 01.09.2018», which runs to the end of the context).
        case range
        /// Several periods («март, октябрь 2019»): one occurrence each.
        case list
        /// «ежемесячно», «ежеквартально», «2 раза в год», «ежегодно, до 25 декабря».
        case recurring
        /// «постоянно», «в течение года», «весь период», «в течение учебного года»: the context's period.
        case wholePeriod = "whole_period"
        /// «по мере необходимости», «по согласованию»: no due date, never overdue.
        case noDueDate = "no_due_date"
        /// Text the parser cannot read: kept for a person, never guessed.
        case unparsed
    }

    /// The text as written, NFC-normalised.
    public let text: String
    public let kind: Kind
    /// First and last day covered; nil for `.noDueDate` and `.unparsed`.
    public let period: DatePeriod?
    /// How the obligation repeats; nil unless `kind == .recurring`.
    public let recurrence: Recurrence?
    /// The periods that each get an assignment, in order.
    public let occurrences: [DatePeriod]

    public init(
        text: String, kind: Kind, period: DatePeriod?, recurrence: Recurrence? = nil,
        occurrences: [DatePeriod]? = nil
    ) {
        self.text = RussianText.nfc(text)
        self.kind = kind
        self.period = period
        self.recurrence = recurrence
        self.occurrences = occurrences ?? period.map { [$0] } ?? []
    }

    /// A deadline nobody could read: kept as text, flagged for a person.
    public static func unparsed(_ text: String) -> Deadline {
        Deadline(text: text, kind: .unparsed, period: nil, occurrences: [])
    }

    /// Parses `text` with `DeadlineParser`.
    public static func parse(_ text: String, in context: DeadlineContext = .none) throws(DeadlineError) -> Deadline {
        try DeadlineParser().parse(text, in: context)
    }

    /// False when the text could not be read.
    public var isParsed: Bool { kind != .unparsed }

    /// The day the (last) obligation is due: the last day of the last occurrence. Nil when there
    /// is none («по мере необходимости», unparsed text).
    public var dueDay: CalendarDate? {
        occurrences.last?.last ?? period?.last
    }

    /// Whether the deadline's last obligation is past as of `date`: its due day is before `date`
    /// (the due day itself is not overdue). A deadline without a due day is never overdue.
    /// This ignores status; `AssignmentStatus.isOverdue(dueDay:asOf:)` adds the status rule.
    public func isOverdue(asOf date: CalendarDate) -> Bool {
        guard let dueDay else { return false }
        return dueDay < date
    }

    /// The occurrences whose last day is before `date`.
    public func overdueOccurrences(asOf date: CalendarDate) -> [DatePeriod] {
        occurrences.filter { $0.last < date }
    }
}
