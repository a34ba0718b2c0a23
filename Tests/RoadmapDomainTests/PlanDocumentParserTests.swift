import Foundation
import Testing

@testable import RoadmapDomain

/// Builds a document of paragraphs and one table the way a reader would, one line per row.
private func document(
    _ name: String = "plan.txt", paragraphs: [String] = [], table rows: [[String]]
) -> SourceDocument {
    var blocks: [SourceDocument.Block] = paragraphs.enumerated().map {
        .paragraph($0.element, location: SourceLocation(line: $0.offset + 1))
    }
    let first = paragraphs.count + 2
    let table = SourceTable(rows: rows.enumerated().map { row, texts in
        texts.enumerated().map { column, text in
            SourceCell(text: text, location: SourceLocation(line: first + row, row: row + 1, column: column + 1))
        }
    })
    blocks.append(.table(table))
    return SourceDocument(name: name, blocks: blocks)
}

@Suite("Reading a plan out of a document")
struct PlanDocumentParserTests {
    /// «1. | Цель: …» and «1.1. | Задача: …» beside their numbers, with no deadline and no
    /// executor: the goal and the tasks the rows below serve, not actions nobody has to do
    /// by no day (nor parts of the plan, the goal's heading lost under its first task's).
    @Test func goalAndTaskRowsBesideTheirNumbersAreTheGoalAndItsTasks() throws {
        let plan = try PlanDocumentParser().parse(document(paragraphs: ["План мероприятий на 2024/2025 учебный год"], table: [
            ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственные"],
            ["1.", "Цель: повышение качества образования", "", ""],
            ["1.1.", "Задача: развитие кадрового потенциала", "", ""],
            ["1.1.1.", "Семинар для учителей математики", "октябрь 2024", "Отдел образования"],
            ["1.1.2.", "Конкурс «Учитель года»", "ноябрь 2024", "Петрова И.И., заместитель начальника"],
            ["1.2.", "задача 2: поддержка одарённых детей.", "", ""],
            ["1.2.1.", "Муниципальный этап олимпиады", "декабрь 2024", "Отдел образования"],
            ["2.", "Цель: развитие инфраструктуры", "", ""],
            ["2.1.", "Ремонт спортивных залов", "июнь 2025", "Отдел образования"],
            // An action whose text names its aim, with its deadline: an action still.
            ["2.2.", "Цель: классный час о здоровье", "май 2025", "Классные руководители"],
        ]))
        #expect(plan.goals.map(\.title) == ["Повышение качества образования", "Развитие инфраструктуры"])
        #expect(plan.goals.first?.tasks.map(\.title) == ["Развитие кадрового потенциала", "Поддержка одарённых детей"])
        #expect(plan.goals.map { $0.actions.map(\.taskPositions) } == [[[1], [1], [2]], [[], []]])
        #expect(plan.actions.map(\.deadline.text) == ["октябрь 2024", "ноябрь 2024", "декабрь 2024", "июнь 2025", "май 2025"])
        #expect(plan.actions.allSatisfy { $0.section == nil })
    }

    /// A table whose rows have no numbers: a row holding only its action's text heads the rows
    /// below when nothing above could share a merged deadline with it (the first row under the
    /// header), or when it is short, ends as no sentence does, and the row below has its own
    /// deadline. «I.Организационные мероприятия» is a section without its space too.
    @Test func unnumberedRowsAloneHeadTheRowsBelowThem() throws {
        let plan = try PlanDocumentParser().parse(document(paragraphs: ["План мероприятий на 2024 год"], table: [
            ["Виды работ", "Сроки", "Ответственный исполнитель"],
            ["Проведение организационно-информационных мероприятий", "", ""],
            ["Планирование работы на 2024 год", "январь 2024", "Руководители МО"],
            ["Торжественное открытие Года семьи", "январь 2024", "Заместитель директора"],
            ["Заседания профсоюзного комитета", "", ""],
            ["Обсуждение плана работы профактива", "август 2024", "Председатель профкома"],
            ["I.Культурно-массовые мероприятия", "", ""],
            ["Праздничный концерт ко Дню учителя", "05.10.2024", "Учитель музыки"],
            // A row of a sentence, under a deadline merged down from the row above: an action.
            ["Подготовка отчёта о проведённых мероприятиях для управления образования.", "", ""],
            ["Подведение итогов года", "декабрь 2024", "Директор"],
        ]))
        #expect(plan.actions.map(\.title) == [
            "Планирование работы на 2024 год", "Торжественное открытие Года семьи", "Обсуждение плана работы профактива",
            "Праздничный концерт ко Дню учителя", "Подготовка отчёта о проведённых мероприятиях для управления образования.",
            "Подведение итогов года",
        ])
        #expect(plan.actions.map(\.section) == [
            "Проведение организационно-информационных мероприятий", "Проведение организационно-информационных мероприятий",
            "Заседания профсоюзного комитета", "I.Культурно-массовые мероприятия", "I.Культурно-массовые мероприятия",
            "I.Культурно-массовые мероприятия",
        ])
    }

    /// A row whose action stands alone but with a time, a place or a class beside it is an
    /// action whose deadline was merged down from the row above (a web page's copy keeps no
    /// merge), never a heading; nor is a row alone whose next row has no deadline of its own.
    @Test func aRowWithMoreThanItsActionOrBeforeAnotherUntimedRowIsNoHeading() throws {
        let plan = try PlanDocumentParser().parse(document(paragraphs: ["Программа мероприятий"], table: [
            ["Мероприятие", "Дата", "Время", "Ответственный"],
            ["Выставка книг", "01-28.02", "8.00-16.30", "Ерошевская Е.В."],
            ["Фотосессия на протяжении всего периода", "", "8.00-15.30", ""],
            ["Открытие «Пушкинских дней»", "04.02", "08.00", "Бабенко И.В."],
            ["Конкурс чтецов", "", "", ""],
            ["Литературная викторина", "", "", ""],
            ["Закрытие «Пушкинских дней»", "28.02", "14.00", "Бабенко И.В."],
        ]))
        #expect(plan.actionCount == 6)
        #expect(plan.actions.allSatisfy { $0.section == nil })
    }

    /// «1 | 2 | 3» under the header numbers its columns: a table of one action under it has
    /// no numbers of its rows to shift the headings over.
    @Test func aNumberingRowOverOneActionIsNoColumnOfNumbers() throws {
        let plan = try PlanDocumentParser().parse(document(paragraphs: ["План мероприятий"], table: [
            ["Содержание работы", "Срок", "Ответственные"],
            ["1", "2", "3"],
            ["Изучение видового разнообразия растений на пришкольной территории", "май 2024", "Старовойтова О.Н."],
        ]))
        #expect(plan.actions.map(\.title) == ["Изучение видового разнообразия растений на пришкольной территории"])
        #expect(plan.actions.map(\.deadline.text) == ["май 2024"])
    }

    /// «25 января - День российского студенчества» across the table: a day and its theme, with
    /// the dash spaced as Russian typesetting has it.
    @Test func aDayThenASpacedDashThenItsThemeHeadsItsRows() throws {
        let plan = try PlanDocumentParser().parse(document(paragraphs: ["План мероприятий на 2018 год"], table: [
            ["Наименование мероприятия", "Срок проведения", "Ответственный исполнитель"],
            ["Размещение материалов на сайтах", "в течение года", "Министерство образования"],
            ["25 января - День российского студенчества", "", ""],
            ["Интеллектуальная игра для молодёжи «Брейн-ринг»", "", "Национальная библиотека"],
        ]))
        #expect(plan.actionCount == 2)
        #expect(plan.actions.last?.section == "25 января - День российского студенчества")
    }

    /// Word keeps a plan of several pages as a table a page; only the first has the header.
    /// A numbered row whose words sound like headings («Контроль организации питания»,
    /// «работники столовой», «Ответственный за питание») goes on with the plan.
    @Test func aNumberedRowIsNoHeaderOfATableCutByAPage() throws {
        func table(_ rows: [[String]], page: Int) -> SourceDocument.Block {
            .table(SourceTable(rows: rows.enumerated().map { row, texts in
                texts.enumerated().map { SourceCell(text: $0.element, location: SourceLocation(page: page, row: row + 1, column: $0.offset + 1)) }
            }))
        }
        let plan = try PlanDocumentParser().parse(SourceDocument(name: "plan.docx", blocks: [
            table([
                ["№ п/п", "Название мероприятия и форма проведения", "Сроки проведения", "Целевая аудитория", "Ответственный"],
                ["1.", "Составление плана", "август 2022", "Все участники", "Директор"],
                ["2.", "Подготовка приказа", "август 2022", "педагоги", "Директор"],
            ], page: 1),
            table([
                ["3.", "Организация работы медицинского кабинета", "постоянно", "все участники", "Заведующий хозяйством"],
                ["4.", "Контроль организации питания", "постоянно", "работники столовой", "Ответственный за питание"],
                ["5.", "Проверка журналов", "сентябрь 2022", "педагоги", "Заместитель директора"],
            ], page: 2),
        ]))
        #expect(plan.actions.map(\.title) == [
            "Составление плана", "Подготовка приказа", "Организация работы медицинского кабинета",
            "Контроль организации питания", "Проверка журналов",
        ])
    }

    /// A kindergarten's summer plan (docs/3501), then its weeks' themes month by month in
    /// tables with no column of deadlines: those rows have no term, they are not the plan.
    /// Alone, such a table is still read (a plan may give no deadlines at all).
    @Test func tablesWithoutDeadlinesBesideThePlanAreNotThePlan() throws {
        func table(_ rows: [[String]], line: Int) -> SourceDocument.Block {
            .table(SourceTable(rows: rows.enumerated().map { row, texts in
                texts.enumerated().map { SourceCell(text: $0.element, location: SourceLocation(line: line + row, row: row + 1, column: $0.offset + 1)) }
            }))
        }
        let weeks = table([
            ["№ п/п", "Недели месяца, тематика", "Мероприятия", "Ответственные"],
            ["1.", "Неделя заботы", "Беседы о дружбе", "Воспитатели"],
            ["2.", "Неделя здоровья", "Спортивный досуг", "Инструктор по ФИЗО"],
        ], line: 20)
        let plan = try PlanDocumentParser().parse(SourceDocument(name: "summer.docx", blocks: [
            table([
                ["№п/п", "Мероприятия", "Время проведения", "Ответственные"],
                ["1.", "Инструктаж по охране жизни детей", "июнь", "Заведующий"],
                ["2.", "Оснащение участков", "июнь-август", "Завхоз"],
            ], line: 1),
            .paragraph("ИЮНЬ", location: SourceLocation(line: 19)),
            weeks,
        ]))
        #expect(plan.goals.flatMap(\.actions).map(\.title) == ["Инструктаж по охране жизни детей", "Оснащение участков"])
        let alone = try PlanDocumentParser().parse(SourceDocument(name: "weeks.docx", blocks: [weeks]))
        #expect(alone.goals.flatMap(\.actions).map(\.title) == ["Беседы о дружбе", "Спортивный досуг"])
    }

    /// A table of the document's own copied without its header (the third page of an act's
    /// table, docs/132, held-back-41/4301): rows that each give a deadline in one column and
    /// words in a column before it are read with the header they would have had; a number and
    /// words alone make a section, and two columns of dates side by side a start and an end.
    /// A table whose rows give no deadline in one column is still no plan.
    @Test func aTableWithoutItsHeaderIsReadByWhatItsRowsHold() throws {
        func document(_ rows: [[String]]) -> SourceDocument {
            SourceDocument(name: "act.txt", blocks: [
                .paragraph("Страницы: Стр.1 | Стр.2 | Стр.3", location: SourceLocation(line: 1)),
                .table(SourceTable(rows: rows.enumerated().map { row, texts in
                    texts.enumerated().map { SourceCell(text: $0.element, location: SourceLocation(line: 3 + row, row: row + 1, column: $0.offset + 1)) }
                })),
            ])
        }
        let plan = try PlanDocumentParser().parse(document([
            ["22", "4. Поощрение лучших учителей", "", "", "", ""],
            ["23", "4.1. Информирование учительской общественности об условиях конкурса", "Министерство образования Московской области",
             "Публикации в средствах массовой информации", "28.01.2010", "24.03.2010"],
            ["24", "4.2. Заключение соглашения о предоставлении субсидии", "Министерство образования Московской области",
             "Соглашение", "Февраль 2010 года", "В течение 40 дней после выхода приказа"],
        ]))
        #expect(plan.actions.map(\.title) == ["4.1. Информирование учительской общественности об условиях конкурса",
                                              "4.2. Заключение соглашения о предоставлении субсидии"])
        #expect(plan.actions.map(\.section) == ["4. Поощрение лучших учителей", "4. Поощрение лучших учителей"])
        #expect(plan.actions[0].deadline.text == "28.01.2010 – 24.03.2010")
        #expect(plan.actions[0].executors.map(\.name) == ["Министерство образования Московской области"])
        #expect(plan.warnings.contains { $0.description.contains("a table without its header") })

        // The action before its deadline, the executors after it, a note last (4301).
        let act = try PlanDocumentParser().parse(document([
            ["38. Разработка рекомендаций по использованию электронных средств обучения", "2006", "Минобразование", "-",
             "рекомендации по использованию электронных средств обучения"],
        ]))
        #expect(act.actions.map(\.deadline.text) == ["2006"])
        #expect(act.actions.map { $0.executors.map(\.name) } == [["Минобразование"]])

        // No column of deadlines: not a plan.
        #expect(throws: PlanParseError.self) {
            try PlanDocumentParser().parse(document([
                ["Иванова Мария Петровна", "учитель начальных классов", "высшая категория"],
                ["Петров Иван Сергеевич", "учитель физики", "первая категория"],
            ]))
        }
    }

    /// Every wording of the four columns, in another order each time.
    @Test(arguments: [
        ["Планируемые действия", "Сроки реализации", "Ответственный исполнитель", "Ожидаемые результаты"],
        ["Мероприятие", "Срок", "Ответственный", "Результат"],
        ["Наименование мероприятия", "Дата", "Исполнители", "Ожидаемый результат"],
    ])
    func columnsByMeaning(header: [String]) throws {
        let permuted = [header[3], header[2], header[0], header[1]]
        let plan = try PlanDocumentParser().parse(document(table: [
            permuted,
            ["Обмен опытом", "Комитет образования", "Семинар для педагогов", "Март 2019"],
        ]))
        let action = try #require(plan.actions.first)
        #expect(plan.actionCount == 1)
        #expect(action.title == "Семинар для педагогов")
        #expect(action.expectedResult == "Обмен опытом")
        #expect(action.deadline.period == DatePeriod.month(3, of: 2019))
        #expect(action.executors.map(\.name) == ["Комитет образования"])
        #expect(action.location.line == 3)
    }

    @Test(arguments: [
        ("Планируемые действия", PlanColumn.action), ("Наименование мероприятия", .action),
        ("Сроки реализации", .deadline), ("Дата", .deadline), ("Ответственный исполнитель", .executor),
        ("Исполнители", .executor), ("Ожидаемые результаты", .result), ("Место проведения", .venue),
        ("№ п/п", .number), ("Направления взаимодействия. Название учреждений", .partner),
        ("Социальный партер", .partner), ("Цель взаимодействия", .purpose), ("Формы взаимодействия", .forms),
        ("Социальный эффект", .effect),
        // Wordings of real plans the samples did not have.
        ("Мероприятия", .action), ("Направления деятельности", .action), ("Содержание работы", .action), ("Виды работ", .action),
        ("Срок исполнения", .deadline), ("Сроки", .deadline), ("Дата проведения", .deadline), ("Время проведения", .deadline),
        ("Период", .deadline), ("Ответственные", .executor), ("Ответственные лица", .executor), ("Соисполнители", .executor),
        ("Показатель", .result), ("Форма отчётности", .result), ("Итоговый документ", .result), ("Ожидаемый результат", .result),
        // A schedule's one column of place and time holds dates; an olympiad's rounds are its subjects.
        ("Место, время", .deadline), ("Место и время проведения", .deadline), ("Предмет", .action), ("Учебный предмет", .action),
        // The action and its form in one heading; the form of each event; whom it is for.
        ("Название мероприятия и форма проведения", .action), ("Форма проведения мероприятия", .forms),
        ("Формы и мероприятия", .forms), ("Целевая аудитория", .participants),
        // A word between «Направление» and what is done (docs/4201): not a partners' column.
        ("Направление воспитательной деятельности", .action), ("Основные направления методической работы", .action),
        ("Направления взаимодействия", .partner),
    ])
    func recognisesColumn(header: String, expected: PlanColumn) {
        #expect(PlanColumn(header: header) == expected)
    }

    /// One year of this century alone in the title dates a plan's days; two years, or a year of
    /// history, do not.
    @Test func aTitlesOneYearIsTheCalendarYear() {
        let parser = PlanDocumentParser()
        #expect(parser.deadlineContext(academicYear: nil, title: "Программа «Пушкинские дни - 2019»") == .calendarYear(2019))
        #expect(parser.deadlineContext(academicYear: nil, title: "План мероприятий Года защитника Отечества 2025 год") == .calendarYear(2025))
        #expect(parser.deadlineContext(academicYear: nil, title: "План мероприятий к Дню Победы в ВОВ 1941-1945 гг.") == .none)
        #expect(parser.deadlineContext(academicYear: nil, title: "Дорожная карта проекта 2025-2029") == .none)
        #expect(parser.deadlineContext(academicYear: nil, title: "План работы школы") == .none)
    }

    /// A plan for an anniversary of the Victory is dated by it: the school year that leads up to
    /// the 9 May of 1945 + N. A battle's victory counts from another year, and gives none.
    @Test func anAnniversaryOfTheVictoryIsTheSchoolYearBeforeIt() {
        let parser = PlanDocumentParser()
        for (title, year) in [
            ("План мероприятий, посвященных 65-летию Победы", 2009),
            ("План к 80-летию Победы 1945 года", 2024),
            ("План основных мероприятий МОУ «СОШ № 19», посвященных 65-й годовщине Победы в ВОВ", 2009),
            ("План мероприятий по подготовке и проведению празднования 70-й годовщины Победы в Великой Отечественной войне 1941-1945 годов", 2014),
            ("План проведения мероприятий, посвященных празднованию 75-годовщине Победы в Великой Отечественной войне", 2019),
            ("План мероприятий к 80-летию Великой Победы", 2024),
        ] {
            #expect(parser.deadlineContext(academicYear: nil, title: title) == .academicYear(startingIn: year), "\(title)")
        }
        #expect(parser.deadlineContext(academicYear: nil, title: "План мероприятий, посвященных 75-летию Победы в Сталинградской битве") == .none)
        #expect(parser.deadlineContext(academicYear: nil, title: "План мероприятий ко Дню Победы") == .none)
        #expect(parser.deadlineContext(academicYear: nil, title: "План к 90-летию школы") == .none)
        // A year the title names is the plan's own.
        #expect(parser.deadlineContext(academicYear: nil, title: "План мероприятий на 2020 год, посвященных 75-й годовщине Победы")
                == .calendarYear(2020))
        #expect(parser.deadlineContext(
            academicYear: nil, title: "План подготовки к 75-летию Победы в Сталинградской битве",
            lines: ["План мероприятий, посвященных 75-летию Победы"]) == .none)
        // Years that disagree (a plan for two anniversaries) give none.
        #expect(parser.deadlineContext(
            academicYear: nil, title: "План", lines: ["к 65-летию Победы", "к 70-летию Победы"]) == .none)
    }

    /// A camp's or a month's dates in the title, or on a line of their own above the table,
    /// are the plan's period: «03.06.» is read in it (2408). Two different periods, a date
    /// inside a sentence, or an end before the start give none.
    @Test func aPlansDatesAboveTheTableAreItsPeriod() throws {
        let parser = PlanDocumentParser()
        func period(_ first: (Int, Int, Int), _ last: (Int, Int, Int)) throws -> DatePeriod {
            let start = try #require(CalendarDate(year: first.0, month: first.1, day: first.2))
            let end = try #require(CalendarDate(year: last.0, month: last.1, day: last.2))
            return try #require(DatePeriod(first: start, last: end))
        }
        let june = try period((2024, 6, 3), (2024, 6, 21))
        #expect(parser.deadlineContext(academicYear: nil, title: "План работы лагеря", lines: ["ПЛАН", "с 03.06.2024 г по 21.06.2024 г"])
                == .planPeriod(june))
        #expect(parser.deadlineContext(academicYear: nil, title: "План лагеря «Родничок»  с 03.06.2024 по 21.06.2024 года ") == .planPeriod(june))
        #expect(parser.deadlineContext(academicYear: nil, title: "План мероприятий", lines: ["(22.01.2024 – 29.02.2024)"])
                == .planPeriod(try period((2024, 1, 22), (2024, 2, 29))))
        // The plan of one day (219, 1601).
        let sixth = try period((2021, 3, 6), (2021, 3, 6))
        #expect(parser.deadlineContext(academicYear: nil, title: "План проведения шестого школьного дня в ГУО «Средняя школа №23» на 6 марта 2021 года")
                == .planPeriod(sixth))
        #expect(parser.deadlineContext(academicYear: nil, title: "ПЛАН", lines: ["праздничных мероприятий, посвященных Дню защиты детей", "/1 июня 2015 года/"])
                == .planPeriod(try period((2015, 6, 1), (2015, 6, 1))))
        #expect(parser.deadlineContext(academicYear: nil, title: "План", lines: ["на 6 марта 2021 года", "на 7 марта 2021 года"]) != .planPeriod(sixth))
        #expect(parser.deadlineContext(academicYear: nil, title: "План", lines: ["(с изменениями на 6 марта 2021 года)"]) != .planPeriod(sixth))
        // The first date without its year is in the last one's (1008), or the year before it.
        #expect(parser.deadlineContext(academicYear: nil, title: "План мероприятий Недели профориентации (19.11-24.11.2018)")
                == .planPeriod(try period((2018, 11, 19), (2018, 11, 24))))
        #expect(parser.deadlineContext(academicYear: nil, title: "План", lines: ["(28.12-10.01.2025)"])
                == .planPeriod(try period((2024, 12, 28), (2025, 1, 10))))
        #expect(parser.deadlineContext(academicYear: nil, title: "План", lines: ["с 03.06.2024 по 21.06.2024", "с 01.07.2024 по 21.07.2024"]) == .none)
        #expect(parser.deadlineContext(academicYear: nil, title: "План", lines: ["с 21.06.2024 по 03.06.2024"]) == .none)
        // The same in words: «с 24 мая по 30 мая 2024 года», a month named once, a year across.
        #expect(parser.deadlineContext(academicYear: nil, title: "План", lines: ["с 24 мая по 30 мая 2024 года"])
                == .planPeriod(try period((2024, 5, 24), (2024, 5, 30))))
        #expect(parser.deadlineContext(academicYear: nil, title: "План недели с 1 по 14 июня 2024 г.") == .planPeriod(try period((2024, 6, 1), (2024, 6, 14))))
        #expect(parser.deadlineContext(academicYear: nil, title: "План", lines: ["с 28 декабря по 10 января 2025 года"])
                == .planPeriod(try period((2024, 12, 28), (2025, 1, 10))))
        #expect(parser.deadlineContext(academicYear: nil, title: "План", lines: ["с 28 декабря 2023 года по 10 января 2024 года"])
                == .planPeriod(try period((2023, 12, 28), (2024, 1, 10))))
        #expect(parser.deadlineContext(academicYear: nil, title: "План", lines: ["с 28 декабря 2021 года по 10 января 2024 года"]) == .none)
        // «(с 01 сентября – 30 сентября 2018года)» under a month's plan: a dash for «по», the
        // year glued to its word.
        #expect(parser.deadlineContext(academicYear: nil, title: "ПЛАН мероприятий «Месячника безопасности»",
                                       lines: ["(с 01 сентября – 30 сентября 2018года)"])
                == .planPeriod(try period((2018, 9, 1), (2018, 9, 30))))
        #expect(parser.deadlineContext(academicYear: nil, title: "План", lines: ["с 30 мая по 24 мая 2024 года"]) == .none)
        #expect(parser.deadlineContext(academicYear: nil, title: "План", lines: ["24 мая и 30 мая 2024 года"]) == .none)
        let lines = ["План воспитательной работы лагеря", "с 03.06.2024 г по 21.06.2024 г", "Дата", "Мероприятие", "Ответственный",
                     "03.06.", "Открытие смены", "Воспитатели", "04.06.", "День здоровья", "Воспитатели"]
        let document = SourceDocument(name: "web.txt", blocks: lines.enumerated().map { .paragraph($1, location: SourceLocation(line: $0 + 1)) })
        let plan = try parser.parse(document)
        #expect(plan.actions.map(\.deadline.period?.first) == [CalendarDate(year: 2024, month: 6, day: 3), CalendarDate(year: 2024, month: 6, day: 4)])
    }

    /// A cell of hundreds of school names is no heading, however it starts; a heading
    /// wrapped in long HTML tags or spaces still is one.
    @Test func longCellsAreNotHeadingsButWrappedHeadingsAre() {
        let schools = (1...500).map { "МАОУ СОШ № \($0)" }.joined(separator: ", ")
        #expect(PlanColumn(header: "Ответственные: " + schools) == nil)
        #expect(PlanColumn(header: "Срок исполнения" + String(repeating: " ", count: 500)) == .deadline)
        let wrapped = "<span style=\"" + String(repeating: "font-weight: bold; ", count: 20) + "\">Ответственный исполнитель</span>"
        #expect(PlanColumn(header: wrapped) == .executor)
    }

    /// «1 | 2 | 3 | 4» under the header, as cells wrapped in spaces and line breaks; a row of
    /// actions with long cells is not one, nor numbers that do not follow each other.
    @Test func columnNumberingRowsAreToldFromActions() {
        func row(_ texts: [String]) -> [SourceCell] { texts.map { SourceCell(text: $0, location: SourceLocation(line: 1)) } }
        #expect(PlanReading.isColumnNumbering(row(["1", " 2 ", "\n3\n", "4."])))
        #expect(PlanReading.isColumnNumbering(row(["", "5", "6"])))
        #expect(!PlanReading.isColumnNumbering(row(["1", "3"])))
        #expect(!PlanReading.isColumnNumbering(row(["1"])))
        #expect(!PlanReading.isColumnNumbering(row(["1", "Мероприятие", "2"])))
        let long = (1...500).map { "МАОУ СОШ № \($0)" }.joined(separator: ", ")
        #expect(!PlanReading.isColumnNumbering(row(["1", "2", long])))
        #expect(!PlanReading.isColumnNumbering(row(["1", "2" + String(repeating: "0", count: 70)])))
    }

    @Test func unknownHeadersAreNotColumns() {
        #expect(PlanColumn(header: "") == nil)
        #expect(PlanColumn(header: "Цель: Повышение профессиональной компетенции педагогов") == nil)
        #expect(PlanColumn(header: "Возраст детей") == nil)
    }

    /// Who takes part (classes, parents) is a column of its own, never the actions' column:
    /// «Участники мероприятия» names no event.
    @Test func narrowAndSchoolWordingsOfTheExecutors() {
        #expect(PlanColumn(header: "Отв.") == .executor)
        #expect(PlanColumn(header: "Отв. лицо") == .executor)
        #expect(PlanColumn(header: "Кто проводит") == .executor)
        #expect(PlanColumn(header: "Кто отвечает") == .executor)
        // «Организатор» alone heads who answers for an event (1905); a post with the word does not.
        #expect(PlanColumn(header: "Педагог-организатор") == nil)
        #expect(PlanColumn(header: "Ответы") == nil)
        // A sentence is no heading, whatever stem it holds; an abbreviation's dot is.
        #expect(PlanColumn(header: "Организация наставничества.") == nil)
        #expect(PlanColumn(header: "Ответственный исп.") == .executor)
        // Who holds the event (807), not a partner for its «организация».
        #expect(PlanColumn(header: "Проводящая и финансирующая организация") == .executor)
        #expect(PlanColumn(header: "Проводящая организация") == .executor)
    }

    /// A plan that names no year, approved as a school year begins («Утвержден приказом по
    /// школе … от 01.09.2021г.», 150), is that school year's; approved in January it says no
    /// year. «П Л А Н», its letters spaced out, opens the title.
    @Test func aPlanApprovedAsTheSchoolYearBeginsIsThatYears() throws {
        let table = [
            ["№", "Мероприятия", "Сроки исполнения", "Ответственные"],
            ["1", "Проверка двухнедельного меню", "октябрь, февраль", "Школьная комиссия"],
        ]
        let heading = ["П Л А Н", "работы школьной комиссии по контролю за организацией питания"]
        let plan = try PlanDocumentParser().parse(document(
            paragraphs: ["Утвержден приказом по школе № 81/2-А от 01.09.2021г."] + heading, table: table))
        #expect(plan.title == "ПЛАН работы школьной комиссии по контролю за организацией питания")
        #expect(plan.actions.map { $0.deadline.occurrences.map(\.description) }
                == [["2021-10-01..2021-10-31", "2022-02-01..2022-02-28"]])
        let january = try PlanDocumentParser().parse(document(
            paragraphs: ["Утвержден приказом по школе № 3 от 10.01.2022г."] + heading, table: table))
        #expect(january.actions.map(\.deadline.kind) == [.unparsed])
        #expect(PlanDocumentParser.approvalDate(in: ["Протокол от 28.08.2023 № 1"]) == CalendarDate(year: 2023, month: 8, day: 28))
        #expect(PlanDocumentParser.approvalDate(in: ["Отчёт от 28.08.2023"]) == nil)
    }

    /// «на 2017 год» on a line of the heading the title did not take (under «КАЛЕНДАРНЫЙ ПЛАН»
    /// and the issuer's name, 807): the rows' months are in that year. Two such years say none.
    @Test func aYearOnALineOfTheHeadingPlacesTheMonths() throws {
        let table = [
            ["№", "Наименование мероприятия", "Сроки проведения", "Проводящая организация"],
            ["1", "Соревнования по баскетболу", "Февраль, пгт. Верх-Чебула", "ГУДО ОблДЮСШ"],
        ]
        let heading = ["КАЛЕНДАРНЫЙ ПЛАН", "ГУДО «Областная детско-юношеская спортивная школа»",
                       "спортивно-массовых мероприятий с учащимися Кемеровской области на 2017 год",
                       "1.Областные соревнования среди учреждений дополнительного образования физкультурно-спортивной "
                           + "направленности, школьных спортивных клубов и общеобразовательных организаций"]
        let plan = try PlanDocumentParser().parse(document(paragraphs: heading, table: table))
        #expect(plan.title.isEmpty)
        #expect(plan.actions.map { $0.deadline.period?.description } == ["2017-02-01..2017-02-28"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["ГУДО ОблДЮСШ"]])
        let two = try PlanDocumentParser().parse(document(paragraphs: ["Отчёт о работе на 2016 год"] + heading, table: table))
        #expect(two.actions.map(\.deadline.kind) == [.unparsed])
    }

    @Test func participantsAreAColumnOfTheirOwn() {
        #expect(PlanColumn(header: "Участники") == .participants)
        #expect(PlanColumn(header: "Участники мероприятия") == .participants)
        #expect(PlanColumn(header: "Количество участников") == .participants)
        #expect(PlanColumn(header: "Ответственные и участники") == .executor)
        #expect(PlanColumn(header: "Мероприятия с участием родителей") == .action)
        #expect(PlanColumn(header: "Исполнение") == .note)
        #expect(PlanColumn(header: "Срок исполнения") == .deadline)
    }

    /// Columns left for remarks or for the executor to fill in are known, and never taken for
    /// a deadline («Отметка о выполнении (дата)»).
    @Test func remarkColumnsAreNotes() {
        #expect(PlanColumn(header: "Примечание") == .note)
        #expect(PlanColumn(header: "Примечания") == .note)
        #expect(PlanColumn(header: "Отметка о выполнении (дата)") == .note)
        #expect(PlanColumn(header: "Отметка об исполнении") == .note)
        #expect(PlanColumn(header: "Краткое описание выполненных заданий") == .note)
        #expect(PlanColumn(header: "Информация о выполнении") == .note)
    }

    /// Goal and tasks in a merged first column; a page break cuts the tasks and the executors.
    @Test func goalTasksAndContinuationRow() throws {
        let plan = try PlanDocumentParser().parse(document(table: [
            ["", "Планируемые действия", "Сроки реализации", "Ответственный исполнитель"],
            ["Цель: Повышение компетенции педагогов", "", "", ""],
            ["Задачи: 1. Организовать взаимодействие 2. Распространить", "Семинар", "Октябрь 2018", "Комитет образования, МКУ «Центр"],
            ["опыт 3. Активизировать участие", "", "", "сопровождения», город Тамбов"],
        ]))
        let goal = try #require(plan.goals.first)
        #expect(plan.goals.count == 1)
        #expect(goal.title == "Повышение компетенции педагогов")
        #expect(goal.tasks.map(\.title) == ["Организовать взаимодействие", "Распространить опыт", "Активизировать участие"])
        #expect(goal.tasks.map(\.position) == [1, 2, 3])
        let action = try #require(goal.actions.first)
        #expect(goal.actions.count == 1)
        #expect(action.executors.map(\.name) == ["Комитет образования", "МКУ «Центр сопровождения»"])
    }

    /// A monthly plan: months without a year in the academic year given; an empty month cell
    /// repeats the month above; a row cut in the middle of a sentence is glued back.
    @Test func monthlyPlanInAcademicYear() throws {
        let plan = try PlanDocumentParser(academicYear: 2022).parse(document(table: [
            ["Дата", "Место проведения", "Мероприятие", "Ответственный"],
            ["Декабрь", "Библиотека", "Конкурс чтецов", "Классный руководитель"],
            ["", "Актовый зал", "Новогодний праздник", "Классный руководитель, родители"],
            ["Март", "Мед.кабинет", "Реализация плана", "Классный"],
            ["", "", "мероприятий Центра здоровья", "руководитель"],
        ]))
        #expect(plan.academicYear == 2022)
        #expect(plan.period == DatePeriod.academicYear(startingIn: 2022))
        #expect(plan.actions.map(\.title) == ["Конкурс чтецов", "Новогодний праздник", "Реализация плана мероприятий Центра здоровья"])
        #expect(plan.actions.map(\.deadline.period) == [
            DatePeriod.month(12, of: 2022), DatePeriod.month(12, of: 2022), DatePeriod.month(3, of: 2023),
        ])
        #expect(plan.actions[1].venue == "Актовый зал")
        #expect(plan.actions[2].executors.map(\.name) == ["Классный руководитель"])
        #expect(plan.actions.flatMap(\.executors).allSatisfy { $0.kind == .personRole })
        #expect(plan.warnings.isEmpty)
    }

    @Test func academicYearFromTitle() throws {
        let plan = try PlanDocumentParser().parse(document(
            paragraphs: ["План работы на 2022-2023 учебный год"],
            table: [["Дата", "Мероприятие"], ["Январь", "Викторина"]]))
        #expect(plan.title == "План работы на 2022-2023 учебный год")
        #expect(plan.academicYear == 2022)
        #expect(plan.actions.first?.deadline.period == DatePeriod.month(1, of: 2023))
    }

    /// Without any year the month cannot be placed: kept as text, with a warning naming the row.
    @Test func unplaceableAndUnreadableDeadlinesStayText() throws {
        let plan = try PlanDocumentParser().parse(document("p.txt", table: [
            ["Мероприятие", "Срок"],
            ["Семинар", "Сентябрь"],
            ["Конкурс", "когда получится"],
        ]))
        #expect(plan.actions.map(\.deadline.kind) == [.unparsed, .unparsed])
        #expect(plan.actions.map(\.deadline.text) == ["Сентябрь", "когда получится"])
        #expect(plan.warnings.count == 3)
        #expect(plan.warnings[0].description.hasPrefix("p.txt, line 3"))
        #expect(plan.warnings[1].description.hasPrefix("p.txt, line 4"))
        // The table names nobody: said once for the plan, not per row.
        #expect(plan.warnings[2].kind == .withoutExecutors(count: 2) && plan.warnings[2].location == nil)
    }

    /// Deadlines without a year take it from the period the explicit ones and the order span.
    @Test func periodFromOrderDateAndDeadlines() throws {
        let plan = try PlanDocumentParser().parse(document(
            paragraphs: ["КОМИТЕТ ОБРАЗОВАНИЯ", "ПРИКАЗ", "25.06.2018", "№ 770", "О плане"],
            table: [["Мероприятие", "Срок"], ["Семинар", "Октябрь 2018"], ["Конкурс", "Март 2019"], ["Отчёт", "Ноябрь"]]))
        #expect(plan.order?.number == "770")
        #expect(plan.order?.date == CalendarDate(year: 2018, month: 6, day: 25))
        #expect(plan.order?.issuer == "Комитет образования")
        let expected = DatePeriod(first: try #require(CalendarDate(year: 2018, month: 6, day: 25)),
                                  last: try #require(CalendarDate(year: 2019, month: 3, day: 31)))
        #expect(plan.period == expected)
        #expect(plan.actions[2].deadline.period == DatePeriod.month(11, of: 2018))
    }

    /// «в течение года» in a plan that names no year: the year its dates fall in (the academic
    /// year from an autumn start, the calendar year when they run past August from spring), and
    /// the plan's period with it; the span of its dates when they fit both; «в течение всего
    /// периода» is the plan's span, not a year.
    @Test func aWholeYearInAPlanThatNamesNone() throws {
        func plan(_ rows: [[String]], paragraphs: [String] = []) throws -> PlanDraft {
            try PlanDocumentParser().parse(document(paragraphs: paragraphs, table: [["Мероприятие", "Срок"]] + rows))
        }
        func days(_ first: String, _ last: String) throws -> DatePeriod {
            let first = try #require(CalendarDate(iso: first)), last = try #require(CalendarDate(iso: last))
            return try #require(DatePeriod(first: first, last: last))
        }
        let autumn = try plan([["Создание рабочей группы", "сентябрь 2025 г."], ["Разработка плана-графика", "до 1 октября 2025 г."],
                               ["Семинар", "в течение года"], ["Отчёт", "май"]])
        #expect(autumn.period == DatePeriod.academicYear(startingIn: 2025))
        #expect(autumn.actions[2].deadline.period == DatePeriod.academicYear(startingIn: 2025))
        #expect(autumn.actions[3].deadline.period == DatePeriod.month(5, of: 2026))
        // An order in June before an autumn plan: the order is in the plan, its year is the dates'.
        let ordered = try plan([["Семинар", "октябрь 2025"], ["Совещание", "Постоянно, в течение учебного года"]],
                               paragraphs: ["ПРИКАЗ", "20.06.2025", "№ 12", "О плане"])
        #expect(ordered.period == (try days("2025-06-20", "2026-08-31")))
        #expect(ordered.actions[1].deadline.period == (try days("2025-06-20", "2026-08-31")))
        let spring = try plan([["Семинар", "март 2026"], ["Конкурс", "ноябрь 2026"], ["Мониторинг", "в течение года"]])
        #expect(spring.actions[2].deadline.period == DatePeriod.year(2026))
        let either = try plan([["Семинар", "февраль 2026"], ["Конкурс", "май 2026"], ["Мониторинг", "в течение года"]])
        #expect(either.actions[2].deadline.period == (try days("2026-02-01", "2026-05-31")))
        let whole = try plan([["Семинар", "сентябрь 2025"], ["Конкурс", "до 1 октября 2025"],
                              ["Мониторинг", "в течение всего периода реализации"]])
        #expect(whole.period == (try days("2025-09-01", "2025-10-01")))
        #expect(whole.actions[2].deadline.period == whole.period)
    }

    /// «по графику ФЦТ» is kept as written with no due date, and flagged for a person to set
    /// one; «по мере необходимости» is work on demand, not flagged.
    @Test func aDeadlineInAnotherSchedulesIsFlagged() throws {
        let plan = try PlanDocumentParser(academicYear: 2025).parse(document("p.txt", table: [
            ["Мероприятие", "Срок", "Ответственные"],
            ["Мониторинг выполнения", "по графику ФЦТ", "Методический центр"],
            ["Консультации", "по мере необходимости", "Методический центр"],
        ]))
        #expect(plan.actions.map(\.deadline.kind) == [.noDueDate, .noDueDate])
        #expect(plan.actions.map(\.deadline.text) == ["по графику ФЦТ", "по мере необходимости"])
        #expect(plan.warnings.map(\.kind) == [.deadlineElsewhere(text: "по графику ФЦТ")])
        #expect(plan.warnings.first?.description.hasPrefix("p.txt, line 3") == true)
    }

    @Test func orderOverrideReplacesHeaderFields() throws {
        let override = OrderHeader(number: "771", issuer: "Управление образования")
        let plan = try PlanDocumentParser(order: override).parse(document(
            paragraphs: ["КОМИТЕТ ОБРАЗОВАНИЯ", "ПРИКАЗ", "25.06.2018", "№ 770"],
            table: [["Мероприятие", "Срок"], ["Семинар", "Октябрь 2018"]]))
        #expect(plan.order?.number == "771")
        #expect(plan.order?.issuer == "Управление образования")
        #expect(plan.order?.date == CalendarDate(year: 2018, month: 6, day: 25))
    }

    @Test func partnersTable() throws {
        let plan = try PlanDocumentParser().parse(document(table: [
            ["№ п/п", "Направления взаимодействия", "Цель", "Результат"],
            ["1.", "Социальные связи", "Цель взаимодействия – совместные мероприятия", ""],
            ["1.1", "Детская библиотека(Договор)", "досуг", "Экскурсии 2 раза в год"],
            ["1.2", "Театр «Артист»", "досуг", "Спектакли"],
        ]))
        let goal = try #require(plan.goals.first)
        #expect(plan.goals.count == 1)
        #expect(goal.direction == "Социальные связи")
        #expect(goal.title == "Совместные мероприятия")
        #expect(goal.actions.map { $0.partners.map(\.name) } == [["Детская библиотека"], ["Театр «Артист»"]])
        #expect(goal.actions.map { $0.partners.map(\.hasAgreement) } == [[true], [false]])
        #expect(goal.actions[0].deadline.recurrence == .twiceAYear)
        #expect(goal.actions[1].deadline.kind == .noDueDate)
        #expect(!goal.actions[1].deadline.isOverdue(asOf: CalendarDate(year: 2100, month: 1, day: 1)!))
    }

    @Test func partnerCellNamingTwoOrganisations() {
        let names = PlanReading.partnerNames(in: "ДК\n«МАЯК»\nГ.ЗВЕРЕВО\nРДК Г.КРАСНЫЙ СУЛИН")
        #expect(names.map(\.name) == ["ДК «МАЯК» Г.ЗВЕРЕВО", "РДК Г.КРАСНЫЙ СУЛИН"])
        #expect(PlanReading.partnerNames(in: "МБУК «Центральная детская библиотека»\nГ.Зверево").map(\.name)
            == ["МБУК «Центральная детская библиотека» Г.Зверево"])
    }

    @Test(arguments: [
        ("1. Организовать 2. Аккумулировать 3. Распространить", ["Организовать", "Аккумулировать", "Распространить"]),
        ("1. Подмероприятие 2.7.3. в программе 2. Второе", ["Подмероприятие 2.7.3. в программе", "Второе"]),
        ("Без номеров", ["Без номеров"]),
        ("", []),
    ])
    func numberedItems(text: String, expected: [String]) {
        #expect(PlanDocumentParser.numberedItems(text) == expected)
    }

    @Test func proseOnlyIsRefused() {
        let prose = SourceDocument(name: "003.txt", blocks: [.paragraph("Детский сад дружит с библиотекой.", location: SourceLocation(line: 1))])
        #expect(throws: PlanParseError.noPlanTable(file: "003.txt", reason: "the document is prose only")) {
            try PlanDocumentParser().parse(prose)
        }
        let error = PlanParseError.noPlanTable(file: "003.txt", reason: "the document is prose only")
        #expect(error.description == "003.txt: no plan table found: the document is prose only; nothing was imported")
    }

    /// «1 | Сентябрь | »: a month where the action stands and nothing else is no action.
    @Test func aMonthAloneInTheActionsPlaceIsNoAction() throws {
        let plan = try PlanDocumentParser().parse(document(table: [
            ["№п/п", "Тема", "Дата"],
            ["1", "Сентябрь", ""],
            ["2", "Творческая встреча поколений", "Октябрь 2024"],
            ["3", "Акция милосердия «С добром к людям»", "Ноябрь 2024"],
        ]))
        #expect(plan.actions.map(\.title) == ["Творческая встреча поколений", "Акция милосердия «С добром к людям»"])
    }

    /// A camp's plan by day: the day a row of its own, each action's cell its hour and place.
    @Test func anHourAndAPlaceUnderADayAreOnThatDay() throws {
        let plan = try PlanDocumentParser().parse(document(table: [
            ["Название мероприятия", "Время и место проведения", "Ответственные"],
            ["26.12.2023", "", ""],
            ["Построение, перекличка", "8.00-8.05 – холл школы, спортивная площадка", "Дудова С.В."],
            ["Новогодняя сказка «Дюймовочка»", "09.45 -11.40 – драматический театр", "Воспитатели"],
            ["27.12.2023", "", ""],
            ["Инструктаж по безопасности", "8.00-8.15, игровая", "Громова С.С."],
        ]))
        #expect(plan.actions.map(\.deadline.period?.first.iso) == ["2023-12-26", "2023-12-26", "2023-12-27"])
        #expect(plan.actions[0].deadline.text.contains("8.00-8.05 – холл школы"), "\(plan.actions[0].deadline.text)")
    }

    /// A row whose copy lost its number's cell stands a column to the left, with an empty
    /// cell at the end: its texts are put back under their headings.
    @Test func aRowThatLostItsNumberCellIsPutBackInItsColumns() throws {
        let plan = try PlanDocumentParser().parse(document(table: [
            ["№ п/п", "Наименование мероприятия", "Сроки проведения, место проведения", "Количество участников", "Ответственные"],
            ["1", "Первенство района по лыжным гонкам", "Январь 2016, с. Усть-Сосново", "80", "Районная ДЮСШ"],
            ["Первенство области по баскетболу", "Февраль 2016, пгт. Верх-Чебула", "100", "Областная ДЮСШ", ""],
        ]))
        #expect(plan.actions.map(\.title) == ["Первенство района по лыжным гонкам", "Первенство области по баскетболу"])
        #expect(plan.actions.map(\.deadline.text) == ["Январь 2016, с. Усть-Сосново", "Февраль 2016, пгт. Верх-Чебула"])
        #expect(plan.actions[1].executors.map(\.name) == ["Областная ДЮСШ"])
    }

    @Test func tableWithoutActionColumnIsRefused() throws {
        let error = try #require(throws: PlanParseError.self) {
            try PlanDocumentParser().parse(document("t.txt", table: [["Фамилия", "Класс"], ["Иванов", "5А"]]))
        }
        guard case .noPlanTable(let file, let reason) = error else {
            Issue.record("expected noPlanTable, got \(error)")
            return
        }
        #expect(file == "t.txt")
        #expect(reason.contains("line 2"))
        #expect(reason.contains("Фамилия / Класс"))
    }

    @Test func headerWithoutActionsIsRefused() {
        #expect(throws: PlanParseError.noActions(file: "h.txt", location: SourceLocation(line: 2, row: 1, column: 1))) {
            try PlanDocumentParser().parse(document("h.txt", table: [["Мероприятие", "Срок"], ["", ""]]))
        }
    }

    @Test func emptyDocumentIsRefused() {
        #expect(throws: PlanParseError.noPlanTable(file: "e.txt", reason: "the document is empty")) {
            try PlanDocumentParser().parse(SourceDocument(name: "e.txt", blocks: []))
        }
    }

    @Test func orderHeaderCase() {
        let vocabulary: Set<String> = ["тамбова"]
        #expect(OrderHeaderReader.ordinaryCase("АДМИНИСТРАЦИЯ ГОРОДА ТАМБОВА", vocabulary: vocabulary)
            == "Администрация города Тамбова")
        #expect(OrderHeaderReader.ordinaryCase("КОМИТЕТ ОБРАЗОВАНИЯ", vocabulary: vocabulary) == "Комитет образования")
    }

    /// A plan issued as an appendix names its order in the approval stamp only.
    @Test func anApprovalStampNamesTheOrder() {
        func lines(_ texts: [String]) -> [(text: String, location: RoadmapDomain.SourceLocation)] {
            texts.enumerated().map { ($0.element, RoadmapDomain.SourceLocation(line: $0.offset + 1)) }
        }
        let approved = OrderHeaderReader().read(lines(["УТВЕРЖДЁН", "приказом комитета образования", "от 15.01.2025 № 12", "", "ПЛАН мероприятий"]))
        #expect(approved?.issuer == "Комитет образования")
        #expect(approved?.date == CalendarDate(year: 2025, month: 1, day: 15))
        #expect(approved?.number == "12")

        let appendix = OrderHeaderReader().read(lines([
            "Приложение № 2 к приказу управления образования администрации города Тамбова от 03.02.2025 г. № 45-о",
        ]))
        #expect(appendix?.issuer == "Управление образования администрации города Тамбова")
        #expect(appendix?.number == "45-о")

        // Without an issuer there is no order to make: nothing is taken from the stamp.
        #expect(OrderHeaderReader().read(lines(["Приложение к приказу от 15.01.2025 № 12"])) == nil)
        #expect(OrderHeaderReader().read(lines(["Приложение к приказу МКУ «ЦОДОУ» от 15.01.2025 № 12"])) == nil)
    }
}

/// Tables copied from web pages with one cell per line, as the corpus of real plans has them.
@Suite("Plan tables copied one cell per line")
struct CellRunTableTests {
    func paragraphs(_ lines: [String]) -> SourceDocument {
        SourceDocument(name: "web.txt", blocks: lines.enumerated().map { .paragraph($1, location: SourceLocation(line: $0 + 1)) })
    }

    @Test func cellsBetweenPipeLinesWithSectionsAndRestartingNumbers() throws {
        let lines = ["План (дорожная карта) подготовки к ГИА-11 в 2024 году",
                     "N п/п", "|", "Направления деятельности", "|", "Сроки", "|", "Ответственные лица", "|",
                     "I. Нормативно-правовое обеспечение", "|",
                     "1", "|", "Приведение базы документов в соответствие", "|", "в течение всего периода", "|", "Б.С. Муртазов", "|",
                     "2", "|", "Информирование участников", "|", "до 25 числа каждого месяца", "|", "Ф.Л. Балкизова", "|",
                     "II. Работа с педагогами", "|",
                     "1", "|", "Семинар для учителей", "|", "январь-февраль 2024", "|", "Комитет образования"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Приведение базы документов в соответствие", "Информирование участников", "Семинар для учителей"])
        #expect(plan.actions.map(\.deadline.text) == ["в течение всего периода", "до 25 числа каждого месяца", "январь-февраль 2024"])
        #expect(plan.actions[0].executors.map(\.kind) == [.personRole], "a person, never an organisation")
        #expect(plan.actions[2].executors.map(\.name) == ["Комитет образования"])
        #expect(plan.title.hasPrefix("План (дорожная карта)"))
    }

    /// A date in a deadline cell («25.04.13.») is no row number; a cell wrapped over two lines
    /// ends at its «|»; numbers with no heading of their own are a column.
    @Test func wrappedCellsDatesThatLookLikeNumbersAndAnUnnamedNumberColumn() throws {
        let lines = ["№ п/п |", "Мероприятия |", "Сроки |", "Ответственные |",
                     "1. |", "Конкурс рисунков |", "25.04.13. |", "Ртищева И.Б., Попова", "К.О. |",
                     "2. |", "Концерт |", "29.04.13. |", "Классные руководители |",
                     "3. |", "Акция «Обелиск» |", "30.04.13. |", "ДО «Сокол» |"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Конкурс рисунков", "Концерт", "Акция «Обелиск»"])
        #expect(plan.actions[0].executors.map(\.kind) == [.personRole, .personRole], "\(plan.actions[0].executors)")

        let unnamed = ["Мероприятия", "Сроки.", "Ответственные", "1.", "Информационный час", "январь", "Зав. по ВР",
                       "2.", "Конкурс песни", "февраль", "Руководитель физ. воспитания,", "Зав. по ВР", "3", "Встреча", "март", "Зав. библиотекой"]
        let read = try PlanDocumentParser().parse(paragraphs(unnamed))
        #expect(read.actions.map(\.title) == ["Информационный час", "Конкурс песни", "Встреча"])
        #expect(read.actions.map(\.deadline.text) == ["январь", "февраль", "март"])
        #expect(read.actions.map(\.section) == [nil, nil, nil], "a responsible cell's second line is no section")
    }

    /// Rows that lost their cell borders: one line per row, or the whole table on one line.
    @Test func rowsFlattenedToLinesAreSplitAtTheirDeadline() throws {
        let lines = ["План мероприятий к юбилею школы",
                     "№ п/п Мероприятие Срок проведения Ответственные",
                     "1 2 3 4",
                     "1. Классные часы о подвиге народа к 9 мая По плану Классные руководители 1-9 классов",
                     "2. Выпуск стенных газет до 3 .05. 2024г Классные руководители 5-9 классов",
                     "3. Митинг у обелиска «Ко Дню Победы» 9 мая Чуева Г.Х., учитель истории"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Классные часы о подвиге народа к 9 мая", "Выпуск стенных газет", "Митинг у обелиска «Ко Дню Победы»"])
        #expect(plan.actions.map(\.deadline.text) == ["По плану", "до 3 .05. 2024г", "9 мая"])
        #expect(plan.actions[2].executors.map(\.kind) == [.personRole], "\(plan.actions[2].executors)")

        let oneLine = ["План мероприятий. №п/п Мероприятие Дата Ответственный 1. Викторина по книге (7–9 кл.) февраль Смирнова Н. Э. "
                       + "2. Смотр самодеятельности 17 марта Асеева Л. И. 3. Выставка книг Март-апрель Школьная библиотека"]
        let flat = try PlanDocumentParser().parse(paragraphs(oneLine))
        #expect(flat.actions.map(\.title) == ["Викторина по книге (7–9 кл.)", "Смотр самодеятельности", "Выставка книг"])
        #expect(flat.actions.map(\.deadline.text) == ["февраль", "17 марта", "Март-апрель"])
    }

    /// A row that lost its borders with two deadlines in its cell: a month or «Ежемесячно»
    /// with a capital, or years, before the deadline found belong to the cell; a day before a
    /// month («… 23 февраля Февраль») and a date after «к» stay in the action.
    @Test func twoDeadlinesInTheCellOfARowThatLostItsBorders() throws {
        let lines = ["План мероприятий", "№ п/п Мероприятие Срок проведения Ответственные",
                     "1. Сдача отчёта о проведении Август 31.08.2023 Заместитель директора по УВР",
                     "2. Мониторинг посещаемости Ежемесячно до 15 числа месяца Социальный педагог",
                     "3. Реализация программы воспитания 2006 - 2007 гг. постоянно Классные руководители",
                     "4. Праздник ко Дню защитника Отечества 23 февраля Февраль Учитель физкультуры",
                     "5. Подготовка к 1 сентября Август Заведующий хозяйством"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["Август 31.08.2023", "Ежемесячно до 15 числа месяца", "2006 - 2007 гг. постоянно",
                                                      "Февраль", "Август"])
        #expect(plan.actions.map(\.title).suffix(2) == ["Праздник ко Дню защитника Отечества 23 февраля", "Подготовка к 1 сентября"])
    }

    /// A numbered table whose last column is the deadline, copied a cell a line: an action's
    /// quoted name on a line of its own stays in the action, and what follows the last
    /// deadline («Автор: …», under the table) never joins the deadline.
    @Test func aTableEndingWithItsDeadlineKeepsItsDeadlinesClean() throws {
        let lines = ["№", "Мероприятия", "Классы", "Дата",
                     "1", "Открытие декады", "4-11", "18.01.2024",
                     "2", "Предметные викторины", "«Эрудиты»", "6 - 11", "20-27.01.2024",
                     "3", "Закрытие декады", "4-11", "31.01.2024", "Автор: Абанина Д.П."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["18.01.2024", "20-27.01.2024", "31.01.2024"])
        #expect(plan.actions[1].title == "Предметные викторины «Эрудиты»")
        #expect(plan.actions.filter(\.deadline.isParsed).count == 3)
    }

    /// A flattened row's day followed by its weekday or its hour («23.03.2023 Чт.», «16.03. –
    /// 9.00.»): both are the deadline's, and the executors start after them (1801, 804).
    @Test func aFlattenedDayKeepsItsWeekdayAndHour() throws {
        let lines = ["План мероприятий", "№ п/п Наименование мероприятия Срок исполнения Ответственные",
                     "1. Классный час «Безопасный интернет» 23.03.2023 Чт. Петрова И.И.",
                     "2. Общешкольная линейка 16.03. – 9.00. Заместитель директора Сидорова А.А."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["23.03.2023 Чт.", "16.03. – 9.00."])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Петрова И.И."], ["Заместитель директора Сидорова А.А."]])
    }

    /// «№ День недели Дата Название мероприятия Участники Ответственный» over rows that lost
    /// their borders (3705): the deadline comes before the action, so each row opens with it,
    /// its weekday the day's; the action follows, then the executors. A «1» before small letters
    /// («Олимпиада 1 тур:») or a range («1 - 4») starts no row again.
    @Test func numberedFlattenedRowsWhoseDeadlineComesFirst() throws {
        let lines = ["План проведения мероприятий предметной декады",
                     "№ День недели Дата Название мероприятия Участники Ответственный",
                     "1 среда 7.12.2016 День 1. Открытие предметной декады 1-4 классы Классные руководители.",
                     "2 понедельник 12.12.2016 День 2. Олимпиада по русскому языку 1 тур: 2-4 классы Учителя-предметники",
                     "3 вторник 13.12.2016 День 3. Техника чтения. (2-4 классы) 1 - 4 классы Заместитель директора Петрова И.И."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.count == 3)
        #expect(plan.actions.map(\.deadline.text) == ["среда 7.12.2016", "понедельник 12.12.2016", "вторник 13.12.2016"])
        #expect(plan.actions.map(\.deadline.period?.first.iso) == ["2016-12-07", "2016-12-12", "2016-12-13"])
        #expect(plan.actions.map(\.title).first == "День 1. Открытие предметной декады 1-4 классы")
        #expect(plan.actions.map { $0.executors.map(\.name) }.last == ["Заместитель директора Петрова И.И."])
    }

    /// A table with no numbers and no executors, its rows run together a line each (held-back-38's
    /// 4002): «Наименование мероприятия Дата проведения Место проведения». Each line opening
    /// with a capital and holding a deadline is a row; the place after it is nobody's name; a
    /// line in small letters goes on the row above, a line with no deadline between rows heads
    /// the rows after it, and one after the last row is not the plan's.
    /// A plan of paragraphs without numbers, each action followed by «Срок:» and «Отв.:»
    /// lines (held-back-38's 4003): the lines since the last label are the action, the title's
    /// second line is not; a heading in capitals heads the actions after it, the first one too
    /// (under the title's lines); an action whose
    /// deadline was cut («Срок: м») is left out, never given a term it does not state.
    @Test func paragraphsEachFollowedByTheirLabels() throws {
        let lines = ["План мероприятий по улучшению условий охраны труда",
                     "здоровья работников и учащихся на … уч. год.",
                     "ОБЩИЕ МЕРОПРИЯТИЯ",
                     "Обновить уголки по технике безопасности.", "Срок: сентябрь 2003 г.", "Отв.:",
                     "ОРГАНИЗАЦИОННО-МАССОВАЯ РАБОТА.",
                     "Совместно с управлением образования решить вопрос",
                     "о выделении средств на ремонт.", "Срок: март 2004 г.", "Отв.: завхоз, учитель ОБЖ.",
                     "Подготовить классы для лагеря.", "Срок: до 25.05.2004 г.", "Отв.:",
                     "Предусмотреть замену оборудования", "Срок: м"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == [
            "Обновить уголки по технике безопасности.",
            "Совместно с управлением образования решить вопрос о выделении средств на ремонт.",
            "Подготовить классы для лагеря.",
        ])
        #expect(plan.actions.map(\.deadline.text) == ["сентябрь 2003 г.", "март 2004 г.", "до 25.05.2004 г."])
        #expect(plan.actions.map(\.section) == ["ОБЩИЕ МЕРОПРИЯТИЯ", "ОРГАНИЗАЦИОННО-МАССОВАЯ РАБОТА.", "ОРГАНИЗАЦИОННО-МАССОВАЯ РАБОТА."])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [[], ["завхоз", "учитель ОБЖ"], []])
        #expect(plan.warnings.first?.kind == .columnsInferred(.labelledItems))
        // A card of labels, the executors before the deadline.
        let cards = try PlanDocumentParser().parse(paragraphs([
            "План работы библиотеки", "Мероприятие: Книжная выставка «Живая классика»", "Ответственный: библиотекарь",
            "Срок: сентябрь", "Мероприятие: Неделя детской книги", "Срок: 23-29 марта", "Ответственные: библиотекарь, учитель литературы",
        ]))
        #expect(cards.actions.map(\.title) == ["Книжная выставка «Живая классика»", "Неделя детской книги"])
        #expect(cards.actions.map(\.deadline.text) == ["сентябрь", "23-29 марта"])
        #expect(cards.actions.map { $0.executors.map(\.name) } == [["библиотекарь"], ["библиотекарь", "учитель литературы"]])
        // Labels with one action only make no plan.
        #expect(throws: PlanParseError.self) {
            try PlanDocumentParser().parse(paragraphs(["План работы", "Дооборудовать мастерскую.", "Срок: сентябрь", "Отв.: завхоз"]))
        }
    }

    @Test func unnumberedRowsALineEachWithAPlaceAfterTheDeadline() throws {
        let lines = ["Мероприятия в рамках проведения Международного дня родного языка",
                     "Наименование мероприятия Дата проведения Место проведения",
                     "Региональный этап олимпиады по русскому языку 13 января 2020 ГАУ ДПО РК «Карельский институт развития образования»",
                     "Выставка учебной литературы для педагогов Февраль - март 2020 ГАУ ДПО РК «Карельский институт развития образования»",
                     "Муниципальные мероприятия",
                     "Конкурс чтецов «Живая классика» Февраль-март 2020 Образовательные",
                     "организации РК",
                     "Муниципальный этап олимпиады по карельскому языку 28 февраля 2020 года",
                     "Составил методист Иванова И.И."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == [
            "Региональный этап олимпиады по русскому языку", "Выставка учебной литературы для педагогов",
            "Конкурс чтецов «Живая классика»", "Муниципальный этап олимпиады по карельскому языку",
        ])
        #expect(plan.actions.map(\.deadline.text) == ["13 января 2020", "Февраль - март 2020", "Февраль-март 2020", "28 февраля 2020 года"])
        #expect(plan.actions.allSatisfy { $0.executors.isEmpty })
        #expect(plan.actions.map(\.section) == [nil, nil, "Муниципальные мероприятия", "Муниципальные мероприятия"])
    }

    /// A day's schedule whose rows lost their borders: each row ends in its hour, not a day
    /// («1. оргмомент, подготовка к празднику 8:30»), and a day named alone on its line heads
    /// the rows below it («28 марта»), not the deadline of the row above (1004, 602 flattened).
    @Test func flattenedRowsOfHoursUnderDays() throws {
        let lines = ["План мероприятий", "№ п/п Наименование мероприятия Срок исполнения Ответственные", "27 марта",
                     "1. оргмомент, подготовка к празднику 8:30", "2. Акция «Чистый класс» 12.00 Лещенок С.И.", "28 марта",
                     "1. Экскурсия на завод 9.00-14.00 Березовская Л.Н., Усенко Е.Н.", "2. игры, конкурсы 11:30 – 12:30"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["оргмомент, подготовка к празднику", "Акция «Чистый класс»", "Экскурсия на завод", "игры, конкурсы"])
        #expect(plan.actions.map(\.deadline.text) == ["8:30", "12.00", "9.00-14.00", "11:30 – 12:30"])
        #expect(plan.actions.map(\.section) == ["27 марта", "27 марта", "28 марта", "28 марта"])
    }

    /// «25 января 25 апреля 2012 года»: a period of two days that lost its dash stays whole in
    /// the deadline's cell, never half of it in the action.
    /// The headings a paragraph each, the rows a line each (some wrapped over paragraphs),
    /// with a class column whose numbers look like row numbers: «7 «А»», «11» before «9 «А»»,
    /// «1 «В»» inside row 3, and «Г.М, 11 Устный журнал» where a name's comma ends a row.
    @Test func flattenedRowsUnderHeadingsThatAreParagraphsOfTheirOwn() throws {
        let lines = ["План мероприятий Недели профориентации", "№ п/п", " ", "Содержание", " ", "Классы", " ", "Дата", " ", "Ответственные",
                     "1 Урок-путешествие", "«Дорога в завтра»", "7 «А» 19.11.2018 Кобринец О.Н.",
                     "2 Беседа «Кем я хочу стать в будущем» 1 «В» 19.11.2018 Витко О.В.",
                     "3 Экскурсия в Управление по труду райисполкома 11", "9 «А»", "21.11.2018 Близнюк И.А., Ковалевич Г.М,",
                     "4 Устный журнал «Профессии наших родителей» 5 «Б» 22.11.2018 Житко К.И."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.period?.first.iso) == ["2018-11-19", "2018-11-19", "2018-11-21", "2018-11-22"])
        #expect(plan.actions.map { $0.title.hasPrefix("Урок-путешествие «Дорога в завтра»") || $0.title.hasPrefix("Беседа")
            || $0.title.hasPrefix("Экскурсия") || $0.title.hasPrefix("Устный журнал") } == [true, true, true, true])
        #expect(plan.actions[2].executors.map(\.name).contains("Близнюк И.А."))
        #expect(plan.actions[3].executors.map(\.name) == ["Житко К.И."])
    }

    /// A header broken over paragraphs whose first holds three headings («№ П/П Наименование
    /// мероприятий Срок» / «исполнения» / «Ответств. исполнит.»), over a row that lost its
    /// borders whose action ends in words like its deadline («… в период эпид.сезона В период
    /// эпид сезона и по необходимости Старшая медицинская сестра»): the deadline's cell opens
    /// at its capital «В» and ends before the executor's.
    @Test func aFlattenedRowUnderAHeaderBrokenOverParagraphs() throws {
        let lines = ["Комплексный план мероприятий по предупреждению гриппа на 2014-2015 гг.",
                     "№ П/П Наименование мероприятий Срок", "исполнения", "Ответств. исполнит.",
                     "1. Организационно- методическая работа",
                     "1.1 Проведение рабочих совещаний по профилактике гриппа в период эпид.сезона В период эпид сезона и по необходимости Старшая медицинская сестра",
                     "1.2 Проведение родительских собраний по профилактике гриппа Октябрь 2014 г. Заведующий"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["В период эпид сезона и по необходимости", "Октябрь 2014 г."])
        #expect(plan.actions[0].title == "Проведение рабочих совещаний по профилактике гриппа в период эпид.сезона")
        #expect(plan.actions[0].executors.map(\.name) == ["Старшая медицинская сестра"])
        #expect(plan.actions[1].executors.map(\.name) == ["Заведующий"])
    }

    /// A table whose rows open with their dates flattened into one line: a row starts at
    /// each full date followed by an item or a capital, not at «до 21.02.2020» inside a row.
    /// Numbered items inside one row's cell stay one action (a row is an action).
    @Test func rowsThatOpenWithTheirDatesFlattenedIntoOneLine() throws {
        let lines = ["План мероприятий, посвященный Дню родного языка",
                     "Дата проведения Название мероприятия Классы – участники Ответственные 19.02.2020 1.Оформление стенда " +
                     "2.Книжная выставка, открытая до 21.02.2020 5-9 классы Мареева Е.В. 20.02.2020 1.Викторина «Живой язык» " +
                     "2.Урок «Путешествие письма» 8А классы Иванова Л.И. 21.02.2020 Литературная гостиная 6Б Васильева Е.Г."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["19.02.2020", "20.02.2020", "21.02.2020"])
        #expect(plan.actions[0].title.hasPrefix("1.Оформление стенда 2.Книжная выставка, открытая до 21.02.2020"))
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Мареева Е.В."], ["Иванова Л.И."], ["Васильева Е.Г."]])
    }

    /// Cells ended by «|», each wrapped over lines, under a long heading of the actions'
    /// column («Наименование мероприятий по выполнению требований СанПиН 2.4.5.2409-08») and
    /// a numbering row; an empty remarks cell a «|» alone.
    @Test func cellsEndedByPipesUnderALongHeading() throws {
        let lines = ["N", "п/п |", "Наименование", "мероприятий", "по выполнению", "требований", "СанПиН 2.4.5.2409-08 |",
                     "Сроки", "проведения", "мероприятия |", "Ответственные", "за выполнение |", "Примечание |",
                     "1 |", "2 |", "3 |", "4 |", "5 |", "1. |", "Организационные мероприятия |",
                     "1.1. |", "Инспектирование", "столовых |", "Декабрь", "2008 года |", "Управление", "образования |", "|",
                     "1.2. |", "Подготовка", "постановления |", "До 01.03.2009 |", "Управление образования |", "|"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["Декабрь 2008 года", "До 01.03.2009"])
        #expect(plan.actions.map(\.title) == ["Инспектирование столовых", "Подготовка постановления"])
        #expect(plan.actions.map(\.section) == ["1. Организационные мероприятия", "1. Организационные мероприятия"])
    }

    /// A plan whose numbers skip («4.» then «7.»), a cell a paragraph: the row after the gap
    /// is a row of its own, not the rest of row 4.
    @Test func rowNumbersThatSkip() throws {
        let lines = ["План работы попечительского совета", "№ п/п", "Виды работ, содержание", "Сроки", "Ответственный",
                     "1.", "Совместная работа с родительскими комитетами", "постоянно", "Члены попечительского совета",
                     "4.", "Помощь в организации летнего оздоровления детей", "май", "Члены попечительского совета",
                     "7.", "Помощь в проведении косметического ремонта групп", "летний период", "Члены попечительского совета",
                     "8.", "Информация о средствах", "в течение года", "Заведующий"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["постоянно", "май", "летний период", "в течение года"])
    }

    /// Rows that lost their borders under «N п/п Мероприятия Исполнители и участники Сроки
    /// исполнения»: the executors stand between the action and its deadline, from the body
    /// that opens them; a body the action names after a preposition stays in the action.
    @Test func flattenedRowsWithTheExecutorsBeforeTheDeadline() throws {
        let lines = ["План мероприятий по включению натурального меда в рацион питания обучающихся",
                     "N п/п Мероприятия Исполнители и участники Сроки исполнения",
                     "1. Организационное обеспечение",
                     "1.1. Ежедневное включение меда в рацион питания обучающихся 1 - 11 классов Департамент образования области, администрации муниципальных районов (по согласованию) с 1 января 2011 - 2012 годы",
                     "1.2. Оценка состояния здоровья обучающихся в МБОУ СОШ № 5 Департамент здравоохранения области до 1 января 2011 года"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["с 1 января 2011 - 2012 годы", "до 1 января 2011 года"])
        #expect(plan.actions.map(\.title) == ["Ежедневное включение меда в рацион питания обучающихся 1 - 11 классов",
                                                "Оценка состояния здоровья обучающихся в МБОУ СОШ № 5"])
        #expect(plan.actions[1].executors.map(\.name) == ["Департамент здравоохранения области"])
    }

    /// A heading broken over two paragraphs whose second names a column of its own («Сроки» /
    /// «выполнения мероприятий»): one heading, and the executors' column after it is kept.
    @Test func aHeadingBrokenOverParagraphsThatNamesAnotherColumn() throws {
        let lines = ["План проведения Недели нулевого травматизма", "п/п", "Наименование мероприятий", "Сроки",
                     "выполнения мероприятий", "Ответственные лица за выполнение мероприятий", " ",
                     "Размещение информации о проведении недели на сайте", "до 12.02.2024", "Петлицкая А.П. заведующий", " ",
                     "Проведение инструктажей", "до 14.02.2024", "Полегошка С.А. общественный инспектор по ОТ"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["до 12.02.2024", "до 14.02.2024"])
        #expect(plan.actions.map(\.title) == ["Размещение информации о проведении недели на сайте", "Проведение инструктажей"])
    }

    /// «№ | Направление, тема | Формы работы | Время проведения», a cell a line with a line
    /// of «|» after each: the topic is the action, though «Направление» names a partner's
    /// column elsewhere.
    @Test func aTopicsColumnNamedWithItsDirection() throws {
        let lines = ["№", "|", "Направление, тема", "|", "Формы работы", "|", "Время проведения", "|", "|",
                     "Биоразнообразие", "|", "1.1.", "|", "\"Мы друзья природы\"", "|", "занятие", "|", "сентябрь", "|",
                     "1.2.", "|", "\"В страну зеленых знаний\"", "|", "экологическая прогулка", "|", "октябрь", "|"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["сентябрь", "октябрь"])
        #expect(plan.actions.map(\.title) == ["\"Мы друзья природы\"", "\"В страну зеленых знаний\""])
    }

    /// «№ | Деятельность | Сроки | Ответственные», a cell a line ended by «|», with one row
    /// written whole on a line of its own («5 | Оказание помощи … | в течение года |»).
    @Test func aWholeRowOnOneLineAmongCellsALine() throws {
        let lines = ["План деятельности попечительского совета", "№ |", "Деятельность |", "Сроки |", "Ответственные", "|",
                     "1 |", "Участие в родительских собраниях |", "Август |", "Председатель Попечительского Совета |",
                     "2 |", "Организация праздника ко Дню Матери. |", "Октябрь |", "Попечительский Совет", "|",
                     "3 | Оказание помощи при проведении мероприятий к Новому году. | в течение года |", "Попечительский Совет |",
                     "4 |", "Содействие в организации конкурсов. |", "В течение учебного года |", "Члены ПС |"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["Август", "Октябрь", "в течение года", "В течение учебного года"])
        #expect(plan.actions[2].title == "Оказание помощи при проведении мероприятий к Новому году.")
    }

    /// Rows that lost their borders with a period from August into September (across two
    /// academic years, one calendar year) and an action whose last sentence ends in a word a
    /// deadline could open with («… к Новому году. в течение года»).
    @Test func flattenedRowsWithAPeriodOverTheSummerAndASentenceBeforeTheDeadline() throws {
        let lines = ["План мероприятий", "№ п/п Наименование мероприятия Срок исполнения Ответственные",
                     "1. Городская благотворительная акция \"Семья - семье\" 15 августа - 15 сентября Департамент по работе с населением",
                     "2. Оказание помощи при проведении мероприятий к Рождеству и Новому году. в течение года Попечительский Совет"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["15 августа - 15 сентября", "в течение года"])
        #expect(plan.actions[1].title == "Оказание помощи при проведении мероприятий к Рождеству и Новому году.")
    }

    /// The date's cell empty and the time written where the place is: the deadline.
    @Test func aDeadlineWrittenWhereThePlaceIs() throws {
        let lines = ["План проведения декады чувашского языка", "№ |", "Дата мероприятия |", "Мероприятия |", "Место проведения |",
                     "Ответственные |", "1 |", "19.04.2017 |", "Открытие декады. |", "актовый зал |", "Петрова А.А. |",
                     "2 |", "|", "Оформление выставки книг в библиотеке. |", "в течение недели |", "Николаева Л.В. |"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["19.04.2017", "в течение недели"])
    }

    /// «дата | Название мероприятия | Участники | Время проведения | Ответственный»: two
    /// columns of the deadline's kind, the second the hour; the header keeps both (before, it
    /// started at the second heading and every row stood a column off), and the hour joins
    /// the day.
    @Test func aDateColumnAndAnHourColumn() throws {
        let lines = ["План мероприятий", "дата", "Название мероприятия", "Участники", "Время проведения", "Ответственный",
                     "1.", "19.02.2020", "Открытие недели", "5-9 классы", "10.00", "Петрова А.А.",
                     "2.", "20.02.2020", "Викторина «Живой язык»", "8 классы", "12.30", "Иванова Л.И."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Открытие недели", "Викторина «Живой язык»"])
        #expect(plan.actions.map(\.deadline.text) == ["19.02.2020, 10.00", "20.02.2020, 12.30"])
        #expect(plan.actions.map(\.deadline.period?.first.iso) == ["2020-02-19", "2020-02-20"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Петрова А.А."], ["Иванова Л.И."]])
    }

    /// «п/п» over each day's date, a paragraph a cell, a day's cell of several paragraphs:
    /// each date starts a row; its topics are the action up to the first names, its classes
    /// left out; «Выставка, посвященная творчеству А.С. Пушкина» names a person and is no executor.
    @Test func aNumberColumnThatHoldsEachRowsDate() throws {
        let lines = ["План-график мероприятий недели русского языка", "п/п", "Темы мероприятий", "Классы", "Ответственные",
                     "19.10.20", "День А.С. Пушкина.", "Выставка, посвященная творчеству А.С. Пушкина.", "Поэтический конкурс.",
                     " ", "7кл.", "5-11кл.", "Журавлева М.Ф.", "Садовникова Е.В. Уразаева Н.В.",
                     "20.10.20", "День М.И. Цветаевой", "Конкурс чтецов.", "5кл", "Морозова Г.В."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.period?.first.iso) == ["2020-10-19", "2020-10-20"])
        #expect(plan.actions.map(\.title) == ["День А.С. Пушкина. Выставка, посвященная творчеству А.С. Пушкина. Поэтический конкурс.",
                                              "День М.И. Цветаевой Конкурс чтецов."])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Журавлева М.Ф.", "Садовникова Е.В.", "Уразаева Н.В."], ["Морозова Г.В."]])
    }

    /// A file card above the plan («Дата20.09.2022», «Формат файлаdoc»: each field glued to its
    /// value) is no header; «Сроки | Мероприятие | Ответственные» copied a paragraph a cell,
    /// the deadline first and in words, its cells of several paragraphs: each month starts a
    /// row, a note in brackets after it is the deadline's, small letters go on with the action.
    @Test func aDeadlineFirstInWordsUnderAFileCard() throws {
        let lines = ["Скачать 44 Kb.", "НазваниеПлан работы комиссии родительского контроля", "Анкорплан работы родительского контроля",
                     "Дата20.09.2022", "Размер44 Kb.", "Формат файлаdoc", "ТипПлан работы", "УТВЕРЖДАЮ:", "Директор школы",
                     "План", "работы комиссии родительского контроля за организацией горячего питания на 2022-2023 уч. год",
                     "Сроки", "Мероприятие", "Ответственные",
                     "Август-сентябрь", "Издание приказов и положений, касающихся вопросов организации питания", "школьников",
                     "Руководитель ОУ, организатор питания",
                     "Август", "(3 неделя)", "Провести приемку готовности пищеблоков", "Организатор питания"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Издание приказов и положений, касающихся вопросов организации питания школьников",
                                              "Провести приемку готовности пищеблоков"])
        #expect(plan.actions.map(\.deadline.text) == ["Август-сентябрь", "Август (3 неделя)"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Руководитель ОУ", "организатор питания"], ["Организатор питания"]])
        #expect(PlanColumn(header: "Дата20.09.2022") == nil)
        #expect(PlanColumn(header: "Дата проведения") == .deadline)
        // A standard's number is no day: «СанПиН 2.4.5.2409-08» stays in its heading.
        #expect(PlanColumn(header: "Наименование мероприятий по выполнению требований СанПиН 2.4.5.2409-08") == .action)
    }

    /// «Дата | Название мероприятия | Классы | Ответственные» copied a paragraph a cell, each
    /// day's cells of several paragraphs: each date (and its day of the week) starts the row
    /// of that day; its events are one action, the classes left out, the names its executors.
    @Test func aDateColumnFirstOverDaysOfSeveralEvents() throws {
        let lines = ["План мероприятий Недели детской книги 2022 года", "Дата", " ", "Название мероприятия", " ", "Классы", "Ответственные",
                     "21.03", " ", "пон", " ", "Открытие Недели книги", "Выставка «Да здравствует книга!»", " ", "3 классы", " ",
                     "Прокопчик Е.Н.", "Лозюк М. Г.", " ",
                     "22.03", " ", "вт", " ", "Устный журнал «Книга 8-е чудо света»", " ", "Рисунки детей", " ", "1-11 классы", " ", "5-8 классы",
                     " ", "Зданович О. В.", " ",
                     " 23.03", " ", "ср", " ", "Рейд-проверка по сохранности учебников", "1-11 классы", " ", "Лозюк М. Г."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["21.03 пон", "22.03 вт", "23.03 ср"])
        #expect(plan.actions.map(\.title) == ["Открытие Недели книги Выставка «Да здравствует книга!»",
                                              "Устный журнал «Книга 8-е чудо света» Рисунки детей", "Рейд-проверка по сохранности учебников"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Прокопчик Е.Н.", "Лозюк М. Г."], ["Зданович О. В."], ["Лозюк М. Г."]])
    }

    /// «№ | Дата | Участники | Мероприятие | Место проведения | Ответственные», a paragraph a
    /// cell, each row's number before its date and its day of several paragraphs: each date
    /// starts the row of its day, the number and the classes left out; a weekday glued to the
    /// date («20.03.2023Пн.») or on a paragraph of its own joins it (1801).
    @Test func aNumberThenADateOverDaysOfSeveralEvents() throws {
        let lines = ["План проведения недели книги и музыки", " ", "Дата", "Участники", "Мероприятие", "Место проведения", "Ответственные",
                     "1.", "20.03.2023Пн.", " ", "1-4 кл.", " ", "Открытие недели книги", "1.Фестиваль песен", "2.Библиопутешествие в мир сказки",
                     " ", "Актовый зал", " ", "Симончук Т.В", "Яковчук С.Г.",
                     "2.", "21.03.2023", "Вт.", "1-4 кл", "1-6 кл.", "1. Ярмарка рисунков", "2. Акция «Не судите книгу по обложке»", "1 этаж",
                     "Яковчук С.Г.", ".",
                     "3.", "22.03.2023", "Ср.", "1-6 кл.", "«Музыкальный фрэш»", "2 этаж", "Симончук Т.В."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["20.03.2023Пн.", "21.03.2023 Вт.", "22.03.2023 Ср."])
        #expect(plan.actions.map(\.title) == ["Открытие недели книги 1.Фестиваль песен 2.Библиопутешествие в мир сказки Актовый зал",
                                              "1. Ярмарка рисунков 2. Акция «Не судите книгу по обложке» 1 этаж", "«Музыкальный фрэш» 2 этаж"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Симончук Т.В", "Яковчук С.Г."], ["Яковчук С.Г."], ["Симончук Т.В."]])

        // Rows that keep their columns are read by position, their places and classes kept.
        let even = ["План проведения недели книги", "№", "Дата", "Участники", "Мероприятие", "Ответственные",
                    "1.", "20.03.2023", "1-4 кл.", "Открытие недели книги", "Симончук Т.В.",
                    "2.", "21.03.2023", "5-9 кл.", "Ярмарка рисунков", "Яковчук С.Г.",
                    "3.", "22.03.2023", "1-11 кл.", "Музыкальный фрэш", "Симончук Т.В."]
        let kept = try PlanDocumentParser().parse(paragraphs(even))
        #expect(kept.actions.map(\.title) == ["Открытие недели книги", "Ярмарка рисунков", "Музыкальный фрэш"])
        #expect(kept.actions.map(\.deadline.text) == ["20.03.2023", "21.03.2023", "22.03.2023"])
    }

    /// «Дата и время. | Наименование мероприятия | Место проведения | Организатор»: an event
    /// plan's «Организатор» heads its executors when no other column does (1905); a
    /// «Педагог-организатор» in a row names a post, never a heading.
    @Test func anOrganiserColumnNamesTheExecutors() throws {
        #expect(PlanColumn(header: "Организатор") == .executor)
        #expect(PlanColumn(header: "Организаторы мероприятия") == .executor)
        #expect(PlanColumn(header: "Педагог-организатор") == nil)
        let lines = ["План проведения мероприятий посвященных Дню российского флага", "Дата  и время.", "Наименование мероприятия",
                     "Место проведения", "Организатор",
                     "22.08.22.  10.00-10.30", "Беседа «Флаг России».", "Помещение ДОУ.", "Чеботаева Р.А.",
                     "22.08.22.   10.30-11.00", "Изготовление флажков", "Помещение  ДОУ", "Чеботаева Р.А.",
                     "22.08.22     16.30", "Флешмоб « Моя Россия»", "Помещение ДОУ", "Будько И.Г."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Беседа «Флаг России».", "Изготовление флажков", "Флешмоб « Моя Россия»"])
        #expect(plan.actions.map { RussianText.collapsingWhitespace($0.deadline.text) } == ["22.08.22. 10.00-10.30", "22.08.22. 10.30-11.00", "22.08.22 16.30"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Чеботаева Р.А."], ["Чеботаева Р.А."], ["Будько И.Г."]])
    }

    /// «№ п\п | Наименование мероприятия | Дата, время и место проведения мероприятия», a
    /// paragraph a cell: the place's paragraphs, then the day, are the last column's one cell,
    /// and a day after a row whose cell has none yet is that row's, no heading (1906).
    @Test func thePlaceThenTheDayInTheLastColumn() throws {
        let lines = ["План основных мероприятий по подготовке к 70-й годовщине Победы", "№ п\\п", "Наименование мероприятия",
                     "Дата, время и место проведения мероприятия",
                     "1.", "Размещение на сайте эмблемы празднования", " ", "Официальный сайт МБДОУ", "№ 42", "Январь 2015г.",
                     "2.", "Экскурсии в краеведческий музей", "Музей  МАОУ школа №7,", "Городской краеведческий музей", "Апрель 2015г.",
                     "3.", "Проведение образовательной деятельности «Прикоснись к подвигу»", "Музыкальный зал МБДОУ №42", "17 апреля 2015г.",
                     "4.", "Проведение тематических занятий", "Группы МБДОУ", "Май 2015г."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Размещение на сайте эмблемы празднования", "Экскурсии в краеведческий музей",
                                              "Проведение образовательной деятельности «Прикоснись к подвигу»", "Проведение тематических занятий"])
        #expect(plan.actions.map { RussianText.collapsingWhitespace($0.deadline.text.replacingOccurrences(of: "\n", with: " ")) } == [
            "Официальный сайт МБДОУ № 42 Январь 2015г.", "Музей МАОУ школа №7, Городской краеведческий музей Апрель 2015г.",
            "Музыкальный зал МБДОУ №42 17 апреля 2015г.", "Группы МБДОУ Май 2015г.",
        ])
    }

    /// «Дата | Тема недели | Мероприятия», a paragraph a cell, each week's actions several
    /// paragraphs: the theme groups what the week does, and each date starts its week's row
    /// (1902).
    @Test func aWeeksThemeBesideItsActions() throws {
        #expect(PlanColumn.namesAGrouping("Тема недели"))
        let lines = ["План мероприятий месячника военно-патриотической работы", "Дата", "Тема недели", "Мероприятия",
                     "29.01-02.02", "День зимних видов спорта", "-Беседы с детьми о Олимпийских играх", "-Спортивные развлечения",
                     "-Соревнования", "05-09.02", "День Российской науки", "-Беседы (старшие группы);", "-занятие по познавательному развитию",
                     "12-16.02", "Бабушкин сундучок", "-Экскурсии в мини-музей русского быта"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["29.01-02.02", "05-09.02", "12-16.02"])
        #expect(plan.actions.first?.title == "День зимних видов спорта -Беседы с детьми о Олимпийских играх -Спортивные развлечения -Соревнования")
    }

    /// «Календарный план …» over rows that lost their borders, each opening with its day, a web
    /// page's own lines between two of them («Публикация … размещена в разделах», «- Осень.
    /// Сценарии …»): the items are read, the page's lines left out (1903).
    @Test func aCalendarPlanWithAPagesLinesBetweenItsItems() throws {
        #expect(AlternatingLineTable.namesAPlan("Календарный план воспитательной работы на учебный год"))
        #expect(!AlternatingLineTable.namesAPlan("Отчёт о выполнении плана"))
        let lines = ["Антонина Котянова", "Календарный план воспитательной работы на учебный год", "▼ Скачать + Заказать документы",
                     "Дата Воспитательное событие Формы организации образовательного процесса",
                     "Группа для детей 3-4 лет", "Группа для детей 4-5 лет",
                     "1 сентября - День знаний Беседа «День Знаний»",
                     "Публикация «Календарный план воспитательной работы» размещена в разделах",
                     "- Осень. Сценарии осенних развлечений", "- Планирование. Планы работ",
                     "5 сентября - Международный день благотворительности Беседа «Милосердие»",
                     "7 сентября - День Бородинского сражения Беседа-рассказ"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["1 сентября", "5 сентября", "7 сентября"])
        #expect(plan.actions.map(\.title) == ["День знаний Беседа «День Знаний»", "Международный день благотворительности Беседа «Милосердие»",
                                              "День Бородинского сражения Беседа-рассказ"])
        #expect(plan.warnings.first?.kind == .columnsInferred(.datedList))
    }

    /// A day's line of two events, the second opening a sentence with its hours and a dash
    /// («… педагогический совет. 10.00-14.00 — работа выставок …»): two items (2206).
    @Test func aDaysLineOfSeveralEvents() throws {
        let lines = ["План проведения праздничных мероприятий, посвящённых 90-летию школы:",
                     "17 ноября в 10.00 в актовом зале — открытие юбилейной недели, торжественный педагогический совет. 10.00-14.00 — работа выставки в школьном музее.",
                     "18 ноября в 11.00 — интеллектуальный марафон «Что? Где? Когда?» в актовом зале. 10.00-14.00 — работа выставки."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["17 ноября в 10.00", "10.00-14.00", "18 ноября в 11.00", "10.00-14.00"])
        #expect(plan.actions.map(\.title) == ["в актовом зале — открытие юбилейной недели, торжественный педагогический совет",
                                              "работа выставки в школьном музее", "интеллектуальный марафон «Что? Где? Когда?» в актовом зале",
                                              "работа выставки"])
        // Hours inside a sentence («встреча в 10.00 — у входа») do not start an event.
        #expect(DatedListTable.events(in: "линейка, встреча в 10.00 — у входа").count == 1)
    }

    /// A sentence that opens a list of events («… планируется проведение следующих
    /// мероприятий:»), then items that open with their days, some of them a range written with
    /// the same dash as the one before the event (held-back-41/4302).
    @Test func aListOfEventsUnderTheSentenceThatOpensIt() throws {
        let lines = ["В период ноября - декабря 2022 года в Средней школе № 21 планируется проведение следующих мероприятий:",
                     "- 21-27 ноября – неделя популяризации подсчета калорий,",
                     "- 28 ноября – 4 декабря – неделя, посвященная Всемирному дню борьбы со СПИДом,",
                     "- 26 декабря – 1 января – профилактика злоупотребления алкоголя в новогодние праздники."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["21-27 ноября", "28 ноября – 4 декабря", "26 декабря – 1 января"])
        #expect(plan.actions.map(\.title) == ["неделя популяризации подсчета калорий", "неделя, посвященная Всемирному дню борьбы со СПИДом",
                                              "профилактика злоупотребления алкоголя в новогодние праздники"])
        // The sentence names the plan and gives its days their year; a range over the new year
        // leaves the plan's calendar year, and is flagged.
        #expect(plan.title == "В период ноября - декабря 2022 года в Средней школе № 21 планируется проведение следующих мероприятий")
        #expect(plan.actions.map { $0.deadline.period?.description } == ["2022-11-21..2022-11-27", "2022-11-28..2022-12-04", nil])
        let week = try PlanDocumentParser().parse(paragraphs(["В рамках Недели здоровья в школе пройдут мероприятия:"] + lines.dropFirst()))
        #expect(week.actionCount == 3)
        // Without the sentence, the lines are no plan.
        #expect(throws: PlanParseError.self) { try PlanDocumentParser().parse(self.paragraphs(Array(lines.dropFirst()))) }
    }

    /// A plan's title whose last line names a month («в рамках проведения месяца …»), then its
    /// period, then the header: the header starts at «Наименование мероприятия», not at the
    /// title (2305); the rows' numbers have no heading of their own.
    @Test func aTitleLineNamingAMonthBeforeTheHeader() throws {
        let lines = ["План мероприятий", "в рамках проведения месяца образовательного туризма", "(22.01.2024 – 29.02.2024)",
                     "Наименование мероприятия", "Срок исполнения", "Исполнители",
                     "1", "Размещение на информационном стенде плана мероприятий месяца.", "01.02.2024", "Эйсмонт Л.В.,", "заместитель директора",
                     "2", "Экскурсия в краеведческий музей", "15.02.2024", "Петрова И.И."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Размещение на информационном стенде плана мероприятий месяца.", "Экскурсия в краеведческий музей"])
        #expect(plan.actions.map(\.deadline.text) == ["01.02.2024", "15.02.2024"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Эйсмонт Л.В., заместитель директора"], ["Петрова И.И."]])
    }

    /// A paragraph a cell under headings wrapped over paragraphs («Учрежде-ние» / «Образования»,
    /// «Учебный» / «предмет, тема», «… учебных/» / «ОВР») and one that lists its items («…
    /// финансирования:» / «1. транспортные расходы;»); a day whose year is the next paragraph;
    /// a row's last cell of numbered lines, one of which reads like a section (2307).
    @Test func aWrappedHeaderOverCellsOfSeveralParagraphs() throws {
        let lines = ["План образовательных экскурсий", "п/п", "Дата", "Учрежде-ние", "Образования", "Класс, количество учащихся",
                     "Учебный", "предмет, тема", "Объект", "посещения", "Количество часов", "учебных/", "ОВР",
                     "Общая сумма/", "источник", "финансирования:", "1. транспортные расходы;", "2. входные билеты;", "3. экскурсовод",
                     "1", "10.03", "2023", "ГУО «Средняя школа №18»", "10 классы,", "54 человека", "Белорусская литература, тема «Творчество Якуба Коласа»",
                     "Литературно-мемориальный музей Якуба Коласа", "2 УЧ/3 ОВР", "1877,2 руб.(бюджет):", "1.Транспортные расходы:", "1582 руб.",
                     "2. входные билеты: 271,2 руб.", "3. Экскурсовод: 24 руб.",
                     "2", "17.03", "2023", "ГУО «Средняя школа №18»", "11 классы,", "62 человека", "История Беларуси,", "тема «Развитие промышленности»",
                     "ОАО «Минский тракторный завод»", "2 УЧ/3 ОВР", "3586 руб.(бюджет)", "1. Транспортные расходы: 3090 руб.", "2. Входные билеты: 496 руб."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Белорусская литература, тема «Творчество Якуба Коласа»", "История Беларуси, тема «Развитие промышленности»"])
        #expect(plan.actions.map(\.deadline.text) == ["10.03 2023", "17.03 2023"])
        #expect(plan.actions.allSatisfy { $0.section == nil })
        // A heading of a noun the columns do not know stays a column of its own before a
        // lowercase heading («Класс» | «сроки»).
        #expect(!CellRunTable.wrapsOnto("Класс", "сроки"))
        #expect(CellRunTable.wrapsOnto("Учебный", "предмет, тема"))
    }

    /// Rows numbered on through the sections: «2. Работа с родителями» between rows 6 and 7,
    /// the second section after «1. …», stays a section; only texts numbered out of the
    /// sections' order, or several in a row, go back into the row above.
    @Test func aNumberedSectionBetweenRowsNumberedOnStaysASection() throws {
        let months = ["сентябрь", "октябрь", "ноябрь", "декабрь", "январь", "февраль"]
        let first = months.enumerated().flatMap { ["\($0.offset + 1)", "Методический семинар № \($0.offset + 1)", $0.element, "Завуч"] }
        let lines = ["№", "Мероприятие", "Срок", "Ответственный", "1. Работа с педагогами"] + first
            + ["2. Работа с родителями", "7", "Родительское собрание", "март", "Классные руководители"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title).last == "Родительское собрание")
        #expect(plan.actions.count == 7)
        #expect(plan.actions.map(\.section) == Array(repeating: "1. Работа с педагогами", count: 6) + ["2. Работа с родителями"])
    }

    /// A camp's plan by days, not a table: «1 день (23 апреля)» then the day's numbered items;
    /// each day is one action on its date, its items its text (2407).
    @Test func aCampsDaysWithNumberedItems() throws {
        let lines = ["План работы", "лагеря кратковременного пребывания", "1 день (23 апреля)", "1.Открытие лагеря (разбивка на отряды)",
                     "2.Игры на сплочение.", "2 день (24 апреля)", "1.Презентация отрядов.", "2. Мастер-классы.", "3 день (25 апреля)",
                     "1.Интеллектуальные игры.", "2.Экскурсия в г. Шум"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["23 апреля", "24 апреля", "25 апреля"])
        #expect(plan.actions.map(\.title) == ["Открытие лагеря (разбивка на отряды) Игры на сплочение.", "Презентация отрядов. Мастер-классы.",
                                              "Интеллектуальные игры. Экскурсия в г. Шум"])
        #expect(DatedListTable.day(heading: "День 2 – 24 апреля") == "24 апреля")
        #expect(DatedListTable.numberedItem("1 сентября — линейка") == nil)
    }

    /// A library's plan copied from its row 9 on, one cell a line closed by «|», two empty
    /// columns after each row and one deadline that is a condition («По просьбе учителя»): a
    /// table without its header all the same (2502).
    @Test func aHeaderlessTableCutFromItsNinthRow() throws {
        let rows = [("9.", "Информирование учителей о новой литературе.", "По графику педагогических советов", "Михайлова Н.Н. Лабецкая Е.Л."),
                    ("10", "Поиск литературы по заданной теме.", "По просьбе учителя", "Михайлова Н.Н."),
                    ("11", "Обслуживание обучающихся школы", "постоянно", "Михайлова Н.Н."),
                    ("12", "Просмотр читательских формуляров", "1 раз в полугодие", "Михайлова Н.Н."),
                    ("13", "Беседы с читателями о правилах поведения в библиотеке", "Постоянно", "Михайлова Н.Н.")]
        let lines = rows.flatMap { ["\($0.0) |", "\($0.1) |", "\($0.2) |", "\($0.3) |", "|", "|"] } + ["14 |", "Ознакомление школьник"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.count == 6)
        #expect(plan.actions.prefix(5).map(\.deadline.text) == rows.map(\.2))
        #expect(plan.actions[0].executors.map(\.name) == ["Михайлова Н.Н.", "Лабецкая Е.Л."])
        #expect(plan.warnings.first?.kind == .columnsInferred(.headerlessTable))
    }

    /// A methodical association's plan as meetings, not a table: «Заседание №1 (сентябрь)»,
    /// its form, theme and aim, then its numbered questions, each closed by who prepares it
    /// («(Корецкая Н.А.)»): one action a meeting, on its month, named by its theme (2508).
    @Test func meetingsWithTheirQuestions() throws {
        let lines = ["ПЛАН РАБОТЫ", "школьного методического объединения классных руководителей", "Заседание №1 (сентябрь)",
                     "Форма проведения: инструктивно-методическое совещание", "Тема: Организация деятельности классного руководителя",
                     "Цель: Ознакомить с направлениями воспитательной работы.", "Вопросы для обсуждения:",
                     "1.Изучение инструктивно-методического письма. (Корецкая Н.А.)", "2.Планирование работы на год. (Ярошук Л.В.)",
                     "Заседание №2 (ноябрь)", "Форма проведения: конференция идей", "Тема: Гражданская позиция учащихся.",
                     "Вопросы для обсуждения:", "1.Современные воспитательные технологии. (Ярошук Л.В.)"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["сентябрь", "ноябрь"])
        #expect(plan.actions.map { $0.title.prefix(12) } == ["Заседание №1", "Заседание №2"])
        #expect(plan.actions[0].title.hasPrefix("Заседание №1: Организация деятельности классного руководителя"))
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Корецкая Н.А.", "Ярошук Л.В."], ["Ярошук Л.В."]])
        #expect(DatedListTable.meeting("Педсовет № 2. Ноябрь")?.deadline == "Ноябрь")
        #expect(DatedListTable.meeting("Заседание №1 (актовый зал)") == nil)
    }

    /// The month first, «ОКТЯБРЬ. Заседание МО №1», then the meeting's numbered questions with
    /// no one named: one action a meeting, on its month (4702).
    @Test func meetingsOpenedByTheirMonth() throws {
        let lines = ["План работы методического объединения учителей математики", "ОКТЯБРЬ. Заседание МО №1",
                     "1.Утверждение плана работы на год", "2. Подготовка к олимпиаде.", "ДЕКАБРЬ. Заседание МО №2",
                     "1.Итоги олимпиады.", "2.Проведение пробных экзаменов.", "МАРТ. Заседание №3", "1.Неделя математики."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["ОКТЯБРЬ", "ДЕКАБРЬ", "МАРТ"])
        #expect(plan.actions.map { $0.title.prefix(15) } == ["Заседание МО №1", "Заседание МО №2", "Заседание №3 Не"])
        #expect(DatedListTable.meeting("Ноябрь – совещание № 4")?.name == "совещание № 4")
        #expect(DatedListTable.meeting("Актовый зал. Заседание №1") == nil, "a place is no month")
    }

    /// «2.ОРГАНИЗАЦИЯ СОВМЕСТНОЙ …», its number glued to a capital word, after a whole row:
    /// a section that numbers the rows «2.1» under it; «Иерей Ростислав» on his own line
    /// after the school's administration is a second executor, a person (2503).
    @Test func aSectionGluedToItsNumber() throws {
        let lines = ["Мероприятия", "Срок исполнения", "Ответственные", "1. ОРГАНИЗАЦИОННОЕ ОБЕСПЕЧЕНИЕ", "1.1",
                     "Разработка Программы сотрудничества", "август 2021 года", "Администрация ГУО «Обровская средняя школа»\nИерей Ростислав",
                     "1.2", "Освещение хода выполнения Программы на сайте школы", "постоянно", "Администрация ГУО «Обровская средняя школа»",
                     "2.ОРГАНИЗАЦИЯ СОВМЕСТНОЙ ДЕЯТЕЛЬНОСТИ", "2.1", "Реализация инновационной деятельности", "в течение года", "Администрация"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.section) == ["1. ОРГАНИЗАЦИОННОЕ ОБЕСПЕЧЕНИЕ", "1. ОРГАНИЗАЦИОННОЕ ОБЕСПЕЧЕНИЕ", "2.ОРГАНИЗАЦИЯ СОВМЕСТНОЙ ДЕЯТЕЛЬНОСТИ"])
        #expect(plan.actions[0].executors.map(\.name) == ["Администрация ГУО «Обровская средняя школа»", "Иерей Ростислав"])
        #expect(plan.actions[0].executors.last?.kind.isOrganization == false)
        #expect(!CellRunTable.isHeading("1.Изучение письма"))
    }

    /// A table laid out for a narrow screen: each cell after its column's heading, the first
    /// heading again for each row; a page's own lines inside a row stay that row's (2601).
    @Test func eachCellAfterItsHeading() throws {
        let lines = ["План работы музея «Сторона-старинушка»", "на 2018-2020 учебный год",
                     "Наименование мероприятия", "Пополнение музея экспонатами", "Сроки, место проведения", "в течение года",
                     "Ответственный", "Альмухаметова З. К.",
                     "Наименование мероприятия", "Проведение акции «Ночь в музее»:", "1) Презентация «Из истории ВЛКСМ».",
                     "Сроки, место проведения", "октябрь, музей детского сада", "Ответственный", "Воспитатели",
                     "Наименование мероприятия", "Выставка «Комсомольская юность моя»"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Пополнение музея экспонатами", "Проведение акции «Ночь в музее»: 1) Презентация «Из истории ВЛКСМ».",
                                              "Выставка «Комсомольская юность моя»"])
        #expect(plan.actions.map(\.deadline.text).prefix(2) == ["в течение года", "октябрь, музей детского сада"])
        #expect(plan.actions.map { $0.executors.map(\.name) }.prefix(2) == [["Альмухаметова З. К."], ["Воспитатели"]])
        // A header met once is a table's header, not headings before each cell.
        #expect(LabelledCellTable.rebuild(paragraphs(["Мероприятие", "Срок", "Ответственный", "Акция", "май", "Директор"]).paragraphs) == nil)
    }

    /// «Наименование памятной даты/День воинской славы» before «Наименование мероприятия»: the
    /// day the events mark groups them; it is no second deadline, and the numbering row of
    /// five is no row (2607).
    @Test func aColumnOfCommemorativeDays() throws {
        let lines = ["N |", "Наименование памятной даты (исторической даты)/День воинской славы |", "Наименование мероприятия |",
                     "Срок проведения |", "Ответственный исполнитель |", "1 |", "2 |", "3 |", "4 |", "5 |",
                     "1. |", "25 января - День российского студенчества |", "Интеллектуальная игра \"Брейн-ринг\" |", "январь |", "Министерство образования |",
                     "2. |", "23 февраля - День защитника Отечества |", "Уроки мужества |", "февраль |", "Министерство образования |"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Интеллектуальная игра \"Брейн-ринг\"", "Уроки мужества"])
        #expect(plan.actions.map(\.deadline.text) == ["январь", "февраль"])
        #expect(plan.actions.map(\.section) == ["25 января - День российского студенчества", "23 февраля - День защитника Отечества"])
        #expect(PlanColumn(header: "Наименование памятной даты") == nil)
    }

    /// A deadline over paragraphs of its cell: «На протяжении» / «учебного» / «года», and
    /// «В период распространения» / «инфекции» where the executors would stand; a post then
    /// the one person who holds it («Директор» / «Бойко Н.В.») is one executor (2603).
    @Test func aDeadlineOverParagraphsAndAPostOverItsHolder() throws {
        let lines = ["п/п", "Мероприятия", "Срок", "выполнения", "Ответственные", "Общие мероприятия",
                     "1", "Издание приказа", "20.09.2020", "Директор\nБойко Н.В.",
                     "2", "Обеспечение социального дистанцирования", "На протяжении", "учебного", "года", "Педагоги учреждения образования",
                     "3", "Увеличение продолжительности перемен", "В период распространения", "инфекции"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["20.09.2020", "На протяжении учебного года", "В период распространения инфекции"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Директор Бойко Н.В."], ["Педагоги учреждения образования"], []])
        #expect(ExecutorList.split("Классные руководители\nИванова И.И.") == ["Классные руководители", "Иванова И.И."])
    }

    /// A contest's calendar: «Календарь», its months in capitals, then lines that open with
    /// their day in capitals («ДО 14 АПРЕЛЯ Формирование списка …»): one action a line (2704).
    @Test func aCalendarOfDaysInCapitals() throws {
        let lines = ["Календарь", "АПРЕЛЬ – НОЯБРЬ 2023 ГОДА", "ДО 14 АПРЕЛЯ Формирование списка региональных координаторов Конкурса",
                     "26 АПРЕЛЯ Установочный вебинар с региональными координаторами", "22 — 28 МАЯ Прием работ на федеральный этап Конкурса",
                     "29 МАЯ — 15 ИЮНЯ Работа жюри федерального этапа"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["ДО 14 АПРЕЛЯ", "26 АПРЕЛЯ", "22 — 28 МАЯ", "29 МАЯ — 15 ИЮНЯ"])
        #expect(plan.actions.first?.title == "Формирование списка региональных координаторов Конкурса")
    }

    /// A day's schedule, one paragraph a cell: headings in small letters, each a column of its
    /// own («Дата» / «время» / «мероприятие» / «Место проведение»), and the day's cell merged
    /// over the rows below, which open with their hours (2703).
    @Test func aDaysScheduleUnderOneDate() throws {
        let lines = ["План проведения «День защиты детей»", "Дата", "время", "мероприятие", "Место проведение", "Количество участников",
                     "01.06.18", "9.30 -13.00", "«Мы и будущие» (Lego-конструирование)", "Каб.103", "105",
                     "10.20 -12.00", "Квест «День защиты детей»", "Актовый зал", "45",
                     "16.30 -17.00", "Конкурс рисунков на асфальте", "Школьный двор", "60"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["«Мы и будущие» (Lego-конструирование)", "Квест «День защиты детей»", "Конкурс рисунков на асфальте"])
        #expect(plan.actions.map(\.deadline.text) == ["01.06.18", "01.06.18", "01.06.18"])
        #expect(!CellRunTable.standsAlone("время", after: "Дата и"))
        #expect(!CellRunTable.standsAlone("мероприятий", after: "Сроки выполнения"))
    }

    /// A school's calendar plan on the federal template, its PDF copied a visual line at a
    /// time: the first line of each cell in column order, then what wrapped; the classes
    /// («5-9») never wrap, so each row starts on the line before them, and the modules are
    /// sections (1304).
    @Test func aCalendarPlanCopiedALineAtATime() throws {
        let lines = ["Календарный план воспитательной работы на 2023-2024 учебный год",
                     "Дела, события, мероприятия", "", "Классы", "", "Ориентировочное время", "проведения",
                     "Модуль «Урочная деятельность»", "(согласно индивидуальным планам работы учителей-предметников)",
                     "Оформление стендов (предметно-эстетическая среда, наглядная", "5-9", "сентябрь, в",
                     "агитация школьных стендов предметной направленности)", "течение года",
                     "Интерактивные формы учебной деятельности", "5-9", "В течение учебного года",
                     "Всероссийский открытый урок «ОБЖ» (урок подготовки детей к", "5-9", "01.09",
                     "действиям в условиях различного рода чрезвычайных ситуаций)",
                     "Модуль «Основные школьные дела»",
                     "Торжественная линейка «День знаний»", "1-4", "01.09"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == [
            "Оформление стендов (предметно-эстетическая среда, наглядная агитация школьных стендов предметной направленности)",
            "Интерактивные формы учебной деятельности",
            "Всероссийский открытый урок «ОБЖ» (урок подготовки детей к действиям в условиях различного рода чрезвычайных ситуаций)",
            "Торжественная линейка «День знаний»"])
        // «сентябрь, в течение года» names two terms: kept as written and flagged, never guessed.
        #expect(plan.actions.map(\.deadline.text) == ["сентябрь, в течение года", "В течение учебного года", "01.09", "01.09"])
        #expect(plan.actions.map(\.deadline.kind) == [.unparsed, .wholePeriod, .day, .day])
        #expect(plan.actions.map(\.section) == [
            "Модуль «Урочная деятельность» (согласно индивидуальным планам работы учителей-предметников)",
            "Модуль «Урочная деятельность» (согласно индивидуальным планам работы учителей-предметников)",
            "Модуль «Урочная деятельность» (согласно индивидуальным планам работы учителей-предметников)",
            "Модуль «Основные школьные дела»"])
        #expect(VisualLineTable.isClasses("5-9") && VisualLineTable.isClasses("10-11 кл.") && !VisualLineTable.isClasses("01.09"))
    }

    /// The federal template's narrow columns, each cell wrapped over lines with a blank line
    /// after it; a row with no executor left no cell, and the classes tell the rows apart.
    @Test func aCalendarPlanInNarrowColumns() throws {
        let lines = ["Календарный план воспитательной работы на 2025-2026 учебный год", "",
                     "Дела, события, мероприятия", "", "Классы", "", "Ориентировочное время проведения", "", "Ответственные", "",
                     "Модуль «Основные школьные дела»", "",
                     "Общешкольная торжественная", "линейка «Первый звонок»", "", "1-4", "", "1 сентября", "",
                     "Заместитель директора по", "УВР, педагог-организатор", "",
                     "Поднятие флага РФ и исполнение", "Гимна РФ", "", "1-4", "", "Каждый", "понедельник", "",
                     "Общешкольный поход «Мы", "снова вместе»", "", "1-4", "", "8 сентября", "", "Классные", "руководители"]
        // A blank line is a gap in the lines' numbers, as a text copy's reader gives them.
        let document = SourceDocument(name: "web.txt", blocks: lines.enumerated().filter { !$0.element.isEmpty }.map {
            .paragraph($0.element, location: SourceLocation(line: $0.offset + 1))
        })
        let plan = try PlanDocumentParser().parse(document)
        #expect(plan.actions.map(\.title) == ["Общешкольная торжественная линейка «Первый звонок»", "Поднятие флага РФ и исполнение Гимна РФ",
                                              "Общешкольный поход «Мы снова вместе»"])
        #expect(plan.actions.map(\.deadline.text) == ["1 сентября", "Каждый понедельник", "8 сентября"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [
            ["Заместитель директора по УВР", "педагог-организатор"], [], ["Классные руководители"]])
        #expect(plan.actions.map(\.section) == Array(repeating: "Модуль «Основные школьные дела»", count: 3))
    }

    /// A hostile copy: one row followed by two thousand lines that each leave the deadline
    /// and the action hanging. A deadline takes four lines at most, and the rest goes on with
    /// the action, whose open bracket is counted once, not looked for again at each line.
    @Test func aCalendarPlanRowOfEndlessLines() throws {
        let lines = ["Дела, события, мероприятия", "Классы", "Дата", "Ответственные",
                     "Линейка (для", "1-4", "сентябрь, в", "Классные руководители"]
            + Array(repeating: "и в", count: 2_000) + ["Поход", "1-4", "8 сентября"]
        let rebuilt = try #require(VisualLineTable.rebuild(paragraphs(lines).paragraphs))
        #expect(rebuilt.table.rows.count == 3)
        #expect(rebuilt.table.rows[1].map(\.text) == [
            "Линейка (для" + String(repeating: "\nи в", count: 1_997), "1-4", "сентябрь, в и в и в и в", "Классные руководители"])
        #expect(rebuilt.table.rows[2].map(\.text) == ["Поход", "1-4", "8 сентября", ""])
    }

    /// The federal template as a Word table: a module's row merged across the table is a
    /// section, and the classes' column is no deadline.
    @Test func aCalendarPlanAsATable() throws {
        let plan = try PlanDocumentParser().parse(document(table: [
            ["Дела, события, мероприятия", "Классы", "Ориентировочное время проведения", "Ответственные"],
            ["Модуль «Основные школьные дела»", "Модуль «Основные школьные дела»", "Модуль «Основные школьные дела»", "Модуль «Основные школьные дела»"],
            ["Торжественная линейка «День знаний»", "1-4", "01.09.2023", "Заместитель директора по ВР"],
            ["Модуль «Классное руководство»", "", "", ""],
            ["Классные часы «Разговоры о важном»", "5-9", "Каждый понедельник", "Классные руководители"],
        ]))
        #expect(plan.actions.map(\.title) == ["Торжественная линейка «День знаний»", "Классные часы «Разговоры о важном»"])
        #expect(plan.actions.map(\.section) == ["Модуль «Основные школьные дела»", "Модуль «Классное руководство»"])
        #expect(PlanReading.namesAModule("Вариативный модуль «Экскурсии»") && !PlanReading.namesAModule("Модульное обучение педагогов"))
        #expect(plan.actions.map(\.deadline.text) == ["01.09.2023", "Каждый понедельник"])
    }

    /// The same template with its executors: a post wrapped over lines («Заместитель директора»
    /// / «по ВР, классные» / «руководители») goes on with the executors; a line in small letters
    /// after an action left hanging («… детей к») goes on with the action.
    @Test func aCalendarPlanWithItsExecutorsALineAtATime() throws {
        let lines = ["Дела, события, мероприятия", "Классы", "Дата", "Ответственные",
                     "Модуль «Основные школьные дела»",
                     "Торжественная линейка «День знаний»", "1-4", "1 сентября", "Заместитель директора", "по ВР, классные", "руководители",
                     "Всероссийский открытый урок «ОБЖ» (урок подготовки детей к", "5-9", "4 октября", "Учитель ОБЖ",
                     "действиям в условиях чрезвычайных ситуаций)",
                     "Классные часы «Разговоры о важном»", "5-9", "В течение", "Классные руководители", "учебного года"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == [
            "Торжественная линейка «День знаний»",
            "Всероссийский открытый урок «ОБЖ» (урок подготовки детей к действиям в условиях чрезвычайных ситуаций)",
            "Классные часы «Разговоры о важном»"])
        #expect(plan.actions.map(\.deadline.text) == ["1 сентября", "4 октября", "В течение учебного года"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [
            ["Заместитель директора по ВР", "классные руководители"], ["Учитель ОБЖ"], ["Классные руководители"]])
    }

    /// A camp's squads side by side: «Дата | Мероприятие 1-ый отряд | Ответст-венный |
    /// Мероприятие 2-ой отряд | …», the headings' line-break hyphens kept, a day and its theme
    /// on one line («03.06. Беларусь гостиная»): a row a day (2408).
    @Test func squadsSideBySide() throws {
        let lines = ["План работы летнего оздоровительного лагеря", "Дата |", "Мероприятие 1-ый отряд |", "Ответст-венный |",
                     "Мероприятие 2-ой отряд |", "Ответст-венный |", "Мероприятие 3-ий отряд |", "Ответственный |", "|||||||||",
                     "03.06. Беларусь гостиная |", "Торжественная линейка |", "Петрова И.И. |", "Игра «Знакомство» |", "Сидорова А.А. |",
                     "Конкурс рисунков |", "Иванова Е.Е. |",
                     "04.06. День здоровья |", "Весёлые старты |", "Петрова И.И. |", "Эстафета |", "Сидорова А.А. |", "Подвижные игры |", "Иванова Е.Е. |"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["03.06.", "04.06."])
        #expect(plan.actions.map(\.title) == ["Беларусь гостиная: Торжественная линейка", "День здоровья: Весёлые старты"])
        #expect(PlanColumn(header: "Ответст-венный") == .executor)
        #expect(PlanColumn(header: "Педагог-организатор") == nil)
    }

    /// A row without its number under «№ п/п» and a numbering row one short, its date
    /// «01.02.24» where a number would stand: a day, not row «1.2.24» (2401).
    @Test func aDayInFiguresIsNoRowNumber() throws {
        #expect(!CellRunTable.isRowNumber("01.02.24"))
        #expect(!CellRunTable.isRowNumber("01.02"))
        #expect(CellRunTable.isRowNumber("1.2.3"))
        #expect(CellRunTable.isRowNumber("12.10"))
        let lines = ["№ п/п", "Наименование мероприятия", "Место, дата и время", "проведения", "Ответственный", "1", "2", "3",
                     "Проведение тематических занятий по теме: Право избирать.", "01.02.24", "Классные руководители",
                     "Викторина «Я — избиратель»", "15.02.24", "Учитель истории"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["01.02.24", "15.02.24"])
        #expect(plan.actions.map(\.section) == [nil, nil])
    }

    /// A copy whose cells each open with «|», a row's number on a line of its own and a «|»
    /// alone after its last cell; a cell goes on over lines without one («Отметка» / «о
    /// проведении мероприятия»).
    @Test func cellsOpenedByPipes() throws {
        let lines = ["№", "| Содержание мероприятия", "| Срок выполнения", "| Отметка", "о проведении мероприятия", "|",
                     "1", "| Контроль над проведением инструктажей по охране труда.", "Проверка ведения документации.", "| сентябрь",
                     "| Вынесение вопроса на заседание ПК", "|",
                     "2", "| Контроль над обеспечением работников спецодеждой.", "| март; ноябрь", "| Вынесение вопроса на заседание ПК", "|",
                     "3", "| Контроль над выполнением коллективного договора.", "| декабрь", "| Вынесение вопроса на заседание ПК", "|"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Контроль над проведением инструктажей по охране труда. Проверка ведения документации.",
                                              "Контроль над обеспечением работников спецодеждой.", "Контроль над выполнением коллективного договора."])
        #expect(plan.actions.map(\.deadline.text) == ["сентябрь", "март; ноябрь", "декабрь"])
        #expect(plan.actions.allSatisfy { $0.executors.isEmpty })
    }

    /// «1.1» under «Перечень заданий» numbers a task; a day and a month are «1.01», «01.01».
    @Test func anItemNumberReadsAsNoDate() {
        #expect(!FlattenedRowTable.readsAsDeadline("1.1"))
        #expect(!FlattenedRowTable.readsAsDeadline("2.3."))
        #expect(FlattenedRowTable.readsAsDeadline("1.01"))
        #expect(FlattenedRowTable.readsAsDeadline("01.09.2023"))
    }

    /// A sports school's year under its months across the table: days alone («1-10», «06», with
    /// the nought) are days of the month above them; «по назначению», a day the organisers
    /// will set, gets none and is flagged as pointing elsewhere.
    @Test func daysUnderTheirMonthAndDaysStillToBeSet() throws {
        let rows = [["№ п/п", "Наименование мероприятий", "Дата (сроки проведения)", "Место проведения", "Ответственный"],
                    ["ЯНВАРЬ", "ЯНВАРЬ", "ЯНВАРЬ", "ЯНВАРЬ", "ЯНВАРЬ"],
                    ["", "Первенство района по лыжным гонкам", "1-10", "г. Рыбинск", "Тренеры-преподаватели"],
                    ["", "Турнир по мини-футболу", "06", "с. Покров", "Тренеры-преподаватели"],
                    ["", "Кубок памяти МС Волнухина", "по назначению", "г. Рыбинск", "Тренеры-преподаватели"]]
        let plan = try PlanDocumentParser().parse(document(paragraphs: ["ПЛАН ФИЗКУЛЬТУРНЫХ И СПОРТИВНЫХ МЕРОПРИЯТИЙ", "на 2020 год"],
                                                           table: rows))
        #expect(plan.actions.map { $0.deadline.period?.first } == [CalendarDate(year: 2020, month: 1, day: 1),
                                                                  CalendarDate(year: 2020, month: 1, day: 6), nil])
        #expect(plan.actions[2].deadline.kind == .noDueDate)
        #expect(plan.warnings.contains { $0.kind == .deadlineElsewhere(text: "по назначению") })
    }

    /// A page made by software that writes dates month first («01/18/2024»): the rows that
    /// prove it say how the others («01/11/2024») are read; where the rows prove both orders,
    /// none of the undecided dates gets a day.
    @Test func datesWithSlashesAreReadInTheOrderThePlanProves() throws {
        let rows = [["Мероприятие", "Дата", "Ответственные"], ["Открытие декады", "01/08/2024", "Все учителя МО"],
                    ["Конкурс", "01/11/2024", "Маратулы Кадыр"], ["Закрытие декады", "01/18/2024", "Все учителя МО"]]
        let plan = try PlanDocumentParser().parse(document(paragraphs: ["Расписание декады"], table: rows))
        #expect(plan.actions.map { $0.deadline.period?.first } == [CalendarDate(year: 2024, month: 1, day: 8),
                                                                  CalendarDate(year: 2024, month: 1, day: 11),
                                                                  CalendarDate(year: 2024, month: 1, day: 18)])
        #expect(plan.actions.map(\.deadline.text) == ["01/08/2024", "01/11/2024", "01/18/2024"])
        var mixed = rows
        mixed[1][1] = "15/09/2024"
        let unsure = try PlanDocumentParser().parse(document(paragraphs: ["Расписание декады"], table: mixed))
        #expect(unsure.actions[1].deadline.kind == .unparsed)
        #expect(unsure.warnings.contains { $0.kind == .deadlineUnreadable(text: "01/11/2024") })
    }

    /// «С 28 марта 2011 г.» runs from its day to the end of its plan's year, whatever year that
    /// is: a deadline's cell, as «До 28 марта 2011 г.» above it; «с 2011 года выпускники», not.
    @Test func aStartWithoutEndInAYearOfItsOwnReadsAsADeadline() {
        #expect(FlattenedRowTable.readsAsDeadline("С 28 марта 2011 г."))
        #expect(FlattenedRowTable.readsAsDeadline("с 28.03.2011"))
        #expect(FlattenedRowTable.readsAsDeadline("С 1 сентября 2011 года"))
        #expect(CellRunTable.looksLikeDeadline("С 28 марта 2011 г."))
        #expect(!FlattenedRowTable.readsAsDeadline("Смотр-конкурс 2011 года"))
    }

    /// «1-я неделя», «первая неделя» in a deadline's cell: a week of a month named elsewhere,
    /// no date of its own (the parser flags it), but a deadline's cell, not an action's.
    @Test func aWeekOfAMonthLooksLikeADeadline() {
        for text in ["1-я неделя", "1 неделя", "первая неделя", "Третья неделя", "4-ая неделя"] {
            #expect(CellRunTable.looksLikeDeadline(text), "\(text)")
        }
        for text in ["Неделя безопасности", "неделя", "Первая неделя здоровья в школе"] {
            #expect(!CellRunTable.looksLikeDeadline(text), "\(text)")
        }
    }

    /// A day's plan whose «Время проведения» gives each row its hour in words («12 часов»),
    /// copied a paragraph a cell: an action of two paragraphs keeps both, and two times (or a
    /// day and an hour) are one deadline, not an executor.
    @Test func hoursInWordsStandInTheDeadlineColumn() throws {
        let lines = ["План праздничных мероприятий, посвященных Дню защиты детей", "п/п", "Наименование мероприятия", "Время проведения",
                     "Ответственные",
                     "1", "Открытие праздника.", " ", "10 часов", "Районный дом культуры",
                     "2", "Игровая программа «Остров сокровищ».", " ", "Концерт.", " ", "12 часов", "Центр детского творчества",
                     "3", "Игровая программа «Игры нашего детства»", " ", "Экскурсионная программа", "14 часов", " ", "с 10 до 15 часов",
                     "Краеведческий музей",
                     "4", "Детская дискотека", "1 июня", "15 часов", "Районный дом культуры"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Открытие праздника.", "Игровая программа «Остров сокровищ». Концерт.",
                                              "Игровая программа «Игры нашего детства» Экскурсионная программа", "Детская дискотека"])
        #expect(plan.actions.map { RussianText.collapsingWhitespace($0.deadline.text) }
                == ["10 часов", "12 часов", "14 часов с 10 до 15 часов", "1 июня 15 часов"])
        #expect(plan.actions.map { $0.executors.map(\.name) }
                == [["Районный дом культуры"], ["Центр детского творчества"], ["Краеведческий музей"], ["Районный дом культуры"]])
    }

    /// A camp's plan by «Дни», each day's cell its date and its theme: the date is the
    /// deadline, the theme heads the day's action; the rows keep in step.
    @Test func aCampsDaysWithTheirThemes() throws {
        let lines = ["План мероприятий оздоровительного лагеря", "Дни", "|", "Мероприятия", "|", "Ответственный", "|",
                     "27 марта 2017\nДень безопасности", "|", "1.Линейка, посвящённая открытию лагеря\n2.Спортивный час", "|",
                     "Директор лагеря Воспитатели", "|",
                     "28 марта 2017\nДень детской книги", "|", "1.Утренник «Книга - друг»\n2.Мультлото", "|", "Педагог-организатор", "|"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["27 марта 2017", "28 марта 2017"])
        #expect(plan.actions.map { $0.title.hasPrefix("День безопасности: 1.Линейка") || $0.title.hasPrefix("День детской книги: 1.Утренник") }
                == [true, true])
    }

    /// A camp's day in figures over its name and motto, several lines with a number in them:
    /// the day is the deadline; a cell of two dates is not a day and its name.
    @Test func aCampsDayOverItsNameAndMotto() throws {
        let lines = ["с 01.06.2022 по 21.06.2022", "Дата", "|", "Мероприятия", "|", "Ответственный", "|",
                     "01.06.\n«Здравствуй,\nлагерь!»\nдевиз дня «Здравствуй, лагерь. Здравствуй, друг»", "|", "Игра «Азбука безопасности»", "|", "Литвинчик Т.И.", "|",
                     "03.06.\n«В нашем доме не скучают»\nдевиз дня\n«Мы врубаем 220! Мы всегда под напряженьем»", "|", "Конкурс рисунков", "|", "Серко А.Е.", "|"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["01.06.", "03.06."])
        #expect(plan.actions.map(\.deadline.period?.first) == [CalendarDate(year: 2022, month: 6, day: 1), CalendarDate(year: 2022, month: 6, day: 3)])
        #expect(plan.actions.first?.title.hasPrefix("«Здравствуй, лагерь!» девиз дня") == true)
        #expect(PlanReading.dayAndNamedDay(["01.06.", "«Открытие»", "девиз дня: до 05.06 сдать"]) == nil)
        #expect(PlanReading.dayAndNamedDay(["01.06.", "Открытие смены", "Игры"]) == nil)
        #expect(PlanReading.dayAndNamedDay(["сентябрь", "«Открытие»", "девиз дня"]) == nil)
        let long = "01.06.\n«Открытие»\nдевиз дня «" + String(repeating: "ура ", count: 120) + "»"
        #expect(PlanReading.dayAndTheme(long) == nil, "a cell of more than 400 characters is no day's name")
    }

    /// A task's cell merged down rows that each have their own month and executor, copied a
    /// cell a «|»: each such row is the task again at its own time. «Мартынюк Л.А.» opens with
    /// «март» and is no month.
    @Test func rowsUnderATaskMergedDownThem() throws {
        let lines = ["№ |", "Задание |", "Период выполнения |", "Ответственный |", "Описание |",
                     "5.1 |", "Подготовка информационного материала для родителей |", "Сентябрь |", "Маманович А.А. |", "Памятки |",
                     "Октябрь |", "Мартынюк Л.А. |", "Буклет «Советы» |", "||",
                     "Ноябрь |", "Майорова Т.Н. |", "Листовка |", "||",
                     "5.2 |", "Экологический праздник |", "Май |", "Маманович А.А. |", "Праздник |"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["Сентябрь", "Октябрь", "Ноябрь", "Май"])
        #expect(plan.actions.map(\.title) == ["Подготовка информационного материала для родителей", "Подготовка информационного материала для родителей",
                                              "Подготовка информационного материала для родителей", "Экологический праздник"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Маманович А.А."], ["Мартынюк Л.А."], ["Майорова Т.Н."], ["Маманович А.А."]])
        #expect(!CellRunTable.looksLikeDeadline("Мартынюк Л.А.") && !CellRunTable.looksLikeDeadline("Майорова Т.Н."))
        #expect(CellRunTable.looksLikeDeadline("Март 2024") && CellRunTable.looksLikeDeadline("мая"))
    }

    /// A numbered section after the rows of the one before («2. Поддержка учителей» after
    /// «1.3»): the rows «2.1», «2.2» under it follow its number, not 1.3's.
    @Test func rowsNumberedUnderTheSecondSection() throws {
        let lines = ["N |", "Наименование мероприятия |", "Срок проведения |", "Ответственные исполнители |",
                     "1. Организационные мероприятия |", "1.1. |", "Встреча со студентами |", "февраль |", "Министерство образования |",
                     "1.2. |", "Открытие аллеи |", "август |", "Администрация города |",
                     "2. Поддержка учителей-лидеров |", "2.1. |", "Конкурсная поддержка учителей |", "март-август |", "Министерство образования |",
                     "2.2. |", "Республиканский этап конкурса |", "сентябрь |", "Министерство образования |"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["февраль", "август", "март-август", "сентябрь"])
        #expect(plan.actions.map(\.section) == ["1. Организационные мероприятия", "1. Организационные мероприятия",
                                                "2. Поддержка учителей-лидеров", "2. Поддержка учителей-лидеров"])
    }

    /// A flattened row of two items, each with its «до» date: both dates are the row's
    /// deadline, the first «До» no part of the action.
    @Test func aFlattenedRowWithTwoDueDates() throws {
        let lines = ["N п/п Мероприятия Сроки Ответственные",
                     "1 Определение участников, составление списков До 28.04.06 Кулешова Р.В.",
                     "2 Подготовка торжественной части Подготовка выступающих До 28.04.06 До 05.05.06 Кулешова Р.В. Сазонова Е.В."]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["До 28.04.06", "До 28.04.06 До 05.05.06"])
        #expect(plan.actions[1].title == "Подготовка торжественной части Подготовка выступающих")
    }

    @Test func aFlattenedPeriodThatLostItsDashStaysWhole() throws {
        let lines = ["План мероприятий к 1150-летию российской государственности",
                     "NN пп Наименование мероприятия Сроки проведения Ответственный исполнитель",
                     "1 2 3 4",
                     "1 Конкурс исследовательских работ, посвященных 1812 году 25 января 25 апреля 2012 года Департамент общего образования",
                     "2 Областной этап конкурса методических материалов Февраль 2012 года Департамент общего образования"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["25 января 25 апреля 2012 года", "Февраль 2012 года"])
        #expect(plan.actions[0].title == "Конкурс исследовательских работ, посвященных 1812 году")
    }

    /// Rows flattened a line each with the deadline first, and columns between the action and
    /// the executors that no border separates any more (the place, the participants): the
    /// persons that end the line are the executors, the words before them the action. A
    /// plan with no year may end a period on 29 February.
    @Test func flattenedRowsWhoseDeadlineComesFirst() throws {
        let lines = ["План мероприятий месячника гражданственности и патриотизма (01.02-29.02)",
                     "Сроки проведения Название мероприятия Место проведения Участники Ответственный",
                     "28.01 Размещение информации о месячнике Сайт, стенды I-XI, родители Демосюк О.К., Гордейчик О.Н.",
                     "01.02-08.02 Участие в районном конкурсе творческих работ ЦТДМ г.Пружаны VБ, IXБ Книга Г.П., Бильдейко Н.И.",
                     "01.02-29.02 Акция «Открытка ветерану» Гимназия V-XI И.И. Петрова"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["28.01", "01.02-08.02", "01.02-29.02"])
        #expect(plan.actions[0].title.hasPrefix("Размещение информации о месячнике"))
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Демосюк О.К.", "Гордейчик О.Н."],
                                                                  ["Книга Г.П.", "Бильдейко Н.И."], ["И.И. Петрова"]])
        #expect(plan.actions.allSatisfy { $0.executors.allSatisfy { $0.kind == .personRole } })
    }

    /// Cells between «|» on lines that do not follow the rows; «1. | Организационные
    /// мероприятия» with «1.1.» below it heads a section.
    @Test func aStreamOfPipeSeparatedCellsWithNumberedSubsections() throws {
        let lines = ["Перечень мероприятий по подготовке к ГИА-9",
                     "№ п/п | Мероприятия | Сроки проведения | Ответственные исполнители | 1. | Организационные мероприятия |",
                     "| | 1.1. | Распределение функций | до 25 ноября 2023г. | Министерство | 1.2. | Утверждение схемы",
                     "проведения ГИА-9 | до 25 ноября 2023г. | Министерство | 2. | Информационная работа | | 2.1. | Горячая линия | в течение года | Министерство |"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Распределение функций", "Утверждение схемы проведения ГИА-9", "Горячая линия"])
        #expect(plan.actions.map(\.section) == ["1. Организационные мероприятия", "1. Организационные мероприятия", "2. Информационная работа"])
    }

    @Test(arguments: [("2", "1", true), ("1.2", "1.1", true), ("2", "1.3", true), ("1.1", "1", true), ("1", "3", true),
                      ("25.04.13.", "2.", false), ("5", "2", false), ("1.3", "2", false)])
    func rowNumbersFollowEachOther(_ next: String, _ last: String, _ follows: Bool) {
        #expect(CellRunTable.follows(next, CellRunTable.levels(last)) == follows)
    }

    @Test func cellsEndingWithAPipeWithoutANumberColumn() throws {
        let lines = ["Мероприятие |", "Дата проведения |", "Ответственные |",
                     "Линейка памяти |", "8 мая 2024 |", "Классные руководители |",
                     "Акция «Бессмертный полк» |", "9 мая 2024 |", "МАОУ СОШ № 5 |"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Линейка памяти", "Акция «Бессмертный полк»"])
        #expect(plan.actions.map(\.deadline.period?.first.iso) == ["2024-05-08", "2024-05-09"])
    }

    /// «||» or «|||||» alone on a line (a row's empty cells, a filler under a section) is no
    /// paragraph of the copy, only a gap in its lines: it ends the row. The number's cell is
    /// a «|» alone, or missing.
    @Test func linesOfPipesAloneEndRowsWhoseNumberCellsAreBlankOrMissing() throws {
        let lines = ["№ п/п |", "Содержание мероприятия |", "Срок исполнения |", "Исполнители |", "||",
                     "1. Общие организационные мероприятия |", "|||||",
                     "|", "Размещение информации на сайте |", "сентябрь, далее – постоянно |", "заместитель директора |", "||",
                     "|", "Мониторинг состояния здоровья |", "до 09.09.2024 |", "классные руководители, педагог социальный |", "||",
                     "Ознакомление педагогов с проектом |", "сентябрь |", "заместитель директора |", "|||",
                     "Проведение соцопроса |", "октябрь |", "классные руководители |", "|||"]
        // The text reader leaves out lines of «|» alone: what the parser sees are gaps.
        let document = SourceDocument(name: "web.txt", blocks: lines.enumerated().compactMap { index, line in
            line.allSatisfy { $0 == "|" } && line.count > 1 ? nil : .paragraph(line, location: SourceLocation(line: index + 1))
        })
        let plan = try PlanDocumentParser().parse(document)
        #expect(plan.actions.map(\.title) == ["Размещение информации на сайте", "Мониторинг состояния здоровья",
                                              "Ознакомление педагогов с проектом", "Проведение соцопроса"])
        #expect(plan.actions.map(\.deadline.text) == ["сентябрь, далее – постоянно", "до 09.09.2024", "сентябрь", "октябрь"])
        #expect(Set(plan.actions.map(\.section)) == ["1. Общие организационные мероприятия"])
    }

    /// «Место и время проведения» after the executors: «в течение недели» there is the place's
    /// column, not a second deadline run into the first; an hour still joins the day.
    @Test func aTimeAfterTheExecutorsStaysInItsColumn() throws {
        let lines = ["План недели экологии", "№/п", "Наименование мероприятия", "Дата проведения", "Ответственные", "Место и время",
                     "1.", "Конкурс поделок из бросового материала", "12.02.-17.02.2018", "Акулич Е.Г.", "каб. № 201", "в течение недели",
                     "2.", "Беседа о глобальных экологических проблемах", "13.02.2018", "Акулич Е.Г.", "каб. № 202", "11.10",
                     "3.", "Акция «Накормите птиц зимой»", "16.02.2018", "Зайцева Г.Н.", "Территория колледжа", "14.00"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text.first) == ["1", "1", "1"])
        #expect(plan.actions[0].deadline.text == "12.02.-17.02.2018")
        #expect(plan.actions.filter(\.deadline.isParsed).count == 3)
    }

    /// Cells between lines of «|», the header's last column «Примечание» never filled and its
    /// empty cells left out of the copy: the rows are read without it, and a row of one cell
    /// spans the table as a section.
    @Test func aRemarksColumnTheCopyLeftOutIsReadWithout() throws {
        let lines = ["План проведения школьного дня", "Наименование мероприятия", "|", "Время и место проведения", "|",
                     "Ответственный", "|", "Примечание", "|",
                     "Школьные и классные мероприятия", "|",
                     "Работа школы раннего развития", "|", "10.00", "|", "Волчанина Т.В.", "|",
                     "Мастер-класс «Подарок маме»", "|", "11.00", "104 кабинет", "|", "Гапанович Э.О.", "|",
                     "Математический квест", "|", "10.00", "227 кабинет", "|", "Гиль И.Н.", "|"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Работа школы раннего развития", "Мастер-класс «Подарок маме»", "Математический квест"])
        #expect(plan.actions.map { $0.deadline.text.prefix(5) } == ["10.00", "11.00", "10.00"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Волчанина Т.В."], ["Гапанович Э.О."], ["Гиль И.Н."]])
        #expect(Set(plan.actions.map(\.section)) == ["Школьные и классные мероприятия"])
    }

    /// «Мероприятия | Время проведения | Исполнители | Отметка о выполнении» over rows that
    /// name no executor and mark nothing: the copy kept an action and an hour a row. Read by
    /// the header's width, each row would take the next action for its executor; read without
    /// the two columns no row fills, each action keeps its hour.
    @Test func columnsNoRowFillsAreReadWithout() throws {
        let lines = ["Программа праздника", "Мероприятия", "|", "Время проведения", "|", "Исполнители", "|", "Отметка о выполнении", "|",
                     "оргмомент, подготовка к празднику", "|", "8:30", "|",
                     "торжественное открытие праздника", "|", "9:00", "|",
                     "выступление агитбригад классов", "|", "10:15", "|",
                     "игры, конкурсы, спортивные мероприятия", "|", "11:30 – 12:30", "|",
                     "подведение итогов конкурсов", "|", "12:45", "|",
                     "чаепитие в классах", "|", "12:55"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["оргмомент, подготовка к празднику", "торжественное открытие праздника",
                                              "выступление агитбригад классов", "игры, конкурсы, спортивные мероприятия",
                                              "подведение итогов конкурсов", "чаепитие в классах"])
        #expect(plan.actions.map(\.deadline.text) == ["8:30", "9:00", "10:15", "11:30 – 12:30", "12:45", "12:55"])
        #expect(plan.actions.allSatisfy { $0.executors.isEmpty })
    }

    /// A copy one cell a line of a plan that names no executors, its days written with the
    /// place after them («6 мая, Сясьстрой, гражданское кладбище»): each is the row's deadline,
    /// not the executors' cell the copy left out; a day heading the rows under it («27 мая
    /// 2024 г. Праздничные мероприятия») stays a heading.
    @Test func aDayWithItsPlaceIsTheDeadlineOfARowWithoutExecutors() throws {
        let lines = ["План", "№", "|", "Виды работ", "|", "Дата проведения", "|", "Ответственный исполнитель", "|",
                     "1)", "|", "Благоустройство могилы почетного жителя г. Сясьстрой Подлесного А.П.", "|",
                     "6 мая, Сясьстрой, гражданское кладбище, ул. Петрозаводская, №1е", "|",
                     "2)", "|", "Линейка Памяти в рамках празднования Дня победы", "|", "2 мая, МОБУ «Сясьстройская СОШ №2»", "|",
                     "3)", "|", "Игра-викторина «Герои великих времён»", "|", "2 мая 2024 в 14:45 коворкинг центр «Атмосфера»", "|",
                     "4)", "|", "Спортивные эстафеты, посвященные празднованию Дня Победы", "|", "7 мая 2024 года", "|",
                     "5)", "|", "Торжественный митинг в рамках «Вахты Памяти»", "|", "8 мая 2024, Памятник-мемориал «70 лет Победы»", "|"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == [
            "6 мая, Сясьстрой, гражданское кладбище, ул. Петрозаводская, №1е", "2 мая, МОБУ «Сясьстройская СОШ №2»",
            "2 мая 2024 в 14:45 коворкинг центр «Атмосфера»", "7 мая 2024 года", "8 мая 2024, Памятник-мемориал «70 лет Победы»",
        ])
        #expect(plan.actions.allSatisfy { $0.executors.isEmpty })
        #expect(CellRunTable.looksLikeDeadline("26 апреля, Сясьстрой, ул. Ленина №82е"))
        #expect(!CellRunTable.looksLikeDeadline("27 августа 2020 г. Учебно-методические сборы кафедр факультета"))
    }

    /// A day's programme one cell a line under days with their themes, its hours written with
    /// a dash («9-00»), no executor named: each hour is its row's deadline under its day.
    @Test func hoursWrittenWithADashUnderDaysAreTheDeadlines() throws {
        let lines = ["План", "N п/п", "|", "Мероприятия", "|", "Период", "|", "Исполнители", "|",
                     "20 апреля «Ярцево – территория Добра»", "|",
                     "1", "|", "Открытие «Весенней Недели Добра» (образовательные организации района)", "|", "9-00", "|",
                     "2", "|", "Игровая программа для детей дошкольного возраста «Дорогою добра»", "|", "11-00", "|",
                     "3", "|", "Районное открытие «Весенней Недели Добра»", "|", "14-30", "|",
                     "21 апреля «Фашизм не пройдет!»", "|",
                     "4", "|", "Уборка, реставрация памятников", "|", "В течение дня", "|",
                     "5", "|", "Круглый стол для старшеклассников «Ксенофобия или толерантность?»", "|", "15-00", "|"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["9-00", "11-00", "14-30", "В течение дня", "15-00"])
        #expect(plan.actions.allSatisfy { $0.executors.isEmpty })
        #expect(CellRunTable.looksLikeDeadline("01/08/2024"))
        #expect(!CellRunTable.looksLikeDeadline("5-11"))
    }

    /// A copy one cell a line of a table without row numbers whose first action names a
    /// column's stem («Разработка показателей …», «показатель» a result's heading): the header
    /// ends before it, since its deadline follows where a row's stands.
    @Test func aFirstActionThatNamesAHeadingIsTheFirstRow() throws {
        let lines = ["План", "Мероприятия", "|", "Период", "|", "Исполнители", "|",
                     "Разработка показателей критериев конкурсного отбора", "|", "до 04.02.2009", "|", "Члены оргкомитета", "|",
                     "Подготовка руководителями ДОУ конкурсных материалов", "|", "01.03 - 30.05.2009", "|", "Руководители ДОУ", "|",
                     "Прием конкурсных материалов ДОУ", "|", "01.06 - 08.06.2009", "|", "Члены оргкомитета, методисты АРИПК", "|"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Разработка показателей критериев конкурсного отбора",
                                              "Подготовка руководителями ДОУ конкурсных материалов", "Прием конкурсных материалов ДОУ"])
        #expect(plan.actions.map(\.deadline.text) == ["до 04.02.2009", "01.03 - 30.05.2009", "01.06 - 08.06.2009"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Члены оргкомитета"], ["Руководители ДОУ"],
                                                                  ["Члены оргкомитета", "методисты АРИПК"]])
    }

    /// A plan's stage with its period between numbered rows of a copy one cell a line whose
    /// executors' cells were all empty: it heads the rows below, it is no row's executor.
    @Test func aStageBetweenRowsWithoutExecutorsHeadsTheRowsBelow() throws {
        let lines = ["План", "№ п/п", "|", "Наименование мероприятия", "|", "Срок исполнения", "|", "Ответственные", "|",
                     "1 этап (подготовительный): август 2016 г.", "|",
                     "1.", "|", "Формирование команды площадки молодых педагогов", "|", "05 августа - 05 сентября", "|",
                     "2.", "|", "Создание нормативно-правовой базы", "|", "до 30 августа", "|",
                     "2 этап (практический): сентябрь – декабрь 2016 г.", "|",
                     "1.", "|", "Организация повышения квалификации работников гимназии", "|", "до 20 декабря", "|",
                     "2.", "|", "Проведение педагогической ассамблеи", "|", "1-2 ноября", "|"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["05 августа - 05 сентября", "до 30 августа", "до 20 декабря", "1-2 ноября"])
        #expect(plan.actions.allSatisfy { $0.executors.isEmpty })
        #expect(plan.actions.map(\.section) == ["1 этап (подготовительный): август 2016 г.", "1 этап (подготовительный): август 2016 г.",
                                                 "2 этап (практический): сентябрь – декабрь 2016 г.",
                                                 "2 этап (практический): сентябрь – декабрь 2016 г."])
        // The stages' periods give the rows their year.
        #expect(plan.actions.map { $0.deadline.period?.last.year } == [2016, 2016, 2016, 2016])
        let sections = ["I. Подготовительный этап", "|", "1.", "|", "Формирование команды площадки", "|", "август 2016", "|",
                        "II. Практический этап", "|", "1.", "|", "Организация повышения квалификации", "|", "до 20 декабря", "|"]
        let parted = try PlanDocumentParser().parse(paragraphs(Array(lines.prefix(9)) + sections))
        #expect(parted.actions.allSatisfy { $0.executors.isEmpty })
        #expect(parted.actions.map(\.section) == ["I. Подготовительный этап", "II. Практический этап"])
    }

    /// A month in capitals after a row that left its form's cell empty (so one cell short of
    /// the header) but holds its deadline: the month heads the rows below, it is no cell of
    /// the row before.
    @Test func aMonthAfterARowOneCellShortHeadsTheRowsBelow() throws {
        let lines = ["ПЛАН СПОРТИВНЫХ МЕРОПРИЯТИЙ на 2020 год", "№", "|", "Мероприятия", "|", "Ответственный исполнитель", "|",
                     "Форма отчётности", "|", "Срок исполнения", "|", "ЯНВАРЬ", "|",
                     "1)", "|", "Лыжные гонки - Спартакиада муниципальных образований", "|", "Лобанов С.В.", "|", "по назначению", "|",
                     "2)", "|", "Фестиваль ГТО в каждое село", "|", "Захарова Л.А.", "|", "25 января", "|",
                     "ФЕВРАЛЬ", "|",
                     "1)", "|", "Футбол - Кубок по мини-футболу", "|", "Джалилов С.А.", "|", "по назначению", "|",
                     "2)", "|", "Первенство района по волейболу", "|", "Джалилов С.А.", "|", "15 февраля", "|"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["по назначению", "25 января", "по назначению", "15 февраля"])
        #expect(plan.actions.map(\.section) == ["ЯНВАРЬ", "ЯНВАРЬ", "ФЕВРАЛЬ", "ФЕВРАЛЬ"])
    }

    /// «№ | Мероприятия | Ответственный исполнитель | Форма отчётности | Срок» whose rows give
    /// no form: each numbered row holds its number, action, executor and deadline, the
    /// deadline where the form should be. Read without the form's column, and a row whose
    /// deadline opens with a date and goes on with the hour and the place keeps it whole.
    @Test func aMiddleColumnNoRowFillsIsReadWithout() throws {
        let lines = ["План", "№", "|", "Мероприятия", "|", "Ответственный исполнитель", "|", "Форма отчётности", "|", "Срок", "|",
                     "26.12.2023", "|",
                     "1)", "|", "Построение, перекличка", "|", "Начальник лагеря Дудова С.В.", "|", "26.12.2023, 8.00-8.05 – холл школы", "|",
                     "2)", "|", "Инструктаж по правилам безопасности", "|", "Воспитатели", "|", "26.12.2023, 8.05-8.15 – игровая", "|",
                     "3)", "|", "Концертная программа «Зимняя сказка»", "|", "Педагог-организатор Губар Е.С.", "|", "26.12.2023, 11.40-12.40", "|",
                     "27.12.2023", "|",
                     "1)", "|", "Инструктаж «Засветись на дороге»", "|", "Воспитатели", "|", "27.12.2023, 8.00-8.15 – игровая", "|",
                     "2)", "|", "Поход в кинотеатр", "|", "Воспитатели", "|", "27.12.2023, 10.00-12.00 – кинотеатр «Октябрь»", "|"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["26.12.2023, 8.00-8.05 – холл школы", "26.12.2023, 8.05-8.15 – игровая",
                                                      "26.12.2023, 11.40-12.40", "27.12.2023, 8.00-8.15 – игровая",
                                                      "27.12.2023, 10.00-12.00 – кинотеатр «Октябрь»"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Начальник лагеря Дудова С.В."], ["Воспитатели"],
                                                                  ["Педагог-организатор Губар Е.С."], ["Воспитатели"], ["Воспитатели"]])
        #expect(plan.actions.map(\.section) == ["26.12.2023", "26.12.2023", "26.12.2023", "27.12.2023", "27.12.2023"])
    }

    /// «№ | Срок | Мероприятия | Ответственный» with a row that gives no deadline: the copy
    /// kept its number, its action and its executor. The action stays the action, not the
    /// deadline of a row with none; a short text there («В конце марта») is still its deadline.
    @Test func aRowWithoutItsDeadlineBeforeTheAction() throws {
        let lines = ["План", "№", "|", "Срок", "|", "Мероприятия", "|", "Ответственный", "|",
                     "1)", "|", "Первый квартал 2012 года", "|", "Разработка комплекса мер по модернизации системы общего образования", "|",
                     "Комитет по образованию", "|",
                     "2)", "|", "Согласование на подписание Соглашения между министерством и администрацией района", "|",
                     "Комитет по образованию", "|",
                     "3)", "|", "В конце марта", "|", "Отчёт о выполнении", "|", "Руководители ОУ", "|"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Разработка комплекса мер по модернизации системы общего образования",
                                              "Согласование на подписание Соглашения между министерством и администрацией района",
                                              "Отчёт о выполнении"])
        #expect(plan.actions.map(\.deadline.text) == ["Первый квартал 2012 года", "", "В конце марта"])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Комитет по образованию"], ["Комитет по образованию"], ["Руководители ОУ"]])
    }

    /// The drop is not made where the column holds what it names: «Участники» («Учащиеся,
    /// педагоги, родители») between the action and the deadline stays its own.
    @Test func aColumnOfItsOwnContentIsKept() throws {
        let lines = ["План", "Наименование мероприятия", "|", "Участники", "|", "Срок проведения", "|", "Ответственные", "|",
                     "Конкурс рисунков «Защитники Отечества»", "|", "Учащиеся 1-6 классов", "|", "Январь - февраль", "|", "Учитель ИЗО", "|",
                     "Знакомство с планом мероприятий года", "|", "Педагоги", "|", "Январь 2025", "|", "Зам. директора по ВР", "|",
                     "Общешкольная линейка", "|", "Учащиеся, педагоги, родители", "|", "до 15 января", "|", "Классные руководители", "|"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Конкурс рисунков «Защитники Отечества»", "Знакомство с планом мероприятий года", "Общешкольная линейка"])
        #expect(plan.actions.map(\.deadline.text) == ["Январь - февраль", "Январь 2025", "до 15 января"])
    }

    /// A paragraph a cell, no «|», no row numbers, and cells of several paragraphs: an action
    /// in three, two executors, a deadline broken in two. Read from the deadlines, each
    /// row's executors end where a text that names nobody starts the next action.
    @Test func cellsOfSeveralParagraphsAreReadFromTheirDeadlines() throws {
        let lines = ["№ п/п", "Наименование мероприятия", "Дата проведения", "Ответственные",
                     "Подготовка и утверждение плана месячника по наведению порядка", "01.10.2018", "Попова И.А.", "Шолтанюк Л.В.",
                     "Организация и проведение акций:", "«Школьный двор – наша забота»", "«Чистая школа»", "02.10 -", "31.10",
                     "Шолтанюк Л.В.", "классные руководители",
                     "Акция «Забота»", "03.10", "10.10", "Симоновец Т.И.",
                     "Операция по сбору металлолома"]
        // A blank line between paragraphs, as Word's table flattened to text has them.
        let document = SourceDocument(name: "web.txt", blocks: lines.enumerated().map {
            .paragraph($1, location: SourceLocation(line: 2 * $0 + 1))
        })
        let plan = try PlanDocumentParser().parse(document)
        #expect(plan.actions.map(\.title) == ["Подготовка и утверждение плана месячника по наведению порядка",
                                              "Организация и проведение акций: «Школьный двор – наша забота» «Чистая школа»",
                                              "Акция «Забота»", "Операция по сбору металлолома"])
        #expect(plan.actions.map(\.deadline.text) == ["01.10.2018", "02.10 - 31.10", "03.10 10.10", ""])
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Попова И.А.", "Шолтанюк Л.В."],
                                                                  ["Шолтанюк Л.В.", "классные руководители"],
                                                                  ["Симоновец Т.И."], []])
    }

    /// No table and no numbers: a programme whose items open with their hour, or a plan's
    /// paragraphs that open with their day. The first line that opens with none ends the list;
    /// without a title naming a plan or a programme, dated news stays prose.
    @Test func listsWhoseItemsOpenWithTheirDayOrHour() throws {
        let programme = ["25 февраля состоится школьный праздник «Широкая Масленица».", "Программа праздника:",
                         "8:30 - оргмомент, подготовка к празднику;", "9:00 - торжественное открытие праздника;",
                         "11:30 – 12:30 игры, конкурсы, спортивные мероприятия;", "12:30 -перетягивание каната;",
                         "Приглашаем всех на праздник!"]
        let day = try PlanDocumentParser().parse(paragraphs(programme))
        #expect(day.actions.map(\.deadline.text) == ["8:30", "9:00", "11:30 – 12:30", "12:30"])
        #expect(day.actions.map(\.title) == ["оргмомент, подготовка к празднику", "торжественное открытие праздника",
                                             "игры, конкурсы, спортивные мероприятия", "перетягивание каната"])

        let plan = ["План мероприятий, проводимых", "с 23.04.2018 по 28.04.2018 г.",
                    "27 апреля 2018 года на базе станции юных натуралистов будет проведен конкурс школьников.",
                    "28 апреля 2018 года в объединении «Зеленое царство» будет проведена игра «Поле чудес»."]
        let read = try PlanDocumentParser().parse(paragraphs(plan))
        #expect(read.actions.map(\.deadline.period?.first.iso) == ["2018-04-27", "2018-04-28"])

        let news = ["Новости школы", "27 апреля 2018 года прошёл конкурс школьников.", "28 апреля 2018 года состоялась игра «Поле чудес»."]
        #expect(throws: PlanParseError.self) { try PlanDocumentParser().parse(paragraphs(news)) }
    }

    /// A week's schedule with no title naming a plan: days named alone head the hours under
    /// them, and the line after an item that names who answers for it is its executors.
    @Test func aScheduleByDaysWithTheResponsibleUnderEachItem() throws {
        let week = ["НЕДЕЛЯ ЗДОРОВЬЯ", "Цель: укрепление здоровья воспитанников.",
                    "Пятница 21 сентября 2012 г.", "11.30 Линейка, посвященная открытию Недели Здоровья.",
                    "Ответственная Акимова Е.В. Дмитриев К.П.", "12.10 Урок Здоровья в 5-9 классах",
                    "Проводят классные руководители.", "Ответственный: Сотникова Н.П.",
                    "Суббота 22 сентября 2012 г.", "11.30 «Веселые старты» 3-4 классы",
                    "Ответственные: Дмитриев К.П., классные руководители 3-4 классов.",
                    "Приглашаем всех!"]
        let plan = try PlanDocumentParser().parse(paragraphs(week))
        #expect(plan.actions.map(\.title) == ["Линейка, посвященная открытию Недели Здоровья", "Урок Здоровья в 5-9 классах",
                                              "«Веселые старты» 3-4 классы"])
        #expect(plan.actions.map(\.section) == ["Пятница 21 сентября 2012 г.", "Пятница 21 сентября 2012 г.", "Суббота 22 сентября 2012 г."])
        #expect(plan.actions.map(\.deadline.period?.first.iso) == ["2012-09-21", "2012-09-21", "2012-09-22"])
        #expect(plan.actions[1].executors.map(\.name).contains("Сотникова Н.П."))
        #expect(plan.actions[2].executors.map(\.name).contains("Дмитриев К.П."))

        // A day and one hour under it is no list; news under days stays prose.
        let news = ["Пятница 21 сентября", "11.30 Прошла линейка.", "Все молодцы."]
        #expect(throws: PlanParseError.self) { try PlanDocumentParser().parse(paragraphs(news)) }
    }

    /// Days headed with their theme in quotes, hours written with a dash («9-00 –»), and lines
    /// with no hour between a day's items: on that day («В течение дня …» all day long).
    @Test func aScheduleWhoseDaysHaveThemesAndWhoseHoursHaveDashes() throws {
        let week = ["«Город добра»", "20 апреля «Город добра»", "9-00 – Открытие Недели Добра (школы района);",
                    "11-00 – Игровая программа «Дорогою добра» (центр культуры);",
                    "21 апреля «Фашизм не пройдет!»", "В течение дня уборка памятников – школы;",
                    "Уроки мужества (классные часы в школах);", "15-00 - круглый стол для старшеклассников (СОШ №4);",
                    "22 апреля «Здоро"]
        let plan = try PlanDocumentParser().parse(paragraphs(week))
        #expect(plan.actions.map(\.deadline.text) == ["9-00", "11-00", "В течение дня", "21 апреля", "15-00"])
        #expect(plan.actions.map(\.section) == ["20 апреля «Город добра»", "20 апреля «Город добра»", "21 апреля «Фашизм не пройдет!»",
                                                "21 апреля «Фашизм не пройдет!»", "21 апреля «Фашизм не пройдет!»"])
        #expect(plan.actions[3].title == "Уроки мужества (классные часы в школах)")

        // A sentence with no hour that nothing dated follows ends the list.
        let news = ["20 апреля «Город добра»", "9-00 – Открытие Недели Добра;", "11-00 – Игровая программа;",
                    "Приглашаем всех жителей города принять участие!"]
        #expect(try PlanDocumentParser().parse(paragraphs(news)).actions.count == 2)
    }

    @Test func proseWithoutAHeaderRunIsStillRefused() {
        #expect(throws: PlanParseError.noPlanTable(file: "web.txt", reason: "the document is prose only")) {
            try PlanDocumentParser().parse(paragraphs(["Мероприятия прошли успешно.", "Сроки соблюдены.", "Ответственные отметили всех."]))
        }
    }

    /// A copy of a PDF whose columns came out one after another, run together on one line
    /// (docs/4901), or a web page's cells run together without a space (docs/2602): no row can
    /// be told apart, and the refusal says the copy lost the table's layout, naming the headings
    /// it found, rather than that the document is prose.
    @Test func aCopyThatLostItsTablesLayoutIsSaidSo() {
        let scrambled = "Утверждаю: Директор ПЛАН РАБОТЫ на 2013-2014 учебный год № 1 2 Мероприятия Сроки проведения Дети Уроки "
            + "по медиабезопасности в рамках Раз в четверть курса ОБЖ. Конкурс буклетов по Сентябрь медиабезопасности. 3 4 5 6 "
            + "Ответственные Сафина Х.Г. Яковлев Н.Н. Октябрь Март Классные руководители"
        #expect(throws: PlanParseError.layoutLost(file: "web.txt", headings: ["Мероприятия", "Сроки проведения", "Ответственные"])) {
            try PlanDocumentParser().parse(paragraphs([scrambled]))
        }
        let glued = ["ПЛАН мероприятий по профилактике инфекций", "№ п/пНаименование мероприятияСрок выполненияОтветственные исполнители",
                     "1Продолжить информационно-разъяснительную работу среди сотрудников учрежденияпостоянномедицинский персонал"]
        #expect(PlanDocumentParser.headingsOfALostTable(glued) == ["Наименование мероприятия", "Срок выполнения", "Ответственные исполнители"])
        #expect(PlanDocumentParser.headingsOfALostTable(["Мероприятия прошли успешно.", "Сроки соблюдены."]) == nil)
        #expect(PlanParseError.layoutLost(file: "a.txt", headings: ["Мероприятия", "Сроки"]).description
            .contains("the copy lost the table's layout"))
    }

    /// «п/п | Мероприятия и изучаемые вопросы | Ответственный | Частота проведения | Отметка
    /// о выполнении» copied a paragraph a cell: «Частота проведения» heads the deadlines, and
    /// the action's second sentence, before the post and the person, is the action's (2002).
    @Test func aFrequencyColumnAfterTheExecutors() throws {
        #expect(PlanColumn(header: "Частота проведения") == .deadline)
        let lines = ["План работы бракеражной комиссии", "п/п", "Мероприятия и изучаемые вопросы", "Ответственный", "Частота", "проведения",
                     "Отметка о выполнении",
                     "1", "Разработка плана работы бракеражной комиссии и его утверждение.",
                     "Изучение нормативных документов и рекомендаций по организации питания воспитанников в учреждении дошкольного образования",
                     "Зам.зав.по ОД", "Е.В.Алисиевич", "Сентябрь",
                     "2", "Подготовка овощехранилища к закладке овощей на зиму.", "Заготовка овощей на зимний период.",
                     "Кладовщик Е.В.Воробьева", "Октябрь",
                     "3", "Контроль за выдачей сырья.", "Повара,члены бракеражной комиссии,медработник", "постоянно"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["Сентябрь", "Октябрь", "постоянно"])
        #expect(plan.actions.map(\.title) == [
            "Разработка плана работы бракеражной комиссии и его утверждение. Изучение нормативных документов и рекомендаций по организации питания воспитанников в учреждении дошкольного образования",
            "Подготовка овощехранилища к закладке овощей на зиму. Заготовка овощей на зимний период.",
            "Контроль за выдачей сырья.",
        ])
        #expect(plan.actions[1].executors.map(\.name) == ["Кладовщик Е.В.Воробьева"])
    }

    /// «1. |» / «Разработка … |» / «июль |» with no header at all, under sections that number
    /// their rows from 1 again, the second section's line run into the next row's number: the
    /// table is read with the header it would have had (2003).
    /// «Мероприятие | Кол-во участ-ников | Срок прове-дения | Ответственный» copied a cell a
    /// line, its participants' and executors' cells empty in every row and left out of the copy;
    /// an action's items and its deadline cell of as many lines (a month a meeting, «№1» … «№3»)
    /// are one row (docs/4801).
    @Test func aColumnOfEmptyCellsLeftOutBetweenTheActionAndItsDeadline() throws {
        let lines = ["План мероприятий по экологическому воспитанию на 2016-2017 учебный год",
                     "Мероприятие", "Кол-во участ-ников", "Срок прове-дения", "Ответственный",
                     "Заседание экологического совета", "№1", "№2", "№3", "№4", "№5", "Сентябрь", "октябрь", "декабрь", "март", "май",
                     "Оформление выставок:", "«Осенняя палитра»", "«Елочка»", "«Весенняя капель»", "сентябрь", "декабрь-февраль", "март-апрель",
                     "Экологическая викторина «Знатоки природы»", "С 27 февраля по 3 марта (в рамках недели естествознания)",
                     "Мастерская экологических знаков", "Февраль - март", "Акция «Помогите птицам!»", "Февраль -март"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.title) == ["Заседание экологического совета №1 №2 №3 №4 №5",
                                              "Оформление выставок: «Осенняя палитра» «Елочка» «Весенняя капель»",
                                              "Экологическая викторина «Знатоки природы»", "Мастерская экологических знаков",
                                              "Акция «Помогите птицам!»"])
        #expect(plan.actions.map(\.deadline.text) == ["Сентябрь октябрь декабрь март май", "сентябрь декабрь-февраль март-апрель",
                                                      "С 27 февраля по 3 марта (в рамках недели естествознания)", "Февраль - март",
                                                      "Февраль -март"])
        #expect(plan.actions.allSatisfy { $0.executors.isEmpty })
        // «№1» is a meeting's number, not the heading of the rows' numbers.
        #expect(PlanColumn(header: "№1") == nil && PlanColumn(header: "№ 12") == nil && PlanColumn(header: "№") == .number)
        #expect(PlanColumn(header: "Кол-во участ-ников") == .participants)
    }

    /// One row of a federal road map on a legal database, under its section and without its
    /// header, a paragraph a cell: the number, the action, the executors, the deadline and the
    /// result (docs/4802). Alone in the copy, it is the table; a fifth cell is the result.
    @Test func oneRowOfAnActsTableWithoutItsHeader() throws {
        let lines = ["6. Дифференциация оплаты труда, оптимизация расходов на оплату труда", "1.",
                     "Осуществление оплаты труда работников образовательных организаций с учетом перехода на эффективный контракт",
                     "Образовательные и научные организации, подведомственные Минздраву России", "2014 - 2016 годы",
                     "Повышение мотивации сотрудников"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["2014 - 2016 годы"])
        #expect(plan.actions.first?.executors.map(\.name) == ["Образовательные и научные организации, подведомственные Минздраву России"])
        #expect(plan.actions.first?.section == "6. Дифференциация оплаты труда, оптимизация расходов на оплату труда")
        // A numbered line with a date alone, three cells, is no table.
        #expect(HeaderlessTable.rebuild(paragraphs(["1.", "Совещание руководителей", "2015 год"]).paragraphs) == nil)
    }

    @Test func aNumberedTableWithoutItsHeader() throws {
        let lines = ["ПЛАН РАБОТЫ ПРОФСОЮЗНОГО КОМИТЕТА НА 2016-2017 УЧЕБНЫЙ ГОД", "Профсоюзные совещания",
                     "1. |", "Разработка и утверждение новых инструкций по охране жизни и здоровья детей. |", "июль |",
                     "2. |", "Собрание профактива по вопросу благоустройства территории ДОУ |", "апрель |",
                     "Заседания профсоюзного комитета", "1. |", "Обсуждение плана работы профактива. |", "август |",
                     "2. |", "Разработка коллективного договора |"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["июль", "апрель", "август", ""])
        #expect(plan.actions.map(\.section) == ["Профсоюзные совещания", "Профсоюзные совещания",
                                                "Заседания профсоюзного комитета", "Заседания профсоюзного комитета"])
        #expect(plan.actions.first?.title == "Разработка и утверждение новых инструкций по охране жизни и здоровья детей.")
        // A row as wide as the others before a «1» again keeps its last cell: no section.
        let twoLists = try PlanDocumentParser().parse(paragraphs([
            "План работы", "1. |", "Семинар для учителей |", "март |", "Классный руководитель |",
            "2. |", "Совещание при директоре |", "апрель |", "Заместитель директора |",
            "1. |", "Родительское собрание |", "май |", "Социальный педагог |",
            "2. |", "Выпускной вечер |", "июнь |", "Классный руководитель |"]))
        #expect(twoLists.actions.map(\.deadline.text) == ["март", "апрель", "май", "июнь"])
        #expect(twoLists.actions.map(\.section) == [nil, nil, nil, nil])
        #expect(twoLists.actions[1].executors.map(\.name) == ["Заместитель директора"])
        // Under a title that names a plan, such cells are no numbered list either: each row's
        // executors stay in their column, out of the action.
        let titled = try PlanDocumentParser().parse(paragraphs([
            "План работы профсоюзного комитета на 2016-2017 учебный год", "Профсоюзные совещания",
            "1. |", "Разработка инструкций по охране жизни и здоровья детей |", "июль |", "Председатель профкома |",
            "2. |", "Собрание профактива |", "апрель |", "Члены профкома |",
            "3. |", "Отчёт о работе профкома за год |", "май |", "Председатель профкома |"]))
        #expect(titled.actions.map(\.title) == ["Разработка инструкций по охране жизни и здоровья детей", "Собрание профактива",
                                                "Отчёт о работе профкома за год"])
        #expect(titled.actions.map(\.deadline.text) == ["июль", "апрель", "май"])
        #expect(titled.actions.map { $0.executors.map(\.name) } == [["Председатель профкома"], ["Члены профкома"], ["Председатель профкома"]])
        #expect(titled.warnings.first?.kind == .columnsInferred(.headerlessTable))
        // Columns taken from what the cells hold are said so, first, for a person to check.
        #expect(plan.warnings.first?.kind == .columnsInferred(.headerlessTable))
        #expect(twoLists.warnings.first?.kind == .columnsInferred(.headerlessTable))
        // Rows without a deadline in one place are no such table.
        #expect(HeaderlessTable.rebuild(paragraphs(["1. |", "Семинар |", "Иванова И.И. |", "2. |", "Совещание |", "Петрова П.П. |",
                                                    "3. |", "Круглый стол |", "Сидорова С.С. |"]).paragraphs) == nil)
    }

    /// Cells ended by «|», each wrapped over several lines at a fixed width, a row's empty
    /// cells a run of lines of «|» alone (nine under a row): the run counts once against the
    /// cells ended by «|», and the copy is still read a cell per «|» (2103).
    @Test func cellsEndedByPipesAndWrappedWithRunsOfEmptyCells() throws {
        let lines = ["N", "п/п |", "Наименование мероприятий |", "Срок", "исполнения |", "Ответственный", "за исполнение |",
                     "1 |", "2 |", "3 |", "4 |",
                     "1. |", "Подготовка проекта распоряжения", "районных администраций города", "о проведении месячника |",
                     "до", "05.10.2008 |", "Районные администрации города", "Брянска |",
                     "2. |", "Выступление должностных лиц", "в учебных заведениях, на предприятиях и", "в организациях |", "|",
                     "в течение", "месячника |", "Руководители", "предприятий и", "учреждений |"]
            + Array(repeating: "|", count: 9)
            + ["3. |", "Проведение смотра-конкурса", "на лучшую базу |", "октябрь |", "Отдел образования |"]
        let plan = try PlanDocumentParser().parse(paragraphs(lines))
        #expect(plan.actions.map(\.deadline.text) == ["до 05.10.2008", "в течение месячника", "октябрь"])
        #expect(plan.actions[1].title == "Выступление должностных лиц в учебных заведениях, на предприятиях и в организациях")
    }

    /// «Основные направления деятельности … | Риск | Цель | Наименование мероприятия | … | Срок
    /// выполнения | Ожидаемая эффективность | Отметка о выполне- нии», the parts of the spanning
    /// heading on the next row, then «1 | 2 | … | 10»: the parts are no row, the numbering no
    /// sign of a copy whose lines do not follow rows, and the directions group the actions (2005).
    @Test func aHeadingsPartsAboveTheColumnNumbers() throws {
        #expect(PlanColumn.namesAGrouping("Основные направления деятельности в области охраны труда"))
        let plan = try PlanDocumentParser().parse(document(table: [
            ["Основные направления деятельности в области охраны труда", "Риск", "Наименование мероприятия", "Ответственный",
             "Срок выполнения", "Ожидаемая эффективность", "Отметка о выполнении"],
            ["улучшены условия труда", "приведены в соответствие с нормативами"],
            ["1", "2", "3", "4", "5", "6", "7", "8"],
            ["Здание учреждения образования — рабочее место сторожа"],
            ["Постоянное улучшение условий труда.", "Физический", "Перезарядка огнетушителей", "Заместитель директора по хозяйственной работе",
             "2 квартал", "", "", ""],
            ["Снижение риска травм.", "Физический", "Замена изношенных розеток", "Заместитель директора по хозяйственной работе",
             "в течение года", "", "", ""],
        ]))
        #expect(plan.actions.map(\.title) == ["Перезарядка огнетушителей", "Замена изношенных розеток"])
        #expect(plan.actions.map(\.deadline.text) == ["2 квартал", "в течение года"])
    }
}

@Suite("Sections of a plan table")
struct PlanSectionTests {
    @Test func sectionRowsGroupTheActionsBelowAndAreNeitherGoalsNorSkippedRows() throws {
        let plan = try PlanDocumentParser().parse(document("gia.txt", table: [
            ["№", "Мероприятия", "Срок исполнения", "Ответственные"],
            ["I. Нормативно-правовое обеспечение", "", "", ""],
            ["1", "Издание приказа о подготовке к ГИА", "сентябрь 2023", "Комитет образования"],
            ["2", "Разработка плана-графика", "до 01.10.2023", "Руководители ОО"],
            ["Раздел 2. Работа с педагогами", "", "", ""],
            ["1", "Семинар для учителей", "ноябрь 2023", "МАОУ СОШ № 5"],
        ]))
        #expect(plan.actions.map(\.title) == ["Издание приказа о подготовке к ГИА", "Разработка плана-графика", "Семинар для учителей"])
        #expect(plan.actions.map(\.section) == ["I. Нормативно-правовое обеспечение", "I. Нормативно-правовое обеспечение",
                                                "Раздел 2. Работа с педагогами"])
        #expect(plan.goals.count == 1, "sections are not goals")
        #expect(plan.warnings.isEmpty, "\(plan.warnings)")
        #expect(plan.actions[1].executors.map(\.kind) == [.personRole])
    }

    @Test func aTableWithoutSectionsHasNone() throws {
        let plan = try PlanDocumentParser().parse(document(table: [
            ["Мероприятие", "Срок", "Ответственный"], ["Семинар", "Март 2019", "Комитет образования"],
        ]))
        #expect(plan.actions.map(\.section) == [nil])
    }
}

@Suite("Short names a document defines")
struct AliasDefinitionTests {
    @Test func definitionsAreFoundWithTheirLongNames() {
        let found = AliasDefinitions.find(in: [
            "В соответствии с приказом Министерства образования Республики Мордовия (далее – Министерство) приказываю:",
            "Муниципальное казённое учреждение «Центр сопровождения образовательной деятельности» (далее - ЦСОД)",
            "Ответственные (далее — исполнители) отчитываются ежемесячно.",
        ])
        #expect(found["министерство"] == "Министерства образования Республики Мордовия")
        #expect(found["цсод"] == "Муниципальное казённое учреждение «Центр сопровождения образовательной деятельности»")
        #expect(found["исполнители"] == nil, "a definition of something that is not an organisation is not an alias")
    }

    @Test func rowsNamingTheShortNameMeanTheOrganisation() throws {
        let plan = try PlanDocumentParser().parse(document(
            paragraphs: ["Комитет образования администрации города Тамбова (далее – Комитет) утверждает план."],
            table: [["Мероприятие", "Срок", "Ответственный"], ["Семинар", "Март 2019", "Комитет, МАОУ СОШ № 5"]]))
        #expect(plan.actions.first?.executors.map(\.name) == ["Комитет образования администрации города Тамбова", "МАОУ СОШ № 5"])
        #expect(plan.actions.first?.executors.first?.kind == .committee)
    }
}

extension PlanDocumentParserTests {
    /// A kindergarten's summer plan: the number and the direction merged down their rows,
    /// and inside a direction headings merged across the action's, deadline's and executors'
    /// columns («1.1. Производственное совещание»). Each heading heads the rows under it and is
    /// no action; rows with no heading stand in their direction.
    @Test func aHeadingMergedAcrossTheRestOfItsRowIsASection() throws {
        func row(_ cells: [(String, above: Bool, left: Bool)], _ index: Int) -> [SourceCell] {
            cells.enumerated().map { column, cell in
                SourceCell(text: cell.0, location: SourceLocation(row: index + 1, column: column + 1), mergedFromAbove: cell.above, mergedFromLeft: cell.left)
            }
        }
        func text(_ text: String) -> (String, above: Bool, left: Bool) { (text, false, false) }
        let down = ("", above: true, left: false), across = ("", above: false, left: true)
        let rows: [[(String, above: Bool, left: Bool)]] = [
            [text("№п/п"), text("Направления работы"), text("Мероприятия"), text("Время проведения"), text("Ответственные")],
            [text("1."), text("Работа с педагогами"), text("1.1. Производственное совещание"), across, across],
            [down, down, text("«Организация летне-оздоровительной работы ДОУ»"), text("31.05.13г."), text("Оносова Т.Ю.")],
            [down, down, text("1.2. Консультации:"), across, across],
            [down, down, text("«Улицы города»"), text("июнь"), text("Голубок О.Г.")],
            [down, down, text("«Организация и проведение экскурсий»"), text("июль"), text("Савиных Л.Ю.")],
            [text("2."), text("Контроль"), text("2.1. Санитарное состояние участков"), text("постоянно"), text("Аликина Т.А.")],
            [text(""), text(""), text("5.1. Благоустройство территории"), across, across],
            [text(""), text(""), text("Замена песка в песочнице"), text("июнь-август"), text("Оносова Т.Ю.")],
        ]
        let table = SourceTable(rows: rows.enumerated().map { row($0.element, $0.offset) })
        let plan = try PlanDocumentParser().parse(SourceDocument(name: "plan.docx", blocks: [.table(table)]))
        #expect(plan.actions.map(\.title) == [
            "«Организация летне-оздоровительной работы ДОУ»", "«Улицы города»", "«Организация и проведение экскурсий»",
            "2.1. Санитарное состояние участков", "Замена песка в песочнице",
        ])
        #expect(plan.actions.map(\.section) == [
            "1.1. Производственное совещание", "1.2. Консультации", "1.2. Консультации", "Контроль", "5.1. Благоустройство территории",
        ])
        #expect(plan.actions.map(\.deadline.text) == ["31.05.13г.", "июнь", "июль", "постоянно", "июнь-август"])
    }
}

extension PlanDocumentParserTests {
    /// A numbered row's list goes on in rows of its own, each item behind its marker and no
    /// number, deadline or executor of its own (a PDF's paragraphs of one cell set apart): the
    /// items are the row's, not actions.
    @Test func itemsOfAListBehindTheirMarkersAreTheirRowsText() throws {
        let plan = try PlanDocumentParser().parse(document("plan.pdf", table: [
            ["№ п/п", "Наименование мероприятия", "Срок", "Ответственные"],
            ["1.1", "Оборудование учебных аудиторий:", "2015-2017", "Директор"],
            ["", "• Интерактивная доска;", "", ""],
            ["", "• Принтер Брайля.", "", ""],
            ["1.2", "Паспортизация зданий", "01.03.2019", "Директор"],
            ["", "• Установка пандуса", "март 2016", ""],
        ]))
        #expect(plan.actions.map(\.title) == [
            "Оборудование учебных аудиторий: • Интерактивная доска; • Принтер Брайля.", "Паспортизация зданий", "• Установка пандуса",
        ])
        #expect(plan.actions.map(\.deadline.text) == ["2015-2017", "01.03.2019", "март 2016"])
    }
}
