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
        // One row alone is a table when the copy holds nothing else: a fragment of a longer
        // act's table («1.» | action | executors | «2014 - 2016 годы» | result), with its number,
        // its action, its deadline and one more cell at least.
        let alone = rows.count == 1 && (whole.first?.count ?? 0) >= 4
        guard whole.count >= minimumRows || alone, let width = whole.first?.count, (3...5).contains(width),
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
        // So is a numbered heading there («6. Дифференциация оплаты труда …»).
        var headerAt = cells[first].paragraph
        if first > 0, !sections.isEmpty && cells[first - 1].cell.text.count <= 60 || CellRunTable.isHeading(cells[first - 1].cell.text),
           !CellRunTable.looksLikeDeadline(cells[first - 1].cell.text) {
            sections[0] = cells[first - 1]
            headerAt = cells[first - 1].paragraph
        }
        let location = paragraphs[headerAt].location
        var table: [[SourceCell]] = [
            // The first other column names who does it; a fifth says what comes of it.
            (["№", "Мероприятия"] + (2..<width).map { column in
                column == deadline ? "Сроки" : column == (2..<width).first(where: { $0 != deadline }) ? "Ответственные" : "Ожидаемый результат"
            }).map { SourceCell(text: $0, location: location) }
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

    /// A document's own table that names no column (the third page of an act's table, copied
    /// without the header the first page had): when each row that fills three cells or more
    /// has a deadline in the same column and an action of words in a column before it, the
    /// header it would have had is put before it: a row's number, the actions, the deadline,
    /// the executors in the first column of short texts after the actions, and the rest as
    /// notes («38. Разработка рекомендаций …» | «2006» | «Минобразование УО "РИПО"» | «-» |
    /// «рекомендации по использованию …»). Tried only when no other reading finds a table.
    static func rebuild(table: SourceTable) -> SourceTable? {
        let width = table.columnCount
        let text = { (row: [SourceCell], column: Int) in column < row.count ? row[column].text.trimmingCharacters(in: .whitespacesAndNewlines) : "" }
        let rows = table.rows.filter { row in (0..<width).filter { !text(row, $0).isEmpty }.count >= 3 }
        guard width >= 3, let first = rows.first, let location = first.first?.location else { return nil }
        let words = { (cell: String) in cell.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }.count }
        let deadlineAt = (1..<width).first { column in
            let dated = rows.filter { CellRunTable.looksLikeDeadline(text($0, column)) }.count
            return dated == rows.count || rows.count >= 4 && dated * 4 >= rows.count * 3
        }
        guard let deadline = deadlineAt,
              let action = (0..<deadline).first(where: { column in
                  rows.allSatisfy { words(text($0, column)) >= 3 && !CellRunTable.looksLikeDeadline(text($0, column)) }
              }) else { return nil }
        let numbered = action > 0 && rows.allSatisfy { CellRunTable.isRowNumber(text($0, action - 1)) || text($0, action - 1).isEmpty }
        // A start and an end: two columns of dates side by side (an end may be a condition).
        let ends = deadline + 1 < width && rows.filter { CellRunTable.looksLikeDeadline(text($0, deadline + 1)) }.count * 2 >= rows.count
        let executors = ((action + 1)..<width).first { column in
            column != deadline && rows.contains { text($0, column).contains(where: \.isLetter) }
                && rows.allSatisfy { !RussianText.isLonger(text($0, column), than: 120) && !CellRunTable.looksLikeDeadline(text($0, column)) }
        }
        let header = (0..<width).map { column -> String in
            switch column {
            case action: "Мероприятия"
            case deadline: ends ? "Дата начала" : "Сроки"
            case deadline + 1 where ends: "Дата окончания"
            case executors: "Ответственные"
            case action - 1 where numbered: "№"
            default: "Примечание"
            }
        }
        // A row of a number and words alone, where the others fill three cells, is a section's
        // heading («22 | 4. Поощрение лучших учителей»): its words go first, as a line across.
        let body = table.rows.map { row -> [SourceCell] in
            let filled = (0..<width).filter { !text(row, $0).isEmpty }
            guard numbered, filled == [action - 1, action] || filled == [action], action < row.count else { return row }
            return row.enumerated().map { column, cell in
                var cell = cell
                cell.text = column == 0 ? row[action].text : ""
                return cell
            }
        }
        return SourceTable(rows: [header.map { SourceCell(text: $0, location: location) }] + body)
    }
}
