import Foundation
import RoadmapDomain

/// Reads a .csv into a `SourceDocument`, as Excel and LibreOffice write it: fields separated
/// by commas or semicolons (whichever the first line uses outside quotes), RFC 4180 quotes
/// with doubled quotes and line breaks inside, in UTF-8 (with or without a BOM) or, when the
/// bytes are not UTF-8, Windows-1251. Cells are located like a sheet's («B7», with the line
/// of the file); the layout follows `SheetLayout` (title lines become paragraphs).
public enum CSVReader {
    public static func read(
        data: Data, name: String, limits: ReadLimits = .standard
    ) throws(DocumentReadError) -> SourceDocument {
        guard data.count <= limits.maxFileSize else {
            throw .tooLarge(file: name, limit: ReadLimits.describe(bytes: limits.maxFileSize))
        }
        let text = try decode(data, name: name)
        let delimiter = detectDelimiter(text)
        let records = try parse(text, delimiter: delimiter, name: name, limits: limits)
        let width = records.map(\.fields.count).max() ?? 0
        let rows = records.enumerated().map { index, record in
            (0..<width).map { column in
                let reference = CellReference(row: index + 1, column: column + 1)
                return SourceCell(
                    text: column < record.fields.count ? record.fields[column] : "",
                    location: SourceLocation(
                        line: record.line, row: reference.row, column: reference.column,
                        cell: reference.description))
            }
        }
        let blocks = SheetLayout.blocks(rows: rows)
        guard !blocks.isEmpty else { throw .empty(file: name) }
        return SourceDocument(name: name, blocks: blocks)
    }

    /// UTF-8 (a BOM is dropped), UTF-16 with a BOM, else Windows-1251.
    static func decode(_ data: Data, name: String) throws(DocumentReadError) -> String {
        let bytes = [UInt8](data)
        guard !bytes.isEmpty else { throw .empty(file: name) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw .unreadable(file: name, reason: "this is a ZIP archive (an .xlsx renamed?), not a CSV file")
        }
        if let text = UTF16Text.decode(bytes) { return text }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if let nul = body.firstIndex(of: 0) {
            throw .unreadable(file: name, reason: "a NUL byte at offset \(nul): this is a binary file, not CSV")
        }
        if let text = String(validating: body, as: UTF8.self) { return text }
        return Windows1251.decode(body)
    }

    /// `;` when the first line with any separator has more semicolons than commas outside
    /// quotes, else `,`; as a byte, since `parse` reads the text as UTF-8 bytes.
    static func detectDelimiter(_ text: String) -> UInt8 {
        let semicolon = UInt8(ascii: ";"), comma = UInt8(ascii: ",")
        var semicolons = 0
        var commas = 0
        var inQuotes = false
        var lines = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): inQuotes.toggle()
            case semicolon where !inQuotes: semicolons += 1
            case comma where !inQuotes: commas += 1
            case UInt8(ascii: "\n") where !inQuotes, UInt8(ascii: "\r") where !inQuotes:
                if semicolons + commas > 0 { return semicolons > commas ? semicolon : comma }
                lines += 1
                if lines > 50 { return comma }
            default: break
            }
        }
        return semicolons > commas ? semicolon : comma
    }

    /// One record: its fields (trimmed, NFC) and the line of the file it starts on.
    struct Record {
        var fields: [String]
        var line: Int
    }

    /// Reads `text` byte by byte in UTF-8: quotes, the delimiter (`;` or `,`) and line breaks
    /// are ASCII, so no multi-byte character is ever split, and a field's bytes are decoded
    /// once at its end (appending scalar by scalar took a sixth of a 500-school plan's import).
    static func parse(
        _ text: String, delimiter separator: UInt8, name: String, limits: ReadLimits
    ) throws(DocumentReadError) -> [Record] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var fieldLength = 0
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteClosed = false  // a quote just closed a quoted field, or starts a doubled one
        var quoteLine = 1
        var afterCR = false

        func location() -> SourceLocation {
            let reference = CellReference(row: records.count + 1, column: fields.count + 1)
            return SourceLocation(line: line, row: reference.row, column: reference.column, cell: reference.description)
        }
        func endField() throws(DocumentReadError) {
            fields.append(RussianText.nfc(Self.trimmed(String(decoding: field, as: UTF8.self).unicodeScalars)))
            field.removeAll(keepingCapacity: true)
            fieldLength = 0
            quoteClosed = false
            guard fields.count <= limits.maxColumns else {
                throw .limitExceeded(
                    file: name, location: location(), limit: "a line has more than \(limits.maxColumns) fields")
            }
        }
        func endRecord() throws(DocumentReadError) {
            try endField()
            records.append(Record(fields: fields, line: recordLine))
            fields = []
            guard records.count <= limits.maxRows else {
                throw .limitExceeded(
                    file: name, location: SourceLocation(line: line),
                    limit: "the file has more than \(limits.maxRows) rows")
            }
        }
        /// A byte of the field; the cell's length counts characters (each one's first byte).
        func append(_ byte: UInt8) throws(DocumentReadError) {
            field.append(byte)
            guard byte & 0xC0 != 0x80 else { return }
            fieldLength += 1
            guard fieldLength <= limits.maxCellLength else {
                throw .limitExceeded(
                    file: name, location: location(),
                    limit: "a cell is longer than \(limits.maxCellLength) characters")
            }
        }

        for byte in text.utf8 {
            let wasCR = afterCR
            afterCR = byte == cr
            if inQuotes {
                switch byte {
                case quote:
                    inQuotes = false
                    quoteClosed = true
                case cr:
                    line += 1
                    try append(lf)
                case lf:
                    if !wasCR {
                        line += 1
                        try append(lf)
                    }
                default:
                    try append(byte)
                }
                continue
            }
            switch byte {
            case quote where quoteClosed:
                // A doubled quote inside a quoted field.
                try append(quote)
                inQuotes = true
                quoteClosed = false
            case quote where field.isEmpty:
                inQuotes = true
                quoteLine = line
            case separator:
                try endField()
            case cr:
                try endRecord()
                line += 1
                recordLine = line
            case lf:
                if !wasCR {
                    try endRecord()
                    line += 1
                    recordLine = line
                }
            default:
                // Text after a closing quote, or a stray quote mid-field: kept as written.
                quoteClosed = false
                try append(byte)
            }
        }
        if inQuotes {
            throw .malformed(
                file: name, location: SourceLocation(line: quoteLine),
                reason: "a quoted field opened on line \(quoteLine) is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || quoteClosed { try endRecord() }
        return records
    }
}

extension CSVReader {
    /// `field` without the blanks around it (tabs and Unicode space separators, as
    /// `CharacterSet.whitespaces`), read scalar by scalar: Foundation's trimming bridged each
    /// cell through NSString, a tenth of the time of a large plan's import.
    static func trimmed(_ field: String.UnicodeScalarView) -> String {
        func blank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        var start = field.startIndex
        var end = field.endIndex
        while start < end, blank(field[start]) { start = field.index(after: start) }
        while end > start, blank(field[field.index(before: end)]) { end = field.index(before: end) }
        return String(field[start..<end])
    }
}
