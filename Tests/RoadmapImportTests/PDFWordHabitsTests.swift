import Foundation
import RoadmapDomain
import Testing

@testable import RoadmapImport

/// `PDFLayout` on habits of a plan Word saved as PDF, as a university's road map of eleven
/// tables showed them (`held-back-36/3801`): each word boxed by its own letters (a line of
/// figures has its top lower than a line of words), list markers drawn from a symbol font (a
/// private-use character on a taller line), the page's number two points above the text, a
/// justified cell's last word a hair past its border, a sign carried to a line of its own, and
/// one table per branch, each on a grid a few points off the others'.
struct PDFWordHabitsTests {
    typealias Typeset = PDFTypesettingTests

    static func header(_ y: Double, shift: Double = 0) -> [PDFPage.Word] {
        Typeset.words("№ п/п", at: 60 + shift, y) + Typeset.words("Наименование мероприятия", at: 111 + shift, y)
            + Typeset.words("Срок исполнения", at: 330 + shift, y) + Typeset.words("Ответственные", at: 440 + shift, y)
    }

    static func row(_ number: String, _ action: String, _ deadline: String, _ executor: String, _ y: Double, shift: Double = 0) -> [PDFPage.Word] {
        Typeset.words(number, at: 60 + shift, y) + Typeset.words(action, at: 111 + shift, y)
            + Typeset.words(deadline, at: 330 + shift, y) + Typeset.words(executor, at: 440 + shift, y)
    }

    static func plan(_ pages: [[PDFPage.Word]]) throws -> PlanDraft {
        let pages = pages.enumerated().map { PDFPage(number: $0.offset + 1, words: $0.element) }
        return try PlanDocumentParser().parse(PDFLayout.document(name: "plan.pdf", pages: pages))
    }

    /// A number counting the pages, two points above the page's first line of text: no part of
    /// a cell, and the table goes on across the page break.
    @Test func pageNumbersCloseAboveTheTextAreNoPartOfIt() throws {
        func number(_ text: String) -> [PDFPage.Word] {
            [PDFPage.Word(text: text, xMin: 300, yMin: 30, xMax: 312, yMax: 40.8)]
        }
        var first = number("6") + Typeset.words("План мероприятий", at: 250, 42.8)
        first += Self.header(70)
        first += Self.row("1.", "Совещание с руководителями", "сентябрь 2024", "Отдел образования", 100)
        first += Self.row("2.", "Мониторинг готовности школ", "октябрь 2024", "Отдел образования", 130)
        var second = number("7")
        second += Self.row("3.", "Семинар для учителей", "ноябрь 2024", "Отдел образования", 42.8)
        second += Self.row("4.", "Конкурс «Учитель года»", "декабрь 2024", "Отдел образования", 72.8)

        let plan = try Self.plan([first, second])
        #expect(plan.actions.map(\.title) == [
            "Совещание с руководителями", "Мониторинг готовности школ", "Семинар для учителей", "Конкурс «Учитель года»",
        ])
        #expect(plan.actions.map(\.deadline.text) == ["сентябрь 2024", "октябрь 2024", "ноябрь 2024", "декабрь 2024"])
    }

    /// Word's «» from the Symbol font comes out as U+F0B7, its box taller than the words' a
    /// tab after it, its line standing taller and the next line that much lower: a list in its
    /// action's cell, not rows.
    @Test func aListWithMarkersOfASymbolFontStaysInItsCell() throws {
        var words = Typeset.words("План мероприятий", at: 250, 20) + Self.header(55)
        words += Self.row("1.", "Оборудование аудиторий:", "2015-2017", "Директор", 85)
        var y = 85 + Typeset.pitch
        // Each item's text a tab after its marker, its next line back at the cell's edge.
        for (item, rest) in [("Интерактивная доска", "с проектором;"), ("Акустическая система", "свободного поля;"), ("Принтер", "Брайля.")] {
            // The marker's box a point taller at both ends, and the next line that much lower
            // (as on the road map's page 7; on its page 31 the marker kept the words' foot).
            words.append(PDFPage.Word(text: "\u{F0B7}", xMin: 111, yMin: y - 0.6, xMax: 116, yMax: y + Typeset.height + 0.7))
            words += Typeset.words(item, at: 126, y)
            y += Typeset.pitch + 1.3
            words += Typeset.words(rest, at: 111, y)
            y += Typeset.pitch
        }
        words += Self.row("2.", "Паспортизация зданий", "01.03.2019", "Директор", y + 10)

        let plan = try Self.plan([words])
        #expect(plan.actions.count == 2)
        #expect(plan.actions.first?.title == "Оборудование аудиторий: • Интерактивная доска с проектором; • Акустическая система свободного поля; • Принтер Брайля.")
        #expect(plan.actions.map(\.deadline.text) == ["2015-2017", "01.03.2019"])
    }

    /// A line of figures boxed by its own letters has its top two points lower than a line of
    /// words, and the same foot; a comma a narrow column carried to a line of its own goes
    /// back to the figures it follows.
    @Test func aCellsLinesOfFiguresAndSignsStayInItsCell() throws {
        var words = Typeset.words("План мероприятий", at: 250, 20) + Self.header(55)
        words += Self.row("1.", "Разработка локальных актов", "30.03.2016", "Директор", 85)
        let top = 85 + 3 * Typeset.pitch
        words += Typeset.words("2.", at: 60, top) + Typeset.words("Обучение специалистов", at: 111, top)
            + Typeset.words("Заместитель директора", at: 440, top)
        let deadline: [(String, Double)] = [("Первый", 0), ("этап -", 0), ("01.06.2016", 2.3), (",", 2.3), ("далее -", 0), ("постоянно", 0)]
        for (index, (text, lower)) in deadline.enumerated() {
            let y = top + Double(index) * Typeset.pitch
            words += Typeset.words(text, at: 330, y).map {
                PDFPage.Word(text: $0.text, xMin: $0.xMin, yMin: $0.yMin + lower, xMax: $0.xMax, yMax: $0.yMax)
            }
        }
        words += Self.row("3.", "Подготовка учебных материалов", "Постоянно", "Заведующие отделениями", top + 7 * Typeset.pitch)

        let plan = try Self.plan([words])
        #expect(plan.actions.map(\.deadline.text) == ["30.03.2016", "Первый этап - 01.06.2016, далее - постоянно", "Постоянно"])
    }

    /// A justified action's line ends at its border, and the next cell's text starts under half
    /// a point on (304.63 and 305.09 in the road map): its last word still ends the cell, and
    /// the next word starts the next column's.
    @Test func aJustifiedCellsLastWordAHairPastItsBorderEndsTheCell() throws {
        var words = Typeset.words("План мероприятий", at: 250, 20) + Self.header(55)
        words += Self.row("1.", "Совещание с руководителями", "сентябрь 2024", "Отдел образования", 85)
        // «Организация доступности необходимого» justified from 111 to 329.6, then «2015-2017» at 330.
        let action = ["Организация", "доступности", "необходимого"]
        let letters = Double(action.joined().count) * Typeset.letter
        let gap = (329.6 - 111 - letters) / 2
        words += Typeset.words("2.", at: 60, 115) + Typeset.words(action.joined(separator: " "), at: 111, 115, gap: gap)
            + Typeset.words("2015-2017", at: 330, 115) + Typeset.words("Директор", at: 440, 115)
        words += Typeset.words("количества зданий", at: 111, 115 + Typeset.pitch)
        words += Self.row("3.", "Мониторинг готовности школ", "октябрь 2024", "Отдел образования", 160)

        let plan = try Self.plan([words])
        #expect(plan.actions.map(\.title) == [
            "Совещание с руководителями", "Организация доступности необходимого количества зданий", "Мониторинг готовности школ",
        ])
        #expect(plan.actions.map(\.deadline.text) == ["сентябрь 2024", "2015-2017", "октябрь 2024"])
    }

    /// One table a branch, each on a grid of its own a few points off the other's: each page's
    /// table is read by its own columns, not by the edges of both.
    @Test func tablesOnGridsOfTheirOwnAreEachReadByTheirColumns() throws {
        var first = Typeset.words("Головной вуз", at: 250, 20) + Self.header(55)
        var second = Typeset.words("Филиал в г. Туапсе", at: 250, 20) + Self.header(55, shift: -3.5)
        for index in 0..<6 {
            let y = 85 + Double(index) * 30
            first += Self.row("1.\(index + 1)", "Мероприятие вуза номер \(index + 1)", "\(index + 10).03.2016", "Проректор", y)
            second += Self.row("1.\(index + 1)", "Мероприятие филиала номер \(index + 1)", "\(index + 10).04.2016", "Директор", y, shift: -3.5)
        }

        let plan = try Self.plan([first, second])
        #expect(plan.actions.map(\.title) == (1...6).map { "Мероприятие вуза номер \($0)" } + (1...6).map { "Мероприятие филиала номер \($0)" })
        #expect(plan.actions.map(\.deadline.text) == (10...15).map { "\($0).03.2016" } + (10...15).map { "\($0).04.2016" })
        #expect(plan.actions.allSatisfy { $0.executors.count == 1 })
    }

    /// The runs of pages that share a grid: a page of a table on a grid none of whose edges
    /// the run's has starts a run; a page of prose, or of the same table with a column it
    /// leaves empty, goes on with the run before it.
    @Test func pagesOfOneGridMakeOneRun() {
        func table(_ edges: [Double], rows: Int = 6) -> [[PDFLayout.Run]] {
            (0..<rows).map { row in
                edges.enumerated().map { PDFLayout.Run(words: Typeset.words($0.offset == 0 ? "1.\(row + 1)" : "ячейка", at: $0.element, 60 + Double(row) * 30), page: 1) }
            }
        }
        let prose = (0..<8).map { [PDFLayout.Run(words: Typeset.words("Текст пояснительной записки к плану", at: 60, 60 + Double($0) * 14), page: 1)] }
        let head = [59.76, 88.2, 307.97, 506.47, 598.51, 655.3]
        let branch = [57.24, 84.96, 305.09, 503.59, 595.63, 652.42]
        let pages = [prose, table(head), table(Array(head.dropLast())), prose, table(branch), table(branch)]
        #expect(PDFLayout.segments(pages) == [0..<4, 4..<6])
        #expect(PDFLayout.segments(pages, jitter: 0.6) == [0..<6])
    }

    /// Two cells' lines a third of a line apart (the action's list beside the paragraphs of the
    /// document's column, spaced apart): two lines, each in its cell, though their middles stand
    /// closer than a line's half. The next cell's word starts two points into its column after
    /// the justified action's last word, a space's width away where its spaces were stretched.
    @Test func cellsLinesAThirdOfALineApartStayInTheirCells() throws {
        func row(_ cells: [String], _ y: Double) -> [PDFPage.Word] {
            zip([60.0, 111, 330, 440, 520], cells).flatMap { Typeset.words($1, at: $0, y) }
        }
        var words = Typeset.words("План мероприятий", at: 250, 20)
        words += row(["№", "Наименование мероприятия", "Документ", "Срок", "Ответственные"], 55)
        words += row(["1.", "Оборудование аудиторий:", "Постановление", "2015-2017", "Директор"], 85)
        let y = 85 + Typeset.pitch
        // «Рации, мобильные устройства,» justified to 327.5; «Свод правил», the document's
        // second paragraph, at 332 and a third of a line lower.
        let item = ["Рации,", "мобильные", "устройства,"]
        let gap = (327.5 - 111 - Double(item.joined().count) * Typeset.letter) / 2
        words += Typeset.words(item.joined(separator: " "), at: 111, y, gap: gap)
        words += Typeset.words("Свод правил", at: 332, y + 5)
        words += Typeset.words("адаптированные для инвалидов;", at: 111, y + Typeset.pitch)
        words += row(["2.", "Паспортизация зданий", "Постановление", "01.03.2019", "Директор"], y + 3 * Typeset.pitch)

        let plan = try Self.plan([words])
        #expect(plan.actions.map(\.title) == [
            "Оборудование аудиторий: Рации, мобильные устройства, адаптированные для инвалидов;", "Паспортизация зданий",
        ])
        #expect(plan.actions.map(\.deadline.text) == ["2015-2017", "01.03.2019"])
        #expect(plan.actions.allSatisfy { $0.section == nil })
    }

    /// A page that ends with a paragraph of one cell but the first column's, and a next page
    /// that opens with the rest of a cell: one table across the break, its rows all read.
    @Test func theRestOfACellOnTheNextPageKeepsTheTableWhole() throws {
        var first = Typeset.words("План мероприятий", at: 250, 20) + Self.header(55)
        first += Self.row("1.", "Совещание с руководителями", "сентябрь 2024", "Отдел образования", 85)
        first += Self.row("2.", "Семинар для заместителей", "октябрь 2024", "Отдел образования", 115)
        first += Typeset.words("директоров по учебной работе", at: 111, 115 + Typeset.pitch)
        // The executors' cell of row 2 goes on after a paragraph's space, to the page's foot.
        first += Typeset.words("Методический центр", at: 440, 115 + 3 * Typeset.pitch)
        var second = Typeset.words("и школы района", at: 440, 42.8)
        second += Self.row("3.", "Конкурс «Учитель года»", "декабрь 2024", "Отдел образования", 72.8)
        second += Self.row("4.", "Мониторинг готовности школ", "январь 2025", "Отдел образования", 102.8)

        let plan = try Self.plan([first, second])
        #expect(plan.actions.map(\.title) == [
            "Совещание с руководителями", "Семинар для заместителей директоров по учебной работе", "Конкурс «Учитель года»",
            "Мониторинг готовности школ",
        ])
        #expect(plan.actions.map(\.deadline.text) == ["сентябрь 2024", "октябрь 2024", "декабрь 2024", "январь 2025"])
        #expect(plan.actions[1].executors.map(\.name) == ["Отдел образования", "Методический центр и школы района"])
    }
}
