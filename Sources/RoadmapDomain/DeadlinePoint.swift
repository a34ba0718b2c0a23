/// One calendar unit a deadline names, possibly without its year: «25 декабря», «март 2019»,
/// «I квартал», «1 полугодие 2022-2023 учебного года», «лето». Ranges and lists are made of
/// points; a point without a year takes it from a neighbour or from the context.
struct DeadlinePoint: Hashable, Sendable {
    enum Unit: Hashable, Sendable {
        case day(Int, month: Int)
        case month(Int)
        case quarter(Int)
        case half(Int)
        /// A calendar year; with `year == nil` it is «год» in «до конца года».
        case year
        /// An academic year; with `year == nil` it is «учебного года» in «до конца учебного года».
        case academicYear
        case season(DeadlineToken.Season)
        /// A number whose unit comes from the right side of a range: «1» in «1–15 сентября»,
        /// «I» in «I–II квартал».
        case bare(Int)
    }

    var unit: Unit
    /// The calendar year, or the first year of the academic year when `isAcademic`.
    var year: Int?
    var isAcademic = false
    /// «конец …», «до конца …»: only the last day counts.
    var endOnly = false

    /// Why parsing a point or a deadline stopped.
    enum Failure: Error {
        /// The text is not a deadline this parser can read: it becomes `.unparsed`.
        case unreadable
        /// The text was read but needs (other) context.
        case context(DeadlineError)
    }

    /// The days this point covers with the year it carries; nil year is a programming error
    /// reported as unreadable.
    func period() throws(Failure) -> DatePeriod {
        guard let year else { throw .unreadable }
        let base = try basePeriod(year: year)
        if endOnly { return DatePeriod(day: base.last) }
        return base
    }

    private func basePeriod(year: Int) throws(Failure) -> DatePeriod {
        // In an academic year September–December fall in its first year, the rest in the next.
        func calendarYear(forMonth month: Int) -> Int {
            isAcademic && month < 9 ? year + 1 : year
        }
        let result: DatePeriod?
        switch unit {
        case .day(let day, let month):
            result = CalendarDate(year: calendarYear(forMonth: month), month: month, day: day).map { DatePeriod(day: $0) }
        case .month(let month):
            result = DatePeriod.month(month, of: calendarYear(forMonth: month))
        case .quarter(let quarter):
            guard (1...4).contains(quarter) else { throw .unreadable }
            let firstMonth = quarter * 3 - 2
            let y = calendarYear(forMonth: firstMonth)
            result = Self.span(y, firstMonth, y, firstMonth + 2)
        case .half(let half):
            guard (1...2).contains(half) else { throw .unreadable }
            if isAcademic {
                result = half == 1 ? Self.span(year, 9, year, 12) : Self.span(year + 1, 1, year + 1, 8)
            } else {
                result = half == 1 ? Self.span(year, 1, year, 6) : Self.span(year, 7, year, 12)
            }
        case .year:
            result = isAcademic ? DatePeriod.academicYear(startingIn: year) : DatePeriod.year(year)
        case .academicYear:
            result = DatePeriod.academicYear(startingIn: year)
        case .season(let season):
            switch (season, isAcademic) {
            case (.winter, true): result = Self.span(year, 12, year + 1, 2)
            // «зима 2019» may mean December 2018 or December 2019: a person must say.
            case (.winter, false): throw .unreadable
            default:
                let first = season.firstMonth
                let y = calendarYear(forMonth: first)
                result = Self.span(y, first, y, first + 2)
            }
        case .bare:
            throw .unreadable
        }
        guard let result else { throw .unreadable }
        return result
    }

    /// First day of `firstMonth` to the last day of `lastMonth`.
    static func span(_ firstYear: Int, _ firstMonth: Int, _ lastYear: Int, _ lastMonth: Int) -> DatePeriod? {
        guard let first = CalendarDate.firstDay(year: firstYear, month: firstMonth),
              let last = CalendarDate.lastDay(year: lastYear, month: lastMonth)
        else { return nil }
        return DatePeriod(first: first, last: last)
    }

    /// Resolves the point's days, taking a missing year from `context`.
    func resolved(in context: DeadlineContext, text: String) throws(Failure) -> DatePeriod {
        if year != nil { return try period() }
        var point = self
        // «до конца года»: 31 December of the context's one calendar year.
        if endOnly, unit == .year {
            point.unit = .day(31, month: 12)
            point.endOnly = false
        }
        switch context {
        case .none:
            if point.unit == .academicYear { throw .context(.missingPeriod(text: text)) }
            throw .context(.missingYear(text: text, phrase: phrase))
        case .calendarYear(let year):
            if point.unit == .academicYear || point.unit == .season(.winter) {
                throw .context(.needsOtherContext(
                    text: text, needed: "an academic year or a plan period", given: context.description))
            }
            point.year = year
            return try point.period()
        case .academicYear(let start):
            point.year = start
            point.isAcademic = true
            return try point.period()
        case .planPeriod(let plan):
            // Halves read as school halves when the plan starts on 1 September; winters always
            // straddle two years, so they are counted from the December they start in.
            let academicPlan = plan.first.month == 9 && plan.first.day == 1
            switch point.unit {
            case .academicYear, .season(.winter): point.isAcademic = true
            case .half: point.isAcademic = academicPlan
            default: point.isAcademic = false
            }
            var candidates: [DatePeriod] = []
            for year in (plan.first.year - 1)...(plan.last.year + 1) {
                point.year = year
                guard let candidate = try? point.period() else { continue }
                let fits: Bool
                if case .day = point.unit {
                    fits = plan.contains(candidate.first)
                } else {
                    fits = plan.overlaps(candidate)
                }
                if fits && !candidates.contains(candidate) { candidates.append(candidate) }
            }
            switch candidates.count {
            case 1: return candidates[0]
            case 0: throw .context(.notInContext(text: text, phrase: phrase, context: context.description))
            default:
                throw .context(.ambiguousInContext(
                    text: text, phrase: phrase, context: context.description, candidates: candidates))
            }
        }
    }

    /// How the point reads in an error message.
    var phrase: String {
        let romans = ["I", "II", "III", "IV"]
        switch unit {
        // A month outside 1…12 («12.00» read as a date) is said as written, never indexed.
        case .day(let day, let month):
            return Self.genitiveMonths.indices.contains(month - 1) ? "\(day) \(Self.genitiveMonths[month - 1])" : "\(day).\(month)"
        case .month(let month): return Self.months.indices.contains(month - 1) ? Self.months[month - 1] : "\(month)"
        case .quarter(let quarter): return (1...4).contains(quarter) ? "\(romans[quarter - 1]) квартал" : "квартал"
        case .half(let half): return "\(half) полугодие"
        case .year: return endOnly ? "конец года" : "год"
        case .academicYear: return "учебный год"
        case .season(let season):
            switch season {
            case .winter: return "зима"
            case .spring: return "весна"
            case .summer: return "лето"
            case .autumn: return "осень"
            }
        case .bare(let number): return "\(number)"
        }
    }

    static let months = [
        "январь", "февраль", "март", "апрель", "май", "июнь",
        "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    ]
    static let genitiveMonths = [
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ]
}
