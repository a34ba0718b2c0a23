import Foundation
import RoadmapDomain
import Testing

@Suite("Deadlines that cannot be read or placed")
struct DeadlineEdgeTests {
    static let unreadable = [
        "", "   ", "сроки уточняются", "31.02.2019", "01.13.2019", "01.09.2019-31.05.2018", "2019-2018 гг.",
        "зима 2019", "до 5 числа", "V квартал 2019", "3 полугодие 2019", "в течение месяца",
        "Экскурсии 2 раза в год", "по мере необходимости, но не реже 1 раза в год", "2 раза в месяц",
        "не реже", "не чаще одного раза в месяц", "не реже двух раз в учебный год",
        "сентябрь 2018 - 15", "в течение", "ежемесячно ежегодно", "ежеквартально до 5 числа",
        "до сентября - октября 2019", "март 2019 (по согласованию)", "1 четверть",
        "после 01.09.2019", "2019 учебный год", "25", "ASAP", "4 декада марта 2019", "12.00, 13.00, 15.00", "5 неделя марта",
        "по мере необходимости (не реже 1 раза в квартал)", "в течение месяца после утверждения",
        // What follows a date names another term, or dates run together could be a range.
        "сентябрь, в течение года", "далее ежегодно", "до 01.09.2025, далее по графику",
        "до 01.09.2025, далее ежегодно по пятницам", "Сентябрь март", "Июнь август 2007 года",
        "26 ноября по графику", "2 раза в год, октябрь", "г.", "Г.", "года", "С 15.04.2010 по окончание празднования",
        // A month, then a day of another month.
        "Сентябрь 01.10.2023", "Сентябрь Иванов", "Февраль, в случае необходимости",
        // The whole year under another schedule or an agreement, or a count in it: not read.
        "В течение года по графику", "В течение года по согласованию", "в течение года, при необходимости 2 раза",
        // «г.» with no number before it is a city («по г. Владимиру»), not «года».
        "по г.", "до г.", "в г.", "20.04. 20.05.2011",
        // «учебный» with no «год» after it names no academic year («заместитель директора по
        // учебной работе», «учебных помещений»).
        "по учебной", "по учебной работе", "в течение учебного", "учебных помещений",
        // Two stages' dates: which one is the action's is for a person to say.
        "1 этап – сентябрь 2019, 2 этап – декабрь 2019", "первый этап",
    ]

    /// What real plans write around a date: a weekday, a time, a place, a note in brackets,
    /// dates with no comma between them; read, in the academic year 2023/24.
    @Test("a date with what plans write around it", arguments: [
        ("12.05.2023 (пятница)", "2023-05-12..2023-05-12"),
        ("22.04. (пт)", "2024-04-22..2024-04-22"),
        ("21.03 пон", "2024-03-21..2024-03-21"),
        ("01 сентября 08:30 - 12:30", "2023-09-01..2023-09-01"),
        ("27.12 10.00", "2023-12-27..2023-12-27"),
        ("31 мая 11.0", "2024-05-31..2024-05-31"),
        ("19.12 16.30 22.12 10.00, 12.00 24.12 10.00", "2023-12-19..2023-12-24"),
        ("10.10-21.10.2022", "2022-10-10..2022-10-21"),
        ("6 мая, Сясьстрой, гражданское кладбище, ул. Петрозаводская, №1е", "2024-05-06..2024-05-06"),
        ("27 ноября ДК \"Строитель\"", "2023-11-27..2023-11-27"),
        ("1 октября – День музыки", "2023-10-01..2023-10-01"),
        ("до 26.02.2024 в процессе проведения акции", "2024-02-26..2024-02-26"),
        ("15.03.2023 - 20.05.2023 (в любой день указанного периода)", "2023-03-15..2023-05-20"),
        ("03.10 10.10", "2023-10-03..2023-10-10"),
        ("Декабрь 2020г. Февраль 2021г.", "2020-12-01..2021-02-28"),
        ("Октябрь-декабрь 2024 г. Апрель-май 2025 г.", "2024-10-01..2025-05-31"),
        ("начало  апреля", "2024-04-01..2024-04-30"),
        ("2 раза в год, октябрь, апрель", "2023-10-01..2024-04-30"),
        ("01.02.2021 – 11.02.2021 классный тур; 15.02.2021 – 25.02.2021 школьный тур", "2021-02-01..2021-02-25"),
        // Words broken where a narrow column or a PDF's line ended.
        ("Сен- тябрь 2019", "2019-09-01..2019-09-30"),
        ("сентяб рь 2019", "2019-09-01..2019-09-30"),
        ("до 15 декаб- ря 2023 г.", "2023-12-15..2023-12-15"),
        ("в тече- ние года", "2023-09-01..2024-08-31"),
        ("I квар- тал 2020 г.", "2020-01-01..2020-03-31"),
        // A weekday before the date names the same day («понедельник» holds «недел»).
        ("понедельник 12.12", "2023-12-12..2023-12-12"),
        ("Среда, 7 декабря", "2023-12-07..2023-12-07"),
        // A stem no word stops at, its ending alone on the next line.
        ("Постоянн о", "2023-09-01..2024-08-31"),
        ("Постоянн о.", "2023-09-01..2024-08-31"),
        ("в течени е года", "2023-09-01..2024-08-31"),
        ("сентябр ь 2019", "2019-09-01..2019-09-30"),
        ("сентябрь 2019-", "2019-09-01..2019-09-30"),
        // Three or more months or spans with nothing between them: a cell's lines run together.
        ("Сентябрь октябрь декабрь март май", "2023-09-01..2024-05-31"),
        ("сентябрь декабрь-февраль март-апрель", "2023-09-01..2024-04-30"),
        // A month, then the day in it.
        ("Август 31.08.2023", "2023-08-31..2023-08-31"),
        ("Осенние каникулы (28 октября – 1 ноября)", "2023-10-28..2023-11-01"),
        ("Февраль, пгт. Верх-Чебула", "2024-02-01..2024-02-29"),
        ("Сентябрь/ ноябрь", "2023-09-01..2023-11-30"),
        // The whole year, and when in it.
        ("В течение учебного года, при приеме на работу", "2023-09-01..2024-08-31"),
        ("В течение года по планам классных руководителей", "2023-09-01..2024-08-31"),
        ("В течение учебного года (по факту обращений)", "2023-09-01..2024-08-31"),
        ("Постоянно, при поступлении", "2023-09-01..2024-08-31"),
        // A month, a dash and the year: that month of that year, never a span of fifteen months.
        ("Июнь-2016г.", "2016-06-01..2016-06-30"),
        ("Октябрь- 2016 .", "2016-10-01..2016-10-31"),
        ("Сентябрь -2016 г.", "2016-09-01..2016-09-30"),
        ("I квартал-2017 г.", "2017-01-01..2017-03-31"),
        ("лето-2016", "2016-06-01..2016-08-31"),
        ("15 мая - 2016 г.", "2016-05-15..2016-05-15"),
        ("Октябрь, ноябрь-2016г.", "2016-10-01..2016-11-30"),
        // A stage's label before its date.
        ("Первый этап - 01.06.2016, далее - постоянно", "2016-06-01..2016-06-01"),
        ("Первый этап – 01.06.2016; далее - постоянно", "2016-06-01..2016-06-01"),
        ("II этап: декабрь 2019", "2019-12-01..2019-12-31"),
        // A month and the two years of an academic year: that month of it, as with a slash.
        ("сентябрь, июнь 2022-2023", "2022-09-01..2023-06-30"),
        ("Ноябрь 2015-2016", "2015-11-01..2015-11-30"),
        ("Май 2015 - 2016", "2016-05-01..2016-05-31"),
        // Years said to span, or a year on both sides, are a span.
        ("Февраль 2018 - 2020 гг.", "2018-02-01..2020-12-31"),
        ("сентябрь 2015 - 2016 годы", "2015-09-01..2016-12-31"),
        ("2015 - март 2016", "2015-01-01..2016-03-31"),
        // Hours after a year, with a dash or in words: when on the day, not which day.
        ("01.09.2006 10-00", "2006-09-01..2006-09-01"),
        ("15 мая 2019 г. 9-30", "2019-05-15..2019-05-15"),
        ("6 июня 2012 года 09 часов 30 минут", "2012-06-06..2012-06-06"),
        ("6 июня 2012 года, 11 часов 00 минут - 13 часов 00 минут", "2012-06-06..2012-06-06"),
    ])
    func aroundADate(_ text: String, _ period: String) throws {
        let deadline = try Deadline.parse(text, in: ay2023)
        #expect(deadline.period.map { "\($0.first.iso)..\($0.last.iso)" } == period, "\(text)")
        #expect(deadline.text == text)
    }

    @Test("unreadable text is kept and flagged, never guessed", arguments: unreadable)
    func unparsed(_ text: String) throws {
        for context in [DeadlineContext.none, y2019, ay2022] {
            let deadline: Deadline
            do {
                deadline = try Deadline.parse(text, in: context)
            } catch {
                Issue.record("«\(text)» in \(context) threw \(error)")
                continue
            }
            #expect(deadline.kind == .unparsed, "in \(context)")
            #expect(!deadline.isParsed)
            #expect(deadline.period == nil)
            #expect(deadline.occurrences.isEmpty)
            #expect(deadline.text == text)
            #expect(!deadline.isOverdue(asOf: CalendarDate(year: 2100, month: 1, day: 1)!))
        }
    }

    /// A cell with a period a line («I квартал» / «III квартал»): a list of them. On one line,
    /// periods with no comma between them could be a range that lost its dash, and stay unread.
    @Test func aPeriodALineIsAList() throws {
        let list = try Deadline.parse("I квартал\nIII квартал", in: y2019)
        #expect(list.kind == .list)
        #expect(list.occurrences.map(\.description) == ["2019-01-01..2019-03-31", "2019-07-01..2019-09-30"])
        #expect(list.text == "I квартал\nIII квартал")
        #expect(try Deadline.parse("сентябрь\nянварь\nмай", in: ay2022).occurrences.count == 3)
        #expect(try Deadline.parse("I квартал III квартал", in: y2019).kind == .unparsed)
        #expect(try Deadline.parse("I квартал\nпо согласованию", in: y2019).kind == .unparsed)
        // A month alone on its line takes its year from the next line.
        let months = try Deadline.parse("Ноябрь\nдекабрь 2008 г.")
        #expect(months.occurrences.map(\.description) == ["2008-11-01..2008-11-30", "2008-12-01..2008-12-31"])
        #expect(try Deadline.parse("Ноябрь декабрь 2008 г.").kind == .unparsed)
    }

    /// In the plan of one day («на 6 марта 2021 года»), a time alone says when on that day.
    @Test func aTimeInThePlanOfOneDayIsThatDay() throws {
        let day = try #require(CalendarDate(year: 2021, month: 3, day: 6))
        let oneDay = DeadlineContext.planPeriod(try #require(DatePeriod(first: day, last: day)))
        for text in [
            "10.00", "10.30", "9-00", "8:30", "10 часов", "10.00-14.00", "в 15.00 ч.", "11.00\nАктовый зал", "10.00, каб. 12",
            // «Маяк» and «Маяковского» are places, not May.
            "10-00 Библиотека им. Маяковского", "12-00 Площадь к/т \"Маяк\"", "11 часов 00 минут - 13 часов 00 минут",
        ] {
            let deadline = try Deadline.parse(text, in: oneDay)
            #expect(deadline.kind == .day, "\(text)")
            #expect(deadline.period?.description == "2021-03-06..2021-03-06", "\(text)")
        }
        #expect(try Deadline.parse("Актовый зал", in: oneDay).kind == .unparsed)
        #expect(try Deadline.parse("10.00 ежедневно", in: oneDay).kind != .day)
        #expect(throws: DeadlineError.self) { try Deadline.parse("12 марта", in: oneDay) }
        let next = try #require(day.adding(days: 1))
        let twoDays = DeadlineContext.planPeriod(try #require(DatePeriod(first: day, last: next)))
        #expect(try Deadline.parse("10.00", in: twoDays).kind == .unparsed)
        #expect(try Deadline.parse("10.00", in: .calendarYear(2021)).kind == .unparsed)
        // With no context, a time asks for the plan's day (an import reads it again in the
        // period of its dates); a number alone is no time.
        #expect(throws: DeadlineError.timeWithoutDay(text: "10-00 Актовый зал")) { try Deadline.parse("10-00 Актовый зал", in: .none) }
        #expect(try Deadline.parse("2 половина дня", in: .none).kind == .unparsed)
        #expect(throws: DeadlineError.missingYear(text: "22.10 – (Совет старшеклассников)", phrase: "22 октября")) {
            try Deadline.parse("22.10 – (Совет старшеклассников)", in: .none)
        }
        // «10-15 мая» after a year are days, not a time.
        #expect(try Deadline.parse("2019 г. 10-15 мая", in: .none).kind != .day)
    }

    /// Dates followed by a separate plan in brackets are the dates (the plan says what happens
    /// in them); a schedule or an agreement in brackets may move them, and stays unread, as does
    /// a note with no dates before it.
    @Test func datesBeforeASeparatePlanInBracketsAreTheDates() throws {
        let school2023 = DeadlineContext.academicYear(startingIn: 2023)
        for (text, period) in [
            ("23-30.06.2016 (по отдельному плану)", "2016-06-23..2016-06-30"), ("10-14 октября (согласно плану МО)", "2023-10-10..2023-10-14"),
            ("15.05.2024 (по плану школы)", "2024-05-15..2024-05-15"),
        ] {
            #expect(try Deadline.parse(text, in: school2023).period?.description == period, "\(text)")
        }
        #expect(try Deadline.parse("15.05.2024 (по согласованию)", in: school2023).kind == .unparsed)
        #expect(try Deadline.parse("Март 2024 г. (по графику)", in: school2023).kind == .unparsed)
        #expect(try Deadline.parse("(по отдельному плану)", in: school2023).period == nil)
        #expect(try Deadline.parse("по графику (по отдельному плану)", in: school2023).period == nil)
        // No year to place the days: the text asks for one, so an import reads it again in its plan's period.
        #expect(throws: DeadlineError.missingYear(text: "23-30.06 (по отдельному плану)", phrase: "23 июня")) {
            try Deadline.parse("23-30.06 (по отдельному плану)")
        }
    }

    /// «Третье воскресенье октября» (День отца), «последнее воскресенье ноября» (День матери):
    /// the day that weekday falls on in the plan's year; nothing places it without one.
    @Test func aWeekdayOfAMonthIsItsDayInThePlansYear() throws {
        let school2023 = DeadlineContext.academicYear(startingIn: 2023)
        for (text, day) in [
            ("Третье воскресенье октября", "2023-10-15"), ("последнее воскресенье ноября", "2023-11-26"),
            ("1-я суббота сентября", "2023-09-02"), ("во второй понедельник марта", "2024-03-11"),
            ("Четвертое воскресенье февраля 2026 г.", "2026-02-22"), ("последняя пятница мая", "2024-05-31"),
            ("первая среда января", "2024-01-03"),
        ] {
            let deadline = try Deadline.parse(text, in: school2023)
            #expect(deadline.kind == .day, "\(text)")
            #expect(deadline.period?.description == "\(day)..\(day)", "\(text)")
        }
        // Nothing to place the month, a fifth weekday, a weekday without its month: as written.
        #expect(try Deadline.parse("Третье воскресенье октября").kind == .unparsed)
        #expect(try Deadline.parse("пятое воскресенье октября", in: school2023).kind != .day)
        #expect(try Deadline.parse("каждое воскресенье", in: school2023).kind != .day)
        #expect(try Deadline.parse("последнее воскресенье", in: school2023).kind == .unparsed)
    }

    @Test("a range running backwards in a calendar year is unreadable, forwards in an academic year")
    func backwardsInCalendarYear() throws {
        #expect(try Deadline.parse("ноябрь - февраль", in: y2019).kind == .unparsed)
        #expect(try Deadline.parse("ноябрь - февраль", in: ay2022).period?.description == "2022-11-01..2023-02-28")
    }

    @Test("a cell of thousands of words is kept as text, not read again word by word")
    func aLongCellIsReadWholeOrNotAtAll() throws {
        let stages = String(repeating: "1 этап ", count: 1_500)
        let deadline = try Deadline.parse(stages, in: ay2023)
        #expect(deadline.kind == .unparsed)
        #expect(deadline.text == stages)
        // What is long but reads whole still reads.
        let list = Array(repeating: "01.09.2023", count: 120).joined(separator: ", ")
        #expect(try Deadline.parse(list, in: ay2023).period?.description == "2023-09-01..2023-09-01")
    }

    @Test("«по мере необходимости» broken by a line wrap, with its full stop, is still as needed")
    func asNeededBrokenByALineWrap() throws {
        #expect(try Deadline.parse("По мере необходимост и.", in: ay2023).kind == .noDueDate)
        #expect(try Deadline.parse("По мере необходимост и", in: ay2023).kind == .noDueDate)
    }

    @Test("spans and months each with its year, run together, are each its own occurrence")
    func spansWithTheirYearsAreAList() throws {
        let spans = try Deadline.parse("Октябрь-декабрь 2024 г. Апрель-май 2025 г.", in: ay2023)
        #expect(spans.kind == .list)
        #expect(spans.occurrences.map(\.description) == ["2024-10-01..2024-12-31", "2025-04-01..2025-05-31"])
        let months = try Deadline.parse("Октябрь, ноябрь-2016г.", in: ay2023)
        #expect(months.occurrences.map(\.description) == ["2016-10-01..2016-10-31", "2016-11-01..2016-11-30"])
        // Two months without their years may be a span that lost its dash: not read.
        #expect(try Deadline.parse("Ноябрь декабрь 2008 г.", in: ay2023).kind == .unparsed)
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let text: String
        let context: DeadlineContext
        let error: DeadlineError
        var testDescription: String { "«\(text)» in \(context)" }
    }

    static let errors: [ErrorCase] = [
        ErrorCase(text: "Сентябрь", context: .none, error: .missingYear(text: "Сентябрь", phrase: "сентябрь")),
        ErrorCase(text: "до 25 декабря", context: .none, error: .missingYear(text: "до 25 декабря", phrase: "25 декабря")),
        ErrorCase(text: "I квартал", context: .none, error: .missingYear(text: "I квартал", phrase: "I квартал")),
        ErrorCase(text: "летний период", context: .none, error: .missingYear(text: "летний период", phrase: "лето")),
        ErrorCase(text: "постоянно", context: .none, error: .missingPeriod(text: "постоянно")),
        ErrorCase(text: "весь период", context: .none, error: .missingPeriod(text: "весь период")),
        ErrorCase(text: "ежемесячно", context: .none, error: .missingPeriod(text: "ежемесячно")),
        ErrorCase(text: "2 раза в год", context: .none, error: .missingPeriod(text: "2 раза в год")),
        ErrorCase(text: "с 01.09.2018", context: .none, error: .missingPeriod(text: "с 01.09.2018")),
        ErrorCase(text: "1 этап: сентябрь", context: .none, error: .missingYear(text: "1 этап: сентябрь", phrase: "сентябрь")),
        ErrorCase(
            text: "до 01.09.2025, далее ежегодно", context: .none,
            error: .missingPeriod(text: "до 01.09.2025, далее ежегодно")),
        ErrorCase(
            text: "в течение учебного года", context: y2019,
            error: .needsOtherContext(
                text: "в течение учебного года", needed: "an academic year or a plan period",
                given: "the calendar year 2019")),
        ErrorCase(
            text: "зимний период", context: y2019,
            error: .needsOtherContext(
                text: "зимний период", needed: "an academic year or a plan period", given: "the calendar year 2019")),
        ErrorCase(
            text: "Июнь", context: plan("2022-09-01..2023-05-31"),
            error: .notInContext(text: "Июнь", phrase: "июнь", context: "the plan period 2022-09-01..2023-05-31")),
        ErrorCase(
            text: "Март", context: plan("2018-01-01..2019-12-31"),
            error: .ambiguousInContext(
                text: "Март", phrase: "март", context: "the plan period 2018-01-01..2019-12-31",
                candidates: [DatePeriod(parsing: "2018-03-01..2018-03-31")!, DatePeriod(parsing: "2019-03-01..2019-03-31")!])),
        // Two winters of a plan of two years: which one is for a person to say.
        ErrorCase(
            text: "Декабрь – январь", context: plan("2018-01-01..2019-12-31"),
            error: .ambiguousInContext(
                text: "Декабрь – январь", phrase: "декабрь – январь", context: "the plan period 2018-01-01..2019-12-31",
                candidates: [
                    DatePeriod(parsing: "2017-12-01..2018-01-31")!, DatePeriod(parsing: "2018-12-01..2019-01-31")!,
                    DatePeriod(parsing: "2019-12-01..2020-01-31")!,
                ])),
    ]

    /// A range with no year over a new year in a plan's period, read forward: docs/4302's last
    /// week of a plan «на ноябрь – декабрь 2022 года».
    @Test("a range over a new year in a plan's period runs forward", arguments: [
        ("26 декабря – 1 января", plan("2022-11-01..2022-12-31"), "2022-12-26..2023-01-01"),
        ("ноябрь - 15 января", plan("2022-09-01..2023-05-31"), "2022-11-01..2023-01-15"),
        ("ноябрь - февраль", plan("2019-10-01..2020-03-31"), "2019-11-01..2020-02-29"),
        // Not over a new year: as before.
        ("Сентябрь-декабрь", y2019, "2019-09-01..2019-12-31"),
        ("Декабрь – январь", .academicYear(startingIn: 2023), "2023-12-01..2024-01-31"),
    ])
    func rangeOverANewYear(_ text: String, _ context: DeadlineContext, _ period: String) throws {
        #expect(try Deadline.parse(text, in: context).period?.description == period)
    }

    /// A part of a text read alone when the rest is a note («сентябрь» of «сентябрь, далее –
    /// постоянно», docs/702) asks for the year the part lacks, so an import reads it again in
    /// its plan's period; what no year would read stays unread.
    @Test func aPartThatLacksAYearAsksForIt() throws {
        #expect(throws: DeadlineError.missingYear(text: "сентябрь, далее – постоянно", phrase: "сентябрь")) {
            try Deadline.parse("сентябрь, далее – постоянно")
        }
        let september = try Deadline.parse("сентябрь, далее – постоянно", in: plan("2024-09-01..2024-09-09"))
        #expect(september.period?.description == "2024-09-01..2024-09-30")
        // A month before a name is not a deadline with a note: unread, in a year or without one.
        #expect(try Deadline.parse("Сентябрь Иванов").kind == .unparsed)
        #expect(try Deadline.parse("Сентябрь Иванов", in: y2019).kind == .unparsed)
    }

    /// In an academic year a range that runs backwards is not turned into another one.
    @Test func aBackwardRangeInAnAcademicYearStaysUnread() throws {
        #expect(try Deadline.parse("Июнь - сентябрь", in: .academicYear(startingIn: 2023)).kind == .unparsed)
    }

    @Test("text that needs context says which", arguments: errors)
    func contextErrors(_ row: ErrorCase) {
        #expect(throws: row.error) { try Deadline.parse(row.text, in: row.context) }
    }

    @Test("error messages name the text and what is missing")
    func messages() {
        #expect(
            DeadlineError.missingYear(text: "Сентябрь", phrase: "сентябрь").description
                == "deadline «Сентябрь»: «сентябрь» has no year; give a calendar year, an academic year or the plan's period")
        let ambiguous = DeadlineError.ambiguousInContext(
            text: "Март", phrase: "март", context: "the plan period 2018-01-01..2019-12-31",
            candidates: [DatePeriod(parsing: "2018-03-01..2018-03-31")!, DatePeriod(parsing: "2019-03-01..2019-03-31")!])
        #expect(ambiguous.description.contains("2 times"))
        #expect(ambiguous.description.contains("write the year"))
        #expect(DeadlineError.missingPeriod(text: "постоянно").description.contains("plan's period"))
    }

    @Test("text is kept verbatim, NFC-normalised")
    func verbatim() throws {
        let decomposed = "до 1 сентября 2019 г.".decomposedStringWithCanonicalMapping + " "
        let withYo = "не позднее 15 числа месяца, следующего за отчётным"
        let deadline = try Deadline.parse(withYo, in: y2019)
        #expect(deadline.text == withYo)
        let nfd = "Отчёт до 01.09.2019".decomposedStringWithCanonicalMapping
        #expect(Deadline.unparsed(nfd).text == "Отчёт до 01.09.2019")
        #expect(try Deadline.parse(decomposed).text == decomposed.precomposedStringWithCanonicalMapping)
    }

    @Test("Latin letters typed in the Cyrillic layout are read")
    func mixedLayout() throws {
        // «мaрт» with a Latin «a», «кв» with a Latin «k».
        #expect(try Deadline.parse("мaрт 2019").period?.description == "2019-03-01..2019-03-31")
        #expect(try Deadline.parse("IV kв. 2018").period?.description == "2018-10-01..2018-12-31")
    }

    @Test("HTML tags left by converters are ignored")
    func tags() throws {
        #expect(try Deadline.parse("<p>Март 2019</p>").period?.description == "2019-03-01..2019-03-31")
    }
}

@Suite("Deadlines from the seed documents")
struct SeedDeadlineTests {
    /// Order 770 (seed 004): the three planned actions' deadlines, exactly as in the table.
    @Test(arguments: [
        ("Сентябрь 2018 – апрель 2019", "2018-09-01..2019-04-30", Deadline.Kind.monthRange),
        ("Март 2019", "2019-03-01..2019-03-31", .month),
        ("Октябрь 2018", "2018-10-01..2018-10-31", .month),
    ])
    func order770(_ text: String, _ period: String, _ kind: Deadline.Kind) throws {
        let deadline = try Deadline.parse(text)
        #expect(deadline.kind == kind)
        #expect(deadline.period?.description == period)
    }

    /// Seed 002: a 2022–2023 school plan whose months have no year; Sep–Dec in 2022, Jan–May in 2023.
    @Test(arguments: [
        ("Сентябрь", "2022-09"), ("Октябрь", "2022-10"), ("Ноябрь", "2022-11"), ("Декабрь", "2022-12"),
        ("Январь", "2023-01"), ("Февраль", "2023-02"), ("Март", "2023-03"), ("Апрель", "2023-04"), ("Май", "2023-05"),
    ])
    func schoolPlan(_ text: String, _ month: String) throws {
        for context in [ay2022, plan("2022-09-01..2023-08-31"), plan("2022-09-01..2023-05-31")] {
            let deadline = try Deadline.parse(text, in: context)
            #expect(deadline.kind == .month)
            #expect(deadline.period?.first.iso.hasPrefix(month) == true, "in \(context)")
            #expect(deadline.period?.first.day == 1)
        }
    }

    /// Seed 000: «Экскурсии 2 раза в год» recurs twice a year.
    @Test func twiceAYearInResultCell() throws {
        let parser = DeadlineParser()
        let deadline = try #require(try parser.recurringDeadline(mentionedIn: "Экскурсии 2 раза в год", in: ay2022))
        #expect(deadline.recurrence == .twiceAYear)
        #expect(deadline.text == "2 раза в год")
        #expect(deadline.occurrences.map(\.description) == ["2022-09-01..2022-12-31", "2023-01-01..2023-08-31"])
        #expect(try parser.recurringDeadline(mentionedIn: "Совместные праздники", in: ay2022) == nil)
        #expect(throws: DeadlineError.self) { try parser.recurringDeadline(mentionedIn: "Экскурсии 2 раза в год") }
    }

    /// Seed 001 has no dates: nothing there is ever overdue.
    @Test func noDatesNeverOverdue() throws {
        let deadline = try Deadline.parse("по согласованию")
        #expect(deadline.dueDay == nil)
        #expect(!deadline.isOverdue(asOf: CalendarDate(year: 2100, month: 1, day: 1)!))
    }
}

@Suite("Deadline context and summary")
struct DeadlineSummaryTests {
    @Test func contextFromOptions() throws {
        #expect(try DeadlineContext(year: nil, academicYear: nil, period: nil) == .none)
        #expect(try DeadlineContext(year: 2019, academicYear: nil, period: nil) == .calendarYear(2019))
        #expect(try DeadlineContext(year: nil, academicYear: 2022, period: nil) == .academicYear(startingIn: 2022))
        #expect(try DeadlineContext(year: nil, academicYear: nil, period: "2022-09-01..2023-05-31") == plan("2022-09-01..2023-05-31"))
        #expect(DeadlineContext.academicYear(startingIn: 2022).period?.description == "2022-09-01..2023-08-31")
        #expect(throws: DeadlineError.self) { try DeadlineContext(year: 2019, academicYear: 2022, period: nil) }
        #expect(throws: DeadlineError.self) { try DeadlineContext(year: nil, academicYear: nil, period: "2022-09-01") }
        #expect(throws: DeadlineError.self) { try DeadlineContext(year: nil, academicYear: nil, period: "2023-09-01..2022-09-01") }
        #expect(throws: DeadlineError.self) { try DeadlineContext(year: 0, academicYear: nil, period: nil) }
    }

    static func json(_ deadline: Deadline) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(DeadlineSummary(deadline)), as: UTF8.self)
    }

    @Test func jsonOfAMonthRange() throws {
        let deadline = try Deadline.parse("Сентябрь 2018 – апрель 2019")
        #expect(try Self.json(deadline) == #"{"end":"2019-04-30","kind":"month_range","occurrences":[{"end":"2019-04-30","start":"2018-09-01"}],"parsed":true,"recurrence":null,"start":"2018-09-01","text":"Сентябрь 2018 – апрель 2019"}"#)
    }

    @Test func jsonWritesNullsForUnparsedText() throws {
        #expect(try Self.json(.unparsed("когда-нибудь")) == #"{"end":null,"kind":"unparsed","occurrences":[],"parsed":false,"recurrence":null,"start":null,"text":"когда-нибудь"}"#)
    }

    @Test func jsonOfARecurringDeadline() throws {
        let deadline = try Deadline.parse("2 раза в год", in: y2019)
        #expect(try Self.json(deadline) == #"{"end":"2019-12-31","kind":"recurring","occurrences":[{"end":"2019-06-30","start":"2019-01-01"},{"end":"2019-12-31","start":"2019-07-01"}],"parsed":true,"recurrence":"twice_a_year","start":"2019-01-01","text":"2 раза в год"}"#)
    }

    @Test func humanReadable() throws {
        let text = DeadlineSummary(try Deadline.parse("до 01.09.2019")).humanReadable
        #expect(text.contains("due_date"))
        #expect(text.contains("period:      2019-09-01"))
        #expect(DeadlineSummary(.unparsed("x")).humanReadable.contains("not parsed"))
    }

    @Test func recurrenceRawValues() {
        #expect(Recurrence.allCases.map(\.rawValue) == ["weekly", "monthly", "quarterly", "twice_a_year", "annually"])
    }
}

@Suite("Deadline overdue")
struct DeadlineOverdueTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test func dueDayItselfIsNotOverdue() throws {
        let deadline = try Deadline.parse("до 01.09.2019")
        #expect(deadline.dueDay == Self.day("2019-09-01"))
        #expect(!deadline.isOverdue(asOf: Self.day("2019-08-31")))
        #expect(!deadline.isOverdue(asOf: Self.day("2019-09-01")))
        #expect(deadline.isOverdue(asOf: Self.day("2019-09-02")))
    }

    @Test func monthIsDueOnItsLastDay() throws {
        let deadline = try Deadline.parse("Март 2019")
        #expect(!deadline.isOverdue(asOf: Self.day("2019-03-31")))
        #expect(deadline.isOverdue(asOf: Self.day("2019-04-01")))
    }

    @Test func recurringIsDueOnItsLastOccurrence() throws {
        let deadline = try Deadline.parse("ежемесячно до 5 числа", in: y2019)
        #expect(deadline.dueDay == Self.day("2019-12-05"))
        #expect(deadline.overdueOccurrences(asOf: Self.day("2019-03-06")).count == 3)
        #expect(!deadline.isOverdue(asOf: Self.day("2019-12-05")))
    }

    @Test func noDueDateIsNeverOverdue() throws {
        let deadline = try Deadline.parse("по мере необходимости")
        #expect(!deadline.isOverdue(asOf: Self.day("2999-01-01")))
    }
}
