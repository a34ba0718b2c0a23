import RoadmapDomain

/// Lays the cells of a sheet (.xlsx or .csv) out as a document, the way people fill a sheet:
/// the rows with one filled cell above the first row with two or more (the issuer, «ПРИКАЗ»,
/// the date, the number, the title) are the document's paragraphs; every non-empty row from
/// that first row on is a row of one table. Blank rows, and the blank columns at the table's
/// left and right, are dropped; cells keep their own locations, so «B7» still reads «B7».
enum SheetLayout {
    /// `rows` are rectangular: every row has the same number of cells.
    static func blocks(rows: [[SourceCell]]) -> [SourceDocument.Block] {
        let filled = rows.filter { $0.contains { !$0.text.isEmpty } }
        let firstTableRow = filled.firstIndex { row in row.count { !$0.text.isEmpty } >= 2 } ?? filled.endIndex
        var blocks: [SourceDocument.Block] = []
        for row in filled[..<firstTableRow] {
            for cell in row where !cell.text.isEmpty {
                blocks.append(.paragraph(cell.text, location: cell.location))
            }
        }
        let tableRows = Array(filled[firstTableRow...])
        guard !tableRows.isEmpty else { return blocks }
        let width = tableRows.map(\.count).max() ?? 0
        let used = (0..<width).filter { column in
            tableRows.contains { row in
                column < row.count && (!row[column].text.isEmpty || row[column].mergedFromLeft)
            }
        }
        guard let first = used.first, let last = used.last else { return blocks }
        let table = SourceTable(rows: tableRows.map { Array($0[first...min(last, $0.count - 1)]) })
        blocks.append(.table(table))
        return blocks
    }
}
