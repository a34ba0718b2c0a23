import RoadmapDomain

/// Tables drawn with rules, as legal databases and old text editors save them:
///
///     ┌───┬────────────────────────┬─────────────┐          +---+-----------------+------+
///     │ N │ Наименование           │ Срок        │          | N | Наименование    | Срок |
///     │пп.│ мероприятия            │ исполнения  │          +---+-----------------+------+
///     ├───┼────────────────────────┼─────────────┤          | 1.| Организация     | 2013 |
///     │ 1.│Организация внедрения   │2013 - 2015  │          |   | внедрения       | годы |
///     │   │в практику обучения     │годы         │          +---+-----------------+------+
///
/// A cell's text is wrapped over the lines of its row, so a row is the lines between two
/// rules, read column by column. Where the rules part only the header from the body, the
/// body's rows start at each line whose first cell is a row number, or after a line of empty
/// cells.
extension TextDocumentReader {
    /// The box-drawing characters of a line as «|», «-» and «+», the way the rest of the reader
    /// knows tables; other lines unchanged. The broken bar «¦» is a cell's border too: legal
    /// databases' text copies of Belarusian acts draw their tables with it between «+---+» rules.
    static func unboxing(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: { (0x2500...0x257F).contains($0.value) || $0.value == 0xA6 }) else { return line }
        return String(String.UnicodeScalarView(line.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.value {
            case 0xA6, 0x2502, 0x2503, 0x2551, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F: "|"
            case 0x2500, 0x2501, 0x2550, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D: "-"
            case 0x2500...0x257F: "+"
            default: scalar
            }
        }))
    }

    /// «+---+----+», «+===+====+», «|---+----|»: a rule between rows, with a junction where
    /// each border between cells crosses it.
    static func isGridRule(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 3, trimmed.contains("+"), trimmed.contains(where: { $0 == "-" || $0 == "=" }) else { return false }
        return trimmed.allSatisfy { "+-=|: ".contains($0) } && (trimmed.first == "+" || trimmed.last == "+")
    }

    /// A grid table starts at a rule with a row of cells right under it.
    static func startsGridTable(_ lines: [String], at index: Int) -> Bool {
        guard isGridRule(lines[index]), index + 1 < lines.count else { return false }
        return isPipeRow(lines[index + 1])
    }

    /// The rows of a grid table from its first rule, up to the first line that is neither a
    /// rule nor a row of cells (or the end of a copy cut inside a row).
    static func readGridTable(_ lines: [String], from start: Int) -> (SourceTable, Int) {
        // The lines between rules: (line number, cells) for each line.
        var blocks: [[(line: Int, cells: [String])]] = []
        var block: [(line: Int, cells: [String])] = []
        var index = start
        while index < lines.count {
            let line = lines[index]
            if isGridRule(line) {
                if !block.isEmpty { blocks.append(block) }
                block = []
            } else if isPipeRow(line) || block.count > 0 && barePipeCount(line) >= 2 {
                var inner = line.trimmingCharacters(in: .whitespaces)
                if inner.hasPrefix("|") { inner.removeFirst() }
                if inner.hasSuffix("|") { inner.removeLast() }
                block.append((index, splitPipes(inner).map { $0.trimmingCharacters(in: .whitespaces) }))
            } else {
                break
            }
            index += 1
        }
        if !block.isEmpty { blocks.append(block) }
        var rows: [[SourceCell]] = []
        // Rules between the body's rows: each block is a row. Rules round the header only:
        // the body's rows start at their numbers, or after a line of empty cells.
        let ruled = blocks.count > 2
        for (number, block) in blocks.enumerated() {
            for lines in number == 0 || ruled ? [block] : Self.rows(in: block) {
                let width = lines.map(\.cells.count).max() ?? 0
                let texts = (0..<width).map { column in
                    lines.compactMap { column < $0.cells.count && !$0.cells[column].isEmpty ? $0.cells[column] : nil }
                        .joined(separator: "\n")
                }
                guard texts.contains(where: { !$0.isEmpty }), let first = lines.first else { continue }
                let row = rows.count + 1
                rows.append(texts.enumerated().map { column, text in
                    SourceCell(text: cleanCell(text), location: SourceLocation(line: first.line + 1, row: row, column: column + 1))
                })
            }
        }
        return (SourceTable(rows: rows), index)
    }

    /// The rows of a body without rules between them: a line of empty cells ends a row, and
    /// when the first column numbers the rows («1.», «2.1»), each number starts one. Without
    /// either, each line is a row, as in a table of one line a row.
    static func rows(in block: [(line: Int, cells: [String])]) -> [[(line: Int, cells: [String])]] {
        let isNumber = { (text: String) in text.wholeMatch(of: /\d{1,3}(?:\.\d{1,3})*\.?/) != nil }
        let firsts = block.compactMap { $0.cells.first }.filter { !$0.isEmpty }
        let numbered = !firsts.isEmpty && firsts.allSatisfy(isNumber)
        let spaced = block.contains { $0.cells.allSatisfy(\.isEmpty) }
        guard numbered || spaced else { return block.map { [$0] } }
        var rows: [[(line: Int, cells: [String])]] = []
        var row: [(line: Int, cells: [String])] = []
        for line in block {
            if line.cells.allSatisfy(\.isEmpty) {
                if !row.isEmpty { rows.append(row) }
                row = []
                continue
            }
            if numbered, let first = line.cells.first, !first.isEmpty, !row.isEmpty {
                rows.append(row)
                row = []
            }
            row.append(line)
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }
}
