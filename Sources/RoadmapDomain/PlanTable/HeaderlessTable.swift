import Foundation

/// A plan table copied one cell a line without its header: «1. |» / «Разработка инструкций
/// … |» / «июль |», then «2. |» and so on, numbered from 1, maybe under a section's line
/// («Профсоюзные совещания») that restarts the numbering. The rows are told by their numbers;
/// when the whole ones are as wide (three or four cells) and each holds a deadline in the same
/// place, the header they would have had is put before the first («№ | Мероприятия | Сроки»,
/// with «Ответственные» before or after the deadline), so that the table is read by meaning
/// like any other. Tried only when no other reading of a text copy finds a table.
enum HeaderlessTable {
    /// Whole rows needed before a text is taken for such a table.
    static let minimumRows = 2

    /// The table rebuilt from `paragraphs`, with the header put in, and how many paragraphs
    /// come before it (the document's heading); nil when the text is no such table.
    static func rebuild(_ paragraphs: [(text: String, location: SourceLocation)]) -> (table: SourceTable, headerStart: Int)? {
        typealias Placed = (cell: CellRunTable.Cell, paragraph: Int)
        // «Заседания профсоюзного комитета» then «1. |»: a line with no «|» runs on into the
        // cell it closes, so a section's line and the next row's number come as one cell.
        let cells = CellRunTable.cells(paragraphs).flatMap { cell -> [Placed] in
            // (The pattern is tried only on short cells that end as a row number does.)
            guard cell.cell.text.utf8.count <= 160, let end = cell.cell.text.last, end.isNumber || end == "." || end == ")",
                  let match = cell.cell.text.wholeMatch(of: /(.{3,60}?)\s+(\d{1,3}[.)]?)/),
                  CellRunTable.isRowNumber(String(match.output.2)), !CellRunTable.looksLikeDeadline(cell.cell.text) else { return [cell] }
            var section = cell, number = cell
            section.cell.text = String(match.output.1)
            number.cell.text = String(match.output.2)
            return [section, number]
        }
        // Numbered from 1, or cut from a longer table: the copy opens at its row «9. |».
        let opening = cells.prefix(3).firstIndex { CellRunTable.levels($0.cell.text).count == 1 && CellRunTable.isRowNumber($0.cell.text) }
        guard let first = opening ?? cells.firstIndex(where: { CellRunTable.levels($0.cell.text) == [1] && CellRunTable.isRowNumber($0.cell.text) })
        else { return nil }
        // The rows, each from its number; a number that does not follow starts none.
        var rows: [[Placed]] = []
        var last: [Int]?
        for cell in cells[first...] {
            if CellRunTable.isRowNumber(cell.cell.text), CellRunTable.follows(cell.cell.text, last) {
                rows.append([cell])
                last = CellRunTable.levels(cell.cell.text)
            } else if !rows.isEmpty {
                rows[rows.count - 1].append(cell)
            }
        }
        // A row followed by a «1» again ends with a section's line when it has one more cell
        // than the other rows (the last, maybe cut, left out); a row as wide keeps its last
        // cell («Классный руководитель» is the executors', not a section).
        let restarts = Set(rows.indices.dropLast().filter { CellRunTable.levels(rows[$0 + 1][0].cell.text) == [1] })
        let widths = rows.indices.dropLast().filter { !restarts.contains($0) }.map { rows[$0].count }
        let usual = Dictionary(grouping: widths, by: { $0 }).max { $0.value.count < $1.value.count }?.key
        var sections: [Int: Placed] = [:]
        for index in restarts.sorted() {
            if let line = rows[index].last, usual.map({ rows[index].count == $0 + 1 }) ?? (rows[index].count > 3),
               line.cell.text.count <= 60, !CellRunTable.looksLikeDeadline(line.cell.text) {
                sections[index + 1] = rows[index].removeLast()
            }
        }
        // Columns left empty in every row («| |» for a mark of completion) are no cells.
        let blankTail = rows.dropLast().map { row in row.reversed().prefix { $0.cell.text.isEmpty }.count }.min() ?? 0
        if blankTail > 0, rows.count > minimumRows {
            rows = rows.map { row in
                let blank = row.reversed().prefix { $0.cell.text.isEmpty }.count
                return Array(row.dropLast(min(blank, blankTail)))
            }
        }
        // The last row may be cut short by the end of the copy.
        let whole = rows.count > minimumRows ? Array(rows.dropLast()) : rows
        guard whole.count >= minimumRows, let width = whole.first?.count, (3...4).contains(width),
              whole.allSatisfy({ $0.count == width }) else { return nil }
        // Each row's deadline in the same place; one in four may be a condition the words of a
        // deadline do not name («По просьбе учителя»).
        let deadlineAt = (2..<width).first { column in
            let dated = whole.filter { CellRunTable.looksLikeDeadline($0[column].cell.text) }.count
            return dated == whole.count || whole.count >= 4 && dated * 4 >= whole.count * 3
        }
        guard let deadline = deadlineAt,
              whole.allSatisfy({ !CellRunTable.looksLikeDeadline($0[1].cell.text) }) else { return nil }
        // The numbering starts again under sections: the line above the first row is one too.
        var headerAt = cells[first].paragraph
        if !sections.isEmpty, first > 0, cells[first - 1].cell.text.count <= 60, !CellRunTable.looksLikeDeadline(cells[first - 1].cell.text) {
            sections[0] = cells[first - 1]
            headerAt = cells[first - 1].paragraph
        }
        let location = paragraphs[headerAt].location
        var table: [[SourceCell]] = [
            (["№", "Мероприятия"] + (2..<width).map { $0 == deadline ? "Сроки" : "Ответственные" }).map { SourceCell(text: $0, location: location) }
        ]
        for (index, row) in rows.enumerated() {
            if let section = sections[index] { table.append([SourceCell(text: section.cell.text, location: section.cell.location)]) }
            let texts = row.prefix(width).map(\.cell) + Array(repeating: CellRunTable.Cell(text: "", location: row[0].cell.location),
                                                               count: max(0, width - row.count))
            let number = table.count + 1
            table.append(texts.enumerated().map { column, cell in
                var location = cell.location
                location.row = number
                location.column = column + 1
                return SourceCell(text: cell.text, location: location)
            })
        }
        return (SourceTable(rows: table), headerAt)
    }
}
