import Foundation
import RoadmapDomain
import Testing

@testable import RoadmapImport

/// `PDFLayout` on tables typeset the ways Word and Writer set a plan's cells, with the words
/// placed here as a program places them (level, a space apart): cells centred from top to
/// bottom, deadlines and executors centred across their columns beside a justified action,
/// a column the header names and no row fills, rows of one line each, and a line broken at a
/// hyphen or a dash. `CorpusPDFTests` measures the same on the corpus's plans saved as PDF by
/// LibreOffice; these tests hold each rule without it.
struct PDFTypesettingTests {
    static let height = 15.6
    static let letter = 6.0
    static let pitch = 13.8

    /// The words of `text` from `x` on at `y`, `gap` apart (a space, or a justified line's
    /// stretched spaces).
    static func words(_ text: String, at x: Double, _ y: Double, gap: Double = 3) -> [PDFPage.Word] {
        var left = x
        return text.split(separator: " ").map { word in
            let width = Double(word.count) * letter
            defer { left += width + gap }
            return PDFPage.Word(text: String(word), xMin: left, yMin: y, xMax: left + width, yMax: y + height)
        }
    }

    /// `text` justified across the action's column, from 115 to 265: its spaces stretched alike.
    static func justified(_ text: String, _ y: Double) -> [PDFPage.Word] {
        let parts = text.split(separator: " ")
        let letters = Double(parts.reduce(0) { $0 + $1.count }) * letter
        return words(text, at: 115, y, gap: (150 - letters) / Double(max(parts.count - 1, 1)))
    }

    /// `text` centred on `centre`.
    static func centred(_ text: String, on centre: Double, _ y: Double) -> [PDFPage.Word] {
        words(text, at: centre - (Double(text.count) * letter) / 2, y)
    }

    static func lines(_ texts: [String], at x: Double, from y: Double) -> [PDFPage.Word] {
        texts.enumerated().flatMap { words($0.element, at: x, y + Double($0.offset) * pitch) }
    }

    static func plan(_ words: [PDFPage.Word]) throws -> PlanDraft {
        try PlanDocumentParser().parse(PDFLayout.document(name: "plan.pdf", pages: [PDFPage(number: 1, words: words)]))
    }

    /// Every cell centred from top to bottom, as an HTML table saved by Writer sets them: a
    /// row's number and deadline stand midway down its action, level with none of its lines;
    /// a section crosses the table; the executors' column is named and left empty.
    @Test func cellsCentredFromTopToBottomReadAsTheirRows() throws {
        var words = Self.words("План мероприятий", at: 250, 20)
        words += Self.words("№ п/п", at: 60, 55) + Self.words("Наименование мероприятия", at: 111, 55)
            + Self.words("Срок исполнения", at: 330, 55) + Self.words("Ответственные", at: 440, 55)
        words += Self.words("I. Организационная работа с руководителями учреждений", at: 60, 75)
        words += Self.lines(["Совещание с руководителями", "общеобразовательных", "организаций района по", "итогам года"], at: 111, from: 95)
        words += Self.words("1.", at: 60, 95 + 1.5 * Self.pitch) + Self.words("сентябрь 2024", at: 330, 95 + 1.5 * Self.pitch)
        words += Self.lines(["Мониторинг готовности", "школ к учебному году"], at: 111, from: 160)
        words += Self.words("2.", at: 60, 160 + 0.5 * Self.pitch) + Self.words("в течение года", at: 330, 160 + 0.5 * Self.pitch)
        words += Self.lines(["Семинар для заместителей", "директоров по учебной", "работе и методистов", "муниципального центра"], at: 111, from: 200)
        words += Self.words("3.", at: 60, 200 + 1.5 * Self.pitch) + Self.words("до 15.10.2024", at: 330, 200 + 1.5 * Self.pitch)

        let plan = try Self.plan(words)
        #expect(plan.actions.map(\.title) == [
            "Совещание с руководителями общеобразовательных организаций района по итогам года",
            "Мониторинг готовности школ к учебному году",
            "Семинар для заместителей директоров по учебной работе и методистов муниципального центра",
        ])
        #expect(plan.actions.map(\.deadline.text) == ["сентябрь 2024", "в течение года", "до 15.10.2024"])
        #expect(plan.actions.map(\.section) == Array(repeating: "I. Организационная работа с руководителями учреждений", count: 3))
    }

    /// The action justified to both edges, the number, deadline and executors centred: no
    /// two deadlines start at one place, the executors' lines stand alone between the
    /// action's, and the header's headings start further left than any of their cells.
    @Test func centredColumnsBesideAJustifiedActionStartWhereTheirWidestTextStarts() throws {
        var words = Self.words("План мероприятий", at: 250, 20)
        words += Self.centred("№ п/п", on: 82, 55) + Self.centred("Наименование мероприятия", on: 200, 55)
            + Self.centred("Срок исполнения", on: 345, 55) + Self.centred("Ответственные", on: 485, 55)
        // Row 1: four lines justified from 115 to 265, its deadline and executors midway.
        words += Self.justified("Проведение анализа и", 80) + Self.justified("подготовка материалов", 80 + Self.pitch)
            + Self.justified("по итогам ГИА-11 в", 80 + 2 * Self.pitch) + Self.words("2015 году", at: 115, 80 + 3 * Self.pitch)
        words += Self.centred("1.", on: 82, 80 + 1.5 * Self.pitch) + Self.centred("июль - август 2015", on: 345, 80 + 1.5 * Self.pitch)
        words += Self.centred("Н.Е. Байрачный,", on: 485, 80 + 0.5 * Self.pitch) + Self.centred("Т.Ю. Горностаева", on: 485, 80 + 2.5 * Self.pitch)
        // Row 2: two lines.
        words += Self.justified("Подготовка отчетов", 150) + Self.words("комиссий", at: 115, 150 + Self.pitch)
        words += Self.centred("2.", on: 82, 150 + 0.5 * Self.pitch) + Self.centred("август", on: 345, 150 + 0.5 * Self.pitch)
            + Self.centred("Р.А. Гардымова", on: 485, 150 + 0.5 * Self.pitch)
        // Row 3: two lines; the widest deadline of all.
        words += Self.justified("Издание информационного", 195) + Self.words("сборника", at: 115, 195 + Self.pitch)
        words += Self.centred("3.", on: 82, 195 + 0.5 * Self.pitch) + Self.centred("сентябрь - октябрь 2015", on: 345, 195 + 0.5 * Self.pitch)
            + Self.centred("Отдел образования", on: 485, 195 + 0.5 * Self.pitch)

        let plan = try Self.plan(words)
        #expect(plan.actions.map(\.title) == [
            "Проведение анализа и подготовка материалов по итогам ГИА-11 в 2015 году",
            "Подготовка отчетов комиссий",
            "Издание информационного сборника",
        ])
        #expect(plan.actions.map(\.deadline.text) == ["июль - август 2015", "август", "сентябрь - октябрь 2015"])
        #expect(plan.actions[0].executors.map(\.name) == ["Н.Е. Байрачный", "Т.Ю. Горностаева"])
        #expect(plan.actions[2].executors.map(\.name) == ["Отдел образования"])
    }

    /// A schedule whose rows hold one line each but one: the distance between two rows is
    /// the one seen again and again, the pitch of a cell's lines is seen once.
    @Test func rowsOfOneLineEachAreRowsOfTheirOwn() throws {
        var words = Self.words("№ п/п", at: 60, 55) + Self.words("Наименование мероприятия", at: 115, 55) + Self.words("Срок исполнения", at: 300, 55)
            + Self.words("Ответственные", at: 420, 55)
        let subjects = ["Экономика", "Литература", "Основы безопасности", "Английский язык", "География", "Право"]
        var y = 76.0
        for (index, subject) in subjects.enumerated() {
            words += Self.words("\(index + 1).", at: 60, y) + Self.words(subject, at: 115, y) + Self.words("\(index + 5) ноября", at: 300, y)
            if subject == "Основы безопасности" {
                words += Self.words("жизнедеятельности", at: 115, y + Self.pitch)
                y += Self.pitch
            }
            y += 22.6
        }
        let plan = try Self.plan(words)
        #expect(plan.actions.map(\.title) == ["Экономика", "Литература", "Основы безопасности жизнедеятельности", "Английский язык", "География", "Право"])
        #expect(plan.actions.map(\.deadline.text) == (5...10).map { "\($0) ноября" })
    }

    /// A schedule whose header and rows all hold one line: no distance seen is a cell's
    /// pitch, and the rows' distance is not one either, for two row numbers stand a row apart.
    @Test func rowsOfOneLineUnderAHeaderOfOneLineAreRowsOfTheirOwn() throws {
        var words = Self.words("№ п/п", at: 60, 55) + Self.words("Наименование мероприятия", at: 115, 55) + Self.words("Срок исполнения", at: 300, 55)
            + Self.words("Ответственные", at: 420, 55)
        let events = ["подготовка к празднику", "открытие праздника", "выступление агитбригад", "обед"]
        for (index, event) in events.enumerated() {
            let y = 76 + Double(index) * 21
            words += Self.words("\(index + 1).", at: 60, y) + Self.words(event, at: 115, y) + Self.words("\(index + 9):00", at: 300, y)
        }
        let plan = try Self.plan(words)
        #expect(plan.actions.map(\.title) == events)
        #expect(plan.actions.map(\.deadline.text) == ["9:00", "10:00", "11:00", "12:00"])
    }

    /// A plan of one row: its number set midway down the row is the only one, and the header's
    /// «№ п/п» breaks over two lines of their own, so nothing starts there twice on a line of
    /// the table. Together they are the first column, not words of the action.
    @Test func aTableOfOneRowKeepsItsNumberColumn() throws {
        var words = Self.words("№ п/", at: 60, 50)
        words += Self.words("Наименование мероприятия", at: 111, 57) + Self.words("Срок исполнения", at: 330, 57) + Self.words("Ответственные", at: 440, 57)
        // A narrow letter: the strip «п» and «1.» cover together is too narrow for a column.
        words.append(PDFPage.Word(text: "п", xMin: 60.25, yMin: 64, xMax: 65.9, yMax: 64 + Self.height))
        // The executors' cell is the tallest: the action's lines and the number stand between its lines.
        let executors = ["Министерство", "образования", "Сахалинской", "области,", "государственное", "бюджетное", "учреждение", "дополнительного", "образования"]
        words += Self.lines(executors, at: 440, from: 85)
        let action = ["Организация внедрения в практику", "обучения и воспитания", "гуманитарных технологий,", "направленных на формирование", "толерантного сознания"]
        words += action.enumerated().flatMap { Self.words($0.element, at: 111, 85 + (Double($0.offset) + 2.5) * Self.pitch) }
        words += Self.words("1.", at: 60, 85 + 4.5 * Self.pitch) + Self.words("2013 - 2015 годы", at: 330, 85 + 4.5 * Self.pitch)
        let plan = try Self.plan(words)
        #expect(plan.actions.map(\.title) == [action.joined(separator: " ")])
        #expect(plan.actions.map(\.deadline.text) == ["2013 - 2015 годы"])
    }

    /// A line of a cell that starts with a capital keeps its line where its first word would
    /// have fitted on the line before (begun by hand), and joins it with a space where the line
    /// before was full (a wrapped place or name).
    @Test func aCapitalAfterAFullLineIsAWrappedLine() {
        func cell(_ lines: [String]) -> String {
            let runs = lines.enumerated().map { PDFLayout.Run(words: Self.words($0.element, at: 330, 100 + Double($0.offset) * Self.pitch), page: 1) }
            return PDFLayout.Block(column: 2, runs: runs, spansTable: false, rightEdge: 330 + 17 * Self.letter, leftEdge: 330).text
        }
        #expect(cell(["17 ноября 12.00", "Актовый зал"]) == "17 ноября 12.00 Актовый зал")
        #expect(cell(["Директор", "Завуч"]) == "Директор\nЗавуч")
    }

    /// A long word alone on its line that ends short of where its cell's text may reach only
    /// filled the line; one that reaches it was broken there, too long for its column.
    @Test func aWordThatFillsItsLineIsNoBrokenWord() {
        func cell(cellEnd: Double) -> String {
            let runs = ["до отмены (с учетом", "эпидемиологической", "обстановки)"].enumerated().map {
                PDFLayout.Run(words: Self.words($0.element, at: 330, 100 + Double($0.offset) * Self.pitch), page: 1)
            }
            return PDFLayout.Block(column: 2, runs: runs, spansTable: false, rightEdge: 330 + 18 * Self.letter, cellEnd: cellEnd, leftEdge: 330).text
        }
        #expect(cell(cellEnd: 330 + 22 * Self.letter) == "до отмены (с учетом эпидемиологической обстановки)")
        #expect(cell(cellEnd: 330 + 18 * Self.letter) == "до отмены (с учетом эпидемиологическойобстановки)")
    }

    /// Executors centred in their column start a few points apart by their widths: one
    /// that starts between two such edges, near both, is one run and no sign that the two
    /// edges are two columns side by side.
    @Test func aRunNearTwoEdgesOfACentredColumnDoesNotSplitIt() {
        func run(_ text: String, _ x: Double, _ y: Double) -> PDFLayout.Run {
            PDFLayout.Run(words: [PDFPage.Word(text: text, xMin: x, yMin: y, xMax: x + Double(text.count) * Self.letter, yMax: y + Self.height)], page: 1)
        }
        let lines = [
            [run("1.", 46, 100), run("Воспитатели", 474, 100)],
            [run("2.", 46, 120), run("Музыкальный", 470.6, 120)],
            [run("3.", 46, 140), run("руководитель", 472, 140)],
        ]
        #expect(PDFLayout.mergingCentredEdges([46, 470.6, 474], lines, tolerance: 2) == [46, 470.6])
    }

    /// Executors centred in their column under a narrower heading: the widest of them, on
    /// lines of their own, start left of every other and cross the edge the others give. They
    /// are that column's text, not a section's, and the column starts where they do.
    @Test func theWidestTextOfACentredColumnMovesItsEdge() {
        func run(_ text: String, _ from: Double, _ to: Double, _ y: Double) -> PDFLayout.Run {
            PDFLayout.Run(words: [PDFPage.Word(text: text, xMin: from, yMin: y, xMax: to, yMax: y + Self.height)], page: 1)
        }
        let lines = [
            [run("№ п/п", 46, 62, 60), run("Наименование мероприятия", 70, 215, 60), run("Срок исполнения", 343, 431, 60), run("Ответственные", 467, 545, 60)],
            [run("Учителя физической", 453, 559, 80)],
            [run("1.", 46, 55, 90), run("«Президентские состязания»", 70, 219, 90), run("19.01., 8.50", 358, 415, 90)],
            [run("культуры", 483, 530, 100)],
            [run("2.", 46, 55, 120), run("День биатлониста", 70, 162, 120), run("02.02., 8.40", 358, 415, 120), run("МО валеологии", 466.8, 546, 120)],
            [run("3.", 46, 55, 140), run("Товарищеская встреча", 70, 334, 140), run("16.02., 12.00", 355, 418, 140), run("Греченев С.П.", 471, 542, 140)],
            [run("Учителя физической", 453, 559, 160)],
            [run("4.", 46, 55, 170), run("Мира и Европы", 70, 334, 170), run("16.03. – 9.00.", 354, 420, 170)],
            [run("культуры", 483, 530, 180)],
        ]
        #expect(PDFLayout.coveredColumns([46, 70, 343, 466.8], lines, tolerance: 2) == [46, 70, 343, 453])
    }

    /// A page with no text after the table (left blank, or holding only its number) ends
    /// nothing and stops nothing: the reader once indexed the empty page's rows and crashed.
    @Test func aBlankLastPageIsNoText() throws {
        var words = Self.words("№ п/п", at: 60, 55) + Self.words("Наименование мероприятия", at: 115, 55) + Self.words("Срок исполнения", at: 300, 55)
        for (index, subject) in ["Экономика", "Литература", "Право"].enumerated() {
            let y = 76 + Double(index) * 36.4
            words += Self.words("\(index + 1).", at: 60, y) + Self.lines([subject, "олимпиада"], at: 115, from: y) + Self.words("\(index + 5) ноября", at: 300, y)
        }
        let document = PDFLayout.document(name: "plan.pdf", pages: [PDFPage(number: 1, words: words), PDFPage(number: 2, words: [])])
        let plan = try PlanDocumentParser().parse(document)
        #expect(plan.actions.map(\.title) == ["Экономика олимпиада", "Литература олимпиада", "Право олимпиада"])
    }

    /// A line that ends with a hyphen: a word broken there joins again, a dash keeps its
    /// spaces, a range and a name of two capitalised parts join without one.
    @Test(arguments: [
        ("нормативно-", "правовых актов", "нормативно-правовых актов"),
        ("Чествование ДОУ -", "победителей конкурса", "Чествование ДОУ - победителей конкурса"),
        ("о: -", "модельной системе", "о: - модельной системе"),
        ("на 2023-", "2024 учебный год", "на 2023-2024 учебный год"),
        ("70-", "летию Победы", "70-летию Победы"),
        ("пгт. Верх-", "Чебула", "пгт. Верх-Чебула"),
        ("стенды I-", "XI классов", "стенды I-XI классов"),
        ("Сентябрь -", "декабрь", "Сентябрь - декабрь"),
        ("(7–", "9 кл.)", "(7–9 кл.)"),
        ("1941 –", "1945 гг.", "1941 – 1945 гг."),
        ("инфекции COVID-", "19", "инфекции COVID-19"),
        ("очевидцев –", "проведение встреч", "очевидцев – проведение встреч"),
    ])
    func aLineEndingWithAHyphenJoinsTheNext(_ first: String, _ second: String, _ joined: String) {
        #expect(PDFLayout.join([(first, false), (second, false)]) == joined)
    }
}
