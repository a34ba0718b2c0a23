import Foundation

/// Turns the free Russian text of a deadline («Сентябрь 2018 – апрель 2019», «ежеквартально»,
/// «до 1 сентября 2019 г.») into a `Deadline`, taking what the text leaves out from a
/// `DeadlineContext`.
///
/// Rules the store and the pages rely on:
/// - Text it cannot read becomes a `.unparsed` deadline (never a guess, never an error).
/// - Text it can read but cannot place without context throws `DeadlineError` saying what is
///   missing («сентябрь» with no year and no context; «постоянно» with no period).
/// - A due date is a single day («до 01.09.2019» → 2019-09-01...2019-09-01); «до марта 2019»,
///   «до 2020 года» read inclusively, as bureaucratic Russian does: due on the unit's last day.
/// - A month, day, quarter, half-year or season without a year takes it from a neighbour first
///   («май-июнь 2019», «декабрь – февраль 2019» → December 2018), then from the context: the
///   calendar year; the academic year (September–December in its first year, the rest in the
///   next); or the plan period, where it must fall exactly once (overlapping the period; a day
///   must lie inside it), else an error lists what was found.
public struct DeadlineParser: Sendable {
    /// How dates written with slashes order day and month, as the whole plan proves it; nil:
    /// as the text being read proves it alone, and not read when it proves nothing.
    public var slashedDates: SlashedDateOrder?

    public init(slashedDates: SlashedDateOrder? = nil) {
        self.slashedDates = slashedDates
    }

    typealias Failure = DeadlinePoint.Failure

    /// Parses `text`; throws only when the text was understood but the context cannot place it.
    /// With `rereading` false, a text is read whole or not at all (no notes, places or times
    /// around a date are set aside): for finding where a deadline ends in a run of words.
    public func parse(_ text: String, in context: DeadlineContext = .none, rereading: Bool = true) throws(DeadlineError) -> Deadline {
        let original = RussianText.nfc(text)
        // Rereading tries the text cut at each of its words: a cell of thousands of words (a
        // hostile upload, or a document's prose in the deadline column) is read whole or not at
        // all, not for seconds.
        let rereading = rereading && original.count <= Self.longestTextReread
        let order = slashedDates ?? SlashedDateOrder.proven(by: [original])
        let prepared = Self.prepared(order.map { $0.rewriting(original) } ?? original)
        if let day = weekdayOfMonth(prepared, in: context) {
            return Deadline(text: original, kind: .day, period: DatePeriod(day: day))
        }
        do {
            return try read(DeadlineToken.tokens(in: prepared), text: original, context: context)
        } catch {
            switch error {
            case .unreadable:
                // A part that a year or a period would read («сентябрь» of «сентябрь, далее –
                // постоянно» with no context) says what is missing, as the part alone would, so
                // an import reads the text again in its plan's period; kept as unread instead, it
                // was never read again.
                var missing: DeadlineError?
                for candidate in rereading ? Self.rereadings(of: prepared) : [] {
                    let tokens = DeadlineToken.tokens(in: candidate.text)
                    do throws(Failure) {
                        let deadline = try read(tokens, text: original, context: context)
                        if candidate.accepts(deadline.kind) { return deadline }
                    } catch {
                        guard missing == nil, case .context(let lack) = error,
                              let probe = try? read(tokens, text: original, context: Self.probeContext),
                              candidate.accepts(probe.kind) else { continue }
                        missing = lack
                    }
                }
                // «Первый этап - 01.06.2016, далее - постоянно»: a stage's date, its label aside.
                // One label only: a second is another stage's date, and a cell of labels run
                // together must not be read again once for each.
                if rereading, let label = prepared.firstMatch(of: Self.stageLabel.regex),
                   case let rest = String(prepared[label.range.upperBound...]),
                   !rest.contains(Self.anyStage.regex) {
                    let deadline: Deadline
                    do {
                        deadline = try parse(rest, in: context)
                    } catch {
                        throw error.about(original)
                    }
                    if deadline.isParsed {
                        return Deadline(text: original, kind: deadline.kind, period: deadline.period,
                                        recurrence: deadline.recurrence, occurrences: deadline.occurrences)
                    }
                }
                // «I квартал» / «III квартал», a period a line in one cell: a list of them. A month
                // alone on its line takes its year from the lines after it («Ноябрь» / «декабрь
                // 2008 г.»).
                let lines = original.split(whereSeparator: \.isNewline)
                    .map { $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ",;"))) }.filter { !$0.isEmpty }
                if rereading, lines.count >= 2,
                   lines.allSatisfy({ line in
                       (try? parse(line, in: context, rereading: false))?.isParsed == true
                           || Self.prepared(line).rangeOfMatch(#"^\#(Self.monthStem)[а-я]*$"#) != nil
                   }),
                   let list = try? parse(lines.joined(separator: ", "), in: context, rereading: false), list.kind == .list {
                    return Deadline(text: original, kind: list.kind, period: list.period, recurrence: list.recurrence,
                                    occurrences: list.occurrences)
                }
                // «10.00», «9-00», «10 часов» in the plan of one day («на 6 марта 2021 года»):
                // when on that day, and where after it («10.00 Актовый зал») when that names
                // no other date or term.
                // With no context at all, a time with its minutes or hours («10-00 Библиотека», «9 ч.»)
                // asks for the plan's day: an import that finds its plan is of one day reads it again.
                // («22.10», «10-12» may be a day of a month or days: minutes from 1 to 12 make no time.)
                let folded = RussianText.collapsingWhitespace(RussianText.folded(original))
                if folded.rangeOfMatch(Self.timeOfDay) != nil,
                   folded.replacingMatches(of: Self.timeOfDay, with: "").rangeOfMatch(Self.dateWords) == nil {
                    if let day = context.period, day.first == day.last {
                        return Deadline(text: original, kind: .day, period: day)
                    }
                    if context == .none, folded.rangeOfMatch(#"^\s*(?:в\s+)?\d{1,2}(?::\d{2}|[.-](?:00|1[3-9]|[2-5]\d)(?!\d)|\s*ч\b|\s*час)"#) != nil {
                        throw .timeWithoutDay(text: original)
                    }
                }
                if let missing { throw missing.about(original) }
                return .unparsed(original)
            case .context(let deadlineError): throw deadlineError
            }
        }
    }

    /// A context any year-less part of a deadline reads in, to learn what kind of deadline it
    /// would be: only the kind is used, never its days.
    static let probeContext = DeadlineContext.academicYear(startingIn: 2000)

    /// The longest text read again in parts when it cannot be read whole; the longest real
    /// deadline of the corpus, eleven dates of one cell, is under 300 characters.
    static let longestTextReread = 1_000

    /// «этап» anywhere.
    static let anyStage = SharedRegex(#/(?i)этап/#)

    /// «Первый этап -», «1 этап:», «II этап –» opening a deadline.
    static let stageLabel = SharedRegex(
        #/^(?i)\s*(?:(?:перв|втор|трет|четв[её]рт|пят)[а-я]*|[1-5](?:-?[йи])?|I{1,3}|IV|V)\s+этап\s*(?:[-–—:]\s*|\s(?=\d))/#)

    /// The stems of the months' names, any case ending after them.
    static let monthStem = #"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)"#

    /// A time of day, or two, opening a text: «10.00», «10.30», «9-00», «8:30», «10 часов»,
    /// «10.00-14.00».
    static let timeOfDay = #"^\s*(?:в\s+)?(?:[01]?\d|2[0-3])(?:[.:-](?:00|[1-5]\d|0[1-9]))?(?:\s*(?:[-–—]|до)\s*(?:[01]?\d|2[0-3])(?:[.:-]\d{2})?)?\s*(?:ч\b\.?|час(?:а|ов)?\b)?\.?(?=[\s,;]|$)"#

    /// Another way to read a text the parser could not read whole, and the kinds of deadline
    /// that reading may give.
    struct Rereading {
        var text: String
        var kinds: Set<Deadline.Kind>?

        func accepts(_ kind: Deadline.Kind) -> Bool { kinds?.contains(kind) ?? true }
    }

    /// Words that make a text a deadline of its own: a remainder holding one is not a mere note.
    /// (May only as a word of its own: «Библиотека им. Маяковского», «к/т "Маяк"» name a place.)
    static let dateWords = #"(?:январ|феврал|март|апрел|\bма(?:й|я|ю|е|ем)\b|июн|июл|август|сентябр|октябр|ноябр|декабр|течени|раз\b|раза\b|ежедн|еженед|ежемес|ежекв|ежегод|квартал|\bкв\b|полугод|недел|числ|\bдо\b|\bпо\b|\bс\b|после|позднее|срок|график|план|год|согласов|необходим|мере|уточн|\d{1,2}\.\d{1,2}|\b(?:19|20)\d{2}\b)"#

    /// The words of a deadline as a narrow column or a PDF's line wrap breaks them:
    /// «Сен- тябрь», «декаб- ря», «сентяб рь», «в тече- ние», «необходимост и.»; and a dash
    /// left at the end.
    static func unbroken(_ text: String) -> String {
        var result = text.replacingMatches(of: #"(?<=[а-я])-\s+(?=[а-я])"#, with: "")
        result = result.replacingMatches(of: #"\s*[-–—]\s*$"#, with: "")
        let vocabulary = #"^(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|течени|квартал|полугоди|ежемесячн|еженедельн|ежеквартальн|ежегодн|постоянн|необходимост)[а-я]*$"#
        func known(_ word: Substring) -> Bool { String(word).rangeOfMatch(vocabulary) != nil }
        // A stem no word stops at («постоянн», «сентябр», «течени»): its ending went to the
        // next line, however short («Постоянн о»).
        let bareStem = #"^(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр|течени|полугоди|ежемесячн|еженедельн|ежеквартальн|ежегодн|постоянн|необходимост)$"#
        func cut(_ word: Substring) -> Bool { String(word).rangeOfMatch(bareStem) != nil }
        var words = result.split(separator: " ")
        var index = 0
        while index + 1 < words.count {
            let left = words[index], right = words[index + 1]
            // The ending may carry the cell's full stop: «необходимост и.».
            let ending = right.dropLast(right.reversed().prefix(while: { ".,;".contains($0) }).count)
            if left.allSatisfy(\.isLetter), !ending.isEmpty, ending.allSatisfy(\.isLetter), !known(ending), known(left + ending),
               !known(left) || (cut(left) && ending.count <= 3) {
                words[index] = left + right
                words.remove(at: index + 1)
            } else {
                index += 1
            }
        }
        return words.joined(separator: " ")
    }

    /// What real plans write around a date that the reader need not understand, tried in turn
    /// when the whole text cannot be read:
    /// 0. words broken by a line wrap («Сен- тябрь», «сентяб рь») joined again;
    /// 1. notes in brackets without a digit or a term («(в любой день указанного периода)», but
    ///    not «(по согласованию)»);
    /// 2. dates written one after another with no comma («03.10 10.10», «Декабрь 2020г.
    ///    Февраль 2021г.», «Октябрь-декабрь 2024 г. Апрель-май 2025 г.»): a list;
    /// 3. «2 раза в год, октябрь, апрель»: the times named; periods separated by «;», each
    ///    followed by what happens in it;
    /// 4. a date followed by where or at what time it happens («6 мая, Сясьстрой, ул. Ленина»,
    ///    «27 ноября ДК "Строитель"», after a comma a month too: «Февраль, пгт. Верх-Чебула»):
    ///    the date, when what follows names no other date or term;
    /// 5. three or more months run together («Сентябрь октябрь декабрь март май»): a list; a
    ///    month and a day in it («Август 31.08.2023»): the day; a time named in words with its
    ///    days in brackets («Осенние каникулы (28 октября – 1 ноября)»): the days;
    /// 6. the whole year and when in it («В течение учебного года, при приеме на работу»): the
    ///    whole year, unless what follows names a month, a count, a schedule or an agreement;
    /// 7. dates followed by a separate plan in brackets («23-30.06.2016 (по отдельному
    ///    плану)»): the dates (a schedule or an agreement in brackets may move them: unread).
    static func rereadings(of prepared: String) -> [Rereading] {
        var candidates: [Rereading] = []
        var withoutNotes = prepared
        // «(в рамках недели естествознания)»: what the dates are part of, a note even when it
        // names a week.
        for note in prepared.matches(of: #/\s*\([^()\d]*\)/#).reversed()
        where String(note.output).rangeOfMatch(Self.dateWords) == nil || String(note.output).rangeOfMatch(#"^\s*\(в\s+рамках\s"#) != nil {
            withoutNotes.replaceSubrange(note.range, with: " ")
        }
        withoutNotes = withoutNotes.trimmingCharacters(in: .whitespaces)
        if withoutNotes != prepared { candidates.append(Rereading(text: withoutNotes)) }
        let unbroken = Self.unbroken(withoutNotes)
        if unbroken != withoutNotes { candidates.append(Rereading(text: unbroken)) }

        // A month, or a span of months, with its year: «Октябрь-декабрь 2024 г. Апрель-май 2025 г.».
        let monthsOfAYear = #"\#(Self.monthStem)[а-я]*(?:\s*-\s*\#(Self.monthStem)[а-я]*)?\s+\d{4}"#
        let date = #"(?:\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})\s*(?:г\b\.?)?|\d{1,2}\.\d{1,2}\.?|\#(monthsOfAYear)\s*(?:г\b\.?|года?)?)"#
        let listed = withoutNotes.replacingMatches(
            of: #"(?<=\d|г\.|г|года|год)\s+(?=\d{1,2}\.\d{1,2}|\#(monthsOfAYear))"#,
            with: ", ")
        if listed != withoutNotes, withoutNotes.rangeOfMatch("^(?:\(date)\\s*)+$") != nil {
            candidates.append(Rereading(text: listed, kinds: [.list]))
        }

        // «Сентябрь октябрь декабрь март май», «сентябрь декабрь-февраль март-апрель»: three or
        // more months or spans of months with nothing between them, a cell's lines run
        // together, are a list (a span would have its dash). Two stay unread: «Ноябрь декабрь»
        // may be a span that lost its dash.
        let month = #"\#(Self.monthStem)[а-я]*"#
        let span = #"\#(month)(?:\s*-\s*\#(month))?"#
        if withoutNotes.rangeOfMatch(#"^\#(span)(?:\s+\#(span)){2,}(?:\s+\d{4}\s*(?:г\b\.?|года?)?)?$"#) != nil {
            candidates.append(Rereading(text: withoutNotes.replacingMatches(of: #"(?<=[а-я])\s+(?=\#(month))"#, with: ", "), kinds: [.list]))
        }
        // «Август 31.08.2023»: a month, then a day of that month; the day.
        let tokens = DeadlineToken.tokens(in: withoutNotes)
        if tokens.count >= 2, case .month(let named) = tokens[0], case .date(_, let month, _) = tokens[1], named == month,
           tokens.dropFirst(2).allSatisfy({ if case .yearWord = $0 { true } else { false } }),
           let space = withoutNotes.firstIndex(where: \.isWhitespace) {
            candidates.append(Rereading(text: String(withoutNotes[space...]).trimmingCharacters(in: .whitespaces), kinds: [.day]))
        }
        // «2 раза в год, октябрь, апрель»: the months named are the two times.
        if let match = withoutNotes.firstMatch(of: #/^([2-4])\s+раза\s+в\s+год\s*,\s*(.+)$/#),
           let times = Int(match.output.1), match.output.2.split(separator: ",").count == times {
            candidates.append(Rereading(text: String(match.output.2), kinds: [.list]))
        }
        // «01.02.2021 – 11.02.2021 классный тур; 15.02.2021 – 25.02.2021 школьный тур»: periods
        // with what happens in each.
        if withoutNotes.contains(";") {
            let parts = withoutNotes.split(separator: ";").map { part in
                var words = part.split(separator: " ")
                while let last = words.last, !last.contains(where: \.isNumber),
                      String(last).rangeOfMatch(Self.dateWords) == nil {
                    words.removeLast()
                }
                return words.joined(separator: " ")
            }
            if parts.count >= 2, parts.allSatisfy({ $0.contains(where: \.isNumber) }) {
                candidates.append(Rereading(text: parts.joined(separator: ", "), kinds: [.list]))
            }
        }

        let single: Set<Deadline.Kind> = [.day, .dayRange, .dueDate]
        let words = withoutNotes.split(separator: " ", omittingEmptySubsequences: true)
        for cut in stride(from: words.count - 1, through: 1, by: -1) {
            let head = words[..<cut].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,;"))
            let rest = words[cut...].joined(separator: " ")
            guard rest.rangeOfMatch(Self.dateWords) == nil, rest.first?.isNumber != true else { continue }
            // After a comma, a month too: «Февраль, пгт. Верх-Чебула».
            candidates.append(Rereading(text: head, kinds: words[cut - 1].hasSuffix(",") ? single.union([.month]) : single))
        }
        // «23-30.06.2016 (по отдельному плану)»: the dates are given; the plan in brackets says
        // what happens in them.
        if let note = withoutNotes.firstMatch(of: Self.separatePlanNote.regex) {
            let dates = String(withoutNotes[..<note.range.lowerBound]).trimmingCharacters(in: CharacterSet(charactersIn: " ,;"))
            if dates.contains(where: \.isNumber) {
                candidates.append(Rereading(text: dates, kinds: single.union([.month, .monthRange, .list, .range])))
            }
        }
        // «Осенние каникулы (28 октября – 1 ноября)»: a time named in words, its days in brackets.
        if let named = withoutNotes.firstMatch(of: #/^([^()\d]+)\(([^()]+)\)\s*\.?$/#),
           String(named.output.1).rangeOfMatch(Self.dateWords) == nil {
            candidates.append(Rereading(text: String(named.output.2), kinds: single))
        }
        // «В течение учебного года, при приеме на работу», «В течение года по планам классных
        // руководителей», «(по факту обращений)»: the whole year, and when in it. What follows
        // names no month, number or other term.
        for cut in stride(from: words.count - 1, through: 1, by: -1) {
            let rest = words[cut...].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,;()"))
            guard rest.rangeOfMatch(#"^(?:\(?\s*)?(?:при|по)\s"#) != nil || rest.hasPrefix("по факту"),
                  rest.rangeOfMatch(#"\d|\#(Self.monthStem)|квартал|полугод|недел|ежедн|еженед|ежемес|ежекв|ежегод|\bраз\b|\bраза\b|график|согласов"#) == nil
            else { continue }
            let head = words[..<cut].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,;("))
            candidates.append(Rereading(text: head, kinds: [.wholePeriod]))
        }
        // «Образовательные учреждения 10 - 12 июня 2003 г.»: a place, then the date.
        for cut in 1..<max(1, words.count) {
            let head = words[..<cut].joined(separator: " ")
            let tail = words[cut...].joined(separator: " ")
            guard tail.first?.isNumber == true, !head.contains(where: \.isNumber),
                  head.rangeOfMatch(Self.dateWords) == nil else { continue }
            candidates.append(Rereading(text: tail, kinds: single))
            break
        }
        return candidates
    }

    /// A note in brackets that ends a deadline and names a plan of what happens (not a schedule
    /// or an agreement, which would move the dates: «март 2019 (по согласованию)» stays unread).
    static let separatePlanNote = SharedRegex(
        #/\s*\(\s*(?:по|согласно)\s+(?:отдельному\s+|особому\s+)?плану[^()]*\)\s*\.?$/#)

    /// Normalised text with the spellings the tokenizer should not have to know: ordinal
    /// endings («1-й», «2-е», «5-го») and «кв-л» dropped, Latin one-letter prepositions fixed;
    /// and what real plans write around a date: a time of day («22 июня 10.00 ч.», «10 апреля
    /// 12:00»), a comma between month and year («Август, 2022»), spaces inside a date («3 .05.
    /// 2015г»), «по-31.01.» and «– по 20.09.», a doubled preposition («с 5 по по 25 марта»),
    /// «2006 г. 4 квартал», «в теч-е года», «по отд. плану», «Сентябрь/ ноябрь» (both months),
    /// and weeks of a month («3, 4 неделя октября» → 15–28 October).
    static func prepared(_ text: String) -> String {
        var result = RussianText.normalizedForReading(text)
        // A weekday after a date («12.05.2023 (пятница)», «22.04. (пт)», «21.03 пон») repeats the date.
        result = result.replacingMatches(
            of: #"(?<=[\d.г])\s*\(?\s*(?:пн|вт|ср|чт|пт|сб|вс|пон|понедельник|вторник|среда|среду|четверг|пятница|пятницу|суббота|субботу|воскресенье)\s*\.?\s*\)?(?![а-я])"#,
            with: "")
        // «понедельник 12.12», «среда, 7 декабря»: a weekday before a date names the same day
        // («понедельник» would otherwise be read for its «недел»).
        result = result.replacingMatches(
            of: #"(?<![а-я])(?:понедельник|вторник|среда|среду|четверг|пятница|пятницу|суббота|субботу|воскресенье)\s*,?\s*(?=\d)"#,
            with: "")
        // «21 сентября 2012 г., 12.10», «26 августа 2020 г., 14.00-14.10»: after a day written with
        // its month's name, an hour or two (a list of days would write the next one the same
        // way, not as «12.10»; read as a day, «14.10» was the 14th of October).
        result = result.replacingMatches(
            of: #"((?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*(?:\s+\d{4}(?:\s*г(?:ода|\.)?)?)?)\s*,\s*(?:в\s+)?(?:[01]?\d|2[0-3])\.[0-5]\d(?:\s*[-–—]\s*(?:[01]?\d|2[0-3])\.[0-5]\d)?(?!\d|\.\d)(?:\s*ч\b)?\.?"#,
            with: "$1")
        // «6 июня 2012 года 09 часов 30 минут», «10 часов 00 минут - 13 часов 00 минут»: hours and
        // minutes in words.
        result = result.replacingMatches(
            of: #"(?:\s*,)?\s*(?:с\s+|в\s+)?\b\d{1,2}\s*час(?:а|ов)?\s+\d{1,2}\s*мин(?:ут[аы]?|\.)?(?:\s*(?:[-–—]|до|по)\s*\d{1,2}\s*час(?:а|ов)?\s+\d{1,2}\s*мин(?:ут[аы]?|\.)?)?(?![а-я])"#,
            with: "")
        // «01.09.2006 10-00», «15 мая 2019 г. 9-30»: after a year, an hour and its minutes written
        // with a dash (neither can be days: a month's name would follow them).
        result = result.replacingMatches(
            of: #"(?<=\d{4}|\d{4}\s?г|\d{4}\s?г\.|года)\s*,?\s*(?:в\s+)?(?:[01]?\d|2[0-3])-(?:00|15|30|45)(?!\d|\s*[-–—]?\s*(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр))(?:\s*ч\b\.?)?"#,
            with: "")
        // Times of day say when on the day, not which day: «08:30 - 12:30», «9.30 -13.00», «16.30»
        // (a dd.mm with minutes past 12 or 00 is no date; «31 мая 11.0», a time with a digit
        // lost, neither).
        result = Self.withoutTimeRanges(result)
        result = result.replacingMatches(
            of: #"(?:\s*,)?\s*(?:в\s+)?(?<![\d.])\d{1,2}\.(?:00|0(?![\d.])|1[3-9]|[2-5]\d)(?![\d.]|\.\d)(?:\s*ч\b\.?)?"#, with: "")
        // «начало апреля», «в середине мая»: the month.
        result = result.replacingMatches(
            of: #"\b(?:в\s+)?(?:начал[оеа]|середин[аеуы])\s+(?=(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр))"#,
            with: "")
        // Times of day say when on the day, not which day.
        result = result.replacingMatches(of: #"(?:\s*,)?\s*(?:в\s+)?\b\d{1,2}:\d{2}\b(?:\s*ч\b\.?)?"#, with: "")
        result = result.replacingMatches(of: #"\s*(?:в\s+)?\b\d{1,2}\.\d{2}\s*(?:ч\b\.?|час\w*)"#, with: "")
        result = result.replacingMatches(of: #"(?<=[а-я])\s+\d{1,2}\.00\b\.?"#, with: "")
        result = result.replacingMatches(
            of: #"\b((?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*)\s*,\s*(\d{4})\b"#,
            with: "$1 $2")
        result = result.replacingMatches(of: #"(\d)\s+\.\s*(\d)"#, with: "$1.$2")
        result = result.replacingMatches(of: #"(\d)\.\s+(\d)"#, with: "$1.$2")
        result = result.replacingMatches(of: #"\bпо\s*-\s*(?=\d)"#, with: "по ")
        // «Сентябрь/ ноябрь»: both months.
        result = result.replacingMatches(
            of: #"\b(\#(Self.monthStem)[а-я]*)\s*/\s*(?=\#(Self.monthStem))"#,
            with: "$1, ")
        // «в теч-е года»: «в течение года».
        result = result.replacingMatches(of: #"\bтеч-е\b"#, with: "течение")
        // «по отд. плану»: «по отдельному плану».
        result = result.replacingMatches(of: #"\bпо\s+отд\.?\s*(?=(?:плану|графику)\b)"#, with: "по отдельному ")
        // «С 4.09. – по 20.09.»: a dash before «по» says the same as «по».
        result = result.replacingMatches(of: #"(?<=[\d.г])\s*[-–—]\s*по\s+(?=\d)"#, with: " по ")
        result = result.replacingMatches(of: #"\b(с|по|до|в)\s+\1\b"#, with: "$1")
        result = result.replacingMatches(of: #"(\d{4})\s*(?:г\.?|года?)\s*(\d)\s*(квартал|кв\b\.?|полугоди)"#, with: "$2 $3 $1")
        result = Self.weeksOfMonth(result)
        result = result.replacingMatches(
            of: #"(\d)\s*-\s*(?:ый|ий|ой|го|ого|его|ое|ее|ая|е|й|м|ом|х|ых)(?![а-я])"#, with: "$1")
        result = result.replacingOccurrences(of: "кв-л", with: "кв")
        result = Self.distributingTerms(result)
        result = result.replacingMatches(of: #"(?<![a-z])c(?= ?\d)"#, with: "с")
        return result
    }

    /// «i, iii кв.», «i и iii квартал», «1, 2 полугодие»: each number with the word it shares,
    /// a list of quarters (half-years) as «i квартал, iii квартал» is.
    static func distributingTerms(_ text: String) -> String {
        let number = #"(?:iv|i{1,3}|[1-4])"#
        let pattern = #"(?<![\w.])("# + number + #"(?:\s*(?:,|и)\s*"# + number + #")+)\s+(кв\b\.?|квартал[а-я]*|полугоди[а-я]*)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        var result = text
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let whole = Range(match.range, in: text), let list = Range(match.range(at: 1), in: text),
                  let unit = Range(match.range(at: 2), in: text) else { continue }
            let word = text[unit].hasPrefix("полугод") ? "полугодие" : "квартал"
            let numbers = text[list].split(whereSeparator: { $0 == "," || $0 == " " }).filter { $0 != "и" }
            let expanded = numbers.map { "\($0) \(word)" }.joined(separator: ", ")
            result.replaceSubrange(Range(NSRange(whole, in: text), in: result) ?? whole, with: expanded)
        }
        return result
    }

    /// Removes time ranges («08:30 - 12:30», «10.00 – 12.00 ч»), but not a range of days
    /// («10.10-21.10»): a dotted time is one whose minutes could not be a month.
    /// «08:30 - 12:30», «с 9.30 до 13.00 ч.»: built once (a regex literal is parsed again each
    /// time it is evaluated).
    static let timeRange = SharedRegex(#/(?:\s*,)?\s*(?:в\s+|с\s+)?\b(\d{1,2})([:.])(\d{2})\s*(?:-|–|—|до)\s*(\d{1,2})([:.])(\d{2})\b(?:\s*ч\b\.?)?/#)

    static func withoutTimeRanges(_ text: String) -> String {
        var result = text
        guard text.contains(where: \.isNumber) else { return result }
        while let match = result.firstMatch(of: Self.timeRange.regex) {
            func isTime(_ separator: Substring, _ minutes: Substring) -> Bool {
                separator == ":" || (Int(minutes).map { $0 == 0 || $0 > 12 } ?? false)
            }
            guard isTime(match.output.2, match.output.3) || isTime(match.output.5, match.output.6) else { break }
            result.replaceSubrange(match.range, with: "")
        }
        return result
    }

    /// «3 неделя февраля», «3, 4 неделя октября», «4 неделя сентябрь», «первая неделя
    /// сентября», «1-я неделя декабря», «1-я и 2-я недели мая» → the days of those weeks (1–7,
    /// 8–14, 15–21, 22–28); a fifth week is left as it is, since months differ. «последняя
    /// неделя августа» → its last seven days (February's, which depend on the year, left as
    /// written). «1 декада сентября», «во второй декаде мая», «III декада июня», «последняя
    /// декада мая» → the days of those ten-day parts of the month (1–10, 11–20, 21 to its end;
    /// the third of February, whose end depends on the year, and a fourth are left as written).
    static let weekOfMonth = SharedRegex(
        /\b(?:во?\s+)?([1-4]|i{1,3}|перв[а-я]*|втор[а-я]*|трет[а-я]*|четверт[а-я]*|последн[а-я]*)(?:\s*-\s*[а-я]{1,3})?(?:\s*(?:,|и|-)\s*([1-4])(?:\s*-\s*[а-я]{1,3})?)?\s*(недел|декад)[а-я]*\s+([а-я]+)/)

    static func weeksOfMonth(_ text: String) -> String {
        guard text.contains("недел") || text.contains("декад"), let match = text.firstMatch(of: Self.weekOfMonth.regex),
              let month = DeadlineToken.monthNumber(String(match.output.4)) else { return text }
        let monthEnd = [4, 6, 9, 11].contains(month) ? 30 : 31
        let isWeek = match.output.3 == "недел"
        let days: String
        if match.output.1.hasPrefix("последн") {
            guard match.output.2 == nil, month != 2 else { return text }
            days = "\(isWeek ? monthEnd - 6 : 21)-\(monthEnd) \(match.output.4)"
        } else {
            guard let first = Self.partNumber(match.output.1) else { return text }
            let last = match.output.2.flatMap { Int($0) } ?? first
            guard first <= last else { return text }
            if isWeek {
                days = "\((first - 1) * 7 + 1)-\(last * 7) \(match.output.4)"
            } else {
                guard last <= 3, !(last == 3 && month == 2) else { return text }
                days = "\((first - 1) * 10 + 1)-\(last < 3 ? last * 10 : monthEnd) \(match.output.4)"
            }
        }
        return text.replacingCharacters(in: match.range, with: days)
    }

    /// «Третье воскресенье октября», «последнее воскресенье ноября 2024 г.», «1-я суббота
    /// сентября»: a weekday of a month, placed by its year or the plan's (the month alone is
    /// read as any other month), nil when nothing places the month. A fifth weekday is left as
    /// written: not every month has one.
    static let weekdayOfMonthPattern = SharedRegex(
        #/^(?:во?\s+)?(перв|втор|трет|четверт|последн|[1-4])[а-я]*(?:\s*-\s*[а-я]{1,3})?\s+(понедельник|вторник|сред|четверг|пятниц|суббот|воскресень)[а-я]*\s+([а-я]+)(?:\s+((?:19|20)\d{2})(?:\s*(?:г\.?|года?))?)?\s*\.?$/#)

    func weekdayOfMonth(_ prepared: String, in context: DeadlineContext) -> CalendarDate? {
        guard prepared.contains("воскресень") || prepared.contains("суббот") || prepared.contains("понедельник")
            || prepared.contains("вторник") || prepared.contains("сред") || prepared.contains("четверг") || prepared.contains("пятниц"),
            let match = prepared.trimmingCharacters(in: .whitespaces).firstMatch(of: Self.weekdayOfMonthPattern.regex),
            DeadlineToken.monthNumber(String(match.output.3)) != nil else { return nil }
        let weekdays = ["понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень"]
        guard let weekday = weekdays.firstIndex(of: String(match.output.2)) else { return nil }
        let month = String(match.output.3) + (match.output.4.map { " \($0)" } ?? "")
        guard let read = try? parse(month, in: context, rereading: false), read.kind == .month, let period = read.period else { return nil }
        // Monday is 0; 1 January 1970 was a Thursday.
        func weekdayOf(_ date: CalendarDate) -> Int { ((date.daysSinceEpoch + 3) % 7 + 7) % 7 }
        if match.output.1 == "последн" {
            return period.last.adding(days: -((weekdayOf(period.last) - weekday + 7) % 7))
        }
        guard let ordinal = Self.partNumber(match.output.1),
              let day = period.first.adding(days: (weekday - weekdayOf(period.first) + 7) % 7 + (ordinal - 1) * 7),
              day <= period.last else { return nil }
        return day
    }

    /// «2», «ii», «вторая», «во второй» → 2.
    static func partNumber(_ word: Substring) -> Int? {
        Int(word) ?? DeadlineToken.romanNumbers[String(word)] ?? DeadlineToken.ordinalNumber(String(word))
    }

    func read(_ tokens: [DeadlineToken], text: String, context: DeadlineContext) throws(Failure) -> Deadline {
        guard !tokens.isEmpty else { throw .unreadable }
        // «г.», «год» alone name no year.
        if tokens.allSatisfy({ if case .yearWord = $0 { true } else { false } }) { throw .unreadable }
        // «по г. Владимиру», «в г. Пензе»: with no number and no «год» written out, «г.» is a
        // city, not «года» («до конца года»).
        if tokens.contains(where: { if case .yearWord = $0 { true } else { false } }),
           !tokens.contains(where: { if case .academic = $0 { true } else { false } }),
           !text.contains(where: \.isNumber), !RussianText.folded(text).contains("год") {
            throw .unreadable
        }
        // «по учебной работе», «учебных помещений»: «учебный» names the academic year only
        // with «год» after it («учебного года», «уч. г.») or written «у/г».
        if tokens.contains(where: { if case .academic = $0 { true } else { false } }),
           !tokens.contains(where: { if case .yearWord = $0 { true } else { false } }),
           !RussianText.folded(text).contains("у/г") {
            throw .unreadable
        }
        if Self.isNoDueDate(tokens) {
            return Deadline(text: text, kind: .noDueDate, period: nil, occurrences: [])
        }
        if let recurring = try readRecurring(tokens, text: text, context: context) {
            return recurring
        }
        if let academic = Self.wholePeriodPhrase(tokens) {
            let period = try Self.wholePeriod(academic: academic, text: text, context: context)
            return Deadline(text: text, kind: .wholePeriod, period: period)
        }
        let expression = try DeadlineReader.expression(from: tokens)
        return try deadline(from: expression, text: text, context: context)
    }

    // MARK: - Phrases without dates

    /// Phrases that name no date: the obligation has no due day and is never overdue.
    static let noDueDatePhrases = [
        "по мере необходимости", "по необходимости", "при необходимости", "по согласованию",
        "по запросу", "по запросам", "по мере поступления", "по отдельному графику", "по отдельному плану",
        "по графику", "по требованию", "по мере возникновения", "в случае необходимости",
        "по мере обращения", "по обращению", "по факту", "по назначению", "по просьбе",
    ]

    /// The phrases of `noDueDatePhrases` that point to a date given elsewhere: another
    /// schedule, a plan or an agreement still to come, or a day the organisers will set («по
    /// назначению»), not work done on demand.
    static let elsewherePhrases = ["по отдельному графику", "по отдельному плану", "по графику", "по согласованию", "по назначению"]

    /// Whether `deadline`, one with no due date, points to a date some other document or an
    /// agreement gives («по графику ФЦТ», «по согласованию с ОО»): a person should set it.
    public func pointsElsewhere(_ deadline: Deadline) -> Bool {
        guard deadline.kind == .noDueDate else { return false }
        let tokens = DeadlineToken.tokens(in: Self.prepared(RussianText.nfc(deadline.text)))
        let phrase = tokens.compactMap { if case .word(let word) = $0 { word } else { nil } }.joined(separator: " ")
        return Self.elsewherePhrases.contains { phrase == $0 || phrase.hasPrefix($0 + " ") }
    }

    static func isNoDueDate(_ tokens: [DeadlineToken]) -> Bool {
        var words: [String] = []
        for token in tokens {
            switch token {
            case .word(let word): words.append(word)
            case .comma: continue
            default: return false
            }
        }
        let phrase = words.joined(separator: " ")
        return noDueDatePhrases.contains { phrase == $0 || phrase.hasPrefix($0 + " ") }
    }

    /// Words a «whole period» phrase is made of («в течение всего периода реализации»).
    static let wholePeriodWords: Set<String> = [
        "в", "во", "на", "течение", "течении", "теч", "протяжении", "весь", "всего", "все", "всей", "всем", "целого", "целый",
        "период", "периода", "периоде", "срок", "срока", "реализации", "действия", "программы", "плана",
        "проекта", "дорожной", "карты", "постоянно", "ежедневно", "систематически", "текущего", "данного",
        "этого", "мероприятий", "работы", "года", "год",
    ]
    /// At least one of these must be present: «в течение» alone says nothing.
    static let wholePeriodMarkers: Set<String> = [
        "постоянно", "ежедневно", "систематически", "период", "периода", "периоде", "срок", "срока", "реализации",
    ]

    /// Whether the tokens say «the whole period»; the value says whether they name the academic
    /// year («в течение учебного года»). Nil when they say something else.
    static func wholePeriodPhrase(_ tokens: [DeadlineToken]) -> Bool? {
        var hasMarker = false
        var academic = false
        var words = 0
        for token in tokens {
            switch token {
            case .word(let word):
                guard wholePeriodWords.contains(word) else { return nil }
                words += 1
                if wholePeriodMarkers.contains(word) { hasMarker = true }
            // «в течение года», «весь год»; «г.» or «год» alone says nothing.
            case .yearWord: if words > 0 { hasMarker = true }
            case .academic: academic = true; hasMarker = true
            case .comma: continue
            default: return nil
            }
        }
        return hasMarker ? academic : nil
    }

    /// Whether `text` says «the whole year» («в течение года», «постоянно, в течение учебного
    /// года»), not the plan's whole period («в течение всего периода реализации»): what a plan
    /// that names no year must place in a year, not in the span of its own dates.
    public func namesWholeYear(_ text: String) -> Bool {
        let tokens = DeadlineToken.tokens(in: Self.prepared(RussianText.nfc(text)))
        guard Self.wholePeriodPhrase(tokens) != nil else { return false }
        var year = false
        for token in tokens {
            switch token {
            case .yearWord, .academic: year = true
            case .word(let word) where Self.wholePeriodMarkers.contains(word) && word != "постоянно": return false
            case .word(let word) where ["программы", "плана", "проекта", "карты"].contains(word): return false
            default: continue
            }
        }
        return year
    }

    /// The context's period for «постоянно» and its kin; «в течение учебного года» needs an
    /// academic year or a plan period, not a calendar year.
    static func wholePeriod(academic: Bool, text: String, context: DeadlineContext) throws(Failure) -> DatePeriod {
        if academic, case .calendarYear = context {
            throw .context(.needsOtherContext(
                text: text, needed: "an academic year or a plan period", given: context.description))
        }
        guard let period = context.period else { throw .context(.missingPeriod(text: text)) }
        return period
    }

    // MARK: - Expressions

    func deadline(from expression: DeadlineReader.Expression, text: String, context: DeadlineContext) throws(Failure) -> Deadline {
        var items = expression.items
        for index in items.indices {
            if case .range(let left, let right) = items[index] {
                if let point = Self.yearAfterADash(left, right) ?? Self.monthOfAnAcademicYear(left, right, text: text) {
                    items[index] = .single(point)
                    continue
                }
                let (newLeft, newRight) = try Self.propagate(left, right)
                items[index] = .range(newLeft, newRight)
            }
        }
        if items.count > 1 {
            // «сентябрь, 2018»: a bare year among other items is not a list a person meant.
            let hasBareYear = items.contains {
                if case .single(let point) = $0 { return point.unit == .year }
                return false
            }
            let allYears = items.allSatisfy {
                if case .single(let point) = $0 { return point.unit == .year || point.unit == .academicYear }
                return false
            }
            if hasBareYear && !allYears { throw .unreadable }
            items = Self.propagateAcrossList(items)
        }

        var periods: [DatePeriod] = []
        var kinds: [Deadline.Kind] = []
        for item in items {
            switch item {
            case .single(let point):
                if case .bare = point.unit { throw .unreadable }
                let period = try point.resolved(in: context, text: text)
                switch expression.prefix {
                case .due:
                    periods.append(DatePeriod(day: period.last))
                    kinds.append(.dueDate)
                case .from:
                    guard items.count == 1 else { throw .unreadable }
                    guard let contextPeriod = context.period else { throw .context(.missingPeriod(text: text)) }
                    guard let open = DatePeriod(first: period.first, last: contextPeriod.last) else {
                        throw .unreadable
                    }
                    periods.append(open)
                    kinds.append(.range)
                case .none:
                    periods.append(point.endOnly ? DatePeriod(day: period.last) : period)
                    kinds.append(point.endOnly ? .dueDate : Self.kind(of: point))
                }
            case .range(let left, let right):
                guard expression.prefix != .due else { throw .unreadable }
                periods.append(try Self.period(of: left, right, in: context, text: text))
                kinds.append(Self.kind(ofRange: left, right))
            }
        }
        if periods.count == 1 {
            return Deadline(text: text, kind: kinds[0], period: periods[0])
        }
        guard let first = periods.map(\.first).min(), let last = periods.map(\.last).max(),
              let hull = DatePeriod(first: first, last: last)
        else { throw .unreadable }
        return Deadline(text: text, kind: .list, period: hull, occurrences: periods)
    }

    /// The days of a range whose sides take their years from `context`. Each side is read in
    /// the context; in a plan's period, a range that runs over a new year («26 декабря –
    /// 1 января» in a plan for November and December) then ends before it starts, or its end
    /// falls outside the period, and is read forward instead: the one span from a start to the
    /// next occurrence of its end that overlaps the period. Two such spans leave it to a
    /// person, as does a calendar year («ноябрь – февраль» in 2019 may end or start in it).
    static func period(
        of left: DeadlinePoint, _ right: DeadlinePoint, in context: DeadlineContext, text: String
    ) throws(Failure) -> DatePeriod {
        var failure = Failure.unreadable
        do throws(Failure) {
            let first = try left.resolved(in: context, text: text)
            let last = try right.resolved(in: context, text: text)
            if let period = DatePeriod(first: first.first, last: last.last) { return period }
        } catch {
            failure = error
        }
        if let forward = try acrossNewYear(left, right, in: context, text: text) { return forward }
        throw failure
    }

    /// `period(of:_:in:text:)`'s reading of a range over a new year: nil when the range names
    /// a year, the context is not a plan's period, or no span overlaps it.
    static func acrossNewYear(
        _ left: DeadlinePoint, _ right: DeadlinePoint, in context: DeadlineContext, text: String
    ) throws(Failure) -> DatePeriod? {
        guard left.year == nil, right.year == nil, !left.isAcademic, !right.isAcademic, !left.endOnly, !right.endOnly else {
            return nil
        }
        switch (left.unit, right.unit) {
        case (.day, .day), (.month, .month), (.day, .month), (.month, .day): break
        default: return nil
        }
        guard case .planPeriod(let plan) = context else { return nil }
        var candidates: [DatePeriod] = []
        for year in (plan.first.year - 1)...plan.last.year {
            var start = left
            var sameYear = right
            var end = right
            start.year = year
            sameYear.year = year
            end.year = year + 1
            // Only a range that would run backwards within one year goes over the new year.
            guard let from = try? start.period(), let to = try? end.period(),
                  let backwards = try? sameYear.period(), backwards.last < from.first,
                  let span = DatePeriod(first: from.first, last: to.last), plan.overlaps(span) else { continue }
            candidates.append(span)
        }
        switch candidates.count {
        case 0: return nil
        case 1: return candidates[0]
        default:
            throw .context(.ambiguousInContext(
                text: text, phrase: "\(left.phrase) – \(right.phrase)", context: context.description, candidates: candidates))
        }
    }

    static func kind(of point: DeadlinePoint) -> Deadline.Kind {
        switch point.unit {
        case .day: .day
        case .month: .month
        case .quarter: .quarter
        case .half: .halfYear
        case .year: point.isAcademic ? .academicYear : .year
        case .academicYear: .academicYear
        case .season: .season
        case .bare: .unparsed
        }
    }

    static func kind(ofRange left: DeadlinePoint, _ right: DeadlinePoint) -> Deadline.Kind {
        if right.endOnly || left.endOnly { return .range }
        switch (left.unit, right.unit) {
        case (.day, .day): return .dayRange
        case (.month, .month): return .monthRange
        case (.year, .year) where !left.isAcademic && !right.isAcademic: return .yearRange
        default: return .range
        }
    }

    /// «Июнь-2016г.», «Октябрь - 2016 г.», «I квартал-2017»: a month (a day, a quarter, a half,
    /// a season) without its year, a dash and a calendar year is that month of that year, as
    /// the plans that write it mean. Read as a span, it ran from the month a year earlier to
    /// the year's end: fifteen months nobody wrote.
    static func yearAfterADash(_ left: DeadlinePoint, _ right: DeadlinePoint) -> DeadlinePoint? {
        guard left.year == nil, !left.endOnly, !right.endOnly, right.unit == .year, !right.isAcademic,
              let year = right.year else { return nil }
        switch left.unit {
        case .day, .month, .quarter, .half, .season:
            var point = left
            point.year = year
            return point
        case .year, .academicYear, .bare:
            return nil
        }
    }

    /// «сентябрь, июнь 2022-2023», «Ноябрь 2015-2016»: a month (a day, a season) and the two
    /// years of one academic year is that month of it, as «июнь 2022/2023» is. Read as a span,
    /// «июнь 2022-2023» ran to the end of 2023. A span of years says so («Февраль 2018 -
    /// 2020 гг.», «сентябрь 2015 - 2016 годы») or is longer than one academic year.
    static func monthOfAnAcademicYear(_ left: DeadlinePoint, _ right: DeadlinePoint, text: String) -> DeadlinePoint? {
        guard let year = left.year, !left.isAcademic, !left.endOnly, !right.endOnly, right.unit == .year,
              !right.isAcademic, right.year == year + 1,
              !text.lowercased().contains(Self.yearsSaidPlural.regex)
        else { return nil }
        switch left.unit {
        case .day, .month, .season:
            var point = left
            point.isAcademic = true
            return point
        case .quarter, .half, .year, .academicYear, .bare:
            return nil
        }
    }

    /// «2018 - 2020 гг.», «2015-2016 годы»: years that span.
    static let yearsSaidPlural = SharedRegex(#/\d{4}\s*[-–—]\s*\d{4}\s*(?:гг|г\.\s*г|годы|годов|годах)/#)

    /// Completes the left side of a range from the right («1–15 сентября 2019», «май-июнь 2019»,
    /// «I–II квартал 2019») and the right from the left («сентябрь 2018 – май»), keeping the
    /// range running forward («декабрь – февраль 2019» starts in December 2018).
    static func propagate(_ left: DeadlinePoint, _ right: DeadlinePoint) throws(Failure) -> (DeadlinePoint, DeadlinePoint) {
        var left = left
        var right = right
        if case .bare = right.unit {
            // «сентябрь 2018 - 15»: nothing to complete a bare right side from.
            throw .unreadable
        }
        if case .bare(let number) = left.unit {
            switch right.unit {
            case .day(_, let month): left.unit = .day(number, month: month)
            case .quarter: left.unit = .quarter(number)
            case .half: left.unit = .half(number)
            default: throw .unreadable
            }
            left.year = right.year
            left.isAcademic = right.isAcademic
            return (left, right)
        }
        if left.year == nil, let year = right.year, left.unit != .year, left.unit != .academicYear {
            left.year = year
            left.isAcademic = right.isAcademic
            if !right.isAcademic, let l = try? left.period(), let r = try? right.period(), l.first > r.first {
                left.year = year - 1
            }
        } else if right.year == nil, let year = left.year, right.unit != .year, right.unit != .academicYear {
            right.year = year
            right.isAcademic = left.isAcademic
            if !left.isAcademic, let l = try? left.period(), let r = try? right.period(), r.first < l.first {
                right.year = year + 1
            }
        }
        return (left, right)
    }

    /// In a list, a point without a year takes the year of the nearest later item that has one
    /// («март, апрель 2019»), else of the nearest earlier one («март 2019, апрель»); a bare day
    /// takes the month of the next day («1, 15 сентября 2019»).
    static func propagateAcrossList(_ items: [DeadlineReader.Item]) -> [DeadlineReader.Item] {
        func lastPoint(_ item: DeadlineReader.Item) -> DeadlinePoint {
            switch item {
            case .single(let point): point
            case .range(_, let right): right
            }
        }
        var result = items
        for index in result.indices {
            guard case .single(var point) = result[index] else { continue }
            let later = result[(index + 1)...].map(lastPoint)
            if case .bare(let number) = point.unit,
               let next = later.first, case .day(_, let month) = next.unit {
                point.unit = .day(number, month: month)
            }
            if point.year == nil, point.unit != .year, point.unit != .academicYear {
                let donor = later.first { $0.year != nil }
                    ?? result[..<index].map(lastPoint).last { $0.year != nil }
                if let donor {
                    point.year = donor.year
                    point.isAcademic = donor.isAcademic
                }
            }
            result[index] = .single(point)
        }
        return result
    }
}
