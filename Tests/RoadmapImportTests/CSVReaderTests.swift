import Foundation
import RoadmapDomain
import RoadmapImport
import Testing

@Suite("Reading .csv")
struct CSVReaderTests {
    @Test func blanksAroundACellAreTrimmedAndInsideKept() throws {
        let data = Data("Мероприятие;Срок\r\n\t\u{00A0} Конкурс  чтецов \u{2009};  Март 2019\t\r\n".utf8)
        let document = try CSVReader.read(data: data, name: "план.csv")
        let row = try #require(document.tables.first?.rows.last)
        #expect(row.map(\.text) == ["Конкурс  чтецов", "Март 2019"])
    }

    @Test func windows1251FromExcelIsDecoded() throws {
        let data = try OfficeFixture.data("order770-cp1251.csv")
        #expect(String(data: data, encoding: .utf8) == nil, "the fixture must really be Windows-1251")
        let document = try CSVReader.read(data: data, name: "order770-cp1251.csv")
        #expect(document.paragraphs.map(\.text).prefix(4) == ["КОМИТЕТ ОБРАЗОВАНИЯ", "ПРИКАЗ", "25.06.2018", "№ 770"])
        #expect(document.paragraphs.map(\.text).contains("Контроль за исполнением настоящего приказа оставляю за собой."))
        let table = try #require(document.tables.first)
        #expect(table.rows.count == 5)
        #expect(table.rows[0].map(\.text) == ["", "Планируемые действия", "Ожидаемые результаты", "Сроки реализации", "Ответственный исполнитель"])
        #expect(table.rows[1][0].text.hasPrefix("Цель: Повышение"))
        let tasks = table.rows[2][0].text.split(separator: "\n")
        #expect(tasks.count == 5)
        #expect(table.rows[2][0].location.cell == "A11")
        #expect(table.rows.suffix(3).map { $0[3].text } == ["Сентябрь 2018 – апрель 2019", "Март 2019", "Октябрь 2018"])
        #expect(table.rows[2][1].text == "Конкурсы профессионального мастерства для молодых педагогов «Начало», «Ступени роста»")
        #expect(table.rows[4][4].text == "Комитет образования, МКУ «Центр сопровождения образовательной деятельности», МАОУ СОШ № 5 имени Ю.А.Гагарина, город Тамбов")
        // The tasks cell spans lines 11–15 of the file; the next record starts on line 16.
        #expect(table.rows[3][1].location.line == 16)
    }

    @Test(arguments: [
        (bytes: Array("Мероприятие,Срок\r\nСеминар,Март 2019\r\n".utf8), name: "comma, UTF-8"),
        (bytes: [0xEF, 0xBB, 0xBF] + Array("Мероприятие;Срок\nСеминар;Март 2019".utf8), name: "semicolon, UTF-8 with BOM"),
        (bytes: Array("\"Мероприятие; с точкой\",Срок\nСеминар,Март 2019\n".utf8), name: "comma, semicolon inside quotes"),
        (bytes: [0xCC, 0xE5, 0xF0, 0xEE, 0xEF, 0xF0, 0xE8, 0xFF, 0xF2, 0xE8, 0xE5, 0x3B, 0xD1, 0xF0, 0xEE, 0xEA, 0x0D, 0x0A]
            + [0xD1, 0xE5, 0xEC, 0xE8, 0xED, 0xE0, 0xF0, 0x3B, 0xCC, 0xE0, 0xF0, 0xF2, 0x20, 0x32, 0x30, 0x31, 0x39], name: "semicolon, Windows-1251"),
    ])
    func delimiterAndEncodingAreDetected(bytes: [UInt8], name: String) throws {
        let document = try CSVReader.read(data: Data(bytes), name: "\(name).csv")
        let table = try #require(document.tables.first, "\(name)")
        #expect(table.rows.map { $0.map(\.text) }.last == ["Семинар", "Март 2019"], "\(name)")
        #expect(table.rows[0][1].text == "Срок", "\(name)")
    }

    @Test func quotesDoubleAndSpanLines() throws {
        let text = "Мероприятие;Ответственный\r\n\"Конкурс \"\"Начало\"\"\";\"Комитет,\r\nшкола № 5\"\r\n\"\";пусто\r\n"
        let document = try CSVReader.read(data: Data(text.utf8), name: "quotes.csv")
        let table = try #require(document.tables.first)
        #expect(table.rows[1].map(\.text) == ["Конкурс \"Начало\"", "Комитет,\nшкола № 5"])
        #expect(table.rows[2].map(\.text) == ["", "пусто"])
        #expect(table.rows[2][1].location.line == 4)
    }

    @Test func anUnterminatedQuoteNamesItsLine() throws {
        let data = try OfficeFixture.data("unterminated-quote.csv")
        #expect {
            try CSVReader.read(data: data, name: "unterminated-quote.csv")
        } throws: { error in
            guard case .malformed(let file, let location, let reason) = error as? DocumentReadError else { return false }
            return file == "unterminated-quote.csv" && location?.line == 2 && reason.contains("never closed")
        }
    }

    @Test func anEmptyFileIsRefused() {
        #expect(throws: DocumentReadError.empty(file: "empty.csv")) {
            try CSVReader.read(data: Data(), name: "empty.csv")
        }
    }

    /// A cell's length is counted in characters, not in the bytes of its UTF-8: a Cyrillic
    /// cell of the limit's length is read whole, one character more is refused with its cell.
    @Test func aCellsLengthCountsCharacters() throws {
        let limits = ReadLimits(maxCellLength: 12)
        let fits = "Мероприятие;Срок\r\n\"Конкурс «Ёж»\";Март 2019\r\n"
        let document = try CSVReader.read(data: Data(fits.utf8), name: "fits.csv", limits: limits)
        #expect(try #require(document.tables.first).rows[1].map(\.text) == ["Конкурс «Ёж»", "Март 2019"])
        let over = "Мероприятие;Срок\r\nКонкурс «Ёжик»;Март 2019\r\n"
        #expect {
            try CSVReader.read(data: Data(over.utf8), name: "over.csv", limits: limits)
        } throws: { error in
            guard case .limitExceeded(let file, let location, let limit) = error as? DocumentReadError else { return false }
            return file == "over.csv" && location?.cell == "A2" && limit.contains("longer than 12 characters")
        }
    }
}
