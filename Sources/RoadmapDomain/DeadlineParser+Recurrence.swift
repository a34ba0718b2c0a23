/// Recurring deadlines: «ежемесячно», «раз в квартал», «2 раза в год», «ежегодно, до 25 декабря»,
/// «ежемесячно до 5 числа», «не позднее 15 числа месяца, следующего за отчётным», «еженедельно
/// по пятницам».
///
/// The window the occurrences fill is the period the text names («ежеквартально в 2019 году»)
/// or else the context's period (an error when there is none). Occurrences are every week,
/// month, quarter, half-year or year overlapping the window, clipped to it; a due day («до 5
/// числа», «до 25 декабря») gives single days, one per month or year, that fall inside the
/// window. «до 15 числа месяца, следующего за отчётным» is due on the 15th of every month: the
/// offset says which month the report is about, not when it is due. Years are academic years
/// (September–August) when the window starts on 1 September, calendar years otherwise; that
/// decides the halves of «2 раза в год» and the years of «ежегодно».
extension DeadlineParser {
    /// What a recurring deadline says beyond its recurrence.
    enum RecurrenceAnchor: Hashable {
        case none
        /// «до 5 числа»; `following` for «месяца, следующего за отчётным».
        case dayOfMonth(Int, following: Bool)
        /// «до 25 декабря»
        case dayOfYear(month: Int, day: Int)
        /// «в декабре»
        case monthOfYear(Int)
    }

    func readRecurring(_ tokens: [DeadlineToken], text: String, context: DeadlineContext) throws(Failure) -> Deadline? {
        if let then = tokens.firstIndex(of: .word("далее")), then > 0 {
            return try readFirstThenRecurring(
                Array(tokens[..<then]), then: Array(tokens[(then + 1)...]), text: text, context: context)
        }
        var remaining: [DeadlineToken] = []
        var recurrence: Recurrence?
        var weekday: Int?
        var index = 0
        while index < tokens.count {
            if let marker = Self.recurrenceMarker(in: tokens, at: index) {
                if let found = marker.recurrence {
                    if let recurrence, recurrence != found { throw .unreadable }
                    recurrence = found
                }
                if let day = marker.weekday {
                    if weekday != nil { throw .unreadable }
                    weekday = day
                }
                index += marker.length
            } else {
                remaining.append(tokens[index])
                index += 1
            }
        }
        remaining.removeAll { $0 == .comma }
        if recurrence == nil {
            // «не позднее 15 числа месяца, следующего за отчётным» recurs monthly by itself;
            // «до 5 числа» alone names no month.
            let namesDayOfMonth = remaining.contains {
                if case .word(let word) = $0 { return word.hasPrefix("числ") }
                return false
            }
            guard namesDayOfMonth || weekday != nil else { return nil }
        }
        let (anchor, rest) = try Self.anchor(in: remaining)
        if recurrence == nil {
            if weekday != nil {
                recurrence = .weekly
            } else if case .dayOfMonth(_, following: true) = anchor {
                recurrence = .monthly
            } else {
                throw .unreadable
            }
        }
        guard let recurrence else { return nil }
        if weekday != nil && recurrence != .weekly { throw .unreadable }
        guard Self.canAnchor(recurrence, anchor) else { throw .unreadable }

        let window: DatePeriod
        if rest.isEmpty {
            guard let period = context.period else { throw .context(.missingPeriod(text: text)) }
            window = period
        } else if let academic = Self.wholePeriodPhrase(rest) {
            window = try Self.wholePeriod(academic: academic, text: text, context: context)
        } else {
            let expression = try DeadlineReader.expression(from: rest)
            guard expression.prefix != .due, expression.items.count == 1 else { throw .unreadable }
            let named = try deadline(from: expression, text: text, context: context)
            guard let period = named.period else { throw .unreadable }
            window = period
        }
        let occurrences = try Self.occurrences(
            of: recurrence, anchor: anchor, weekday: weekday, in: window)
        guard !occurrences.isEmpty else {
            throw .context(.notInContext(text: text, phrase: text, context: "the period \(window)"))
        }
        return Deadline(text: text, kind: .recurring, period: window, recurrence: recurrence, occurrences: occurrences)
    }

    /// «до 01.09.2025, далее — ежегодно», «сентябрь 2024 г., далее ежегодно», «2025 год, далее
    /// ежеквартально»: the deadline named first, then the same obligation again with the
    /// recurrence, up to the end of the context's period. The first deadline gives the day or the
    /// month each later year keeps («до 01.09.2025, далее ежегодно» is due on 1 September of each
    /// year); the words after the recurrence may name their own («далее ежегодно до 1 июня»).
    /// With no period in the context the repetitions have no end, and the text is left for a
    /// person to read.
    func readFirstThenRecurring(
        _ head: [DeadlineToken], then tail: [DeadlineToken], text: String, context: DeadlineContext
    ) throws(Failure) -> Deadline {
        let separators: [DeadlineToken] = [.comma, .dash]
        var head = head, tail = tail
        while let last = head.last, separators.contains(last) { head.removeLast() }
        while let first = tail.first, separators.contains(first) { tail.removeFirst() }
        guard !head.isEmpty, let marker = Self.recurrenceMarker(in: tail, at: 0), let recurrence = marker.recurrence,
              marker.weekday == nil
        else { throw .unreadable }
        var rest = Array(tail[marker.length...])
        rest.removeAll { $0 == .comma }
        let (named, after) = try Self.anchor(in: rest)
        guard after.isEmpty else { throw .unreadable }

        let first = try read(head, text: text, context: context)
        let single: Set<Deadline.Kind> = [.day, .dueDate, .month, .quarter, .halfYear, .year, .academicYear, .dayRange, .monthRange]
        guard single.contains(first.kind), let start = first.period else { throw .unreadable }
        var anchor = named
        if case .none = anchor, recurrence == .annually || recurrence == .monthly {
            if start.first == start.last {
                anchor = recurrence == .annually
                    ? .dayOfYear(month: start.first.month, day: start.first.day)
                    : .dayOfMonth(start.first.day, following: false)
            } else if recurrence == .annually, first.kind == .month {
                anchor = .monthOfYear(start.first.month)
            }
        }
        guard Self.canAnchor(recurrence, anchor) else { throw .unreadable }
        guard let end = context.period?.last else { throw .context(.missingPeriod(text: text)) }
        var occurrences = [start]
        if let next = start.last.adding(days: 1), let later = DatePeriod(first: next, last: end) {
            occurrences += try Self.occurrences(of: recurrence, anchor: anchor, weekday: nil, in: later)
        }
        guard let whole = DatePeriod(first: start.first, last: max(start.last, end)) else { throw .unreadable }
        return Deadline(text: text, kind: .recurring, period: whole, recurrence: recurrence, occurrences: occurrences)
    }

    struct RecurrenceMarker {
        var recurrence: Recurrence?
        var weekday: Int?
        var length: Int
    }

    static let weekdayPlurals: [String: Int] = [
        "понедельникам": 1, "вторникам": 2, "средам": 3, "четвергам": 4, "пятницам": 5, "субботам": 6,
        "воскресеньям": 7,
    ]
    static let weekdaySingulars: [String: Int] = [
        "понедельник": 1, "вторник": 2, "среду": 3, "четверг": 4, "пятницу": 5, "субботу": 6, "воскресенье": 7,
    ]

    /// The recurrence word or phrase starting at `index`, if any.
    static func recurrenceMarker(in tokens: [DeadlineToken], at index: Int) -> RecurrenceMarker? {
        func token(_ offset: Int) -> DeadlineToken? {
            index + offset < tokens.count ? tokens[index + offset] : nil
        }
        func word(_ offset: Int) -> String? {
            if case .word(let word) = token(offset) { return word }
            return nil
        }
        /// The unit after «раз в», «каждый»: месяц, квартал, год, неделю, полугодие.
        func unit(_ offset: Int) -> Recurrence? {
            switch token(offset) {
            case .quarter: return .quarterly
            case .yearWord: return .annually
            case .half: return .twiceAYear
            case .word(let word):
                if word.hasPrefix("месяц") { return .monthly }
                if word.hasPrefix("недел") { return .weekly }
                if word == "полгода" { return .twiceAYear }
                return nil
            default: return nil
            }
        }
        guard let first = word(0) else {
            // «1 раз в месяц», «2 раза в год»
            if case .number(let count, _) = token(0), let times = word(1), times.hasPrefix("раз"), word(2) == "в",
               let per = unit(3) {
                return Self.marker(times: count, per: per, length: 4)
            }
            return nil
        }
        let simple: [(String, Recurrence)] = [
            ("ежемесячн", .monthly), ("помесячн", .monthly), ("ежекварталь", .quarterly),
            ("поквартальн", .quarterly), ("ежегодн", .annually), ("еженедельн", .weekly),
            ("ежеполугод", .twiceAYear),
        ]
        for (stem, recurrence) in simple where first.hasPrefix(stem) {
            return RecurrenceMarker(recurrence: recurrence, length: 1)
        }
        if first.hasPrefix("кажд") {
            if let per = unit(1) { return RecurrenceMarker(recurrence: per, length: 2) }
            if let next = word(1), let day = weekdaySingulars[next] {
                return RecurrenceMarker(recurrence: .weekly, weekday: day, length: 2)
            }
            return nil
        }
        // «Февраль 2021 г. (не реже одного раза в год)»: at least as often is the recurrence
        // itself, wherever it stands.
        if first == "не", let next = word(1), ["реже", "менее"].contains(next),
           var inner = recurrenceMarker(in: tokens, at: index + 2), inner.recurrence != nil {
            inner.length += 2
            return inner
        }
        if first == "по", let next = word(1), let day = weekdayPlurals[next] {
            return RecurrenceMarker(weekday: day, length: 2)
        }
        if first == "раз", word(1) == "в", let per = unit(2) {
            return RecurrenceMarker(recurrence: per, length: 3)
        }
        let counts: [String: Int] = ["один": 1, "одного": 1, "два": 2, "дважды": 2, "четыре": 4, "четырежды": 4]
        if let count = counts[first] {
            if let times = word(1), times.hasPrefix("раз"), word(2) == "в", let per = unit(3) {
                return marker(times: count, per: per, length: 4)
            }
            if first.hasSuffix("жды"), word(1) == "в", let per = unit(2) {
                return marker(times: count, per: per, length: 3)
            }
        }
        return nil
    }

    /// «N раз в год» as a recurrence: once per unit, 2 a year (halves), 4 a year (quarters),
    /// 12 a year (months). Other counts name no period and stay unread.
    static func marker(times: Int, per: Recurrence, length: Int) -> RecurrenceMarker? {
        if times == 1 { return RecurrenceMarker(recurrence: per, length: length) }
        guard per == .annually else { return nil }
        switch times {
        case 2: return RecurrenceMarker(recurrence: .twiceAYear, length: length)
        case 4: return RecurrenceMarker(recurrence: .quarterly, length: length)
        case 12: return RecurrenceMarker(recurrence: .monthly, length: length)
        default: return nil
        }
    }

    /// Reads a due day or month off the front of what is left after the recurrence words;
    /// returns the anchor and the tokens after it (which may name the window).
    static func anchor(in tokens: [DeadlineToken]) throws(Failure) -> (RecurrenceAnchor, [DeadlineToken]) {
        var index = 0
        func word(_ offset: Int) -> String? {
            if index + offset < tokens.count, case .word(let word) = tokens[index + offset] { return word }
            return nil
        }
        var sawDueWord = false
        while let current = word(0) {
            if ["до", "к", "в", "во", "срок", "срока", "по"].contains(current) {
                sawDueWord = sawDueWord || current != "в"
                index += 1
            } else if current == "не", let next = word(1), ["позднее", "позже"].contains(next) {
                sawDueWord = true
                index += 2
            } else if current == "не", let next = word(1), ["реже", "менее"].contains(next) {
                // «Не реже одного раза в полугодие»: at least as often, the recurrence itself.
                index += 2
            } else {
                break
            }
        }
        guard index < tokens.count else { return (.none, []) }
        switch tokens[index] {
        case .number(let day, let digits) where digits <= 2:
            if let next = word(1), next.hasPrefix("числ") {
                guard (1...31).contains(day) else { throw .unreadable }
                index += 2
                var following = false
                while let current = word(0),
                      current.hasPrefix("месяц") || current.hasPrefix("следующ") || current.hasPrefix("последующ")
                        || current == "за" || current.hasPrefix("отчетн") || current.hasPrefix("период")
                {
                    if current.hasPrefix("следующ") || current.hasPrefix("последующ") { following = true }
                    index += 1
                    // «за отчётным кварталом»
                    if index < tokens.count, tokens[index] == .quarter, following { index += 1 }
                }
                return (.dayOfMonth(day, following: following), Array(tokens[index...]))
            }
            if index + 1 < tokens.count, case .month(let month) = tokens[index + 1],
               !Self.yearFollows(tokens, at: index + 2)
            {
                guard CalendarDate(year: 2000, month: month, day: day) != nil else { throw .unreadable }
                return (.dayOfYear(month: month, day: day), Array(tokens[(index + 2)...]))
            }
        case .date(let day, let month, nil):
            guard CalendarDate(year: 2000, month: month, day: day) != nil else { throw .unreadable }
            return (.dayOfYear(month: month, day: day), Array(tokens[(index + 1)...]))
        case .month(let month) where !Self.yearFollows(tokens, at: index + 1)
            && !(index + 1 < tokens.count && tokens[index + 1] == .dash):
            return (.monthOfYear(month), Array(tokens[(index + 1)...]))
        default:
            break
        }
        // No anchor: the words skipped belong to the window («в течение 2019 года»), unless they
        // promised a due day that never came.
        if sawDueWord { throw .unreadable }
        return (.none, tokens)
    }

    static func yearFollows(_ tokens: [DeadlineToken], at index: Int) -> Bool {
        guard index < tokens.count else { return false }
        if case .number(_, 4) = tokens[index] { return true }
        return false
    }

    // MARK: - Occurrences

    /// Whether `anchor` means something for `recurrence` («ежеквартально до 5 числа» does not
    /// say which month of the quarter).
    static func canAnchor(_ recurrence: Recurrence, _ anchor: RecurrenceAnchor) -> Bool {
        switch (recurrence, anchor) {
        case (_, .none), (.monthly, .dayOfMonth), (.quarterly, .dayOfMonth(_, following: true)),
             (.annually, .dayOfYear), (.annually, .monthOfYear):
            true
        default:
            false
        }
    }

    static func occurrences(
        of recurrence: Recurrence, anchor: RecurrenceAnchor, weekday: Int?, in window: DatePeriod
    ) throws(Failure) -> [DatePeriod] {
        let academic = window.first.month == 9 && window.first.day == 1
        switch (recurrence, anchor) {
        case (.weekly, .none):
            if let weekday { return days(in: window) { isoWeekday($0) == weekday } }
            return weeks(in: window)
        case (.monthly, .none):
            return months(in: window).compactMap { clip(DatePeriod.month($0.month, of: $0.year), to: window) }
        case (.monthly, .dayOfMonth(let day, _)):
            return months(in: window).compactMap { dueDay(day, month: $0.month, year: $0.year, in: window) }
        case (.quarterly, .none):
            var quarters: [DatePeriod] = []
            for month in months(in: window) {
                let firstMonth = (month.month - 1) / 3 * 3 + 1
                if let quarter = clip(DeadlinePoint.span(month.year, firstMonth, month.year, firstMonth + 2), to: window),
                   quarters.last != quarter
                {
                    quarters.append(quarter)
                }
            }
            return quarters
        case (.quarterly, .dayOfMonth(let day, following: true)):
            return months(in: window).filter { $0.month % 3 == 1 }
                .compactMap { dueDay(day, month: $0.month, year: $0.year, in: window) }
        case (.twiceAYear, .none):
            return years(in: window, academic: academic).flatMap { year -> [DatePeriod] in
                let halves = academic
                    ? [DeadlinePoint.span(year, 9, year, 12), DeadlinePoint.span(year + 1, 1, year + 1, 8)]
                    : [DeadlinePoint.span(year, 1, year, 6), DeadlinePoint.span(year, 7, year, 12)]
                return halves.compactMap { $0.flatMap { clip($0, to: window) } }
            }
        case (.annually, .none):
            return years(in: window, academic: academic).compactMap { year in
                let whole = academic ? DatePeriod.academicYear(startingIn: year) : DatePeriod.year(year)
                return whole.flatMap { clip($0, to: window) }
            }
        case (.annually, .dayOfYear(let month, let day)):
            return (window.first.year...window.last.year).compactMap { year in
                dueDay(day, month: month, year: year, in: window)
            }
        case (.annually, .monthOfYear(let month)):
            return (window.first.year...window.last.year).compactMap { year in
                DatePeriod.month(month, of: year).flatMap { clip($0, to: window) }
            }
        default:
            throw .unreadable
        }
    }

    /// `window` cut down to `period`, nil when they do not overlap.
    static func clip(_ period: DatePeriod?, to window: DatePeriod) -> DatePeriod? {
        guard let period, period.overlaps(window) else { return nil }
        return DatePeriod(first: max(period.first, window.first), last: min(period.last, window.last))
    }

    /// Day `day` of the month (the month's last day when it is shorter: «до 31 числа» in
    /// February), as a one-day period, when it falls inside `window`.
    static func dueDay(_ day: Int, month: Int, year: Int, in window: DatePeriod) -> DatePeriod? {
        let clamped = min(day, CalendarDate.daysIn(month: month, year: year))
        guard let date = CalendarDate(year: year, month: month, day: clamped), window.contains(date) else {
            return nil
        }
        return DatePeriod(day: date)
    }

    struct YearMonth: Hashable {
        var year: Int
        var month: Int
    }

    static func months(in window: DatePeriod) -> [YearMonth] {
        var result: [YearMonth] = []
        var current = YearMonth(year: window.first.year, month: window.first.month)
        let last = YearMonth(year: window.last.year, month: window.last.month)
        while (current.year, current.month) <= (last.year, last.month) {
            result.append(current)
            current = current.month == 12
                ? YearMonth(year: current.year + 1, month: 1) : YearMonth(year: current.year, month: current.month + 1)
        }
        return result
    }

    /// Calendar years, or the first years of the academic years, overlapping `window`.
    static func years(in window: DatePeriod, academic: Bool) -> [Int] {
        if !academic { return Array(window.first.year...window.last.year) }
        let first = window.first.month >= 9 ? window.first.year : window.first.year - 1
        let last = window.last.month >= 9 ? window.last.year : window.last.year - 1
        return Array(first...last)
    }

    /// Monday 1 … Sunday 7.
    static func isoWeekday(_ date: CalendarDate) -> Int {
        // 1970-01-01 was a Thursday.
        ((date.daysSinceEpoch % 7 + 7 + 3) % 7) + 1
    }

    static func days(in window: DatePeriod, where include: (CalendarDate) -> Bool) -> [DatePeriod] {
        (0..<window.dayCount).compactMap { offset in
            window.first.adding(days: offset).flatMap { include($0) ? DatePeriod(day: $0) : nil }
        }
    }

    /// ISO weeks (Monday–Sunday) overlapping `window`, clipped to it.
    static func weeks(in window: DatePeriod) -> [DatePeriod] {
        var result: [DatePeriod] = []
        guard var monday = window.first.adding(days: 1 - isoWeekday(window.first)) else { return [] }
        while monday <= window.last {
            guard let sunday = monday.adding(days: 6), let next = monday.adding(days: 7) else { break }
            if let week = clip(DatePeriod(first: monday, last: sunday), to: window) { result.append(week) }
            monday = next
        }
        return result
    }
}

extension DeadlineParser {
    /// Finds a recurrence phrase inside text that is not a deadline — an activity or a result
    /// cell such as «Экскурсии 2 раза в год» — and parses it as a recurring deadline whose text
    /// is the phrase found («2 раза в год»). Nil when the text names no recurrence.
    public func recurringDeadline(
        mentionedIn text: String, in context: DeadlineContext = .none
    ) throws(DeadlineError) -> Deadline? {
        let tokens = DeadlineToken.tokens(in: Self.prepared(text))
        for index in tokens.indices {
            guard let marker = Self.recurrenceMarker(in: tokens, at: index), marker.recurrence != nil else { continue }
            let phraseTokens = Array(tokens[index..<(index + marker.length)])
            let phrase = phraseTokens.map(\.spelling).joined(separator: " ")
            do {
                return try readRecurring(phraseTokens, text: phrase, context: context)
            } catch {
                switch error {
                case .unreadable: return nil
                case .context(let deadlineError): throw deadlineError
                }
            }
        }
        return nil
    }
}
