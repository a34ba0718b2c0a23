import Foundation
import RoadmapDomain

/// Reads a Word document (.docx) into a `SourceDocument`: the paragraphs of the body in
/// order, and each table with its merged cells spread (`w:gridSpan` → `mergedFromLeft`,
/// `w:vMerge` continuing → `mergedFromAbove`). A cell's paragraphs are joined with "\n";
/// tabs and line breaks inside runs are kept, and a paragraph of a numbered list opens with
/// the number Word shows before it (`DocxNumbering`). Body paragraphs carry their index
/// among the body's paragraphs as `line`; table cells their row and column (1-based, per
/// table).
public enum DocxReader {
    static let documentPart = "word/document.xml"

    public static func read(
        data: Data, name: String, limits: ReadLimits = .standard
    ) throws(DocumentReadError) -> SourceDocument {
        let archive = try OfficeArchive(data: data, file: name, limits: limits)
        let part = try mainPart(of: archive)
        let xml = try archive.requiredPart(part, what: "the body of a Word document")
        let body = DocxBodyHandler(file: name, limits: limits, numbering: try DocxNumbering.read(from: archive))
        try OfficeXML.parse(xml, part: part, file: name, handler: body)
        return SourceDocument(name: name, blocks: body.blocks)
    }

    /// The body part named by the package's `_rels/.rels` (Word always writes
    /// `word/document.xml`, a few generators do not).
    static func mainPart(of archive: OfficeArchive) throws(DocumentReadError) -> String {
        guard !archive.contains(documentPart), let rels = try archive.part("_rels/.rels") else { return documentPart }
        let relationships = PackageRelationshipsHandler(file: archive.file)
        try OfficeXML.parse(rels, part: "_rels/.rels", file: archive.file, handler: relationships)
        guard let target = relationships.officeDocument else { return documentPart }
        return target.hasPrefix("/") ? String(target.dropFirst()) : target
    }
}

/// `_rels/.rels`: the target of the officeDocument relationship.
private final class PackageRelationshipsHandler: OfficeXMLHandler {
    var officeDocument: String?

    override func open(_ name: String, attributes: [String: String]) {
        if name == "Relationship", officeDocument == nil, attributes["Type"]?.hasSuffix("/officeDocument") == true {
            officeDocument = attributes["Target"]
        }
    }
}

/// The SAX handler of `word/document.xml`.
private final class DocxBodyHandler: OfficeXMLHandler {
    private let limits: ReadLimits
    private(set) var blocks: [SourceDocument.Block] = []

    /// What a cell holds, in order: its paragraphs and the tables inside it.
    private enum Item {
        case paragraph(String)
        case table(SourceTable)
    }

    /// A cell as read, before merges are spread.
    private struct CellDraft {
        var paragraphs: [String] = []
        var items: [Item] = []
        var span = 1
        var continuesAbove = false
    }

    /// A table as read; a table inside a cell of another has one of its own.
    private struct TableDraft {
        var rows: [[SourceCell]] = []
        var drafts: [[CellDraft]] = []
        var row: [CellDraft] = []
        var gridBefore = 0
        var cell: CellDraft?
        var holdsTable = false
    }

    static let maxTableNesting = 8
    private var tables: [TableDraft] = []
    private var tableDepth: Int { tables.count }
    private var rows: [[SourceCell]] { tables.last?.rows ?? [] }
    private var row: [CellDraft] { tables.last?.row ?? [] }
    private var gridBefore: Int { tables.last?.gridBefore ?? 0 }
    private var cell: CellDraft? { tables.last?.cell }
    private var tableRowsRead = 0
    private var paragraphDepth = 0
    private var runDepth = 0
    private var inText = false
    private var fallbackDepth = 0
    /// Inside `w:moveFrom`: text a tracked change moved elsewhere, read where it went.
    private var movedFromDepth = 0
    private var paragraph = ""
    private var paragraphLength = 0
    private var bodyParagraphIndex = 0
    private var numbering: DocxNumbering
    /// Inside the properties of the paragraph being read (`w:pPr`), not of an earlier
    /// version a tracked change keeps (`w:pPrChange`).
    private var inParagraphProperties = false
    private var changedPropertiesDepth = 0
    /// The list, level and style the paragraph being read names.
    private var paragraphList: String?
    private var paragraphLevel: Int?
    private var paragraphStyle: String?

    /// Changes the innermost table being read.
    private func withTable(_ change: (inout TableDraft) -> Void) {
        guard !tables.isEmpty else { return }
        change(&tables[tables.count - 1])
    }

    init(file: String, limits: ReadLimits, numbering: DocxNumbering) {
        self.limits = limits
        self.numbering = numbering
        super.init(file: file)
    }

    private var location: SourceLocation {
        if tableDepth > 0 {
            let column = gridBefore + row.reduce(0) { $0 + $1.span } + 1
            return SourceLocation(row: rows.count + 1, column: column)
        }
        return SourceLocation(line: bodyParagraphIndex + 1)
    }

    override func open(_ name: String, attributes: [String: String]) {
        // Word writes each drawing twice: the modern form and a fallback for old readers.
        if name == "Fallback" { fallbackDepth += 1 }
        guard fallbackDepth == 0 else { return }
        if name == "moveFrom" { movedFromDepth += 1 }
        switch name {
        case "tbl":
            // A frame holds a plan, a plan's cell now and then a small table; deeper nesting is
            // no document anyone typed, and each level copies the text of those inside it.
            guard tables.count < Self.maxTableNesting else {
                fail(.limitExceeded(file: file, location: location, limit: "tables are nested more than \(Self.maxTableNesting) deep"))
                return
            }
            tables.append(TableDraft())
        case "tr" where tableDepth > 0:
            withTable { $0.row = []; $0.gridBefore = 0 }
            tableRowsRead += 1
            if tableRowsRead > limits.maxRows {
                fail(.limitExceeded(
                    file: file, location: SourceLocation(row: rows.count + 1),
                    limit: "the tables have more than \(limits.maxRows) rows"))
            }
        case "gridBefore" where tableDepth > 0 && cell == nil:
            withTable { $0.gridBefore = max(0, Int(attributes["val"] ?? "") ?? 0) }
            checkColumns()
        case "tc" where tableDepth > 0:
            withTable { $0.cell = CellDraft() }
        case "gridSpan" where tableDepth > 0:
            withTable { $0.cell?.span = max(1, Int(attributes["val"] ?? "") ?? 1) }
            checkColumns()
        case "vMerge" where tableDepth > 0:
            withTable { $0.cell?.continuesAbove = attributes["val"] != "restart" }
        case "p":
            paragraphDepth += 1
            if paragraphDepth == 1 {
                paragraph = ""
                paragraphLength = 0
                paragraphList = nil
                paragraphLevel = nil
                paragraphStyle = nil
            }
        case "pPr" where paragraphDepth == 1:
            inParagraphProperties = true
        case "pPrChange":
            changedPropertiesDepth += 1
        case "numId" where inParagraphProperties && changedPropertiesDepth == 0:
            paragraphList = attributes["val"]
        case "ilvl" where inParagraphProperties && changedPropertiesDepth == 0:
            paragraphLevel = attributes["val"].flatMap { Int($0) }
        case "pStyle" where inParagraphProperties && changedPropertiesDepth == 0:
            paragraphStyle = attributes["val"]
        case "r":
            runDepth += 1
        case "t":
            inText = runDepth > 0
        case "tab" where runDepth > 0:
            append("\t")
        case "br" where runDepth > 0, "cr" where runDepth > 0:
            append("\n")
        case "noBreakHyphen" where runDepth > 0:
            append("-")
        default:
            break
        }
    }

    override func close(_ name: String) {
        if name == "Fallback" {
            fallbackDepth -= 1
            return
        }
        guard fallbackDepth == 0 else { return }
        switch name {
        case "moveFrom":
            movedFromDepth = max(0, movedFromDepth - 1)
        case "t":
            inText = false
        case "pPr":
            inParagraphProperties = false
        case "pPrChange":
            changedPropertiesDepth = max(0, changedPropertiesDepth - 1)
        case "r":
            runDepth -= 1
        case "p":
            paragraphDepth -= 1
            guard paragraphDepth == 0 else { return }
            numberParagraph()
            if tableDepth > 0 {
                let text = paragraph
                withTable { $0.cell?.paragraphs.append(text); $0.cell?.items.append(.paragraph(text)) }
            } else {
                addParagraph(paragraph)
            }
        case "tc" where tableDepth > 0:
            withTable { table in
                if let cell = table.cell { table.row.append(cell) }
                table.cell = nil
            }
        case "tr" where tableDepth > 0:
            let spread = spread(row)
            withTable { $0.rows.append(spread); $0.drafts.append($0.row) }
        case "tbl" where tableDepth > 0:
            closeTable()
        default:
            break
        }
    }

    /// Opens the paragraph just read with the number its list gives it, if any: its own
    /// list and level, else its style's.
    private func numberParagraph() {
        let style = paragraphStyle.map { numbering.styleNumbering($0) }
        guard let list = paragraphList ?? style?.list, list != "0",
              let label = numbering.label(list: list, level: paragraphLevel ?? style?.level ?? 0) else { return }
        paragraph = paragraph.isEmpty ? label : label + " " + paragraph
    }

    private func addParagraph(_ written: String) {
        bodyParagraphIndex += 1
        let text = Self.clean(written)
        if !text.isEmpty {
            blocks.append(.paragraph(text, location: SourceLocation(line: bodyParagraphIndex)))
        }
    }

    /// A table ends. One of a single column that holds another lays out the page (a plan and
    /// its approval stamp inside a frame): what its cells hold is read as if it stood in the
    /// body. Any other table is a table; the text of a table inside one of its cells is part
    /// of that cell.
    private func closeTable() {
        let done = tables.removeLast()
        let width = done.drafts.map(\.count).max() ?? 0
        let items: [Item]
        if done.holdsTable, width == 1 {
            items = done.drafts.flatMap { $0.filter { !$0.continuesAbove }.flatMap(\.items) }
        } else {
            items = done.rows.isEmpty ? [] : [.table(SourceTable(rows: done.rows))]
        }
        guard !tables.isEmpty else {
            for item in items {
                switch item {
                case .paragraph(let text): addParagraph(text)
                case .table(let table): blocks.append(.table(table))
                }
            }
            return
        }
        let paragraphs = done.drafts.flatMap { $0.flatMap(\.paragraphs) }
        withTable { outer in
            outer.cell?.paragraphs += paragraphs
            outer.cell?.items += items
            if items.contains(where: { if case .table = $0 { true } else { false } }) { outer.holdsTable = true }
        }
    }

    override func text(_ string: String) {
        guard inText, fallbackDepth == 0, movedFromDepth == 0 else { return }
        append(string)
    }

    private func append(_ string: String) {
        guard paragraphDepth > 0 else { return }
        paragraph += string
        paragraphLength += string.count
        let cellLength = paragraphLength + (cell?.paragraphs.reduce(0) { $0 + $1.count + 1 } ?? 0)
        if cellLength > limits.maxCellLength {
            let what = tableDepth > 0 ? "a cell" : "a paragraph"
            fail(.limitExceeded(
                file: file, location: location,
                limit: "\(what) is longer than \(limits.maxCellLength) characters"))
        }
    }

    private func checkColumns() {
        let width = gridBefore + row.reduce(0) { $0 + $1.span } + (cell?.span ?? 0)
        if width > limits.maxColumns {
            fail(.limitExceeded(
                file: file, location: SourceLocation(row: rows.count + 1),
                limit: "a table row spans more than \(limits.maxColumns) columns"))
        }
    }

    /// Spreads a row's cells over the grid: a cell spanning n columns is followed by n - 1
    /// empty cells merged from the left; a continued vertical merge is empty and merged
    /// from above.
    private func spread(_ drafts: [CellDraft]) -> [SourceCell] {
        let rowNumber = rows.count + 1
        var cells: [SourceCell] = []
        for _ in 0..<gridBefore {
            cells.append(SourceCell(text: "", location: SourceLocation(row: rowNumber, column: cells.count + 1)))
        }
        for draft in drafts {
            let text = draft.continuesAbove ? "" : Self.clean(draft.paragraphs.joined(separator: "\n"))
            cells.append(SourceCell(
                text: text, location: SourceLocation(row: rowNumber, column: cells.count + 1),
                mergedFromAbove: draft.continuesAbove))
            for _ in 1..<max(draft.span, 1) {
                cells.append(SourceCell(
                    text: "", location: SourceLocation(row: rowNumber, column: cells.count + 1),
                    mergedFromAbove: draft.continuesAbove, mergedFromLeft: true))
            }
        }
        return cells
    }

    /// Trims the text and puts it in NFC, as `SourceCell` promises.
    static func clean(_ text: String) -> String {
        RussianText.nfc(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
