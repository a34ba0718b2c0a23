import Foundation
import RoadmapDomain
import Testing

@testable import RoadmapImport

/// `PDFLayout` on words placed as a scan's recognised text places them: each word boxed on
/// its own, a line's cells a little higher or lower than one another, a justified column's
/// spaces as wide as the padding between two cells, centred deadlines and executors, the
/// next row one line pitch under the last line of a cell, and the row numbering the columns
/// at the top of every page. No poppler is needed: the pages are made here, word by word.
struct PDFLayoutTests {
    static let height = 10.8
    static let letter = 5.6

    /// The words of `text` from `x` on, `gap` apart, at `y` (each word a few hundredths of a
    /// point up or down, as recognised words are).
    static func words(_ text: String, at x: Double, _ y: Double, gap: Double = 3.6) -> [PDFPage.Word] {
        var left = x
        return text.split(separator: " ").enumerated().map { index, word in
            let width = Double(word.count) * letter
            let stray = Double(index % 3) * 0.03
            defer { left += width + gap }
            return PDFPage.Word(text: String(word), xMin: left, yMin: y + stray, xMax: left + width, yMax: y + stray + height)
        }
    }

    /// One row of the plan: its number, its action over several justified lines, its deadline
    /// and executors centred, each cell a little off the number's line.
    static func row(_ number: String, _ action: [(String, Double)], _ deadline: [String], _ executors: [String], at y: Double) -> [PDFPage.Word] {
        var words = Self.words(number, at: 104, y)
        for (index, line) in action.enumerated() { words += Self.words(line.0, at: 134.9, y + Double(index) * 14.6, gap: line.1) }
        for (index, line) in deadline.enumerated() {
            words += Self.words(line, at: 441 - Double(line.count) * letter / 2, y - 0.3 + Double(index) * 14.6)
        }
        for (index, line) in executors.enumerated() {
            words += Self.words(line, at: 537 - Double(line.count) * letter / 2, y + 0.6 + Double(index) * 14.6)
        }
        return words
    }

    static func numbering(at y: Double) -> [PDFPage.Word] {
        words("1", at: 108, y) + words("2", at: 256, y) + words("3", at: 439, y + 0.8) + words("4", at: 534, y + 1)
    }

    static let pages: [PDFPage] = [
        PDFPage(number: 1, words:
            // A justified paragraph above the table: its stretched spaces split it into runs
            // that fall where the columns are.
            words("1.2. План определяет основные направления реализации политики", at: 94, 11, gap: 9)
            + words("техникума в области противодействия коррупции, систему и перечень", at: 94, 25.6, gap: 6)
            + words("программных мероприятий, направленных на противодействие коррупции.", at: 94, 40.2)
            + words("- формирование антикоррупционного сознания участников", at: 94, 54.8, gap: 21)
            + words("образовательного процесса; повышение качества услуг", at: 94, 69.4, gap: 24)
            + words("4. Основные мероприятия Плана", at: 180, 84)
            + words("№", at: 100, 100) + words("Наименование мероприятий", at: 190, 100) + words("Срок", at: 428, 100.4)
            + words("Ответственный", at: 500, 100.9) + words("исполнения", at: 410, 115.0) + words("исполнитель", at: 505, 115.5)
            + numbering(at: 129.6)
            + words("1. Организационное обеспечение", at: 180, 144.2)
            + row("1.1", [("Экспертиза действующих локальных", 20.5), ("нормативных правовых актов техникума на", 4.6), ("наличие коррупционной составляющей", 3.6)],
                  ["Не реже одного", "раза в", "полугодие"], ["Директор,", "ведущий", "юрисконсульт"], at: 158.8)
            // One pitch under the last line of 1.1, and its number right against the action.
            + row("1.2", [("Проведение анализа на наличие коррупционной", 3.9), ("составляющей проектов локальных", 9.4), ("нормативных правовых актов и документов", 3.6)],
                  ["В течение", "учебного года"], ["Ведущий", "юрисконсульт"], at: 202.6)),
        PDFPage(number: 2, words:
            numbering(at: 67.3)
            + row("1.3", [("Мониторинг принятия новых законодательных", 3.8), ("норм, изменений действующего законодатель\u{AD}", 3.6), ("ства в области коррупции", 3.6)],
                  ["В течение", "учебного года"], ["Ведущий", "юрисконсульт"], at: 81.9)
            // A section's number stands right against the line across the table that names it.
            + words("2.", at: 119, 125.7) + words("Меры по совершенствованию управления в целях предупреждения", at: 131.3, 125.7)
            + row("2.1", [("Своевременное назначение лиц, ответственных", 3.7), ("за осуществление финансово\u{AD}", 8.2), ("хозяйственных мероприятий", 3.6)],
                  ["В случае", "штатных", "изменений"], ["Директор,", "начальник отдела", "кадров"], at: 140.3)),
    ]

    @Test func aScansTableIsReadRowByRowFromItsHeaderOn() throws {
        let document = PDFLayout.document(name: "scan.pdf", pages: Self.pages)
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        #expect(table.rows.map { $0.map(\.text) } == [
            ["№", "Наименование мероприятий", "Срок исполнения", "Ответственный исполнитель"],
            ["1", "2", "3", "4"],
            ["", "1. Организационное обеспечение", "", ""],
            ["1.1", "Экспертиза действующих локальных нормативных правовых актов техникума на наличие коррупционной составляющей",
             "Не реже одного раза в полугодие", "Директор, ведущий юрисконсульт"],
            ["1.2", "Проведение анализа на наличие коррупционной составляющей проектов локальных нормативных правовых актов и документов",
             "В течение учебного года", "Ведущий юрисконсульт"],
            ["1.3", "Мониторинг принятия новых законодательных норм, изменений действующего законодательства в области коррупции",
             "В течение учебного года", "Ведущий юрисконсульт"],
            ["2. Меры по совершенствованию управления в целях предупреждения", "", "", ""],
            ["2.1", "Своевременное назначение лиц, ответственных за осуществление финансово-хозяйственных мероприятий",
             "В случае штатных изменений", "Директор, начальник отдела кадров"],
        ])
        // The paragraph above the header stays text.
        #expect(document.paragraphs.map(\.text).contains { $0.hasPrefix("- формирование антикоррупционного") })
    }

    /// The words of `text` from `x` on, a space apart, all on the line at `y`, as a program
    /// places them.
    static func placed(_ text: String, at x: Double, _ y: Double) -> [PDFPage.Word] {
        var left = x
        return text.split(separator: " ").map { word in
            let width = Double(word.count) * letter
            defer { left += width + 3.6 }
            return PDFPage.Word(text: String(word), xMin: left, yMin: y, xMax: left + width, yMax: y + height)
        }
    }

    /// A cell whose text starts left of its column's edge, after the text of the cell before
    /// it on the same line (docs/4201: a last column the header merged with the one before,
    /// set further left on some pages), is that column's text, not a line across the table.
    @Test func aCellLeftOfItsEdgeAfterTheCellBeforeIsItsColumns() throws {
        var words = Self.placed("№", at: 100, 100) + Self.placed("Мероприятие", at: 150, 100) + Self.placed("Срок", at: 330, 100)
            + Self.placed("Ответственный", at: 420, 100) + Self.placed("Документ", at: 540, 100)
        for (index, number) in ["1", "2", "3", "4"].enumerated() {
            let y = 120 + Double(index) * 30
            words += Self.placed(number, at: 100, y) + Self.placed("Мероприятие номер \(number)", at: 150, y) + Self.placed("Сентябрь", at: 330, y)
                + Self.placed("Директор", at: 420, y) + (index == 2 ? Self.placed("Приказ директора колледжа", at: 480, y) : Self.placed("Приказ", at: 540, y))
        }
        let document = PDFLayout.document(name: "plan.pdf", pages: [PDFPage(number: 1, words: words)])
        let table = try #require(document.tables.first)
        #expect(table.rows.map { $0.map(\.text) }.dropFirst() == [
            ["1", "Мероприятие номер 1", "Сентябрь", "Директор", "Приказ"],
            ["2", "Мероприятие номер 2", "Сентябрь", "Директор", "Приказ"],
            ["3", "Мероприятие номер 3", "Сентябрь", "Директор", "Приказ директора колледжа"],
            ["4", "Мероприятие номер 4", "Сентябрь", "Директор", "Приказ"],
        ])
    }

    /// A word boxed from `x` to `end` on the line at `y`.
    static func box(_ text: String, _ x: Double, _ end: Double, _ y: Double) -> PDFPage.Word {
        PDFPage.Word(text: text, xMin: x, yMin: y, xMax: end, yMax: y + height)
    }

    /// A header as Word sets it, each heading centred over its column, on a landscape page
    /// whose columns are wide (the places Chromium gave a month's plan printed landscape): a
    /// heading wider than its cells starts left of where they do («Классы» nine points before
    /// «1–11»), the gaps between «№», «Мероприятие» and «Классы» happen to be as wide as each
    /// other, as a justified line's spaces are, and «Срок» alone covers the page between the
    /// dates and the executors. Each heading is its column's all the same.
    @Test func headingsCentredOverWideColumnsAreTheirColumns() throws {
        var words = [Self.box("№", 38.25, 50.31, 100), Self.box("Мероприятие", 112.0, 186.29, 100), Self.box("Классы", 247.99, 289.45, 100),
                     Self.box("Дата", 312.46, 338.44, 100), Self.box("Ответственный", 409.37, 495.59, 100)]
        for (index, date) in ["01.09", "02.09–05.09", "10.09", "12.09"].enumerated() {
            let y = 120 + Double(index) * 20
            words += Self.placed("\(index + 1)", at: 38.25, y) + Self.placed("Мероприятие месячника номер \(index + 1)", at: 56.31, y)
                + Self.placed("1–11", at: 256.95, y) + Self.placed(date, at: date.count > 5 ? 295.45 : 311.0, y)
                + Self.placed("Классные руководители", at: 361.45, y)
        }
        let document = PDFLayout.document(name: "plan.pdf", pages: [PDFPage(number: 1, words: words)])
        let table = try #require(document.tables.first)
        #expect(table.rows.map { $0.map(\.text) } == [
            ["№", "Мероприятие", "Классы", "Дата", "Ответственный"],
            ["1", "Мероприятие месячника номер 1", "1–11", "01.09", "Классные руководители"],
            ["2", "Мероприятие месячника номер 2", "1–11", "02.09–05.09", "Классные руководители"],
            ["3", "Мероприятие месячника номер 3", "1–11", "10.09", "Классные руководители"],
            ["4", "Мероприятие месячника номер 4", "1–11", "12.09", "Классные руководители"],
        ])
    }

    /// A plan of one row: no cell starts twice, and its headings, centred, start where no cell
    /// does. The header and the row agree on four columns; a heading broken over two lines
    /// of its own, over and under the others set in the middle of their cells, is one of
    /// them, and a heading over the row's empty cell is its column too.
    @Test func aPlanOfOneRowIsReadByItsHeaderOverTheRow() throws {
        let words = [Self.box("Наименование", 153, 234, 94), Self.box("№", 70, 80, 100), Self.box("п/п", 83, 102, 100),
                     Self.box("Срок", 288, 318, 100), Self.box("исполнения", 321, 384, 100), Self.box("Ответственные", 441, 526, 100),
                     Self.box("мероприятия", 157, 230, 106)]
            + Self.placed("1.", at: 59, 130) + Self.placed("Экскурсии по памятным", at: 118, 130) + Self.placed("24.05", at: 275, 130)
            + Self.placed("местам малой родины", at: 118, 142)
        let document = PDFLayout.document(name: "plan.pdf", pages: [PDFPage(number: 1, words: words)])
        let table = try #require(document.tables.first)
        #expect(table.rows.map { $0.map(\.text) } == [
            ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственные"],
            ["1.", "Экскурсии по памятным местам малой родины", "24.05", ""],
        ])
    }

    /// A row whose cell holds a list, an item and its date far below the first (docs/4201's
    /// «7.» over four pages): where the table draws a rule under each row, the lines between
    /// two rules are one row however far apart; a table drawn with its frame alone is read by
    /// the words' places as before.
    @Test func theRulesUnderEachRowKeepACellOfManyLinesOneRow() throws {
        func row(_ number: String, _ action: String, _ deadline: String, _ executor: String, at y: Double) -> [PDFPage.Word] {
            Self.placed(number, at: 100, y) + Self.placed(action, at: 150, y) + Self.placed(deadline, at: 330, y) + Self.placed(executor, at: 420, y)
        }
        let words = row("№", "Мероприятие", "Срок", "Ответственный", at: 100)
            + row("1", "Мероприятие номер 1", "Сентябрь", "Директор", at: 120)
            + row("2", "Мероприятие номер 2:", "Сентябрь", "Директор", at: 150)
            + Self.placed("- второй пункт", at: 150, 178) + Self.placed("Октябрь", at: 330, 178)
            + row("3", "Мероприятие номер 3", "Ноябрь", "Директор", at: 205)
            + row("4", "Мероприятие номер 4", "Декабрь", "Директор", at: 233)
        let rule = { (y: Double) in PDFPage.Rule(y: y, xMin: 95, xMax: 520) }
        let underEachRow = [98.0, 116, 146, 200, 228, 256].map(rule)
        let ruled = try #require(PDFLayout.document(name: "plan.pdf", pages: [PDFPage(number: 1, words: words, rules: underEachRow)]).tables.first)
        #expect(ruled.rows.map { $0.map(\.text) } == [
            ["№", "Мероприятие", "Срок", "Ответственный"],
            ["1", "Мероприятие номер 1", "Сентябрь", "Директор"],
            ["2", "Мероприятие номер 2:\n- второй пункт", "Сентябрь\nОктябрь", "Директор"],
            ["3", "Мероприятие номер 3", "Ноябрь", "Директор"],
            ["4", "Мероприятие номер 4", "Декабрь", "Директор"],
        ])
        // The frame alone, or no rule at all: the item is a row of its own.
        for rules in [[98.0, 256].map(rule), []] {
            let table = try #require(PDFLayout.document(name: "plan.pdf", pages: [PDFPage(number: 1, words: words, rules: rules)]).tables.first)
            #expect(table.rows.count == 6)
            #expect(table.rows[3].map(\.text) == ["", "- второй пункт", "Октябрь", ""])
        }
    }

    /// What `pdftocairo -svg` draws, read for its horizontal rules page by page: a thin filled
    /// rectangle and a stroked line (its points turned by the path's matrix) are rules; a
    /// glyph, a clipping path, a curve, a vertical line and a white bar are not.
    @Test func theRulesAreReadFromTheDrawing() {
        let svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="612pt" height="792pt" viewBox="0 0 612 792" version="1.2">
            <defs><g><symbol overflow="visible" id="glyph0-1">
            <path style="stroke:none;" d="M 0.4 -2.2 L 0.4 -3 L 9.3 -3 L 9.3 -2.2 Z M 0.4 -2.2 "/>
            </symbol></g><clipPath id="clip1"><path d="M 30 40 L 500 40 L 500 41 L 30 41 Z M 30 40 "/></clipPath></defs>
            <pageSet><page><g id="surface1">
            <path style=" stroke:none;fill-rule:evenodd;fill:rgb(0%,0%,0%);fill-opacity:1;" d="M 35.2 29.7 L 306 29.7 L 306 29.2 L 35.2 29.2 Z M 35.2 29.7 "/>
            <path style=" stroke:none;fill-rule:evenodd;fill:rgb(0%,0%,0%);fill-opacity:1;" d="M 35.2 29.7 L 35.7 29.7 L 35.7 300 L 35.2 300 Z M 35.2 29.7 "/>
            <path style=" stroke:none;fill-rule:evenodd;fill:rgb(100%,100%,100%);fill-opacity:1;" d="M 40 50 L 300 50 L 300 51 L 40 51 Z "/>
            <path style="fill:none;stroke-width:0.5;stroke:rgb(0%,0%,0%);" d="M 40 60 C 50 60 60 60 300 60 "/>
            <g style="fill:rgb(0%,0%,0%);fill-opacity:1;"><use xlink:href="#glyph0-1" x="100" y="100"/></g>
            </g></page><page><g id="surface2">
            <path style="fill:none;stroke-width:0.5;stroke-linecap:butt;stroke:rgb(0%,0%,0%);stroke-opacity:1;" d="M 84.35 719.75 L 516.85 719.75 " transform="matrix(1,0,0,-1,0,792)"/>
            </g></page></pageSet></svg>
            """
        // Whatever else the drawing holds, nothing but rules is read, and a cut or garbled file
        // gives what it does hold, never a failure.
        #expect(PDFRules.horizontal(svg: Data("not a drawing".utf8)) == [[]])
        #expect(PDFRules.horizontal(svg: Data(svg.prefix(svg.count / 2).utf8)).flatMap { $0 }.count <= 1)
        #expect(PDFRules.rules(inPath: #"<path style="fill:rgb(0%,0%,0%);" d="M 1 nan L 300 nan Z"#).isEmpty)
        #expect(PDFRules.rules(inPath: #"<path style="fill:rgb(0%,0%,0%);" d="M 1 2 L 300"#).isEmpty)
        let rules = PDFRules.horizontal(svg: Data(svg.utf8))
        #expect(rules.count == 2)
        #expect(rules.first == [PDFPage.Rule(y: 29.45, xMin: 35.2, xMax: 306)])
        #expect(rules.last?.count == 1)
        #expect(abs((rules.last?.first?.y ?? 0) - 72.25) < 0.001)
        #expect(rules.last?.first.map { ($0.xMin, $0.xMax) } ?? (0, 0) == (84.35, 516.85))
    }

    @Test func aScansWordsStrayWhereAProgramsStandLevel() {
        #expect(PDFLayout.jitter(Self.pages.flatMap { PDFLayout.lines(of: $0.words) }) > 0)
        // The same words, each line's level with its first (a few of them half a point off).
        let level = Self.pages.flatMap { PDFLayout.lines(of: $0.words) }.enumerated().map { index, line in
            line.map { word in
                var word = word
                word.yMin = line[0].yMin + (index % 5 == 0 && word != line[0] ? 0.5 : 0)
                word.yMax = word.yMin + Self.height
                return word
            }
        }
        #expect(PDFLayout.jitter(level) == 0)
    }

    @Test func aScansPlanReadsAsItsRows() throws {
        let plan = try PlanDocumentParser().parse(PDFLayout.document(name: "scan.pdf", pages: Self.pages))
        #expect(plan.actions.map(\.title) == [
            "Экспертиза действующих локальных нормативных правовых актов техникума на наличие коррупционной составляющей",
            "Проведение анализа на наличие коррупционной составляющей проектов локальных нормативных правовых актов и документов",
            "Мониторинг принятия новых законодательных норм, изменений действующего законодательства в области коррупции",
            "Своевременное назначение лиц, ответственных за осуществление финансово-хозяйственных мероприятий",
        ])
        #expect(plan.actions.map(\.deadline.text) == ["Не реже одного раза в полугодие", "В течение учебного года", "В течение учебного года", "В случае штатных изменений"])
        #expect(Set(plan.actions.compactMap(\.section)).count == 2)
    }
}
