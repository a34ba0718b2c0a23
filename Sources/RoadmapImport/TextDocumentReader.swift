import Foundation
import RoadmapDomain

/// Reads plain text converted from office files (what users paste or «save as text») into a
/// `SourceDocument`: runs of tab-separated lines and pipe tables (`| a | b |`) become tables,
/// everything else becomes paragraphs, one per non-blank line, with its line number.
///
/// What converters leave behind is undone here: HTML tags (`<b>`, `<p>`), markdown bold `**`,
/// no-break spaces; text is NFC. Two tab layouts are understood:
/// - one row per line («Сентябрь⇥Экскурсия⇥Классный руководитель»), where a blank line between
///   rows is a page break and does not end the table;
/// - one cell per line, as LibreOffice writes cells holding line breaks: each cell starts with
///   a tab, the lines after it (bullets) belong to it, and a blank line ends the row once the
///   row has all its cells.
/// A line break inside a cell is kept as "\n" so bullet lists stay lists.
public enum TextDocumentReader {
    /// Decodes UTF-8 (with or without a byte-order mark) and reads the text; refuses other
    /// encodings, binary files, empty files and files beyond `limits` (size, rows, columns,
    /// characters in a cell or paragraph) with an error naming the file and the line.
    public static func read(
        data: Data, name: String, limits: ReadLimits = .standard
    ) throws(DocumentReadError) -> SourceDocument {
        guard data.count <= limits.maxFileSize else {
            throw .tooLarge(file: name, limit: ReadLimits.describe(bytes: limits.maxFileSize))
        }
        let text = try decode(data, name: name)
        guard text.contains(where: { !$0.isWhitespace }) else { throw .empty(file: name) }
        let document = read(text, name: name)
        try check(document, against: limits)
        return document
    }

    /// Refuses a document with more rows or columns, or longer cells, than `limits` allow.
    static func check(_ document: SourceDocument, against limits: ReadLimits) throws(DocumentReadError) {
        for block in document.blocks {
            switch block {
            case .paragraph(let text, let location):
                if text.count > limits.maxCellLength {
                    throw .limitExceeded(file: document.name, location: location,
                                         limit: "a paragraph longer than \(limits.maxCellLength) characters")
                }
            case .table(let table):
                if table.rows.count > limits.maxRows {
                    throw .limitExceeded(file: document.name, location: table.rows[limits.maxRows].first?.location,
                                         limit: "a table of more than \(limits.maxRows) rows")
                }
                for row in table.rows {
                    if row.count > limits.maxColumns {
                        throw .limitExceeded(file: document.name, location: row[limits.maxColumns].location,
                                             limit: "a row of more than \(limits.maxColumns) cells")
                    }
                    if let cell = row.first(where: { $0.text.count > limits.maxCellLength }) {
                        throw .limitExceeded(file: document.name, location: cell.location,
                                             limit: "a cell longer than \(limits.maxCellLength) characters")
                    }
                }
            }
        }
    }

    /// Reads text already decoded.
    public static func read(_ text: String, name: String) -> SourceDocument {
        var text = RussianText.nfc(text)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map { unboxing(String($0)) }
        var blocks: [SourceDocument.Block] = []
        var index = 0
        while index < lines.count {
            if startsGridTable(lines, at: index) {
                let (table, next) = readGridTable(lines, from: index)
                if !table.rows.isEmpty { blocks.append(.table(table)) }
                index = next
            } else if isPipeRow(lines[index]) {
                let (table, next) = readPipeTable(lines, from: index)
                if !table.rows.isEmpty { blocks.append(.table(table)) }
                index = next
            } else if startsBarePipeTable(lines, at: index) {
                let (table, next) = readBarePipeTable(lines, from: index)
                if !table.rows.isEmpty { blocks.append(.table(table)) }
                index = next
            } else if startsPipeClosedTable(lines, at: index) {
                let (table, next) = readPipeClosedTable(lines, from: index)
                if !table.rows.isEmpty { blocks.append(.table(table)) }
                index = next
            } else if startsTabTable(lines, at: index) {
                let (table, next) = readTabTable(lines, from: index)
                if !table.rows.isEmpty { blocks.append(.table(table)) }
                index = next
            } else {
                let paragraph = cleanLine(lines[index])
                if !paragraph.isEmpty { blocks.append(.paragraph(paragraph, location: SourceLocation(line: index + 1))) }
                index += 1
            }
        }
        return SourceDocument(name: name, blocks: blocks)
    }

    // MARK: - Decoding

    static func decode(_ data: Data, name: String) throws(DocumentReadError) -> String {
        let bytes = [UInt8](data)
        guard !bytes.isEmpty else { throw .empty(file: name) }
        // Excel's «Текст Юникод (*.txt)»: tab-separated UTF-16.
        if let text = UTF16Text.decode(bytes) {
            if let nul = text.firstIndex(of: "\0") {
                throw .unreadable(file: name, reason: "a NUL character at \(text.distance(from: text.startIndex, to: nul)): this is a binary file, not text")
            }
            return text
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw .unreadable(file: name, reason: "this is a ZIP archive (a .docx or .xlsx?), not plain text")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) || bytes.starts(with: Array("%PDF".utf8)) {
            throw .unreadable(file: name, reason: "this is a binary office or PDF file, not plain text")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let nul = body.firstIndex(of: 0) {
            throw .unreadable(file: name, reason: "a NUL byte at offset \(nul): this is a binary file, not text")
        }
        if let offset = firstInvalidUTF8Offset(body) {
            // Notepad's «ANSI» on a Russian Windows: Windows-1251, as the CSV reader takes it.
            if looksLikeWindows1251(body) { return Windows1251.decode(body[...]) }
            let shift = body.count == bytes.count ? 0 : 3
            throw .unsupportedEncoding(file: name, offset: offset + shift, reason: "the text is not valid UTF-8")
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// The offset of the first byte that does not start or continue a well-formed UTF-8
    /// sequence (overlong forms and surrogates included), or nil.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; highest = 0x9F
            case 0xF0: length = 4; lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; highest = 0x8F
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                let range = offset == 1 ? lowest...highest : 0x80...0xBF
                guard range.contains(byte) else { return index }
            }
            index += length
        }
        return nil
    }

    /// Windows-1251 Cyrillic letters are single bytes 0xC0–0xFF; in such a text most high
    /// bytes are letters, which UTF-8 never has as runs of lead bytes.
    static func looksLikeWindows1251(_ bytes: [UInt8]) -> Bool {
        let high = bytes.filter { $0 >= 0x80 }
        guard !high.isEmpty else { return false }
        return high.filter { $0 >= 0xC0 }.count * 10 >= high.count * 7
    }

    // MARK: - Pipe tables

    static func isPipeRow(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("|") && trimmed.dropFirst().contains("|")
    }

    /// Separators of a pipe row written without the outer pipes («№ | Мероприятие | Срок»):
    /// the unescaped `|` between cells.
    static func barePipeCount(_ line: String) -> Int {
        var count = 0
        var previous: Character?
        for character in line {
            if character == "|" && previous != "\\" { count += 1 }
            previous = character
        }
        return count
    }

    /// A table without outer pipes starts where two lines in a row (a header and a row, or
    /// a header and its `---|---` rule) split into the same three or more cells; prose
    /// seldom holds two pipes, let alone on two lines alike.
    ///
    /// Two columns («Перечень мероприятий | Срок выполнения») split on one «|» each: three lines
    /// in a row alike, both sides of each written, where prose has none. A header may be
    /// followed by a heading across the table before its first row (`spansTable`).
    static func startsBarePipeTable(_ lines: [String], at index: Int) -> Bool {
        let line = lines[index]
        let pipes = barePipeCount(line)
        guard pipes >= 1, !isPipeRow(line), index + 1 < lines.count else { return false }
        if pipes == 1 {
            let alike = { (line: String) in
                barePipeCount(line) == 1 && !isPipeRow(line) && splitPipes(line).allSatisfy { !cleanCell($0).isEmpty }
            }
            return index + 2 < lines.count && lines[index...(index + 2)].allSatisfy(alike)
        }
        let next = lines[index + 1]
        return barePipeCount(next) == pipes || (isPipeSeparator(next) && next.contains("|"))
            || spansTable(lines, at: index + 1, pipes: pipes)
    }

    /// Whether the line at `index` is a heading across a table without outer pipes of `pipes`
    /// separators («26 августа 2020 г. Учебно-методический сбор факультета» between rows, or a
    /// month, «ЯНВАРЬ»): no «|» in it, two words or more (or one word of letters), opening with
    /// a capital or a figure, and a whole row under it whose first cell does not go on with a
    /// small letter (that would be a cell's text wrapped onto the next line, `brokenRow`). Up
    /// to three such headings may follow one another («I триместр 2022-2023 уч. год» /
    /// «СЕНТЯБРЬ 2022 г»).
    static func spansTable(_ lines: [String], at index: Int, pipes: Int, depth: Int = 0) -> Bool {
        guard pipes >= 2, depth < 3, index + 1 < lines.count, barePipeCount(lines[index]) == 0 else { return false }
        let text = cleanLine(lines[index])
        guard let opening = text.first, opening.isUppercase || opening.isNumber,
              text.split(separator: " ").count >= 2 || text.count >= 3 && text.allSatisfy(\.isLetter) else { return false }
        let next = lines[index + 1]
        guard barePipeCount(next) == pipes else { return spansTable(lines, at: index + 1, pipes: pipes, depth: depth + 1) }
        let first = cleanCell(splitPipes(next).first ?? "")
        return first.first?.isLowercase != true
    }

    /// A table whose rows each end with «|» and open with none, of as many cells as each row
    /// kept («… | Отметка о выполне- нии |», then a heading's two parts «улучшены условия
    /// труда | приведены в соответствие … |», then «1 | 2 | … | 10 |», a section «Здание … |»):
    /// a header of three cells or more, and two of the three lines after it closed by «|» with
    /// two cells or more, and not as many as the header (then it is a table without outer pipes).
    /// (One cell a line, each closed by «|», is another copy: a line alone holds one «|».)
    static func startsPipeClosedTable(_ lines: [String], at index: Int) -> Bool {
        let closed = { (line: String) in line.trimmingCharacters(in: .whitespaces).hasSuffix("|") && !isPipeRow(line) }
        let pipes = barePipeCount(lines[index])
        guard closed(lines[index]), pipes >= 3 else { return false }
        if rowsBrokenOverLines(lines, after: index, pipes: pipes) { return true }
        let after = lines[(index + 1)...].prefix(3)
        guard after.count >= 2, after.allSatisfy(closed), after.filter({ barePipeCount($0) >= 2 }).count >= 2 else { return false }
        // Whole rows, not rows broken over lines («1. | Определение целей … |» then «Декабрь
        // 2004 г. | Администрация области … |», read as a stream of cells): more lines as wide
        // as the header than lines of two cells or more but fewer.
        let body = lines[(index + 1)...].prefix(10).prefix(while: closed).map(barePipeCount)
        return body.filter { $0 >= pipes }.count > body.filter { $0 >= 2 && $0 < pipes }.count
    }

    /// The lines from `index` up to the first that ends with «|» (at most eight, none blank, none
    /// opening with «|»), joined by line breaks: one row of a table whose rows each end with «|»,
    /// its cells' paragraphs on lines of their own. `cut`: the copy ends (or a blank line
    /// comes) before any line ends so, and the row is what is left. Nil when neither.
    static func closedRow(_ lines: [String], from index: Int) -> (text: String, next: Int, cut: Bool)? {
        var parts: [String] = []
        var next = index
        while next < lines.count, next < index + 8, !isBlank(lines[next]), !isPipeRow(lines[next]) {
            let trimmed = lines[next].trimmingCharacters(in: .whitespaces)
            parts.append(trimmed)
            next += 1
            if trimmed.hasSuffix("|") && !trimmed.hasSuffix("\\|") {
                return (String(parts.joined(separator: "\n").dropLast()), next, false)
            }
        }
        guard !parts.isEmpty, next == lines.count || isBlank(lines[next]) else { return nil }
        return (parts.joined(separator: "\n"), next, true)
    }

    /// «Сроки проведения | Мероприятие | Цель | Выход документа |» over rows that each end with
    /// «|» but whose cells of several paragraphs break them over lines («1-я неделя | Беседа …» /
    /// «Д/игра …» / «… | Конспект беседы. |»), and sections of one cell («Блок № 1 … |»): of the
    /// rows up to six after the header, one at least as wide as the header and broken over
    /// lines, each of them as wide as the header or of one cell (the last may be cut).
    static func rowsBrokenOverLines(_ lines: [String], after header: Int, pipes: Int) -> Bool {
        var index = header + 1
        var whole = 0, broken = false
        for _ in 0..<6 {
            guard let row = closedRow(lines, from: index) else { break }
            let count = barePipeCount(row.text) + (row.cut ? 0 : 1)
            if row.cut {
                guard count >= 2 else { return false }
            } else if count == pipes {
                whole += 1
                broken = broken || row.next > index + 1
            } else if count != 1 {
                return false
            }
            index = row.next
            if row.cut { break }
        }
        return whole >= 1 && broken
    }

    /// The rows of a table whose lines each end with «|», each line a row of the cells it
    /// holds, up to the first line that does not end so (but for a row of two cells or more
    /// cut in its last cell, or a row broken over lines by its cells' paragraphs, up to the
    /// line that ends with «|»).
    static func readPipeClosedTable(_ lines: [String], from start: Int) -> (SourceTable, Int) {
        var rows: [[SourceCell]] = []
        var index = start
        let broken = rowsBrokenOverLines(lines, after: start, pipes: barePipeCount(lines[start]))
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            guard !isPipeRow(trimmed) else { break }
            // The last row of a copy cut inside its last cell is not closed.
            let closed = trimmed.hasSuffix("|") && !trimmed.hasSuffix("\\|")
            var text = closed ? String(trimmed.dropLast()) : trimmed
            var next = index + 1
            if !closed, broken, let row = closedRow(lines, from: index), !row.cut || barePipeCount(row.text) >= 1 {
                text = row.text
                next = row.next
            } else {
                guard closed || barePipeCount(trimmed) >= 2 && rows.count >= 2 else { break }
            }
            let row = rows.count + 1
            let line = index + 1
            rows.append(splitPipes(text).enumerated().map { column, text in
                SourceCell(text: cleanCell(text.replacingOccurrences(of: "\\|", with: "|")),
                           location: SourceLocation(line: line, row: row, column: column + 1))
            })
            index = next
        }
        return (SourceTable(rows: rows), index)
    }

    /// `|---|:--:|` lines between the header and the body.
    static func isPipeSeparator(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.contains("-") && trimmed.allSatisfy { "|-:+ \t".contains($0) }
    }

    static func readPipeTable(_ lines: [String], from start: Int) -> (SourceTable, Int) {
        var rows: [[SourceCell]] = []
        var index = start
        var lastClosed = true
        while index < lines.count {
            let line = lines[index]
            if isBlank(line) {
                // A blank line inside the table when the table goes on after it (a page break).
                guard let next = lines[index...].firstIndex(where: { !isBlank($0) }), isPipeRow(lines[next]) else {
                    break
                }
                index = next
                continue
            }
            guard isPipeRow(line) else {
                // «в течение года |» under «| 2.1. | Мероприятия … |»: the row's last cells, one a
                // line, when the copy broke a row (the table goes on after them).
                // «| 1. | Обеспечить … | Август.» then «1 раза в год | Комиссия … |»: a row whose
                // last cell was not closed goes on in the line below, that cell first, even as
                // the table's last row.
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                let filled = { (row: [SourceCell]) in row.filter { !$0.text.isEmpty }.count >= 2 }
                // «| 1. | Семинар | ноябрь» / «февраль» / «апрель | Морозова З.П. |»: the open cell's
                // paragraphs, one a line, until a line closes the row.
                if !lastClosed, !trimmed.contains("|"), var last = rows.last, !last.isEmpty,
                   let closing = lines[(index + 1)...].prefix(4).first(where: { $0.contains("|") }),
                   !isPipeRow(closing), closing.trimmingCharacters(in: .whitespaces).hasSuffix("|") {
                    last[last.count - 1].text += "\n" + cleanCell(trimmed)
                    rows[rows.count - 1] = last
                    index += 1
                    continue
                }
                guard trimmed.hasSuffix("|"), let last = rows.last, filled(last), rows.filter(filled).count >= 2,
                      lines[(index + 1)...].prefix(6).contains(where: isPipeRow)
                        || !lastClosed && lines[(index + 1)...].allSatisfy(isBlank) else { break }
                var texts = splitPipes(String(trimmed.dropLast())).map { cleanCell($0) }
                if !lastClosed, let first = texts.first, !first.isEmpty {
                    let row = rows.count - 1
                    rows[row][rows[row].count - 1].text += "\n" + first
                    texts.removeFirst()
                }
                for text in texts where !text.isEmpty {
                    let last = rows.count - 1
                    rows[last].append(SourceCell(text: text, location: SourceLocation(line: index + 1, row: last + 1, column: rows[last].count + 1)))
                }
                lastClosed = true
                index += 1
                continue
            }
            lastClosed = line.trimmingCharacters(in: .whitespaces).hasSuffix("|")
            if !isPipeSeparator(line) {
                var inner = line.trimmingCharacters(in: .whitespaces).dropFirst()
                if inner.hasSuffix("|") && !inner.hasSuffix("\\|") { inner = inner.dropLast() }
                let texts = splitPipes(String(inner))
                let row = rows.count + 1
                rows.append(texts.enumerated().map { column, text in
                    SourceCell(text: cleanCell(text.replacingOccurrences(of: "\\|", with: "|")),
                               location: SourceLocation(line: index + 1, row: row, column: column + 1))
                })
            }
            index += 1
        }
        return (SourceTable(rows: rows), index)
    }

    /// A pipe table without outer pipes: rows go on while lines split into as many cells
    /// as the header (a rule line is skipped; a blank line or prose ends the table).
    static func readBarePipeTable(_ lines: [String], from start: Int) -> (SourceTable, Int) {
        let pipes = barePipeCount(lines[start])
        var rows: [[SourceCell]] = []
        var index = start
        while index < lines.count {
            let line = lines[index]
            if isPipeSeparator(line) && line.contains("|") {
                index += 1
                continue
            }
            // A row whose last cells were left out («Октябрь | Экскурсия» under «Дата |
            // Мероприятие | Ответственный |») is still a row; a line with no «|» ends the table.
            // Not a row broken over lines («… | Зам. директора по ВР» / «Лазникова О.А. |»): the
            // next line is then neither a whole row nor the end.
            if index > start, spansTable(lines, at: index, pipes: pipes) {
                // A heading across the table: one cell, as a merged row of a document is read.
                rows.append([SourceCell(text: cleanLine(line), location: SourceLocation(line: index + 1, row: rows.count + 1, column: 1))])
                index += 1
                continue
            }
            let count = barePipeCount(line)
            let short = (1..<pipes).contains(count) && index > start + 1
                && splitPipes(line).filter { !cleanCell($0).isEmpty }.count >= 2
                && (index + 1 == lines.count || isBlank(lines[index + 1]) || barePipeCount(lines[index + 1]) == pipes)
            var parts = splitPipes(line)
            var next = index + 1
            if !isBlank(line), count < pipes, !short, index > start, let broken = brokenRow(lines, from: index, pipes: pipes) {
                // «2. | Игра-путешествие | 10.00» then «229 кабинет | Сермяжко Т.С.»: a cell of
                // two lines broke the row; the lines' cells add up to the header's.
                parts = broken.parts
                next = broken.next
            } else {
                guard !isBlank(line), count == pipes || short else { break }
            }
            let row = rows.count + 1
            rows.append(parts.enumerated().map { column, text in
                SourceCell(text: cleanCell(text.replacingOccurrences(of: "\\|", with: "|")),
                           location: SourceLocation(line: index + 1, row: row, column: column + 1))
            })
            index = next
        }
        return (SourceTable(rows: rows), index)
    }

    /// The cells of a row of a table without outer pipes that a cell's line breaks spread over
    /// the lines from `index` (at most six, none blank): their «|» add up to the header's
    /// `pipes`, each line's first cell going on with the cell before it. Nil when they do not.
    static func brokenRow(_ lines: [String], from index: Int, pipes: Int) -> (parts: [String], next: Int)? {
        var parts = splitPipes(lines[index])
        var count = barePipeCount(lines[index])
        var next = index + 1
        while count < pipes, next < lines.count, next < index + 6, !isBlank(lines[next]) {
            let more = splitPipes(lines[next])
            parts[parts.count - 1] += " " + more[0].trimmingCharacters(in: .whitespaces)
            parts += more.dropFirst()
            count += barePipeCount(lines[next])
            next += 1
        }
        return count == pipes ? (parts, next) : nil
    }

    /// Splits at `|` not escaped as `\|`.
    static func splitPipes(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var previous: Character?
        for character in text {
            if character == "|" && previous != "\\" {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        parts.append(current)
        return parts
    }

    // MARK: - Tab tables

    static func tabCount(_ line: String) -> Int { line.reduce(0) { $0 + ($1 == "\t" ? 1 : 0) } }

    static func hasInnerTab(_ line: String) -> Bool {
        line.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }).contains("\t")
    }

    /// A table starts at a line with a tab between texts, or at an indented line followed
    /// directly by another line with a tab (a cell-per-line row). A lone indented line of
    /// prose is a paragraph.
    static func startsTabTable(_ lines: [String], at index: Int) -> Bool {
        let line = lines[index]
        guard line.contains("\t"), !isBlank(line) else { return false }
        if hasInnerTab(line) { return true }
        return index + 1 < lines.count && lines[index + 1].contains("\t") && !isBlank(lines[index + 1])
    }

    /// The tabs a complete row has: the most tabs on one line, or, when every line holds at
    /// most one tab and that at its start (a cell per line), the tabs of the first row (lines
    /// up to the first blank).
    static func rowTabCount(_ lines: [String], from start: Int) -> Int {
        var end = start
        while end < lines.count, !(isBlank(lines[end]) && !continuesTable(lines, after: end)) { end += 1 }
        let region = lines[start..<end]
        let widest = region.map(tabCount).max() ?? 0
        // A tab between texts means a row per line; only leading tabs mean a cell per line.
        if widest >= 2 || region.contains(where: { $0.first != "\t" && hasInnerTab($0) }) { return widest }
        let firstRow = region.prefix { !isBlank($0) }
        return max(1, firstRow.map(tabCount).reduce(0, +))
    }

    /// Whether the line after a run of blank lines starting at `index` has a tab.
    static func continuesTable(_ lines: [String], after index: Int) -> Bool {
        guard let next = lines[index...].firstIndex(where: { !isBlank($0) }) else { return false }
        return lines[next].contains("\t")
    }

    static func readTabTable(_ lines: [String], from start: Int) -> (SourceTable, Int) {
        let rowTabs = rowTabCount(lines, from: start)
        var rows: [[SourceCell]] = []
        var record: [String] = []  // the lines of the row being read
        var recordLine = start
        var tabs = 0

        func finishRecord() {
            defer { record = []; tabs = 0 }
            guard !record.isEmpty else { return }
            let texts = record.joined(separator: "\n").split(separator: "\t", omittingEmptySubsequences: false)
            let cells = texts.map { cleanCell(String($0)) }
            // «--⇥--⇥---»: a converter's rule under the table, not a row.
            if cells.allSatisfy({ $0.allSatisfy { "-–—_=".contains($0) } }) && cells.contains(where: { !$0.isEmpty }) {
                return
            }
            guard cells.contains(where: { !$0.isEmpty }) else { return }
            let row = rows.count + 1
            rows.append(cells.enumerated().map { column, text in
                SourceCell(text: text, location: SourceLocation(line: recordLine + 1, row: row, column: column + 1))
            })
        }

        var index = start
        while index < lines.count {
            let line = lines[index]
            if isBlank(line) {
                if tabs >= rowTabs || record.isEmpty {
                    finishRecord()
                    guard continuesTable(lines, after: index) else { break }
                } else if !continuesTable(lines, after: index) {
                    finishRecord()
                    break
                }
                index += 1
                continue
            }
            let lineTabs = tabCount(line)
            let startsRow = record.isEmpty || (lineTabs > 0 && (tabs >= rowTabs || tabs + lineTabs > rowTabs))
            if startsRow {
                finishRecord()
                recordLine = index
            }
            record.append(line)
            tabs += lineTabs
            index += 1
        }
        finishRecord()
        return (SourceTable(rows: rows), index)
    }

    // MARK: - Cleaning

    /// A line with nothing on it; a line of tabs only is a row of empty cells, not blank.
    static func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0.isWhitespace && $0 != "\t" }
    }

    /// A paragraph line: tags and `**` gone, spaces collapsed.
    static func cleanLine(_ line: String) -> String {
        RussianText.collapsingWhitespace(RussianText.removingTags(line.replacingOccurrences(of: "**", with: "")))
    }

    /// A cell: tags and `**` gone; `<br>` and `</p>` are line breaks; each line's spaces
    /// collapsed; empty lines dropped; line structure (bullets) kept.
    static func cleanCell(_ text: String) -> String {
        var text = text.replacingOccurrences(of: "**", with: "")
        text = text.replacingOccurrences(of: #"(?i)<br\s*/?>|</p\s*>|</li\s*>|</div\s*>"#, with: "\n",
                                         options: .regularExpression)
        text = RussianText.removingTags(text)
        return text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { RussianText.collapsingWhitespace(String($0)) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }
}
