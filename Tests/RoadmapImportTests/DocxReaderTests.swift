import Foundation
import RoadmapDomain
import RoadmapImport
import Testing

@Suite("Reading .docx")
struct DocxReaderTests {
    let document: SourceDocument

    init() throws {
        document = try DocxReader.read(data: try OfficeFixture.data("order770.docx"), name: "order770.docx")
    }

    @Test func headerParagraphsComeInOrder() throws {
        let texts = document.paragraphs.map(\.text)
        #expect(texts.first == "АДМИНИСТРАЦИЯ ГОРОДА ТАМБОВА\nТАМБОВСКОЙ ОБЛАСТИ")
        for expected in ["КОМИТЕТ ОБРАЗОВАНИЯ", "ПРИКАЗ", "25.06.2018", "№ 770", "2. Контроль за исполнением настоящего приказа оставляю за собой."] {
            #expect(texts.contains(expected), "missing «\(expected)»")
        }
        #expect(texts.contains { $0.hasPrefix("О Плана мероприятий («дорожной карте»)") })
        // The signatory's name stands after a tab, as Word users place it.
        #expect(texts.contains("Председатель комитета образования\tЕ.Д.Выжимов"))
        let order = try #require(texts.firstIndex(of: "ПРИКАЗ"))
        let number = try #require(texts.firstIndex(of: "№ 770"))
        #expect(order < number)
        let location = try #require(document.paragraphs.first { $0.text == "ПРИКАЗ" }?.location)
        #expect(location.line == 5)  // empty paragraphs count: a user counts them too
    }

    @Test func tableHasHeaderGoalAndThreeActions() throws {
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        #expect(table.rows.count == 5)
        #expect(table.columnCount == 5)
        #expect(table.rows[0].map(\.text) == ["", "Планируемые действия", "Ожидаемые результаты", "Сроки реализации", "Ответственный исполнитель"])
        #expect(table.rows[2].dropFirst().map(\.text) == [
            "Конкурсы профессионального мастерства для молодых педагогов «Начало», «Ступени роста»",
            "Создание условий для развития творческого потенциала педагогических кадров",
            "Сентябрь 2018 – апрель 2019",
            "Комитет образования, МКУ «Центр сопровождения образовательной деятельности», город Тамбов",
        ])
        #expect(table.rows[3].dropFirst().map(\.text) == [
            "Фестиваль мастер-классов «Калейдоскоп педагогических идей»",
            "Распространение лучших педагогических практик",
            "Март 2019",
            "Комитет образования, МКУ «Центр сопровождения образовательной деятельности», город Тамбов",
        ])
        #expect(table.rows[4].dropFirst().map(\.text) == [
            "Семинар «Современные педагогические технологии как ресурс инновационного развития педагогов»",
            "Распространение лучших педагогических практик, обмен опытом работы",
            "Октябрь 2018",
            "Комитет образования, МКУ «Центр сопровождения образовательной деятельности», МАОУ СОШ № 5 имени Ю.А.Гагарина, город Тамбов",
        ])
        #expect(table.rows[4][3].location == SourceLocation(row: 5, column: 4))
    }

    @Test func goalSpansTheRowAndTasksMergeDown() throws {
        let table = try #require(document.tables.first)
        let goal = table.rows[1]
        #expect(goal[0].text == "Цель: Повышение профессиональной компетенции педагогов в рамках межмуниципального взаимодействия")
        #expect(!goal[0].mergedFromLeft)
        #expect(goal.dropFirst().allSatisfy { $0.mergedFromLeft && $0.text.isEmpty && !$0.mergedFromAbove })
        let tasks = table.rows[2][0]
        #expect(!tasks.mergedFromAbove)
        let lines = tasks.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines.first == "Задачи:")
        #expect(lines.last == "4. Активизировать участие педагогов в конкурсах профмастерства")
        for row in table.rows[3...4] {
            #expect(row[0].mergedFromAbove && row[0].text.isEmpty)
            #expect(row.dropFirst().allSatisfy { !$0.mergedFromAbove && !$0.mergedFromLeft })
        }
    }

    @Test func runsKeepTabsAndBreaksAndSkipTabStops() throws {
        let data = try OfficeFixture.docx(body: """
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Срок</w:t><w:tab/><w:t>март</w:t><w:br/><w:t xml:space="preserve">2019 </w:t></w:r></w:p>
            <w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>А</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p/></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>
            """)
        let document = try DocxReader.read(data: data, name: "runs.docx")
        #expect(document.paragraphs.map(\.text) == ["Срок\tмарт\n2019"])
        let table = try #require(document.tables.first)
        #expect(table.rows[0].map(\.text) == ["", "А", ""])
        #expect(table.rows[0].map(\.mergedFromLeft) == [false, false, true])
        #expect(table.rows[1].map(\.mergedFromAbove) == [false, true, true])
        #expect(table.rows[1].map(\.mergedFromLeft) == [false, false, true])
    }

    /// «Руководители ОО» in a cell merged down three rows, as Word plans write one executor for
    /// several actions: each of the three actions has it.
    @Test func anExecutorMergedDownSeveralRowsIsEachRowsExecutor() throws {
        func cell(_ text: String, merge: String? = nil) -> String {
            let properties = merge.map { $0.isEmpty ? "<w:tcPr><w:vMerge/></w:tcPr>" : "<w:tcPr><w:vMerge w:val=\"\($0)\"/></w:tcPr>" } ?? ""
            return "<w:tc>\(properties)<w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
        }
        func row(_ cells: String...) -> String { "<w:tr>" + cells.joined() + "</w:tr>" }
        let data = try OfficeFixture.docx(body: "<w:tbl>" + [
            row(cell("№ п/п"), cell("Мероприятие"), cell("Срок"), cell("Ответственный"), cell("Результат")),
            row(cell("1."), cell("Семинар для заместителей директоров"), cell("март 2025 г."), cell("Руководители ОО", merge: "restart"), cell("Справка", merge: "restart")),
            row(cell("2."), cell("Мониторинг готовности школ"), cell("апрель 2025 г."), cell("", merge: ""), cell("", merge: "")),
            row(cell("3."), cell("Родительские собрания"), cell("май 2025 г."), cell("", merge: ""), cell("Протокол")),
            row(cell("4."), cell("Отчёт комитету"), cell("июнь 2025 г."), cell("Комитет образования"), cell("Отчёт")),
        ].joined() + "</w:tbl>")
        let plan = try PlanDocumentParser().parse(try DocxReader.read(data: data, name: "merged.docx"))
        #expect(plan.actions.map { $0.executors.map(\.name) } == [["Руководители ОО"], ["Руководители ОО"], ["Руководители ОО"], ["Комитет образования"]])
        #expect(plan.actions.map(\.expectedResult) == ["Справка", "Справка", "Протокол", "Отчёт"])
    }

    /// A page laid out in a one-cell frame: the title, the approval stamp and the plan table
    /// inside it are read as if they stood in the body. A table inside a cell of a real table
    /// (three rows, three columns) stays that cell's text.
    @Test func aPlanInsideAFrameIsReadAsIfInTheBody() throws {
        func cell(_ content: String) -> String { "<w:tc>\(content)</w:tc>" }
        func text(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }
        func row(_ cells: String...) -> String { "<w:tr>" + cells.joined() + "</w:tr>" }
        let plan = "<w:tbl>" + [
            row(cell(text("№")), cell(text("Мероприятие")), cell(text("Срок")), cell(text("Ответственный"))),
            row(cell(text("1.")), cell(text("Семинар для заместителей директоров")), cell(text("март 2025 г.")), cell(text("Комитет образования"))),
            row(cell(text("2.")), cell(text("Мониторинг готовности школ")), cell(text("апрель 2025 г.")), cell(text("МКУ «ИМЦ»"))),
        ].joined() + "</w:tbl>"
        let framed = try OfficeFixture.docx(body: "<w:tbl>" + row(cell(
            text("Приложение к приказу комитета образования от 15.01.2025 № 12") + text("План мероприятий на 2025 год") + plan + text("")
        )) + "</w:tbl>")
        let document = try DocxReader.read(data: framed, name: "framed.docx")
        #expect(document.paragraphs.map(\.text) == ["Приложение к приказу комитета образования от 15.01.2025 № 12", "План мероприятий на 2025 год"])
        #expect(document.tables.count == 1)
        #expect(document.tables.first?.rows.count == 3)
        let read = try PlanDocumentParser().parse(document)
        #expect(read.actions.map(\.title) == ["Семинар для заместителей директоров", "Мониторинг готовности школ"])

        let inner = "<w:tbl>" + row(cell(text("а")), cell(text("б"))) + "</w:tbl>"
        let nested = try OfficeFixture.docx(body: "<w:tbl>" + [
            row(cell(text("№")), cell(text("Мероприятие")), cell(text("Срок"))),
            row(cell(text("1.")), cell(text("Семинар") + inner), cell(text("март 2025 г."))),
            row(cell(text("2.")), cell(text("Мониторинг")), cell(text("апрель 2025 г."))),
        ].joined() + "</w:tbl>")
        let table = try #require(try DocxReader.read(data: nested, name: "nested.docx").tables.first)
        #expect(table.rows.map { $0.map(\.text) } == [["№", "Мероприятие", "Срок"], ["1.", "Семинар\nа\nб", "март 2025 г."], ["2.", "Мониторинг", "апрель 2025 г."]])
    }

    /// A document sent round for approval with its changes tracked: deleted text is gone,
    /// inserted text is there, and moved text is read once, where it went.
    @Test func trackedChangesAreReadAsIfAccepted() throws {
        let data = try OfficeFixture.docx(body: """
            <w:p><w:r><w:t xml:space="preserve">Срок: </w:t></w:r><w:del><w:r><w:delText>март</w:delText></w:r></w:del><w:ins><w:r><w:t>апрель</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> 2025</w:t></w:r></w:p>
            <w:p><w:moveFrom><w:r><w:t>Семинар</w:t></w:r></w:moveFrom><w:r><w:t>Совещание</w:t></w:r></w:p>
            <w:p><w:moveTo><w:r><w:t>Семинар</w:t></w:r></w:moveTo></w:p>
            """)
        let document = try DocxReader.read(data: data, name: "tracked.docx")
        #expect(document.paragraphs.map(\.text) == ["Срок: апрель 2025", "Совещание", "Семинар"])
    }

    /// Tables nested deeper than any document is typed are refused, naming the limit.
    @Test func tablesNestedTooDeepAreRefused() throws {
        let depth = 9
        let open = String(repeating: "<w:tbl><w:tr><w:tc>", count: depth)
        let close = String(repeating: "</w:tc></w:tr></w:tbl>", count: depth)
        let data = try OfficeFixture.docx(body: open + "<w:p><w:r><w:t>глубоко</w:t></w:r></w:p>" + close)
        #expect {
            try DocxReader.read(data: data, name: "deep.docx")
        } throws: { error in
            guard case .limitExceeded(let file, _, let limit) = error as? DocumentReadError else { return false }
            return file == "deep.docx" && limit.contains("nested more than 8")
        }
        let shallow = String(repeating: "<w:tbl><w:tr><w:tc>", count: 8) + "<w:p><w:r><w:t>можно</w:t></w:r></w:p>"
            + String(repeating: "</w:tc></w:tr></w:tbl>", count: 8)
        // Seven frames around one table of one cell: that table is what is left.
        let eight = try DocxReader.read(data: try OfficeFixture.docx(body: shallow), name: "eight.docx")
        #expect(eight.tables.map { $0.rows.map { $0.map(\.text) } } == [[["можно"]]])
    }

    @Test func aZipWithoutDocumentXMLIsRefused() throws {
        let data = try OfficeFixture.zip([("word/other.xml", Data("<a/>".utf8))])
        #expect {
            try DocxReader.read(data: data, name: "empty.docx")
        } throws: { error in
            guard case .unreadable(let file, let reason) = error as? DocumentReadError else { return false }
            return file == "empty.docx" && reason.contains("word/document.xml")
        }
    }

    @Test func brokenXMLNamesTheFile() throws {
        let data = try OfficeFixture.docx(body: "<w:p><w:r><w:t>нет конца</w:r></w:p>")
        #expect {
            try DocxReader.read(data: data, name: "broken.docx")
        } throws: { error in
            guard case .malformed(let file, _, let reason) = error as? DocumentReadError else { return false }
            return file == "broken.docx" && reason.contains("word/document.xml")
        }
    }

    @Test func drawingFallbacksAreNotReadTwiceAndNestedTablesStayInTheirCell() throws {
        let data = try OfficeFixture.docx(body: """
            <w:p><w:r><w:t>Надпись</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict><w:p><w:r><w:t>дубль</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>внешняя</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>вложенная</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p><w:r><w:t>вторая</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            """)
        let document = try DocxReader.read(data: data, name: "drawing.docx")
        #expect(document.paragraphs.map(\.text) == ["Надпись"])
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        #expect(table.rows.map { $0.map(\.text) } == [["внешняя\nвложенная", "вторая"]])
    }

    @Test func anEncryptedOrBinaryWordFileIsExplained() {
        #expect {
            try DocxReader.read(data: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), name: "secret.docx")
        } throws: { error in
            guard case .unreadable(let file, let reason) = error as? DocumentReadError else { return false }
            return file == "secret.docx" && reason.contains("password")
        }
    }
}
