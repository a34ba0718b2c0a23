/// A document as the importer sees it, whatever file it came from (.txt, .docx, .xlsx,
/// .csv): paragraphs of text and tables of cells, in reading order. Readers of each file
/// format produce it; `PlanDocumentParser` reads a plan out of it.
public struct SourceDocument: Sendable, Equatable {
    /// The file name, for error messages («order770.docx»).
    public var name: String
    public var blocks: [Block]

    public init(name: String, blocks: [Block]) {
        self.name = name
        self.blocks = blocks
    }

    /// One piece of the document.
    public enum Block: Sendable, Equatable {
        /// A paragraph or line of running text, with where it stands («строка 12»).
        case paragraph(String, location: SourceLocation)
        case table(SourceTable)
    }

    /// The tables, in order.
    public var tables: [SourceTable] {
        blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    /// The running text, in order.
    public var paragraphs: [(text: String, location: SourceLocation)] {
        blocks.compactMap { if case .paragraph(let text, let location) = $0 { (text, location) } else { nil } }
    }
}

/// Where something stands in a source file, in words a user can find it by: a line of a
/// text file, a row and column of a table, a cell of a sheet («B7»).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The page of a PDF.
    public var page: Int?
    public var line: Int?
    public var row: Int?
    public var column: Int?
    /// A spreadsheet reference («B7») when the source has one.
    public var cell: String?

    public init(page: Int? = nil, line: Int? = nil, row: Int? = nil, column: Int? = nil, cell: String? = nil) {
        self.page = page
        self.line = line
        self.row = row
        self.column = column
        self.cell = cell
    }

    public var description: String {
        var parts: [String] = []
        if let page { parts.append("page \(page)") }
        if let cell { parts.append("cell \(cell)") }
        if let line { parts.append("line \(line)") }
        if let row, cell == nil { parts.append("row \(row)") }
        if let column, cell == nil { parts.append("column \(column)") }
        return parts.isEmpty ? "the document" : parts.joined(separator: ", ")
    }
}

/// A table as rows of cells. Merged cells are already spread: a cell covered by a
/// horizontal merge repeats nothing and is marked `mergedFromLeft`; a cell covered by a
/// vertical merge is marked `mergedFromAbove` and is empty, so a parser can tell
/// "this row continues the goal above" from "this cell was left blank".
public struct SourceTable: Sendable, Equatable {
    public var rows: [[SourceCell]]

    public init(rows: [[SourceCell]]) {
        self.rows = rows
    }

    /// The number of columns of the widest row.
    public var columnCount: Int { rows.map(\.count).max() ?? 0 }

    /// A table rebuilt from a text: `header`, then `body`, every cell placed at `location`
    /// (where the text's table starts) with its own row and column.
    init(header: [String], body: [[String]], at location: SourceLocation) {
        let cells = body.enumerated().map { index, row in
            row.enumerated().map { column, text in
                var at = location
                at.row = index + 2
                at.column = column + 1
                return SourceCell(text: text, location: at)
            }
        }
        self.init(rows: [header.map { SourceCell(text: $0, location: location) }] + cells)
    }
}

/// One cell: its text (NFC, line breaks inside the cell kept as "\n") and where it is.
public struct SourceCell: Sendable, Equatable {
    public var text: String
    public var location: SourceLocation
    public var mergedFromAbove: Bool
    public var mergedFromLeft: Bool

    public init(text: String, location: SourceLocation, mergedFromAbove: Bool = false, mergedFromLeft: Bool = false) {
        self.text = text
        self.location = location
        self.mergedFromAbove = mergedFromAbove
        self.mergedFromLeft = mergedFromLeft
    }
}
