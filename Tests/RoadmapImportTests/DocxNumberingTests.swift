import Foundation
import RoadmapDomain
import Testing

@testable import RoadmapImport

/// Word's automatic numbering: the numbers of a «№» column and of a plan's parts that Word
/// shows but does not keep in the text.
@Suite("Word's automatic numbering")
struct DocxNumberingTests {
    static func paragraph(_ text: String, list: String? = nil, level: Int = 0, style: String? = nil) -> String {
        let style = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        let numbering = list.map { "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\($0)\"/></w:numPr>" } ?? ""
        let properties = style.isEmpty && numbering.isEmpty ? "" : "<w:pPr>\(style)\(numbering)</w:pPr>"
        return "<w:p>\(properties)" + (text.isEmpty ? "" : "<w:r><w:t>\(text)</w:t></w:r>") + "</w:p>"
    }

    /// A definition of three levels «%1.», «%1.%2.», «%1.%2.%3.» in `format`.
    static func definition(_ id: String, format: String = "decimal", start: Int = 1) -> String {
        let levels = (0..<3).map { level in
            let text = (0...level).map { "%\($0 + 1)." }.joined()
            return "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"\(start)\"/><w:numFmt w:val=\"\(format)\"/><w:lvlText w:val=\"\(text)\"/></w:lvl>"
        }
        return "<w:abstractNum w:abstractNumId=\"\(id)\">\(levels.joined())</w:abstractNum>"
    }

    static let header = ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственные"]

    /// A goal, its two tasks and three actions, each row's number as typed.
    static let rows: [(number: String, level: Int, cells: [String])] = [
        ("1.", 0, ["Цель: повышение качества образования", "", ""]),
        ("1.1.", 1, ["Задача: развитие кадрового потенциала", "", ""]),
        ("1.1.1.", 2, ["Семинар для учителей математики", "октябрь 2024", "Отдел образования"]),
        ("1.1.2.", 2, ["Конкурс «Учитель года»", "ноябрь 2024", "Петрова И.И., заместитель начальника"]),
        ("1.2.", 1, ["Задача: поддержка одарённых детей", "", ""]),
        ("1.2.1.", 2, ["Муниципальный этап олимпиады", "декабрь 2024", "Отдел образования"]),
    ]

    /// The plan as a Word table: its numbers typed, or numbered by one list of three levels.
    static func plan(typed: Bool) throws -> Data {
        func cell(_ content: String) -> String { "<w:tc>\(content)</w:tc>" }
        var table = "<w:tbl><w:tr>" + header.map { cell(paragraph($0)) }.joined() + "</w:tr>"
        for row in rows {
            let number = typed ? paragraph(row.number) : paragraph("", list: "7", level: row.level)
            table += "<w:tr>" + cell(number) + row.cells.map { cell(paragraph($0)) }.joined() + "</w:tr>"
        }
        table += "</w:tbl>"
        return try OfficeFixture.docx(
            body: paragraph("План мероприятий на 2024/2025 учебный год") + table,
            numbering: definition("3") + "<w:num w:numId=\"7\"><w:abstractNumId w:val=\"3\"/></w:num>")
    }

    @Test func aPlanNumberedByWordReadsAsTheSamePlanTyped() throws {
        let numbered = try DocxReader.read(data: try Self.plan(typed: false), name: "plan.docx")
        let table = try #require(numbered.tables.first)
        #expect(table.rows.dropFirst().map { $0[0].text } == Self.rows.map(\.number))

        let typed = try PlanDocumentParser().parse(try DocxReader.read(data: try Self.plan(typed: true), name: "plan.docx"))
        let read = try PlanDocumentParser().parse(numbered)
        #expect(read.goals == typed.goals)
        // The goal's and the tasks' rows are the plan's goal and tasks, not actions with no deadline.
        let goal = try #require(read.goals.first)
        #expect(read.goals.count == 1 && goal.title == "Повышение качества образования")
        #expect(goal.tasks.map(\.title) == ["Развитие кадрового потенциала", "Поддержка одарённых детей"])
        #expect(read.actions.map(\.title) == ["Семинар для учителей математики", "Конкурс «Учитель года»", "Муниципальный этап олимпиады"])
        #expect(read.actions.map(\.taskPositions) == [[1], [1], [2]])
        #expect(read.actions.map(\.deadline.text) == ["октябрь 2024", "ноябрь 2024", "декабрь 2024"])
    }

    @Test func listsOfOneDefinitionCountOnAndAnOverrideStartsAgain() throws {
        // Parts «I.», «II.» by one list; rows by lists 1 and 2 of one definition, which count
        // on together; list 3 of the same definition starts again at 1 by its override.
        let numbering = Self.definition("0", format: "upperRoman") + Self.definition("1")
            + "<w:num w:numId=\"9\"><w:abstractNumId w:val=\"0\"/></w:num>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
            + "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
            + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
        let body = [
            Self.paragraph("Организационная работа", list: "9"),
            Self.paragraph("Совещание", list: "1"),
            Self.paragraph("Семинар", list: "2"),
            Self.paragraph("Работа с педагогами", list: "9"),
            Self.paragraph("Конкурс", list: "3"),
            Self.paragraph("Фестиваль", list: "3"),
            Self.paragraph("Без номера", list: "0"),
            Self.paragraph("Чужой список", list: "42"),
        ].joined()
        let document = try DocxReader.read(data: try OfficeFixture.docx(body: body, numbering: numbering), name: "lists.docx")
        #expect(document.paragraphs.map(\.text) == [
            "I. Организационная работа", "1. Совещание", "2. Семинар", "II. Работа с педагогами", "1. Конкурс", "2. Фестиваль",
            "Без номера", "Чужой список",
        ])
    }

    @Test func aStylesListNumbersItsParagraphsAndBulletsGiveNoNumber() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="russianLower"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
            <w:abstractNum w:abstractNumId="6"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{F0B7}"/></w:lvl></w:abstractNum>
            <w:num w:numId="4"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="8"><w:abstractNumId w:val="6"/></w:num>
            """
        // «Пункт» takes its list from «Список», the style it is based on.
        let styles = """
            <w:style w:type="paragraph" w:styleId="Список"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Пункт"><w:basedOn w:val="Список"/></w:style>
            """
        // A tracked change keeps the paragraph's earlier numbering: it is not the paragraph's.
        let changed = "<w:p><w:pPr><w:pPrChange><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"4\"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Было в списке</w:t></w:r></w:p>"
        let body = [
            Self.paragraph("Совещание", style: "Пункт"), Self.paragraph("Семинар", style: "Список"), changed,
            Self.paragraph("Конкурс", list: "8"), Self.paragraph("Фестиваль", style: "Пункт"),
        ].joined()
        let document = try DocxReader.read(data: try OfficeFixture.docx(body: body, numbering: numbering, styles: styles), name: "styles.docx")
        #expect(document.paragraphs.map(\.text) == ["а) Совещание", "б) Семинар", "Было в списке", "Конкурс", "в) Фестиваль"])
    }

    /// A hostile file's starts beyond any integer, or below zero, are Word's bounds: counting
    /// on from them neither overflows nor stops the read.
    @Test func startsOutOfBoundsAreBroughtWithinWordsOwn() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="9223372036854775807"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
            <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="-5"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
            <w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="99999999999999999999999"/></w:lvlOverride></w:num>
            <w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="-99999999999999999999999"/></w:lvlOverride></w:num>
            <w:num w:numId="5"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="пять"/></w:lvlOverride></w:num>
            """
        let body = [
            Self.paragraph("А", list: "1"), Self.paragraph("Б", list: "1"), Self.paragraph("В", list: "2"), Self.paragraph("Г", list: "3"),
            Self.paragraph("Д", list: "4"), Self.paragraph("Е", list: "5"),
        ].joined()
        let document = try DocxReader.read(data: try OfficeFixture.docx(body: body, numbering: numbering), name: "hostile.docx")
        // A start that is no number at all is none: the definition's list counts on after «Д».
        #expect(document.paragraphs.map(\.text) == ["32767. А", "32768. Б", "0. В", "32767. Г", "0. Д", "1. Е"])
    }

    @Test func numbersAreWrittenAsTheirLevelsFormatWritesThem() {
        #expect(DocxNumbering.written(14, as: "upperRoman") == "XIV")
        #expect(DocxNumbering.written(4, as: "lowerRoman") == "iv")
        #expect(DocxNumbering.written(3, as: "upperLetter") == "C")
        #expect(DocxNumbering.written(28, as: "upperLetter") == "BB")
        #expect(DocxNumbering.written(7, as: "russianUpper") == "Ж")
        #expect(DocxNumbering.written(10, as: "russianUpper") == "К")
        #expect(DocxNumbering.written(10, as: "russianLower") == "к")
        #expect(DocxNumbering.written(7, as: "decimalZero") == "07")
        #expect(DocxNumbering.written(12, as: "ordinal") == "12")
    }
}
