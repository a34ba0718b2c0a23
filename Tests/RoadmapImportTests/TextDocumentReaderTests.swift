import Foundation
import RoadmapDomain
import Testing

@testable import RoadmapImport

@Suite("Reading text converted from office files")
struct TextDocumentReaderTests {
    @Test func tabTableAndParagraphs() throws {
        let text = "Заголовок\n\nДата\tМероприятие\nСентябрь\tЭкскурсия\n\nПосле таблицы"
        let document = TextDocumentReader.read(text, name: "t.txt")
        #expect(document.paragraphs.map(\.text) == ["Заголовок", "После таблицы"])
        #expect(document.paragraphs.map(\.location.line) == [1, 6])
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        #expect(table.rows.map { $0.map(\.text) } == [["Дата", "Мероприятие"], ["Сентябрь", "Экскурсия"]])
        #expect(table.rows[1][1].location == SourceLocation(line: 4, row: 2, column: 2))
    }

    /// A blank line between two rows (a page break) does not end the table.
    @Test func pageBreakInsideTable() throws {
        let text = "Дата\tМероприятие\tОтветственный\nМарт\tРеализация плана\tКлассный\n\n\t\tмероприятий\tруководитель\nАпрель\tВыставка\tКлассный руководитель"
        let document = TextDocumentReader.read(text, name: "t.txt")
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        #expect(table.rows.count == 4)
        #expect(table.rows[2].map(\.text) == ["", "", "мероприятий", "руководитель"])
        #expect(table.rows[2][0].location.line == 4)
    }

    @Test func pipeTableSkipsSeparator() throws {
        let text = "| № | Партнёр | Цель |\n|---|:---|---|\n| 1.1 | Библиотека \\| филиал | Досуг |\n"
        let table = try #require(TextDocumentReader.read(text, name: "p.txt").tables.first)
        #expect(table.rows.map { $0.map(\.text) } == [["№", "Партнёр", "Цель"], ["1.1", "Библиотека | филиал", "Досуг"]])
        #expect(table.rows[1][0].location == SourceLocation(line: 3, row: 2, column: 1))
    }

    /// Rows that each end with «|» and open with none, as many cells as each kept: a header,
    /// the parts of a spanning heading, a numbering row, a section, and the last row cut in its
    /// last cell (2005, 124). Rows broken over lines are left to be read as a stream (225).
    @Test func rowsClosedByPipes() throws {
        let text = "Направления | Мероприятие | Срок | Эффективность |\nулучшены | приведены |\n1 | 2 | 3 | 4 | 5 |\n"
            + "Здание — рабочее место сторожа |\nОхрана труда | Перезарядка огнетушителей | 2 квартал | | |\n"
            + "Охрана труда | Замена розеток | в течение года | Заместитель директора по хоз"
        let table = try #require(TextDocumentReader.read(text, name: "t.txt").tables.first)
        #expect(table.rows.map { $0.filter { !$0.text.isEmpty }.count } == [4, 2, 5, 1, 3, 4])
        #expect(table.rows[5][3].text == "Заместитель директора по хоз")
        #expect(table.rows[3][0].location == SourceLocation(line: 4, row: 4, column: 1))
        let broken = "N п/п |\nНаименование | Сроки | Ответственные |\n1. | Определение целей |\nДекабрь 2004 г. | Администрация области |\n"
            + "2. | Формирование схемы |\nДекабрь 2004 г. | Департамент |\n"
        #expect(!TextDocumentReader.read(broken, name: "t.txt").tables.contains { $0.rows.first?.first?.text == "Наименование" })
    }

    /// A «|» row whose last open cell goes on over lines of its own until a line closes the row:
    /// «| 1. | Обеспечить … | Август.» then «1 раза в год | Комиссия … |», in the middle of the
    /// table and as its last row (2006); «| 1. | Семинар | ноябрь» / «февраль» / «апрель |
    /// Морозова З.П. |», a cell of three paragraphs (docs/3101, a .doc's deadline of three
    /// months, written as a «|» table).
    @Test(arguments: [
        ("| № | Мероприятие | Срок | Ответственные |\n| 1. | Осмотр здания | Август.\n1 раза в год | Комиссия |\n"
            + "| 2. | Инструктаж | Сентябрь | Заведующий |\n| 3. | Испытания | Май.\nежегодно | Комиссия |\n",
         [["№", "Мероприятие", "Срок", "Ответственные"], ["1.", "Осмотр здания", "Август.\n1 раза в год", "Комиссия"],
          ["2.", "Инструктаж", "Сентябрь", "Заведующий"], ["3.", "Испытания", "Май.\nежегодно", "Комиссия"]]),
        ("| № | Мероприятие | Срок | Ответственный |\n| 1. | Семинар | ноябрь\nфевраль\nапрель | Морозова З.П. |\n"
            + "| 2. | Педсовет | март | Бачинская Е.Е. |\n",
         [["№", "Мероприятие", "Срок", "Ответственный"], ["1.", "Семинар", "ноябрь\nфевраль\nапрель", "Морозова З.П."],
          ["2.", "Педсовет", "март", "Бачинская Е.Е."]]),
    ])
    func aPipeRowsOpenCellGoesOnUntilTheRowCloses(text: String, rows: [[String]]) throws {
        let table = try #require(TextDocumentReader.read(text, name: "t.txt").tables.first)
        #expect(table.rows.map { $0.map(\.text) } == rows)
    }

    /// A table drawn with box-drawing rules, as a legal database saves it: the header over two
    /// lines, a line of empty cells under it, and each numbered row's cells wrapped over the
    /// lines below its number (2201). Read column by column, a row a number.
    @Test func aTableDrawnWithBoxRules() throws {
        let text = """
            План
            ┌───┬─────────────────────┬────────────────┬───────────┐
            │ N │ Наименование        │ Ответственные  │ Срок      │
            │пп.│ мероприятия         │                │ исполнения│
            ├───┼─────────────────────┼────────────────┼───────────┤
            │   │                     │                │           │
            │ 1.│Организация внедрения│Министерство    │2013 - 2015│
            │   │в практику обучения  │образования,    │годы       │
            │   │                     │ИРОСО           │           │
            │ 2.│Семинар              │ИРОСО           │2014 год   │
            └───┴─────────────────────┴────────────────┴───────────┘
            Руководитель
            """
        let document = TextDocumentReader.read(text, name: "t.txt")
        let table = try #require(document.tables.first)
        #expect(table.rows.map { $0.map(\.text) } == [
            ["N\nпп.", "Наименование\nмероприятия", "Ответственные", "Срок\nисполнения"],
            ["1.", "Организация внедрения\nв практику обучения", "Министерство\nобразования,\nИРОСО", "2013 - 2015\nгоды"],
            ["2.", "Семинар", "ИРОСО", "2014 год"],
        ])
        #expect(table.rows[1][1].location == SourceLocation(line: 7, row: 2, column: 2))
        #expect(document.paragraphs.map(\.text) == ["План", "Руководитель"])
        let plan = try PlanDocumentParser().parse(document)
        #expect(plan.actions.map(\.deadline.text) == ["2013 - 2015\nгоды", "2014 год"])
    }

    /// A Belarusian act's table as a legal database's text copy draws it: «¦» between cells,
    /// «+---+» between rows, the page cut from the table without its header (held-back-41/4301).
    @Test func aTableDrawnWithBrokenBars() throws {
        let text = """
            Стр. 3
            ¦                        ¦            ¦                       ¦
            +------------------------+------------+-----------------------+
            ¦                        ¦            ¦                       ¦
            ¦38.  Разработка рекомен-¦    2006    ¦Минобразование         ¦
            ¦даций  по  использованию¦            ¦УО "РИПО"              ¦
            ¦электронных средств обу-¦            ¦                       ¦
            ¦чения                   ¦            ¦                       ¦
            +------------------------+------------+-----------------------+
            """
        let document = TextDocumentReader.read(text, name: "act.txt")
        let plan = try PlanDocumentParser().parse(document)
        #expect(plan.actions.count == 1)
        #expect(plan.actions.first?.title.hasPrefix("38. Разработка рекомендаций по использованию электронных средств") == true)
        #expect(plan.actions.first?.deadline.text == "2006")
    }

    /// «+---+» rules between every row of an ASCII grid: each row the lines between two rules,
    /// even without a number column; a grid with rules round its header only and neither
    /// numbers nor empty lines in its body keeps a row a line.
    @Test func anAsciiGridWithRulesBetweenRows() throws {
        let text = """
            +-----------------+----------+
            | Мероприятие     | Срок     |
            +=================+==========+
            | Педагогический  | август   |
            | совет           |          |
            +-----------------+----------+
            | Родительское    | сентябрь |
            | собрание        |          |
            +-----------------+----------+
            """
        let table = try #require(TextDocumentReader.read(text, name: "t.txt").tables.first)
        #expect(table.rows.map { $0.map(\.text) } == [["Мероприятие", "Срок"], ["Педагогический\nсовет", "август"], ["Родительское\nсобрание", "сентябрь"]])
        let lines = "+------+------+\n| Мероприятие | Срок |\n+------+------+\n| Совет | август |\n| Собрание | сентябрь |\n+------+------+\n"
        let plain = try #require(TextDocumentReader.read(lines, name: "t.txt").tables.first)
        #expect(plain.rows.map { $0.map(\.text) } == [["Мероприятие", "Срок"], ["Совет", "август"], ["Собрание", "сентябрь"]])
    }

    @Test func tagsAndBoldAreStripped() throws {
        let text = "**ПРИКАЗ**\n<b>Цель: рост</b>\t<p>Семинар</p>\tМарт 2019<br>весна"
        let document = TextDocumentReader.read(text, name: "t.txt")
        #expect(document.paragraphs.map(\.text) == ["ПРИКАЗ"])
        let row = try #require(document.tables.first?.rows.first)
        #expect(row.map(\.text) == ["Цель: рост", "Семинар", "Март 2019\nвесна"])
    }

    /// LibreOffice's text of cells holding line breaks: a cell per line, bullets inside.
    @Test func cellPerLineLayoutKeepsBullets() throws {
        let text = """
        Модель взаимодействия

        \tСоциальный партнёр
        \tФормы взаимодействия
        \tСоциальный эффект

        \tДК
        «МАЯК»
        \t- фестивали;
        - конкурсы;

        \t- развитие талантов.

        \tГИБДД
        \t- беседы
        \t

        Итог.
        """
        let document = TextDocumentReader.read(text, name: "m.txt")
        let table = try #require(document.tables.first)
        #expect(table.rows.map { $0.map(\.text) } == [
            ["", "Социальный партнёр", "Формы взаимодействия", "Социальный эффект"],
            ["", "ДК\n«МАЯК»", "- фестивали;\n- конкурсы;", "- развитие талантов."],
            ["", "ГИБДД", "- беседы", ""],
        ])
        #expect(document.paragraphs.map(\.text) == ["Модель взаимодействия", "Итог."])
    }

    @Test func indentedProseStaysProse() {
        let document = TextDocumentReader.read("Начало.\n \tСоциальное партнёрство.\nДальше текст.", name: "p.txt")
        #expect(document.tables.isEmpty)
        #expect(document.paragraphs.count == 3)
    }

    @Test func textIsNFC() throws {
        let decomposed = "Планируемые деи\u{0306}ствия\tСрок"
        let row = try #require(TextDocumentReader.read(decomposed, name: "n.txt").tables.first?.rows.first)
        #expect(row[0].text == "Планируемые действия")
        #expect(row[0].text.unicodeScalars.count == "Планируемые действия".unicodeScalars.count)
    }

    @Test func utf8WithAndWithoutBOM() throws {
        let body = Array("Дата\tМероприятие\nМай\tЭкскурсия".utf8)
        for bytes in [body, [0xEF, 0xBB, 0xBF] + body] {
            let document = try TextDocumentReader.read(data: Data(bytes), name: "b.txt")
            #expect(document.tables.first?.rows.first?.first?.text == "Дата")
        }
    }

    /// Notepad's «ANSI» on a Russian Windows writes Windows-1251: read, as CSV files are.
    @Test func windows1251IsRead() throws {
        let text = "Мероприятие\tСрок\tОтветственный\nСеминар\tмарт 2025 г.\tКомитет образования\n"
        let bytes = try #require(text.data(using: .windowsCP1251))
        #expect(String(data: bytes, encoding: .utf8) == nil)
        let plan = try PlanDocumentParser().parse(try DocumentReader.read(data: bytes, fileName: "cp.txt"))
        #expect(plan.actions.map(\.title) == ["Семинар"])
        #expect(plan.actions.first?.executors.map(\.name) == ["Комитет образования"])
    }

    @Test func brokenUTF8NamesTheOffset() {
        let bytes = Array("План ".utf8) + [0xD0]
        #expect(throws: DocumentReadError.unsupportedEncoding(file: "x.txt", offset: 9, reason: "the text is not valid UTF-8")) {
            try TextDocumentReader.read(data: Data(bytes), name: "x.txt")
        }
    }

    @Test(arguments: [Data(), Data(" \n\t\n".utf8)])
    func emptyFileIsRefused(data: Data) {
        #expect(throws: DocumentReadError.empty(file: "e.txt")) {
            try TextDocumentReader.read(data: data, name: "e.txt")
        }
    }

    @Test func binaryFilesAreRefused() {
        #expect(throws: DocumentReadError.self) {
            try TextDocumentReader.read(data: Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), name: "plan.txt")
        }
        #expect(throws: DocumentReadError.self) {
            try TextDocumentReader.read(data: Data([0x41, 0x00, 0x42]), name: "nul.txt")
        }
        #expect(throws: DocumentReadError.self) {
            try TextDocumentReader.read(data: Data([0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00]), name: "nul16.txt")
        }
    }

    /// Excel's «Текст Юникод (*.txt)» and Notepad's «Юникод»: UTF-16 with a byte-order mark,
    /// little- or big-endian, read as the same table.
    @Test func unicodeTextFromExcelIsRead() throws {
        let text = "Мероприятие\tСрок\tОтветственный\r\nСеминар\tмарт 2025 г.\tКомитет образования\r\n"
        let little = Data([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let big = Data([0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        for (data, name) in [(little, "le.txt"), (big, "be.tsv")] {
            let plan = try PlanDocumentParser().parse(try DocumentReader.read(data: data, fileName: name))
            #expect(plan.actions.map(\.title) == ["Семинар"], "\(name)")
            #expect(plan.actions.first?.deadline.text == "март 2025 г.")
            #expect(plan.actions.first?.executors.map(\.name) == ["Комитет образования"])
        }
    }

    @Test func tooLargeIsRefused() {
        let limits = ReadLimits(maxFileSize: 8)
        #expect(throws: DocumentReadError.tooLarge(file: "big.txt", limit: "8 bytes")) {
            try TextDocumentReader.read(data: Data("Дата\tСрок".utf8), name: "big.txt", limits: limits)
        }
    }

    @Test func rowAndCellLimits() {
        let text = Data("Мероприятие\tСрок\nСеминар\tМарт 2019\nКонкурс\tАпрель 2019".utf8)
        #expect(throws: DocumentReadError.limitExceeded(
            file: "r.txt", location: SourceLocation(line: 3, row: 3, column: 1), limit: "a table of more than 2 rows")) {
            try TextDocumentReader.read(data: text, name: "r.txt", limits: ReadLimits(maxRows: 2))
        }
        #expect(throws: DocumentReadError.limitExceeded(
            file: "c.txt", location: SourceLocation(line: 1, row: 1, column: 1), limit: "a cell longer than 5 characters")) {
            try TextDocumentReader.read(data: text, name: "c.txt", limits: ReadLimits(maxCellLength: 5))
        }
        #expect(throws: DocumentReadError.limitExceeded(
            file: "w.txt", location: SourceLocation(line: 1, row: 1, column: 2), limit: "a row of more than 1 cells")) {
            try TextDocumentReader.read(data: text, name: "w.txt", limits: ReadLimits(maxColumns: 1))
        }
    }

    @Test func aPipeTableWithoutOuterPipesIsATable() throws {
        let text = """
            План работы

            Направления деятельности | Сроки | Ответственные лица
            ---|---|---
            Совещание с руководителями ОО | январь 2024 | Петрова И.И.
            Мониторинг \\| анализ | ежеквартально | МКУ «ЦСОД»

            Один | символ в прозе не делает таблицу.
            """
        let document = TextDocumentReader.read(text, name: "b.txt")
        let tables = document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
        let table = try #require(tables.first)
        #expect(tables.count == 1)
        #expect(table.rows.count == 3)
        #expect(table.rows[0].map(\.text) == ["Направления деятельности", "Сроки", "Ответственные лица"])
        #expect(table.rows[2].map(\.text) == ["Мониторинг | анализ", "ежеквартально", "МКУ «ЦСОД»"])
        #expect(table.rows[1][0].location.line == 5)
        #expect(document.blocks.contains { if case .paragraph(let text, _) = $0 { text.hasPrefix("Один |") } else { false } })
    }

    @Test func aTSVFileIsReadAsATabTable() throws {
        let data = Data("Мероприятие\tОтветственный\tСрок\nСеминар\tМАОУ СОШ № 5\tмарт 2024\n".utf8)
        let document = try DocumentReader.read(data: data, fileName: "plan.tsv")
        let table = try #require(document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }.first)
        #expect(table.rows.map { $0.map(\.text) } == [["Мероприятие", "Ответственный", "Срок"], ["Семинар", "МАОУ СОШ № 5", "март 2024"]])
    }

    /// «Перечень мероприятий | Срок выполнения»: two columns without outer pipes, one «|» a
    /// line, three lines alike (held-back-27/2902); two such lines in prose stay prose.
    @Test func aTableOfTwoColumnsWithoutOuterPipes() throws {
        let text = "План мероприятий\nПеречень мероприятий | Срок выполнения\n1 этап (подготовительный) | август 2016 г.\n"
            + "Разработка концепции | до 05 августа\nРазработка программ вебинаров | 05 августа – 20 октября\n\nПосле таблицы"
        let document = TextDocumentReader.read(text, name: "t.txt")
        let table = try #require(document.tables.first)
        #expect(table.rows.map { $0.map(\.text) } == [
            ["Перечень мероприятий", "Срок выполнения"], ["1 этап (подготовительный)", "август 2016 г."],
            ["Разработка концепции", "до 05 августа"], ["Разработка программ вебинаров", "05 августа – 20 октября"],
        ])
        #expect(document.paragraphs.map(\.text) == ["План мероприятий", "После таблицы"])
        let prose = "Телефон | факс приёмной\nАдрес | Москва\nГрафик работы: с 9 до 18"
        #expect(TextDocumentReader.read(prose, name: "t.txt").tables.isEmpty)
        let empty = "Дата | Событие\n | Линейка\nСентябрь | Экскурсия"
        #expect(TextDocumentReader.read(empty, name: "t.txt").tables.isEmpty, "a side left empty is no row of two columns")
    }

    /// A heading across a table without outer pipes, between its header and a row whose first
    /// cell (the number) is empty, and between rows, is a row of one cell (held-back-27/2903);
    /// a line without «|» whose text the next row goes on with in small letters is still a
    /// cell wrapped over two lines.
    @Test func aHeadingAcrossATableWithoutOuterPipes() throws {
        let text = "№ п/п | Мероприятие | Время | Ответственный исполнитель\n"
            + "26 августа 2020 г. Учебно-методический сбор факультета\n"
            + " | Вступительное слово начальника факультета. | 14.00-14.10 | полковник Котенок А.А.\n"
            + " | Доклад: Анализ результатов успеваемости | 14.10-14.30 | полковник Калиниченко С.В.\n"
            + "27 августа 2020 г. Учебно-методические сборы кафедр\n"
            + " | Учебно-методический сбор 51 кафедры | 14.00-17.00 | полковник Григорьев А.Н.\n"
            + "2. Организация\nработы кафедр | 14.00-17.00 | 508-3 | полковник Готюр И.А."
        let table = try #require(TextDocumentReader.read(text, name: "t.txt").tables.first)
        #expect(table.rows.map(\.count) == [4, 1, 4, 4, 1, 4, 4])
        #expect(table.rows[1][0].text == "26 августа 2020 г. Учебно-методический сбор факультета")
        #expect(table.rows[1][0].location == SourceLocation(line: 2, row: 2, column: 1))
        #expect(table.rows[2].map(\.text) == ["", "Вступительное слово начальника факультета.", "14.00-14.10", "полковник Котенок А.А."])
        #expect(table.rows[6][0].text == "2. Организация работы кафедр")
        let two = "Дата | Мероприятие | Ответственный\nI триместр 2022-2023 уч. год\nСЕНТЯБРЬ 2022 г\n1 | День знаний | Иванова А.А.\n"
        #expect(try #require(TextDocumentReader.read(two, name: "t.txt").tables.first).rows.map(\.count) == [3, 1, 1, 3])
    }
}
