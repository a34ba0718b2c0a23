import Foundation
import Testing
import ZIPFoundation

/// The office fixtures of the import tests: committed files (built by
/// scripts/make-import-fixtures.py) and archives built at run time, so nothing hostile
/// is committed.
enum OfficeFixture {
    /// The bytes of `Fixtures/<name>`.
    static func data(_ name: String) throws -> Data {
        let dot = try #require(name.lastIndex(of: "."))
        let url = try #require(Bundle.module.url(
            forResource: String(name[..<dot]), withExtension: String(name[name.index(after: dot)...]),
            subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    /// A ZIP archive in memory holding `parts` (path → bytes), deflated.
    static func zip(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    /// A minimal .xlsx: one sheet with `sheetData` (the XML inside `<sheetData>`), optional
    /// styles and shared strings.
    static func xlsx(sheetData: String, mergeCells: String = "", styles: String? = nil, sharedStrings: String? = nil) throws -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [(String, Data)] = [
            ("xl/workbook.xml", Data("""
                <?xml version="1.0" encoding="UTF-8"?>
                <workbook xmlns="\(main)" xmlns:r="\(relationships)"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """.utf8)),
            ("xl/_rels/workbook.xml.rels", Data("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """.utf8)),
            ("xl/worksheets/sheet1.xml", Data("""
                <?xml version="1.0" encoding="UTF-8"?>
                <worksheet xmlns="\(main)"><sheetData>\(sheetData)</sheetData>\(mergeCells)</worksheet>
                """.utf8)),
        ]
        if let styles {
            parts.append(("xl/styles.xml", Data("<styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>".utf8)))
        }
        if let sharedStrings {
            parts.append(("xl/sharedStrings.xml", Data("<sst xmlns=\"\(main)\">\(sharedStrings)</sst>".utf8)))
        }
        return try zip(parts)
    }

    /// A minimal .xlsx with several sheets, in order: each its name, its `sheetData`, and its
    /// state («visible», «hidden»).
    static func xlsx(sheets: [(name: String, sheetData: String, state: String)]) throws -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let entries = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" state=\"\(sheet.state)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        let rels = sheets.indices.map { index in
            "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }.joined()
        var parts: [(String, Data)] = [
            ("xl/workbook.xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>\(entries)</sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>".utf8)),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\"><sheetData>\(sheet.sheetData)</sheetData></worksheet>".utf8)))
        }
        return try zip(parts)
    }

    /// A minimal .docx whose `word/document.xml` body is `body`, with the inside of
    /// `word/numbering.xml` and of `word/styles.xml` when given.
    static func docx(body: String, numbering: String? = nil, styles: String? = nil) throws -> Data {
        let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        var parts = [("word/document.xml", Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <w:document \(namespace)><w:body>\(body)</w:body></w:document>
            """.utf8))]
        if let numbering {
            parts.append(("word/numbering.xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering \(namespace)>\(numbering)</w:numbering>".utf8)))
        }
        if let styles {
            parts.append(("word/styles.xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles \(namespace)>\(styles)</w:styles>".utf8)))
        }
        return try zip(parts)
    }
}
