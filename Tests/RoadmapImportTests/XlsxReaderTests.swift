import Foundation
import RoadmapDomain
import RoadmapImport
import Testing

@Suite("Reading .xlsx")
struct XlsxReaderTests {
    let document: SourceDocument

    init() throws {
        document = try XlsxReader.read(data: try OfficeFixture.data("order770.xlsx"), name: "order770.xlsx")
    }

    @Test func titleRowsBecomeParagraphsWithTheDateConverted() throws {
        #expect(document.paragraphs.map(\.text) == [
            "КОМИТЕТ ОБРАЗОВАНИЯ", "ПРИКАЗ", "25.06.2018", "№ 770",
            "О Плана мероприятий («дорожной карте») межмуниципального взаимодействия в рамках реализации Комплекса мер по повышению качества образования в муниципальных общеобразовательных организациях города Тамбова, функционирующих в неблагоприятных социальных условиях",
            "Контроль за исполнением настоящего приказа оставляю за собой.",
            "Председатель комитета образования Е.Д.Выжимов",
        ])
        #expect(document.paragraphs[2].location.cell == "A3")
    }

    @Test func tableKeepsCellReferencesAndMerges() throws {
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        #expect(table.rows.count == 5)
        #expect(table.rows[0].map(\.text) == ["", "Планируемые действия", "Ожидаемые результаты", "Сроки реализации", "Ответственный исполнитель"])
        #expect(table.rows[0][1].location.cell == "B9")
        // A10:E10, rich text «Цель:» in bold plus the rest.
        #expect(table.rows[1][0].text == "Цель: Повышение профессиональной компетенции педагогов в рамках межмуниципального взаимодействия")
        #expect(table.rows[1].dropFirst().allSatisfy { $0.mergedFromLeft && $0.text.isEmpty })
        // A11:A13, the tasks.
        #expect(table.rows[2][0].text.hasPrefix("Задачи:\n1. Организовать взаимодействие"))
        #expect(table.rows[2][0].text.hasSuffix("4. Активизировать участие педагогов в конкурсах профмастерства"))
        #expect(table.rows[3][0].mergedFromAbove && table.rows[4][0].mergedFromAbove)
        #expect(table.rows[3][0].location.cell == "A12")
        #expect(table.rows.map { $0[3].text }.suffix(3) == ["Сентябрь 2018 – апрель 2019", "Март 2019", "Октябрь 2018"])
        #expect(table.rows[4][4].text == "Комитет образования, МКУ «Центр сопровождения образовательной деятельности», МАОУ СОШ № 5 имени Ю.А.Гагарина, город Тамбов")
        #expect(table.rows[4][4].location.cell == "E13")
    }

    @Test func onlyTheFirstSheetIsRead() {
        #expect(!document.paragraphs.contains { $0.text == "не читать" })
        #expect(!document.tables.flatMap(\.rows).joined().contains { $0.text == "лист 2" })
    }

    @Test(arguments: [
        // Built-in date format 14 (m/d/yy), a custom Russian one, a plain number, and a time-only format.
        (styleFormat: "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>", serial: "43525", expected: "01.03.2019"),
        (styleFormat: "<numFmts><numFmt numFmtId=\"170\" formatCode=\"[$-419]d\\ mmmm\\ yyyy&quot;г.&quot;\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"170\"/></cellXfs>", serial: "43374.5", expected: "01.10.2018"),
        (styleFormat: "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"2\"/></cellXfs>", serial: "43525", expected: "43525"),
        (styleFormat: "<numFmts><numFmt numFmtId=\"171\" formatCode=\"h:mm\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"171\"/></cellXfs>", serial: "0.5", expected: "0.5"),
        // «март 2025» typed into Russian Excel becomes 01.03.2025 shown «мар.25»: a month,
        // due at its end, not its first day. So do «Март 2025» and the built-in «mmm-yy».
        (styleFormat: "<numFmts><numFmt numFmtId=\"172\" formatCode=\"[$-419]mmm\\.yy;@\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"172\"/></cellXfs>", serial: "45717", expected: "март 2025"),
        (styleFormat: "<numFmts><numFmt numFmtId=\"173\" formatCode=\"[$-FC19]mmmm\\ yyyy\\ &quot;г.&quot;\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"173\"/></cellXfs>", serial: "45717", expected: "март 2025"),
        (styleFormat: "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"17\"/></cellXfs>", serial: "45717", expected: "март 2025"),
        (styleFormat: "<numFmts><numFmt numFmtId=\"174\" formatCode=\"yyyy\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"174\"/></cellXfs>", serial: "45717", expected: "2025"),
    ])
    func datesAreConvertedOnlyInDateStyledCells(styleFormat: String, serial: String, expected: String) throws {
        let data = try OfficeFixture.xlsx(
            sheetData: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Срок</t></is></c><c r=\"B1\" s=\"1\"><v>\(serial)</v></c></row>",
            styles: styleFormat)
        let document = try XlsxReader.read(data: data, name: "dates.xlsx")
        let table = try #require(document.tables.first)
        #expect(table.rows[0].map(\.text) == ["Срок", expected])
    }

    @Test func sharedStringsJoinRunsAndSkipPhonetics() throws {
        let data = try OfficeFixture.xlsx(
            sheetData: "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c><c r=\"C2\" t=\"s\"><v>1</v></c><c r=\"D2\"><v>7</v></c></row>",
            sharedStrings: "<si><r><rPr><b/></rPr><t>Цель:</t></r><r><t xml:space=\"preserve\"> рост</t></r><rPh><t>x</t></rPh></si><si><t>Срок</t></si>")
        let document = try XlsxReader.read(data: data, name: "runs.xlsx")
        let table = try #require(document.tables.first)
        #expect(table.rows[0].map(\.text) == ["Цель: рост", "Срок", "7"])
        #expect(table.rows[0].map { $0.location.cell } == ["B2", "C2", "D2"])
    }

    @Test func aMissingSharedStringNamesTheCell() throws {
        let data = try OfficeFixture.xlsx(sheetData: "<row r=\"7\"><c r=\"B7\" t=\"s\"><v>5</v></c></row>", sharedStrings: "<si><t>один</t></si>")
        #expect {
            try XlsxReader.read(data: data, name: "bad.xlsx")
        } throws: { error in
            guard case .malformed(let file, let location, _) = error as? DocumentReadError else { return false }
            return file == "bad.xlsx" && location?.cell == "B7"
        }
    }

    @Test func hostileMergeAreasAreClippedToTheFilledCells() throws {
        let data = try OfficeFixture.xlsx(
            sheetData: """
                <row r="1"><c r="A1" t="inlineStr"><is><t>а</t></is></c><c r="B1" t="inlineStr"><is><t>б</t></is></c></row>
                <row r="2"><c r="A2" t="inlineStr"><is><t>в</t></is></c></row>
                """,
            mergeCells: "<mergeCells><mergeCell ref=\"C1:XFD1048576\"/><mergeCell ref=\"A2:XFD2\"/></mergeCells>")
        let document = try XlsxReader.read(data: data, name: "merge.xlsx")
        let table = try #require(document.tables.first)
        #expect(table.rows.count == 2)
        #expect(table.columnCount == 2)
        #expect(table.rows[1].map(\.mergedFromLeft) == [false, true])
    }

    /// A workbook whose first sheet is a cover («Утверждаю», the title) and whose plan is on a
    /// later one, with a hidden sheet of lookups between them: the plan's sheet is read.
    @Test func thePlanIsReadFromTheFirstSheetThatHoldsOne() throws {
        func row(_ number: Int, _ texts: [String]) -> String {
            let columns = ["A", "B", "C", "D"]
            return "<row r=\"\(number)\">" + texts.enumerated().map { index, text in
                "<c r=\"\(columns[index])\(number)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
            }.joined() + "</row>"
        }
        let cover = row(1, ["УТВЕРЖДАЮ"]) + row(2, ["Директор школы"]) + row(4, ["План мероприятий на 2025 год"])
        let lookups = row(1, ["Мероприятие", "Срок", "Ответственный"]) + row(2, ["Справочник", "март 2025", "Никто"])
        let plan = row(1, ["№", "Мероприятие", "Срок", "Ответственный"]) + row(2, ["1", "Семинар", "март 2025", "Методист"])
            + row(3, ["2", "Конкурс", "апрель 2025", "Зам. директора"])
        let data = try OfficeFixture.xlsx(sheets: [
            ("Титул", cover, "visible"), ("Справочник", lookups, "hidden"), ("План", plan, "visible"),
        ])
        let document = try XlsxReader.read(data: data, name: "plan.xlsx")
        let read = try PlanDocumentParser().parse(document)
        #expect(read.actions.map(\.title) == ["Семинар", "Конкурс"])

        // A workbook with no plan on any sheet is refused as before, naming its first sheet's text.
        let none = try OfficeFixture.xlsx(sheets: [("Титул", cover, "visible"), ("Пусто", row(1, ["Примечания"]), "visible")])
        #expect(throws: PlanParseError.self) { try PlanDocumentParser().parse(try XlsxReader.read(data: none, name: "none.xlsx")) }
    }
}
