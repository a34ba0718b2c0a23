import Foundation
import RoadmapDomain

/// Reads the sheet of an Excel workbook (.xlsx) that holds the plan into a `SourceDocument`:
/// the first visible sheet, or, when that holds no plan table (a cover page, a list of
/// signatures), the first of the next visible ones that does (up to `sheetsTried`). Shared and
/// inline strings (rich text runs joined), numbers, and dates (serial numbers in a cell with
/// a date format) as the format shows them: «dd.mm.yyyy», or «март 2025» for a month alone;
/// merged areas (`mergeCells`) spread with merge flags.
/// Cells carry their reference («B7»); the layout follows `SheetLayout`.
public enum XlsxReader {
    public static func read(
        data: Data, name: String, limits: ReadLimits = .standard
    ) throws(DocumentReadError) -> SourceDocument {
        let archive = try OfficeArchive(data: data, file: name, limits: limits)
        let workbookXML = try archive.requiredPart("xl/workbook.xml", what: "the workbook of an Excel file")
        let workbook = XlsxWorkbookHandler(file: name)
        try OfficeXML.parse(workbookXML, part: "xl/workbook.xml", file: name, handler: workbook)
        guard workbook.hasSheet else {
            throw .unreadable(file: name, reason: "the workbook has no sheets")
        }
        let relationships = XlsxRelationshipsHandler(file: name)
        if let rels = try archive.part("xl/_rels/workbook.xml.rels") {
            try OfficeXML.parse(rels, part: "xl/_rels/workbook.xml.rels", file: name, handler: relationships)
        }
        let sheetParts = workbook.visibleSheetRelationships.prefix(sheetsTried).compactMap { relationships.targets[$0] }.map(resolve)
        let sharedStringsPart = relationships.target(ofType: "sharedStrings").map(resolve) ?? "xl/sharedStrings.xml"
        let sharedStrings = XlsxSharedStringsHandler(file: name)
        if let xml = try archive.part(sharedStringsPart) {
            try OfficeXML.parse(xml, part: sharedStringsPart, file: name, handler: sharedStrings)
        }
        let stylesPart = relationships.target(ofType: "styles").map(resolve) ?? "xl/styles.xml"
        let styles = XlsxStylesHandler(file: name)
        if let xml = try archive.part(stylesPart) {
            try OfficeXML.parse(xml, part: stylesPart, file: name, handler: styles)
        }
        func document(of sheetPart: String) throws(DocumentReadError) -> SourceDocument {
            let sheetXML = try archive.requiredPart(sheetPart, what: "a sheet of the workbook")
            let sheet = XlsxSheetHandler(
                file: name, limits: limits, sharedStrings: sharedStrings.strings,
                dateStyles: styles.dateStyles, date1904: workbook.date1904)
            try OfficeXML.parse(sheetXML, part: sheetPart, file: name, handler: sheet)
            return SourceDocument(name: name, blocks: SheetLayout.blocks(rows: sheet.grid()))
        }
        guard let first = sheetParts.first else { return try document(of: "xl/worksheets/sheet1.xml") }
        let firstDocument = try document(of: first)
        if Self.holdsAPlanTable(firstDocument) { return firstDocument }
        for part in sheetParts.dropFirst() {
            // A sheet that cannot be read is passed over: the first one decides the error.
            guard let next = try? document(of: part) else { continue }
            if Self.holdsAPlanTable(next) { return next }
        }
        return firstDocument
    }

    /// How many visible sheets are tried for a plan: each is read within the limits.
    static let sheetsTried = 8

    /// Whether one of the document's tables has a header of a plan.
    static func holdsAPlanTable(_ document: SourceDocument) -> Bool {
        document.tables.contains { PlanTableLayout(table: $0) != nil }
    }

    /// A relationship target («worksheets/sheet1.xml», «/xl/worksheets/sheet1.xml») as a
    /// path in the archive.
    static func resolve(_ target: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : ["xl"]
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }

    /// What a date format shows: a day, or only a month («мар.25», «Март 2025»: what Excel
    /// makes of «март 2025» typed into a cell), or only a year. A deadline written as a month
    /// is due at the month's end, not on its first day.
    enum DateShape: Hashable {
        case day, month, year
    }

    /// What a number format shows of a date, nil when it shows none: the built-in ids 14–22
    /// (17, «mmm-yy», a month), or a custom code with day, month or year fields once quoted
    /// text, escapes and [colour]/[locale] are removed («m» alone with hours or seconds is
    /// minutes).
    static func dateShape(id: Int, code: String?) -> DateShape? {
        if id == 17 { return .month }
        if (14...22).contains(id) { return .day }
        guard let code else { return nil }
        var plain = ""
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            default: if !inQuotes, !inBrackets { plain.append(character) }
            }
        }
        if plain.contains("d") { return .day }
        let months = plain.contains("m") && !plain.contains("h") && !plain.contains("s")
        if months { return .month }
        return plain.contains("y") ? .year : nil
    }

    static let monthNames = [
        "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    ]

    /// A date serial number as the cell shows it — «dd.mm.yyyy», «март 2025» or «2025» — or
    /// nil when it is out of any sane range.
    static func dateText(serial: Double, date1904: Bool, shape: DateShape = .day) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let day = Int(serial.rounded(.down))
        if !date1904, day == 60 { return "29.02.1900" }  // Excel keeps Lotus's leap-year bug.
        // Days since 1970-01-01 of the sheet's epoch.
        let epoch = date1904 ? -24_107 : (day < 60 ? -25_568 : -25_569)
        guard let date = CalendarDate(daysSinceEpoch: epoch + day) else { return nil }
        switch shape {
        case .day: return date.russian
        case .month: return "\(monthNames[date.month - 1]) \(date.year)"
        case .year: return String(date.year)
        }
    }
}

/// `xl/workbook.xml`: the visible sheets' relationship ids in order, and the date system.
private final class XlsxWorkbookHandler: OfficeXMLHandler {
    var visibleSheetRelationships: [String] = []
    var hasSheet = false
    var date1904 = false

    override func open(_ name: String, attributes: [String: String]) {
        switch name {
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"]?.lowercased() ?? "")
        case "sheet":
            hasSheet = true
            // «hidden», «veryHidden»: sheets the author put away (lookups, old versions).
            if let id = attributes["id"], (attributes["state"] ?? "visible") == "visible", visibleSheetRelationships.count < 64 {
                visibleSheetRelationships.append(id)
            }
        default:
            break
        }
    }
}

/// `xl/_rels/workbook.xml.rels`: relationship id → target, and the targets by type.
private final class XlsxRelationshipsHandler: OfficeXMLHandler {
    var targets: [String: String] = [:]
    private var targetsByType: [String: String] = [:]

    /// The target of the first relationship whose type ends in `/<type>`.
    func target(ofType type: String) -> String? { targetsByType[type] }

    override func open(_ name: String, attributes: [String: String]) {
        guard name == "Relationship", let target = attributes["Target"] else { return }
        if let id = attributes["Id"] { targets[id] = target }
        if let type = attributes["Type"]?.split(separator: "/").last, targetsByType[String(type)] == nil {
            targetsByType[String(type)] = target
        }
    }
}

/// `xl/sharedStrings.xml`: each `si`, its runs joined, phonetic guides (`rPh`) left out.
private final class XlsxSharedStringsHandler: OfficeXMLHandler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    override func open(_ name: String, attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    override func close(_ name: String) {
        switch name {
        case "si": strings.append(current)
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    override func text(_ string: String) {
        if inText { current += string }
    }
}

/// `xl/styles.xml`: which cell formats (`cellXfs`, by index) show dates.
private final class XlsxStylesHandler: OfficeXMLHandler {
    private var customFormats: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false

    var dateStyles: [Int: XlsxReader.DateShape] {
        var shapes: [Int: XlsxReader.DateShape] = [:]
        for (index, id) in formatIDs.enumerated() {
            shapes[index] = XlsxReader.dateShape(id: id, code: customFormats[id])
        }
        return shapes
    }

    override func open(_ name: String, attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }) { customFormats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs":
            inCellFormats = true
        case "xf" where inCellFormats:
            formatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default:
            break
        }
    }

    override func close(_ name: String) {
        if name == "cellXfs" { inCellFormats = false }
    }
}

/// A worksheet: cell values by reference, and the merged areas.
private final class XlsxSheetHandler: OfficeXMLHandler {
    private let limits: ReadLimits
    private let sharedStrings: [String]
    private let dateStyles: [Int: XlsxReader.DateShape]
    private let date1904: Bool

    private var values: [CellReference: String] = [:]
    private var merges: [(from: CellReference, to: CellReference)] = []
    private var rowsWithValues = 0

    private var rowNumber = 0
    private var rowHasValue = false
    private var nextColumn = 1
    private var cell: CellReference?
    private var type = "n"
    private var style = 0
    private var value = ""
    private var inline = ""
    private var inValue = false
    private var inInlineText = false
    private var phoneticDepth = 0

    init(file: String, limits: ReadLimits, sharedStrings: [String], dateStyles: [Int: XlsxReader.DateShape], date1904: Bool) {
        self.limits = limits
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        super.init(file: file)
    }

    override func open(_ name: String, attributes: [String: String]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            rowHasValue = false
            nextColumn = 1
        case "c":
            let reference = attributes["r"].flatMap { CellReference(Substring($0)) }
                ?? CellReference(row: max(rowNumber, 1), column: nextColumn)
            cell = reference
            nextColumn = reference.column + 1
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""
            inline = ""
        case "v":
            inValue = true
        case "rPh":
            phoneticDepth += 1
        case "t" where cell != nil:
            inInlineText = phoneticDepth == 0
        case "mergeCell":
            let ends = (attributes["ref"] ?? "").split(separator: ":")
            if ends.count == 2, let from = CellReference(ends[0]), let to = CellReference(ends[1]),
               from.row <= to.row, from.column <= to.column {
                merges.append((from, to))
            }
        default:
            break
        }
    }

    override func close(_ name: String) {
        switch name {
        case "v": inValue = false
        case "t": inInlineText = false
        case "rPh": phoneticDepth -= 1
        case "c": finishCell()
        case "row": if rowHasValue { rowsWithValues += 1 }
        default: break
        }
    }

    override func text(_ string: String) {
        if inValue { value += string } else if inInlineText { inline += string }
    }

    private func finishCell() {
        guard let reference = cell else { return }
        cell = nil
        let text: String
        switch type {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                return fail(.malformed(
                    file: file, location: location(reference),
                    reason: "the cell points to shared string \(value), which does not exist"))
            }
            text = sharedStrings[index]
        case "inlineStr": text = inline
        case "b": text = value == "1" ? "TRUE" : "FALSE"
        case "str", "e": text = value
        default: text = number(value)
        }
        let cleaned = RussianText.nfc(text.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\r\n", with: "\n"))
        guard !cleaned.isEmpty else { return }
        guard cleaned.count <= limits.maxCellLength else {
            return fail(.limitExceeded(
                file: file, location: location(reference),
                limit: "the cell is longer than \(limits.maxCellLength) characters"))
        }
        guard reference.column <= limits.maxColumns else {
            return fail(.limitExceeded(
                file: file, location: location(reference),
                limit: "the sheet has cells beyond column \(limits.maxColumns)"))
        }
        if !rowHasValue {
            rowHasValue = true
            guard rowsWithValues < limits.maxRows else {
                return fail(.limitExceeded(
                    file: file, location: location(reference),
                    limit: "the sheet has more than \(limits.maxRows) rows"))
            }
        }
        values[reference] = cleaned
    }

    private func number(_ raw: String) -> String {
        let raw = raw.trimmingCharacters(in: .whitespaces)
        guard let number = Double(raw) else { return raw }
        if let shape = dateStyles[style], let date = XlsxReader.dateText(serial: number, date1904: date1904, shape: shape) {
            return date
        }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return raw
    }

    private func location(_ reference: CellReference) -> SourceLocation {
        SourceLocation(row: reference.row, column: reference.column, cell: reference.description)
    }

    /// The filled rows, each spread over the columns up to the last filled one, with the
    /// merged areas marked; areas beyond the filled cells are clipped, so a hostile
    /// «A1:XFD1048576» costs nothing.
    func grid() -> [[SourceCell]] {
        let width = values.keys.map(\.column).max() ?? 0
        var covered: [CellReference: (above: Bool, left: Bool)] = [:]
        let rowNumbers = Set(values.keys.map(\.row)).sorted()
        // Overlapping hostile areas could still repeat work: stop at one pass over the grid.
        var budget = rowNumbers.count * max(width, 1)
        for merge in merges where merge.from.column <= width {
            for row in rowNumbers where row >= merge.from.row && row <= merge.to.row {
                budget -= min(merge.to.column, width) - merge.from.column + 1
                guard budget >= 0 else { break }
                for column in merge.from.column...min(merge.to.column, width) {
                    let reference = CellReference(row: row, column: column)
                    guard reference != merge.from else { continue }
                    covered[reference] = (row > merge.from.row, column > merge.from.column)
                }
            }
        }
        return rowNumbers.map { row in
            (1...max(width, 1)).map { column in
                let reference = CellReference(row: row, column: column)
                let merge = covered[reference]
                return SourceCell(
                    text: merge == nil ? values[reference] ?? "" : "",
                    location: location(reference),
                    mergedFromAbove: merge?.above ?? false, mergedFromLeft: merge?.left ?? false)
            }
        }
    }
}
