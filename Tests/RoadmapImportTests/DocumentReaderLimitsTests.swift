import Foundation
import RoadmapDomain
import RoadmapImport
import Testing

@Suite("DocumentReader: dispatch and hostile files")
struct DocumentReaderLimitsTests {
    @Test(arguments: ["order770.docx", "order770.xlsx", "order770-cp1251.csv"])
    func eachFormatReadsTheSameThreeActions(fileName: String) throws {
        let document = try DocumentReader.read(data: try OfficeFixture.data(fileName), fileName: fileName)
        #expect(document.name == fileName)
        let table = try #require(document.tables.first)
        let actions = table.rows.map { $0[1].text }.filter { !$0.isEmpty }.dropFirst()
        #expect(actions.count == 3)
        #expect(actions.first == "Конкурсы профессионального мастерства для молодых педагогов «Начало», «Ступени роста»")
    }

    /// Word's and Excel's «protect with a password» (made with `msoffcrypto-tool` from order770):
    /// the import never asks for a password, and says so.
    @Test(arguments: ["encrypted.docx", "encrypted.xlsx"])
    func aPasswordProtectedDocumentIsRefusedAsEncrypted(fileName: String) throws {
        let data = try OfficeFixture.data(fileName)
        #expect(throws: DocumentReadError.encrypted(file: fileName)) {
            try DocumentReader.read(data: data, fileName: fileName)
        }
    }

    /// A macro-enabled workbook or document is read as the package it is; nothing in it runs.
    @Test func macroEnabledFilesAreReadAsTheirPackages() throws {
        for (fixture, name) in [("order770.docx", "order770.docm"), ("order770.xlsx", "order770.xlsm")] {
            let data = try OfficeFixture.data(fixture)
            let plan = try PlanDocumentParser().parse(try DocumentReader.read(data: data, fileName: name))
            let same = try PlanDocumentParser().parse(try DocumentReader.read(data: data, fileName: fixture))
            #expect(plan.actionCount == same.actionCount && plan.actionCount > 0, "\(name)")
            #expect(plan.actions.map(\.title) == same.actions.map(\.title))
        }
    }

    @Test func unknownExtensionsAreRefused() {
        for name in ["plan.djvu", "plan.doc", "plan"] {
            #expect(throws: DocumentReadError.self) {
                try DocumentReader.read(data: Data("x".utf8), fileName: name)
            }
        }
        #expect {
            try DocumentReader.read(data: Data("x".utf8), fileName: "plan.djvu")
        } throws: { error in
            guard case .unsupportedFormat(let file, let reason) = error as? DocumentReadError else { return false }
            return file == "plan.djvu" && reason.contains(".docx") && reason.contains(".pdf")
        }
    }

    @Test func aFileOverTheSizeLimitIsRefused() {
        let limits = ReadLimits(maxFileSize: 1024)
        #expect(throws: DocumentReadError.tooLarge(file: "big.csv", limit: "1 KiB")) {
            try DocumentReader.read(data: Data(repeating: 0x41, count: 2048), fileName: "big.csv", limits: limits)
        }
    }

    @Test func aZipBombIsRefusedByItsDeclaredSize() throws {
        // 200 MB of zeros deflates to about 200 KB.
        let bomb = try OfficeFixture.zip([("word/document.xml", Data(count: 200_000_000))])
        #expect(bomb.count < 1_000_000)
        #expect {
            try DocumentReader.read(data: bomb, fileName: "bomb.docx")
        } throws: { error in
            guard case .tooLarge(let file, let limit) = error as? DocumentReadError else { return false }
            return file == "bomb.docx" && limit.contains("100 MiB")
        }
    }

    @Test func aZipBombThatLiesAboutItsSizeIsStoppedWhileInflating() throws {
        var bomb = [UInt8](try OfficeFixture.zip([("word/document.xml", Data(count: 5_000_000))]))
        // Rewrite the declared uncompressed size (local header offset 22, central directory
        // offset 24) to 1 KB.
        func patch(signature: [UInt8], sizeOffset: Int) {
            var index = 0
            while index + 30 < bomb.count {
                if Array(bomb[index..<index + 4]) == signature {
                    bomb.replaceSubrange(index + sizeOffset..<index + sizeOffset + 4, with: [0x00, 0x04, 0x00, 0x00])
                }
                index += 1
            }
        }
        patch(signature: [0x50, 0x4B, 0x03, 0x04], sizeOffset: 22)
        patch(signature: [0x50, 0x4B, 0x01, 0x02], sizeOffset: 24)
        let limits = ReadLimits(maxUncompressedSize: 1024 * 1024)
        #expect {
            try DocumentReader.read(data: Data(bomb), fileName: "liar.docx", limits: limits)
        } throws: { error in
            guard case .tooLarge(let file, let limit) = error as? DocumentReadError else { return false }
            return file == "liar.docx" && limit.contains("word/document.xml inflates to more")
        }
    }

    @Test func tooManyEntriesAreRefused() throws {
        let parts = (0..<30).map { ("part\($0).xml", Data("<a/>".utf8)) }
        let data = try OfficeFixture.zip(parts)
        #expect {
            try DocumentReader.read(data: data, fileName: "many.xlsx", limits: ReadLimits(maxArchiveEntries: 20))
        } throws: { error in
            guard case .limitExceeded(let file, _, let limit) = error as? DocumentReadError else { return false }
            return file == "many.xlsx" && limit.contains("20 entries")
        }
    }

    @Test func entityDeclarationsAreRefusedBeforeParsing() throws {
        #expect {
            try DocumentReader.read(data: try OfficeFixture.data("hostile-entities.docx"), fileName: "hostile-entities.docx")
        } throws: { error in
            guard case .forbiddenContent(let file, let reason) = error as? DocumentReadError else { return false }
            return file == "hostile-entities.docx" && reason.contains("word/document.xml") && reason.contains("DOCTYPE")
        }
    }

    @Test func entitiesInAnXlsxPartAreRefusedToo() throws {
        let data = try OfficeFixture.xlsx(
            sheetData: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
            sharedStrings: "<si><t>ok</t></si>")
        // Rebuild with a hostile shared-strings part.
        let hostile = try OfficeFixture.zip([
            ("xl/workbook.xml", Data("<workbook><sheets><sheet name=\"a\" sheetId=\"1\"/></sheets></workbook>".utf8)),
            ("xl/sharedStrings.xml", Data("<!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><sst><si><t>&x;</t></si></sst>".utf8)),
            ("xl/worksheets/sheet1.xml", Data("<worksheet><sheetData/></worksheet>".utf8)),
        ])
        _ = try XlsxReader.read(data: data, name: "fine.xlsx")
        #expect {
            try DocumentReader.read(data: hostile, fileName: "xxe.xlsx")
        } throws: { error in
            guard case .forbiddenContent(let file, let reason) = error as? DocumentReadError else { return false }
            return file == "xxe.xlsx" && reason.contains("xl/sharedStrings.xml")
        }
    }

    @Test(arguments: ["truncated.docx", "not-a-zip.docx", "empty.xlsx"])
    func corruptArchivesAreRefused(name: String) throws {
        let data: Data = switch name {
        case "truncated.docx": try OfficeFixture.data("truncated.docx")
        case "not-a-zip.docx": Data("Это просто текст, переименованный в .docx".utf8)
        default: Data()
        }
        #expect {
            try DocumentReader.read(data: data, fileName: name)
        } throws: { error in
            guard case .unreadable(let file, _) = error as? DocumentReadError else { return false }
            return file == name
        }
    }

    @Test func aSheetOfMoreThan20000RowsIsRefused() throws {
        var rows = ""
        rows.reserveCapacity(1_200_000)
        for row in 1...20_001 {
            rows += "<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(row)</v></c><c r=\"B\(row)\"><v>1</v></c></row>"
        }
        let data = try OfficeFixture.xlsx(sheetData: rows)
        #expect {
            try DocumentReader.read(data: data, fileName: "rows.xlsx")
        } throws: { error in
            guard case .limitExceeded(let file, let location, let limit) = error as? DocumentReadError else { return false }
            return file == "rows.xlsx" && location?.cell == "A20001" && limit.contains("20000 rows")
        }
    }

    @Test func aLongCellNamesItsReference() throws {
        let long = String(repeating: "я", count: 10_001)
        let data = try OfficeFixture.xlsx(sheetData: "<row r=\"7\"><c r=\"B7\" t=\"inlineStr\"><is><t>\(long)</t></is></c></row>")
        #expect {
            try DocumentReader.read(data: data, fileName: "long.xlsx")
        } throws: { error in
            guard case .limitExceeded(let file, let location, _) = error as? DocumentReadError else { return false }
            return file == "long.xlsx" && location?.cell == "B7"
        }
        let csv = Data(("a;b\n" + long + ";x\n").utf8)
        #expect {
            try DocumentReader.read(data: csv, fileName: "long.csv")
        } throws: { error in
            guard case .limitExceeded(let file, let location, _) = error as? DocumentReadError else { return false }
            return file == "long.csv" && location?.cell == "A2"
        }
    }

    @Test func aHugeGridSpanIsRefused() throws {
        let data = try OfficeFixture.docx(body: "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"100000000\"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>")
        #expect {
            try DocumentReader.read(data: data, fileName: "span.docx")
        } throws: { error in
            guard case .limitExceeded(let file, _, let limit) = error as? DocumentReadError else { return false }
            return file == "span.docx" && limit.contains("256 columns")
        }
    }
}
