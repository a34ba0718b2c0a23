import Foundation
import RoadmapDomain

/// CSV that opens correctly on a double-click in Russian Excel and in LibreOffice: UTF-8
/// with a BOM, `;` between cells, CRLF between rows, dates as dd.mm.yyyy, and cells that
/// begin with = + - @ (or a tab or carriage return) prefixed with an apostrophe so no
/// formula ever runs.
public enum CSVExport {
    public static func data(header: [String], rows: [[ExportCell]]) -> Data {
        var text = "\u{FEFF}"
        text += ([header.map { ExportCell.text($0) }] + rows).map { row in
            row.map(field).joined(separator: ";")
        }.joined(separator: "\r\n") + "\r\n"
        return Data(text.utf8)
    }

    static func field(_ cell: ExportCell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let value): return String(value)
        case .date(let date): return date.russian
        case .text(let raw):
            var text = raw
            if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
            if text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                text = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return text
        }
    }
}
