/// A plan table copied from a web page that puts one cell per line: the header's cells one
/// after another («№ п/п», «Мероприятия», «Сроки», «Ответственные»), then each row's cells,
/// with or without a line of «|» between cells, or «|» ending each cell. Rebuilt into rows
/// from the header's width, a new row starting at each row number («1», «2.», «1.3») when
/// the table is numbered; a lone text where a row number should be is a section row
/// («I. Нормативно-правовое обеспечение»), kept as a row of one cell.
enum CellRunTable {
    /// One cell as the copy gives it.
    struct Cell {
        var text: String
        var location: SourceLocation
    }

    /// The table rebuilt from `paragraphs`, and how many paragraphs come before its header
    /// (the document's heading); nil when no run of header cells names a planned action.
    static func rebuild(_ paragraphs: [(text: String, location: SourceLocation)]) -> (table: SourceTable, headerStart: Int)? {
        let cells = Self.cells(paragraphs)
        guard let (start, width) = header(in: cells.map(\.cell.text)) else { return nil }
        let header = cells[start..<(start + width)]
        let numbered = PlanColumn(header: header[header.startIndex].cell.text) == .number
        var rows: [[SourceCell]] = [header.map { SourceCell(text: $0.cell.text, location: $0.cell.location) }]
        var current: [Cell] = []
        func finish() {
            defer { current = [] }
            guard !current.isEmpty else { return }
            var texts = current.map(\.text)
            if texts.count > width {
                // More cells than columns: the last column holds the rest (a list broken over lines).
                texts = Array(texts.prefix(width - 1)) + [texts.dropFirst(width - 1).joined(separator: "\n")]
            }
            let row = rows.count + 1
            rows.append(texts.enumerated().map { column, text in
                var location = current[min(column, current.count - 1)].location
                location.row = row
                location.column = column + 1
                return SourceCell(text: text, location: location)
            } + (texts.count < width && texts.count > 1
                 ? Array(repeating: SourceCell(text: "", location: current[0].location), count: width - texts.count) : []))
        }
        for (cell, _) in cells[(start + width)...] {
            if numbered {
                if Self.isRowNumber(cell.text) {
                    finish()
                    current = [cell]
                } else if current.isEmpty {
                    // A text where a row number should be: a section spanning the table.
                    current = [cell]
                    finish()
                } else {
                    current.append(cell)
                    if current.count == width { finish() }
                }
            } else {
                current.append(cell)
                if current.count == width { finish() }
            }
        }
        finish()
        guard rows.count > 1 else { return nil }
        return (SourceTable(rows: rows), cells[start].paragraph)
    }

    /// The cells of the copy: a line of «|» alone separates cells (the lines between them are
    /// one cell); otherwise each paragraph is a cell, a «|» at its end or start dropped.
    static func cells(_ paragraphs: [(text: String, location: SourceLocation)]) -> [(cell: Cell, paragraph: Int)] {
        let separated = paragraphs.filter { $0.text == "|" }.count >= 3
        var result: [(cell: Cell, paragraph: Int)] = []
        var pending: (cell: Cell, paragraph: Int)?
        var seenSeparator = false
        for (index, paragraph) in paragraphs.enumerated() {
            var text = paragraph.text
            if separated {
                if text == "|" {
                    if let cell = pending { result.append(cell) }
                    pending = nil
                    seenSeparator = true
                    continue
                }
                // Before the first «|» the lines are the document's heading, each its own.
                if !seenSeparator, let cell = pending {
                    result.append(cell)
                    pending = nil
                }
                if var cell = pending {
                    cell.cell.text += "\n" + text
                    pending = cell
                } else {
                    pending = (Cell(text: text, location: paragraph.location), index)
                }
                continue
            }
            while text.hasSuffix("|") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
            while text.hasPrefix("|") { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
            guard !text.isEmpty else { continue }
            result.append((Cell(text: text, location: paragraph.location), index))
        }
        if let cell = pending { result.append(cell) }
        return result
    }

    /// The first run of three or more header cells naming a planned action and a deadline or
    /// an executor: its start and width. A short cell the columns do not know («Классы»,
    /// «Участники») may stand between known ones.
    static func header(in texts: [String]) -> (start: Int, width: Int)? {
        var index = 0
        while index < texts.count {
            guard PlanColumn(header: texts[index]) != nil else {
                index += 1
                continue
            }
            var end = index
            var kinds: [PlanColumn] = []
            var probe = index
            while probe < texts.count, texts[probe].count <= 60 {
                if let kind = PlanColumn(header: texts[probe]) {
                    if kinds.contains(kind) { break }
                    kinds.append(kind)
                    end = probe + 1
                } else if probe + 1 >= texts.count || PlanColumn(header: texts[probe + 1]) == nil {
                    break
                }
                probe += 1
            }
            if end - index >= 3, kinds.contains(.action), kinds.contains(.deadline) || kinds.contains(.executor) {
                return (index, end - index)
            }
            index += 1
        }
        return nil
    }

    /// «1», «2.», «1.3», «10)»: a row's number in a numbered plan.
    static func isRowNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /\d{1,3}(\.\d{1,3}){0,2}[.)]?/) != nil
    }
}
