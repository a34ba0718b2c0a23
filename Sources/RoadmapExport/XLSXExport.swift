import Foundation
import RoadmapDomain
import ZIPFoundation

/// A one-sheet .xlsx: a bold header row, frozen, with an autofilter; dates as real date
/// cells (dd.mm.yyyy), numbers as numbers, text as inline strings (never formulas).
public enum XLSXExport {
    public static func data(sheet: String, header: [String], rows: [[ExportCell]], widths: [Int]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts(sheet: sheet, header: header, rows: rows, widths: widths) {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw XLSXExportError() }
        return data
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let package = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func parts(sheet: String, header: [String], rows: [[ExportCell]], widths: [Int]) -> [(String, String)] {
        let xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        let lastColumn = column(max(header.count, 1) - 1)
        let lastRow = rows.count + 1
        var sheetRows = "<row r=\"1\">" + header.enumerated().map { index, title in
            "<c r=\"\(column(index))1\" s=\"1\" t=\"inlineStr\"><is><t>\(escape(title))</t></is></c>"
        }.joined() + "</row>"
        for (rowIndex, row) in rows.enumerated() {
            let number = rowIndex + 2
            sheetRows += "<row r=\"\(number)\">"
            for (index, cell) in row.enumerated() {
                let reference = "\(column(index))\(number)"
                switch cell {
                case .empty: continue
                case .number(let value): sheetRows += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                case .date(let date): sheetRows += "<c r=\"\(reference)\" s=\"2\"><v>\(serial(date))</v></c>"
                case .text(let text):
                    sheetRows += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
                }
            }
            sheetRows += "</row>"
        }
        let columns = widths.enumerated().map { "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\($1)\" customWidth=\"1\"/>" }.joined()
        return [
            ("[Content_Types].xml", xml + """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>
                """),
            ("_rels/.rels", xml + """
                <Relationships xmlns="\(package)"><Relationship Id="rId1" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", xml + """
                <workbook xmlns="\(main)" xmlns:r="\(relationships)"><sheets><sheet name="\(escape(String(sheet.prefix(31))))" sheetId="1" r:id="rId1"/></sheets>\
                <definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'\(escape(String(sheet.prefix(31))))'!$A$1:$\(lastColumn)$\(lastRow)</definedName></definedNames>\
                </workbook>
                """),
            ("xl/_rels/workbook.xml.rels", xml + """
                <Relationships xmlns="\(package)">\
                <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="\(relationships)/styles" Target="styles.xml"/></Relationships>
                """),
            ("xl/styles.xml", xml + """
                <styleSheet xmlns="\(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts>\
                <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
                <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
                <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
                """),
            ("xl/worksheets/sheet1.xml", xml + """
                <worksheet xmlns="\(main)" xmlns:r="\(relationships)"><dimension ref="A1:\(lastColumn)\(lastRow)"/>\
                <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
                <cols>\(columns)</cols><sheetData>\(sheetRows)</sheetData><autoFilter ref="A1:\(lastColumn)\(lastRow)"/></worksheet>
                """),
        ]
    }

    /// A1-style column letters: 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var index = index
        var letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
            index = index / 26 - 1
        } while index >= 0
        return letters
    }

    /// Excel's day number (1900 date system): 1899-12-30 is day 0.
    static func serial(_ date: CalendarDate) -> Int {
        date.daysSinceEpoch + 25_569
    }

    static func escape(_ text: String) -> String { MarkupText.escaped(text) }
}
