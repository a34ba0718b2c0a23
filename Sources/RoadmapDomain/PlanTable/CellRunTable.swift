import Foundation

/// A plan table copied from a web page that puts one cell per line: the header's cells one
/// after another («№ п/п», «Мероприятия», «Сроки», «Ответственные»), then each row's cells,
/// with or without a line of «|» between cells, or «|» ending each cell. Rebuilt into rows
/// from the header's width, a new row starting at each row number («1», «2.», «1.3») when
/// the table is numbered; a lone text where a row number should be is a section row
/// («I. Нормативно-правовое обеспечение»), kept as a row of one cell.
public enum CellRunTable {
    /// One cell as the copy gives it.
    struct Cell {
        var text: String
        var location: SourceLocation
    }

    /// `paragraphs` (lines of a text copy) joined into one paragraph per run of lines with no
    /// blank line between them: a PDF's narrow column wraps each cell over short lines and
    /// leaves a blank line between cells. Nil when the copy has no such cells (fewer than three
    /// runs of several lines) or no blank lines to tell them apart.
    static func blocks(_ paragraphs: [(text: String, location: SourceLocation)]) -> [(text: String, location: SourceLocation)]? {
        var blocks: [(text: String, location: SourceLocation)] = []
        var lines = 0
        var wrapped = 0
        var previousLine: Int?
        for paragraph in paragraphs {
            guard let line = paragraph.location.line else { return nil }
            let text = paragraph.text.trimmingCharacters(in: .whitespaces)
            if let previous = previousLine, line == previous + 1, let last = blocks.indices.last {
                blocks[last].text += " " + text
                lines += 1
                if lines == 2 { wrapped += 1 }
            } else {
                blocks.append((text, paragraph.location))
                lines = 1
            }
            previousLine = line
        }
        guard wrapped >= 3, blocks.count >= 8 else { return nil }
        return blocks
    }

    /// The table rebuilt from `paragraphs`, and how many paragraphs come before its header
    /// (the document's heading); nil when no run of header cells names a planned action.
    /// `dropping`: the header's columns (by place) that have no cell in any row, the copy
    /// having left their empty cells out («Примечание», «Отметка о выполнении», executors
    /// the plan never named); read without them. Nil: read with every column, then without
    /// those whose leaving out puts the rows' texts in their columns (`withoutEmptyColumns`).
    static func rebuild(
        _ paragraphs: [(text: String, location: SourceLocation)], dropping: Set<Int>? = nil
    ) -> (table: SourceTable, headerStart: Int)? {
        // Lines holding several cells between «|» are a stream of cells, not one cell a line.
        let inner = paragraphs.filter { $0.text.trimmingCharacters(in: CharacterSet(charactersIn: " |")).contains("|") }
        guard inner.count < 2 else { return nil }
        let withBlanks = Self.joiningDashedRanges(Self.cells(paragraphs))
        // Blank cells (a «|» alone) only count inside a numbered row, and only where they make
        // it as wide as the header; elsewhere they are borders of merged rows.
        var cells = withBlanks.filter { !$0.cell.text.isEmpty }
        // A text followed by a line of «|» alone («|||||», read as an empty table, so a line
        // the paragraphs skip) spans the table: a section, never a heading. Copies with a
        // blank line after every cell tell nothing so.
        let skipsLine = cells.indices.filter { index in
            let next = cells[index].paragraph + 1
            guard paragraphs.indices.contains(next), let line = paragraphs[cells[index].paragraph].location.line,
                  let nextLine = paragraphs[next].location.line else { return false }
            return nextLine > line + 1
        }
        let spanning = skipsLine.count * 3 < cells.count ? Set(skipsLine) : []
        let delimited = paragraphs.filter { $0.text.trimmingCharacters(in: .whitespaces).hasSuffix("|") }.count >= 6
        // «|||» after a row's last cell (its empty cells, or a filler under a section): in a
        // «|»-ended copy whose lines of «|» alone come now and then, not after each cell, they
        // end rows.
        let rowEnds = delimited && skipsLine.count * 2 <= cells.count ? Set(skipsLine) : []
        guard let (start, headerWidth) = header(in: cells.map(\.cell.text), spanning: spanning, delimited: delimited) else { return nil }
        let header = cells[start..<(start + headerWidth)]
        var numbered = PlanColumn(header: header[header.startIndex].cell.text) == .number
        var headerRow = joiningWrappedHeadings(header.map(\.cell))
        var width = headerRow.count
        // «Мероприятия | Сроки | Ответственные» then «1.»: the numbers' column has no heading.
        let firstCells = cells.dropFirst(start + headerWidth).prefix(2).map(\.cell.text)
        if !numbered, firstCells.contains(where: { Self.isRowNumber($0) && [[1], [1, 1]].contains(Self.levels($0)) }) {
            numbered = true
            headerRow.insert(SourceCell(text: "№", location: headerRow[0].location), at: 0)
            width += 1
        }
        // «ответствен» then «ный»: the last heading wrapped; its end is no row. So are the
        // items of a heading that ends in a colon («Общая сумма/ источник финансирования:» then
        // «1. транспортные расходы;», «2. входные билеты;»).
        var bodyStart = start + headerWidth
        while bodyStart < cells.count, let last = headerRow.indices.last,
              Self.itemsAHeading(headerRow[last].text, cells[bodyStart].cell.text)
                || cells[bodyStart].cell.text.first?.isLowercase == true
                && cells[bodyStart].cell.text.count <= 12 && !cells[bodyStart].cell.text.contains(where: \.isNumber)
                && !Self.looksLikeDeadline(cells[bodyStart].cell.text) {
            headerRow[last].text += " " + cells[bodyStart].cell.text
            bodyStart += 1
        }
        if let dropping, !dropping.isEmpty {
            guard dropping.allSatisfy(headerRow.indices.contains), headerRow.count - dropping.count >= 2 else { return nil }
            headerRow = headerRow.indices.filter { !dropping.contains($0) }.map { headerRow[$0] }
            width = headerRow.count
        }
        var rows: [[SourceCell]] = [headerRow]
        let kinds = headerRow.map { PlanColumn(header: $0.text) }
        let deadlineColumn = kinds.firstIndex(of: .deadline)
        // «Сроки, место проведения», «Дата, время и место»: the place is part of the deadline's cell.
        let deadlineHoldsPlace = deadlineColumn.map { RussianText.folded(headerRow[$0].text).contains("мест") } ?? false
        var current: [Cell] = []
        var lastNumber: [Int]?
        // The last row's own number: a text taken for a section («3. Экскурсовод: 24 руб.», the
        // last line of a cell) numbers nothing, and the next row follows the row before it.
        var lastRowNumber: [Int]?
        // Where the last numbered row will stand among `rows`.
        var numberedSince: Int?
        // The last section's number, and whether a text taken for a section since the last row
        // broke the sections' order.
        var lastSection: Int?
        var strayHeading = false
        // «№ п/п» heads a column no row fills: the rows are read without it.
        var numberless = false
        // A row under a deadline cell merged over several rows (the deadline is the first
        // column): its first cell is that blank, which left no trace in the copy.
        var underMergedDeadline = false
        /// The row at `index` read again with the single texts after it, taken for sections.
        func rereadRow(at index: Int) {
            current = rows[index...].flatMap { $0 }.filter { !$0.text.isEmpty }.map { Cell(text: $0.text, location: $0.location) }
            rows.removeSubrange(index...)
            finish()
        }
        func finish() {
            defer {
                current = []
                underMergedDeadline = false
            }
            while current.last?.text.isEmpty == true { current.removeLast() }
            guard !current.isEmpty else { return }
            // «26 апреля, Сясьстрой,» then «ул. Ленина №82е»: a cell that ends in a comma goes on
            // in the next paragraph, when the row has more cells than columns.
            while current.count > width,
                  let broken = current.indices.dropFirst().dropLast().first(where: { current[$0].text.hasSuffix(",") && !current[$0 + 1].text.isEmpty }) {
                current[broken].text += " " + current[broken + 1].text
                current.remove(at: broken + 1)
            }
            if numbered, width >= 3, current.count > width, let deadline = deadlineColumn, deadline >= 1,
               current[deadline].text.isEmpty || looksLikeDeadline(current[deadline].text),
               let items = Self.unnumberedItems(Array(current[width...]), width: width, deadline: deadline) {
                // «2. | Проведение всероссийских акций: | | Минкультуры |» then «"Снежный десант" |
                // январь - март 2020 года |»: rows with no number under a numbered one (its items),
                // each an action and a deadline, maybe an executor.
                current = Array(current[..<width])
                finish()
                for item in items {
                    // Written out here: `finish` would drop the blank number and executor.
                    let texts = [""] + item.map(\.text) + Array(repeating: "", count: width - 1 - item.count)
                    let row = rows.count + 1
                    rows.append(texts.enumerated().map { column, text in
                        var location = item[max(0, min(column - 1, item.count - 1))].location
                        location.row = row
                        location.column = column + 1
                        return SourceCell(text: text, location: location)
                    })
                }
                return
            }
            if numbered, width >= 3, current.count > width, let deadline = deadlineColumn, deadline >= 1,
               looksLikeDeadline(current[deadline].text),
               let subrows = Self.rowsUnderMergedCells(Array(current[width...]), width: width, deadline: deadline) {
                // «5.1 | Подготовка буклета | Сентябрь | Иванова | …» then «Октябрь | Маманович
                // А.А. | Буклет … |»: the task's cell merged down rows that each have their own
                // month and executor; each is the task again, at its own time.
                let first = Array(current[..<width])
                current = first
                finish()
                for subrow in subrows {
                    let texts = (0..<deadline).map { $0 == 0 && kinds.first == .number ? "" : first[$0].text }
                        + subrow.map(\.text) + Array(repeating: "", count: max(0, width - deadline - subrow.count))
                    let row = rows.count + 1
                    rows.append(texts.enumerated().map { column, text in
                        var location = column < deadline ? first[column].location : subrow[min(column - deadline, subrow.count - 1)].location
                        location.row = row
                        location.column = column + 1
                        return SourceCell(text: text, location: location)
                    })
                }
                return
            }
            if current.contains(where: \.text.isEmpty), current.count != width || !numbered && !delimited {
                current.removeAll { $0.text.isEmpty }
            }
            if numberless, current.count > 1 || !isSectionLine(current[0].text) {
                current.insert(Cell(text: "", location: current[0].location), at: 0)
            }
            if underMergedDeadline { current.insert(Cell(text: "", location: current[0].location), at: 0) }
            if numbered, current.count < width, let deadline = deadlineColumn, let action = kinds.firstIndex(of: .action), deadline < action,
               current.indices.contains(deadline), RussianText.isLonger(current[deadline].text, than: 40), !looksLikeDeadline(current[deadline].text) {
                // «2) | Согласование Соглашения …» under «№ | Срок | Мероприятия | Ответственный»:
                // the row gives no deadline, and the text where it should stand is the action
                // (longer than a deadline is written: «В конце марта», «1-я неделя» are not read
                // as deadlines, and are).
                current.insert(Cell(text: "", location: current[deadline].location), at: deadline)
            }
            var texts = current.map(\.text)
            if numbered, width >= 3, texts.count == 2 * width - 1, !current.contains(where: { isRowNumber($0.text) && $0.text != current[0].text }),
               deadlineColumn.map({ looksLikeDeadline(texts[$0]) && looksLikeDeadline(texts[width + $0 - 1]) }) ?? true {
                // A row, then a whole row that lost its number: two rows.
                let rest = Array(current[width...])
                current = Array(current[..<width])
                finish()
                current = [Cell(text: "", location: rest[0].location)] + rest
                texts = current.map(\.text)
            }
            if numbered, texts.count > 2, Self.misplaced(texts, width: width, kinds: kinds), let typed = Self.byContent(texts, kinds: kinds, deadlineHoldsPlace: deadlineHoldsPlace) {
                texts = typed
            } else if texts.count > width {
                // More cells than columns: the last column holds the rest (a list broken over lines).
                texts = Array(texts.prefix(width - 1)) + [texts.dropFirst(width - 1).joined(separator: "\n")]
            }
            if let deadline = deadlineColumn, texts.indices.contains(deadline + 1), kinds[deadline + 1] == .executor,
               Self.awaitsItsObject(texts[deadline]), let object = texts[deadline + 1].first, object.isLowercase,
               !texts[deadline + 1].contains(where: { $0.isWhitespace || $0.isPunctuation }), Executor.kind(of: texts[deadline + 1]) == .other {
                // «В период распространения» then «инфекции»: the deadline's last paragraph, not
                // its executor.
                texts[deadline] += " " + texts[deadline + 1]
                texts[deadline + 1] = ""
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
        // «1», «2», «3», «4» right under the header number its columns.
        let numbering = cells[bodyStart...].prefix(headerWidth).map(\.cell.text)
        if numbering.count == headerWidth, numbering.enumerated().allSatisfy({ $0.element == String($0.offset + 1) }) {
            bodyStart += headerWidth
        } else {
            // A numbering row with empty cells dropped: «1», «2», then a section's text.
            let run = numbering.enumerated().prefix { $0.element == String($0.offset + 1) }.count
            if run >= 2 { bodyStart += run }
        }
        // «№ п/п» over rows that each start with «-» (a dash where the number would be): the
        // dashes number the rows, when they come a row's width apart (or one more, a section
        // between).
        if numbered, kinds.first == .number, width >= 3 {
            let dashes = cells.indices.dropFirst(bodyStart).filter { ["-", "–", "—"].contains(cells[$0].cell.text) }
            let gaps = zip(dashes, dashes.dropFirst()).map { $1 - $0 }
            if dashes.count >= 3, gaps.filter({ $0 == width || $0 == width + 1 }).count * 10 >= gaps.count * 8 {
                for (order, index) in dashes.enumerated() { cells[index].cell.text = String(order + 1) }
            }
        }
        if numbered, kinds.first == .number,
           !cells[bodyStart...].prefix(2 * width).contains(where: { Self.isRowNumber($0.cell.text) }) {
            numbered = false
            numberless = true
        }
        // The cells a row of the stream has, and where its deadline stands among them.
        let rowWidth = numberless ? width - 1 : width
        let rowDeadline = deadlineColumn.map { numberless ? $0 - 1 : $0 }
        let blanksFrom = bodyStart < cells.count ? cells[bodyStart].paragraph : Int.max
        let blanks = Dictionary(grouping: withBlanks.filter { $0.cell.text.isEmpty && $0.paragraph > blanksFrom }, by: \.paragraph)
        for (offset, (cell, paragraph)) in cells[bodyStart...].enumerated() {
            if numbered || delimited, !current.isEmpty, let previous = offset > 0 ? cells[bodyStart + offset - 1].paragraph : nil {
                // The blank cells between the cell before and this one.
                for blank in (previous + 1)..<max(previous + 1, paragraph) { current += blanks[blank]?.map(\.cell) ?? [] }
                // An unnumbered row whose last cells were blank is whole before this cell.
                if !numbered, current.count >= rowWidth { finish() }
            }
            if numbered {
                // A full row then «3» after «1»: row 2 lost its number (or «7» after «4»: the
                // plan left numbers out).
                if Self.isRowNumber(cell.text), Self.follows(cell.text, lastNumber, skipping: current.count >= width ? 3 : 0)
                    || (lastRowNumber != lastNumber && Self.follows(cell.text, lastRowNumber)) {
                    finish()
                    if !Self.follows(cell.text, lastNumber, skipping: 3), let rowIndex = numberedSince,
                       rowIndex + 2 < rows.count || strayHeading && rowIndex + 1 < rows.count,
                       rows[(rowIndex + 1)...].allSatisfy({ $0.count == 1 }) {
                        // «2» after «1 | … | 1877,2 руб.:» then «3. Экскурсовод: 24 руб.»: the texts
                        // taken for sections (several in a row, or one numbered out of the
                        // sections' own order) were row 1's own; it is read again with them.
                        rereadRow(at: rowIndex)
                    }
                    strayHeading = false
                    lastNumber = Self.levels(cell.text)
                    lastRowNumber = lastNumber
                    current = [cell]
                    numberedSince = rows.count
                } else if current.isEmpty || (current.count >= width && (Self.isHeading(cell.text) || Self.headsAStage(cell.text) || Self.headsADay(cell.text)
                            && bodyStart + offset + 1 < cells.count && Self.isRowNumber(cells[bodyStart + offset + 1].cell.text)
                            && (deadlineColumn == nil || current.dropFirst().contains { Self.holdsAWhen($0.text) })))
                            || Self.headsTheNextRows(cell.text, after: current.map(\.text), kinds: kinds,
                                                     beforeARow: bodyStart + offset + 1 < cells.count && Self.isRowNumber(cells[bodyStart + offset + 1].cell.text)) {
                    // («27 марта» after a whole row and before the next row's number: a day heading
                    // the rows below it; unless the row has no deadline yet, whose day it is:
                    // «Музыкальный зал» then «17 апреля 2015г.» under «Дата, время и место».)
                    // A text where a row number should be: a section spanning the table. «2.
                    // Поддержка учителей» numbers the rows «2.1», «2.2» under it.
                    finish()
                    current = [cell]
                    finish()
                    if let match = cell.text.firstMatch(of: /^(\d{1,2})[.)](?:\s|\p{Lu})/), let number = Int(match.output.1) {
                        lastNumber = [number]
                        // Sections number themselves 1, 2, 3; «3. Экскурсовод: 24 руб.» as the
                        // first is a line of a cell, not a section.
                        if number == (lastSection ?? 0) + 1 { lastSection = number } else { strayHeading = true }
                    }
                } else {
                    // The rest of a row, however many lines its last cell takes.
                    current.append(cell)
                }
            } else {
                if rowDeadline == 0, !delimited, rows.count >= 2, headerRow.count > 1,
                   RussianText.folded(headerRow[1].text).hasPrefix("время"), PlanReading.opensWithTimeOfDay(cell.text) {
                    // «Дата | время | мероприятие | …» with «10.20 -12.00» where a row should open:
                    // the day's cell above spans this row too.
                    if current.isEmpty, !FlattenedRowTable.readsAsDeadline(cell.text) { underMergedDeadline = true }
                } else if rowDeadline == 0, delimited {
                    // «Дата | Мероприятие | Время | …» with «Фотосессия … | 8.00-15.30 |» under
                    // the row of «01- 28.02»: the date's cell spans both rows. The next date
                    // starts the next row (a time of day reads as no date).
                    let dated = FlattenedRowTable.readsAsDeadline(cell.text)
                    if current.isEmpty, rows.count >= 2, !dated, !Self.looksLikeDeadline(cell.text), !Self.isSectionLine(cell.text) {
                        underMergedDeadline = true
                    } else if underMergedDeadline, dated {
                        finish()
                    }
                }
                current.append(cell)
                // Unnumbered rows keep in step by their deadline: where it should stand and a
                // text that is no deadline does, the row's first text is a section spanning
                // the table or the rest of the row above.
                let next = bodyStart + offset + 1 < cells.count ? cells[bodyStart + offset + 1].cell.text : nil
                if let deadline = rowDeadline, deadline > 0, current.count == deadline + 1,
                   !Self.looksLikeDeadline(current[deadline].text), let next, Self.looksLikeDeadline(next) {
                    let first = current.removeFirst()
                    if Self.isSectionLine(first.text) || rows.count < 2 {
                        let kept = current
                        current = [first]
                        finish()
                        current = kept
                    } else if let action = kinds.firstIndex(of: .action), rows[rows.count - 1].indices.contains(action) {
                        rows[rows.count - 1][action].text += " " + first.text
                    }
                }
                let atRowEnd = rowEnds.contains(bodyStart + offset)
                    && (current.count == 1 ? Self.isSectionLine(cell.text) : current.count >= 2)
                if current.count + (underMergedDeadline ? 1 : 0) == rowWidth || atRowEnd { finish() }
            }
        }
        finish()
        // The copy ends with several texts taken for sections after the last numbered row:
        // none heads a row, so they are that row's (its cells of several paragraphs).
        if numbered, let rowIndex = numberedSince, rowIndex + 2 < rows.count, rows[(rowIndex + 1)...].allSatisfy({ $0.count == 1 }) {
            rereadRow(at: rowIndex)
        }
        // «п/п» over dates, not numbers; or «Дата | Название мероприятия | Классы | Ответственные»
        // whose rows fell out of step, its cells of several paragraphs: each date starts a row
        // of that day.
        // So is «№ | Дата | Участники | Мероприятие | …», each row's number before its date,
        // when its days of several paragraphs left rows of one text between the numbered ones.
        let numberThenDate = kinds.first == .number && deadlineColumn == 1
        let dated = rows.dropFirst().filter { $0.count > 1 && Self.looksLikeDeadline($0[1].text) }.count
        if !delimited, let action = kinds.firstIndex(of: .action),
           kinds.first == .number && deadlineColumn == nil
            || deadlineColumn == 0 && Self.outOfStep(rows.dropFirst().map { $0.map(\.text) }, deadline: 0)
            || numberThenDate && rows.count - 1 > 2 * dated,
           let led = Self.ledByDates(Array(cells[bodyStart...].map(\.cell)), skippingNumbers: numberThenDate),
           !numberThenDate || led.count >= dated {
            let executors = kinds.firstIndex(of: .executor).map { headerRow[$0].text } ?? "Ответственные"
            let header = ["Дата", headerRow[action].text, executors].map { SourceCell(text: $0, location: headerRow[0].location) }
            rows = [header] + led.enumerated().map { offset, row in
                row.enumerated().map { column, cell in
                    var location = cell.location
                    location.row = offset + 2
                    location.column = column + 1
                    return SourceCell(text: cell.text, location: location)
                }
            }
        }
        // «Мероприятие | Кол-во участников | Срок проведения | Ответственный» whose participants'
        // cells are all empty: the copy left them out, and the columns between the action and
        // the deadline stay empty.
        // (Looked at only for a copy that may be so: it reads every cell as a deadline.)
        func between(_ deadline: Int) -> Bool {
            rowWidth == deadline + 2 && kinds.count >= rowWidth
                && (deadline == 1 || kinds[(kinds.count - rowWidth + 1)..<(kinds.count - 2)].allSatisfy { $0 == nil || $0 == .participants }
                    && !Self.fillsTheColumnBeforeDeadlines(Array(cells[bodyStart...].map(\.cell.text))))
        }
        if !numbered, !delimited, let deadline = rowDeadline, deadline >= 1,
           kinds.count >= rowWidth && kinds.last == .executor && kinds[kinds.count - rowWidth] == .action && between(deadline)
            || rowWidth == 2 && kinds == [.action, .deadline],
           Self.outOfStep(rows.dropFirst().map { $0.map(\.text) }, deadline: deadline + (numberless ? 1 : 0))
            || Self.strayDeadlines(rows.dropFirst().map { $0.map(\.text) }, deadline: deadline + (numberless ? 1 : 0)),
           var anchored = Self.anchoredOnDeadlines(Array(cells[bodyStart...].map(\.cell)), executors: rowWidth >= 3) {
            // («Содержание | Сроки»: no executors' column to fill.)
            if rowWidth == 2 { anchored = anchored.map { $0.count == 3 ? Array($0.prefix(2)) : $0 } }
            if rowWidth > 3 {
                anchored = anchored.map { row in
                    row.count == 3 ? [row[0]] + Array(repeating: Cell(text: "", location: row[1].location), count: rowWidth - 3) + row[1...] : row
                }
            }
            // Cells of several paragraphs put the rows out of step: read them again from
            // their deadlines.
            rows = [headerRow] + anchored.enumerated().map { offset, row in
                let texts = numberless && row.count > 1 ? [""] + row.map(\.text) : row.map(\.text)
                return texts.enumerated().map { column, text in
                    var location = row[min(max(0, column - (texts.count - row.count)), row.count - 1)].location
                    location.row = offset + 2
                    location.column = column + 1
                    return SourceCell(text: text, location: location)
                }
            }
        }
        guard rows.count > 1 else { return nil }
        if numbered { rows = Self.numberedHeadings(rows) }
        if dropping == nil, let again = Self.withoutEmptyColumns(paragraphs, read: rows, kinds: kinds, numbered: numbered) {
            return again
        }
        return (SourceTable(rows: rows), cells[start].paragraph)
    }

    /// `paragraphs` read again without the columns whose cells the copy left out, when that
    /// puts the rows' texts in their columns better than `rows` (read with every column of
    /// `kinds`): «Мероприятия | Время проведения | Исполнители | Отметка о выполнении» over
    /// rows of an action and an hour each (no executor named, no mark made: a copy one cell a
    /// line keeps no empty cell), or «№ | Мероприятия | Ответственный | Форма отчётности |
    /// Срок» whose rows have no form, and their deadline where the form should be. Tried only
    /// when `rows` sit badly: a fifth of them or more without a deadline where it should be,
    /// executors' cells that name none, or four in five rows shorter than the header. A column
    /// is left out only if it is not the number, the action or the deadline, and its cells as
    /// read are empty or hold another column's text (the executors': few name anyone; a note's
    /// always); one or two columns at most, in a numbered table as many as most rows lack.
    /// The reading kept has its rows in step and `fit`s better. Nil when none does.
    static func withoutEmptyColumns(
        _ paragraphs: [(text: String, location: SourceLocation)], read rows: [[SourceCell]], kinds: [PlanColumn?], numbered: Bool
    ) -> (table: SourceTable, headerStart: Int)? {
        guard let deadline = kinds.firstIndex(of: .deadline), kinds.contains(.action) else { return nil }
        let body = rows.dropFirst().filter { $0.filter { !$0.text.isEmpty }.count >= 2 }
        guard body.count >= 2 else { return nil }
        let executor = kinds.firstIndex(of: .executor)
        // Each text is judged once: the readings tried share most of their cells.
        var judged: [String: (when: Bool, who: Bool)] = [:]
        func judge(_ text: String) -> (when: Bool, who: Bool) {
            if let known = judged[text] { return known }
            let judgement = (Self.looksLikeDeadline(text), Self.namesWho(text))
            judged[text] = judgement
            return judgement
        }
        func looksLikeDeadline(_ text: String) -> Bool { judge(text).when }
        func names(_ text: String) -> Bool { judge(text).who }
        let undated = body.filter { !($0.indices.contains(deadline) && looksLikeDeadline($0[deadline].text)) }.count
        let named = executor.map { column in body.filter { $0.indices.contains(column) && names($0[column].text) }.count } ?? body.count
        // Rows that fill fewer cells than the header has, four in five or more: a column may be
        // one the copy left out.
        let short = body.filter { row in row.filter { !$0.text.isEmpty }.count < kinds.count }.count
        guard undated * 5 >= body.count || named * 3 < body.count || short * 5 >= body.count * 4 else { return nil }
        let droppable = kinds.indices.filter { column in
            switch kinds[column] {
            case .number, .action, .deadline, .group, .task: false
            case .executor: named * 3 < body.count
            // Left for remarks or marks of completion, which a plan does not fill.
            case .note: true
            default:
                // Its cells as read are empty, or hold what belongs elsewhere (a deadline, an
                // executor), in two rows of three.
                // (Who takes part, «Учащиеся, педагоги, родители», is the participants' own.)
                body.filter { row in
                    guard row.indices.contains(column), case let text = row[column].text, !text.isEmpty else { return false }
                    return kinds[column] == .participants ? !looksLikeDeadline(text) : !looksLikeDeadline(text) && !names(text)
                }.count * 3 <= body.count
            }
        }
        // Rows numbered in the copy are as wide as it kept them: as many columns are left out
        // as most rows lack (one or two); other rows are cut by the header's width, and may lack either.
        let lacking = Dictionary(grouping: body.map { row in kinds.count - row.filter { !$0.text.isEmpty }.count }, by: { $0 })
            .max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
        let sizes = numbered ? [lacking ?? 1].filter { (1...2).contains($0) } : [1, 2]
        let candidates = (sizes.contains(1) ? droppable.map { Set([$0]) } : [])
            + (sizes.contains(2) ? droppable.indices.flatMap { first in droppable[(first + 1)...].map { Set([droppable[first], $0]) } } : [])
        var best: (reading: (table: SourceTable, headerStart: Int), fit: Int)?
        let fitNow = fit(rows, kinds: kinds, judge: judge)
        let outOfStepNow = outOfStep(rows.dropFirst().map { $0.map(\.text) }, deadline: deadline, dated: looksLikeDeadline)
        for dropped in candidates where outOfStepNow || short * 5 >= body.count * 4 || executor.map(dropped.contains) == true {
            guard let again = rebuild(paragraphs, dropping: dropped) else { continue }
            let left = kinds.indices.filter { !dropped.contains($0) }.map { kinds[$0] }
            // Left out, the columns put the rows in step: each with its deadline in its place.
            guard let place = left.firstIndex(of: .deadline),
                  !outOfStep(again.table.rows.dropFirst().map { $0.map(\.text) }, deadline: place, dated: looksLikeDeadline) else { continue }
            let fits = fit(again.table.rows, kinds: left, judge: judge)
            if fits > max(fitNow, best?.fit ?? Int.min) { best = (again, fits) }
        }
        return best?.reading
    }

    /// «Зам. директора по ВР», «Петрова И.И.», «Комитет по образованию, руководители ОУ»: a
    /// text that names who, a person, a post or a body; not an action that mentions a school
    /// («Освещение опыта работы школы …», long, opens with no post).
    static func namesWho(_ text: String) -> Bool {
        Executor.startsWithRole(text) || Executor.isPerson(text) || !RussianText.isLonger(text, than: 80) && Executor.kind(of: text) != .other
    }

    /// How well the rows' texts sit in the columns `kinds` name: for each row of two texts or
    /// more, a deadline where the deadline stands counts two (another text there one, none if
    /// it names who), a text that names who in the executors' column one; a short deadline in
    /// any other column but the action's counts one against.
    /// `judge`: whether a text reads as a deadline, and whether it names who.
    static func fit(_ rows: [[SourceCell]], kinds: [PlanColumn?], judge: (String) -> (when: Bool, who: Bool)) -> Int {
        guard let deadline = kinds.firstIndex(of: .deadline) else { return 0 }
        var score = 0
        for row in rows.dropFirst() where row.filter({ !$0.text.isEmpty }).count >= 2 {
            for (column, cell) in row.enumerated() where !cell.text.isEmpty && kinds.indices.contains(column) {
                let (dated, who) = judge(cell.text)
                let when = dated && !RussianText.isLonger(cell.text, than: 40)
                switch kinds[column] {
                case .deadline where column == deadline: score += dated ? 2 : who ? 0 : 1
                case .executor: score += when ? -1 : who ? 1 : 0
                case .action, .number: break
                default: score -= when ? 1 : 0
                }
            }
        }
        return score
    }

    /// Whether rows cut by the header's width fell out of step: fewer than four in five of
    /// those with a deadline's place hold one there.
    static func outOfStep(_ rows: [[String]], deadline: Int, dated: (String) -> Bool = looksLikeDeadline) -> Bool {
        let full = rows.filter { $0.count > deadline }
        guard full.count >= 2 else { return false }
        return full.filter { dated($0[deadline]) }.count * 5 < full.count * 4
    }

    /// Whether the texts right before the deadlines name who takes part in half the rows or
    /// more («1-4», «5-9 классы», «все группы», «учащиеся 6,7 классов»): the column before the
    /// deadline («Классы», «Участники») has its cells in the copy.
    static func fillsTheColumnBeforeDeadlines(_ texts: [String]) -> Bool {
        let before = texts.indices.dropFirst().filter { looksLikeDeadline(texts[$0]) && !looksLikeDeadline(texts[$0 - 1]) }.map { texts[$0 - 1] }
        return before.filter(namesParticipants).count * 2 >= before.count
    }

    /// «1-4», «5-9 кл.», «Все группы», «Учащиеся 6,7 классов», «Родители»: who takes part.
    static func namesParticipants(_ text: String) -> Bool {
        if VisualLineTable.isClasses(text) { return true }
        guard !RussianText.isLonger(text, than: 40) else { return false }
        let folded = RussianText.folded(text)
        return ["все ", "учащиеся", "обучающиеся", "воспитанники", "родители", "педагоги", "учителя", "дети", "группа", "группы",
                "классы", "старшие", "средние", "младшие", "подготовительн"].contains(where: folded.hasPrefix)
            || folded.firstMatch(of: Self.classesInWords.regex) != nil
    }

    static let classesInWords = SharedRegex(/\d\s*[-–]?\s*\d*\s*кл/)

    /// Whether rows cut by the header's width hold deadlines out of their place: in a third of
    /// them or more, a short text in another column reads as one («Сентябрь» / «октябрь» /
    /// «декабрь», a deadline cell of several paragraphs, spilled into the executors' column).
    static func strayDeadlines(_ rows: [[String]], deadline: Int) -> Bool {
        let full = rows.filter { $0.count > deadline }
        guard full.count >= 3 else { return false }
        let stray = full.filter { row in
            row.indices.contains { $0 != deadline && !RussianText.isLonger(row[$0], than: 30) && looksLikeDeadline(row[$0]) }
        }
        return stray.count * 3 >= full.count
    }

    /// «Мероприятие | Срок | Ответственные» copied a paragraph a cell, where an action or its
    /// executors take several paragraphs: each deadline ends an action (the paragraphs since
    /// the last row's executors); the persons, posts and organisations after it are its
    /// executors, and the first other text starts the next action. A deadline broken over
    /// two paragraphs («03.10» / «10.10») is one. Nil when a deadline has no action before it,
    /// or fewer than two rows come out.
    /// `executors`: the table has an executors' column (without one, «Оказание помощи в
    /// благоустройстве детского сада» after a deadline opens the next action).
    static func anchoredOnDeadlines(_ cells: [Cell], executors: Bool = true) -> [[Cell]]? {
        var rows: [[Cell]] = []
        var action: [Cell] = []
        enum Place { case action, deadline, executors }
        var place = Place.action
        func joined(_ parts: [Cell]) -> Cell {
            Cell(text: parts.map(\.text).joined(separator: " "), location: parts[0].location)
        }
        for (index, cell) in cells.enumerated() {
            if looksLikeDeadline(cell.text) {
                if place == .deadline, var row = rows.popLast() {
                    row[1].text += " " + cell.text
                    rows.append(row)
                    continue
                }
                guard !action.isEmpty else { return nil }
                rows.append([joined(action), cell, Cell(text: "", location: cell.location)])
                action = []
                place = .deadline
            } else if executors, place != .action, cell.text.count <= 80, Executor.kind(of: cell.text) != .other, var row = rows.popLast() {
                // «; » between them: a person on one paragraph and a post on the next are two.
                if row[2].text.isEmpty { row[2] = cell } else { row[2].text += "; " + cell.text }
                rows.append(row)
                place = .executors
            } else {
                // A section's heading between rows: alone, before the next action.
                let next = index + 1 < cells.count ? cells[index + 1].text : nil
                // («1. Помощь в …» then «2. Помощь в …»: the items of one row, not a section.)
                func number(_ text: String) -> Int? {
                    let digits = text.prefix { $0.isASCII && $0.isNumber }
                    guard (1...2).contains(digits.count), text.dropFirst(digits.count).hasPrefix(".") else { return nil }
                    return Int(digits)
                }
                if action.isEmpty, isSectionLine(cell.text), let next, !looksLikeDeadline(next),
                   !(number(cell.text).map { first in number(next) == first + 1 } ?? false) {
                    rows.append([cell])
                    place = .action
                    continue
                }
                action.append(cell)
                place = .action
            }
        }
        // The copy cut in the last row's action: a row with no deadline, as the count keeps it.
        if !action.isEmpty { rows.append([joined(action), Cell(text: "", location: action[0].location), Cell(text: "", location: action[0].location)]) }
        return rows.filter { $0.count == 3 }.count >= 2 ? rows : nil
    }

    /// «п/п | Темы мероприятий | Классы | Ответственные» whose first column holds each row's
    /// date («19.10.20»), copied a paragraph a cell, a cell of several paragraphs: each date
    /// starts a row; the texts after it are its action up to the first person or post, those
    /// its executors; classes («7кл.», «5-11кл.») and empty cells are left out. Rows of
    /// `[date, action, executors]`; nil unless the body opens with a date and two rows or more
    /// each get an action. `skippingNumbers`: each row's number stands before its date, and
    /// is left out. A cell of several lines is read a line at a time.
    static func ledByDates(_ cells: [Cell], skippingNumbers: Bool = false) -> [[Cell]]? {
        var rows: [[Cell]] = []
        let lines = cells.flatMap { cell in
            cell.text.split(separator: "\n").map { Cell(text: String($0), location: cell.location) }
        }
        // «Август-сентябрь», «Август» then «(3 неделя)»: a table whose first row opens with a
        // month in words has its rows led by such months.
        let byWords = lines.first { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { leadsInWords($0.text.trimmingCharacters(in: .whitespaces)) } ?? false
        for (index, cell) in lines.enumerated() {
            let text = cell.text.trimmingCharacters(in: .whitespaces)
            if skippingNumbers, isRowNumber(text), rows.last.map({ !$0[1].text.isEmpty }) ?? true,
               let next = lines[(index + 1)...].first(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }),
               next.text.first?.isNumber == true, FlattenedRowTable.readsAsDeadline(next.text.trimmingCharacters(in: .whitespaces)) {
                continue
            }
            if text.isEmpty || text.wholeMatch(of: /\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*[«"]?\p{L}?[»"]?\s*кл(?:\.|асс\w*)?/) != nil { continue }
            if text.first?.isNumber == true && !RussianText.isLonger(text, than: 20) && FlattenedRowTable.readsAsDeadline(text)
                || byWords && leadsInWords(text) {
                rows.append([Cell(text: text, location: cell.location), Cell(text: "", location: cell.location), Cell(text: "", location: cell.location)])
                continue
            }
            guard var row = rows.popLast() else { return nil }
            if row[1].text.isEmpty, text.count <= 11, text.wholeMatch(of: Self.weekday.regex) != nil
                || text.count <= 20 && text.hasPrefix("(") && text.hasSuffix(")") {
                // «21.03» then «пон», «Август» then «(3 неделя)»: the day of the week, or a note in
                // brackets, belongs to the date.
                row[0].text += " " + text
            } else if !row[1].text.isEmpty, text.count <= 80, Self.namesOnlyPersons(text) || Executor.startsWithRole(text) {
                row[2].text += row[2].text.isEmpty ? text : "; " + text
            } else if row[2].text.isEmpty {
                row[1].text += row[1].text.isEmpty ? text : " " + text
            }
            rows.append(row)
        }
        guard rows.count >= 2, rows.allSatisfy({ !$0[1].text.isEmpty }) else { return nil }
        return rows
    }

    /// «Август-сентябрь», «В течение года»: a short deadline in words, from a capital.
    static func leadsInWords(_ text: String) -> Bool {
        text.first?.isUppercase == true && !RussianText.isLonger(text, than: 30) && FlattenedRowTable.readsAsDeadline(text)
    }

    /// «27 марта», «21 апреля «Фашизм не пройдет!»»: a day alone or with its theme in quotes,
    /// a heading of the rows that day.
    static func headsADay(_ text: String) -> Bool {
        PlanReading.namesADay(text) || !RussianText.isLonger(text, than: 80) && RussianText.folded(text).wholeMatch(of: Self.dayAndTheme.regex) != nil
    }

    /// «21 апреля «Фашизм не пройдет!»», «2 этап (практический): сентябрь – декабрь 2016 г.»,
    /// «II. Практический этап» after a numbered row that has its deadline but not all its
    /// cells, before the next row's number: a day, a stage or a section heading the rows below,
    /// not the row's executor (or any column after its deadline; a copy one cell a line drops
    /// the empty ones).
    static func headsTheNextRows(_ text: String, after row: [String], kinds: [PlanColumn?], beforeARow: Bool) -> Bool {
        // «ФЕВРАЛЬ» in capitals after a row one cell short that holds its deadline already (a
        // column the copy left empty stood before the deadline's): the month of the rows below.
        if beforeARow, row.count >= 2, row.count + 1 >= kinds.count, text == text.uppercased(),
           PlanReading.monthOfHeading(text) != nil, row.dropFirst().contains(where: holdsAWhen) {
            return true
        }
        guard beforeARow, row.count >= 2, row.count < kinds.count, let deadline = kinds.firstIndex(of: .deadline), row.count > deadline,
              !kinds[row.count...].contains(.deadline), !kinds[row.count...].contains(.action),
              looksLikeDeadline(row[deadline]) else { return false }
        return headsAStage(text) || headsADay(text) || isHeading(text) && !namesWho(text)
    }

    /// «1 этап (подготовительный)», «2 этап (практический): сентябрь – декабрь 2016 г.»: a
    /// stage of the plan, alone or with its period, heading the rows done in it.
    static func headsAStage(_ text: String) -> Bool {
        if PlanReading.namesAStage(text) { return true }
        guard let colon = text.range(of: ": ") else { return false }
        return PlanReading.namesAStage(String(text[..<colon.lowerBound]))
            && looksLikeDeadline(text[colon.upperBound...].trimmingCharacters(in: .whitespaces))
    }

    static let dayAndTheme = SharedRegex(
        /\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)(?:\s+\d{4}\s*(?:года|г\.?)?)?\s*[-–—:]?\s*[«"].+[»"]/)

    /// Whether a deadline cell says when in some way: a deadline, an hour («10.00»), or a
    /// date or hour among other words («26.12.2023, 11.40-12.40 – актовый зал»); not a place
    /// alone («Музыкальный зал МБДОУ №42»).
    static func holdsAWhen(_ text: String) -> Bool {
        looksLikeDeadline(text) || PlanReading.opensWithTimeOfDay(text) || text.firstMatch(of: /\d{1,2}[.:]\d{2}/) != nil
    }

    /// «пн», «пон.», «вторник», «(ср)»: a day of the week, alone.
    static let weekday = SharedRegex(/\(?(?i:пн|пон|вт|ср|чт|чет|пт|пят|сб|суб|вс|вос|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\.?\)?/)

    /// «Садовникова Е.В. Уразаева Н.В.», «Е.В. Садовникова, Н.В. Уразаева»: names and nothing
    /// else («Выставка, посвященная творчеству А.С. Пушкина» names a person too, and is none).
    static func namesOnlyPersons(_ text: String) -> Bool {
        let rest = text.replacing(/[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s*[А-ЯЁ]\.\s?[А-ЯЁ]\.?|[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?/, with: "")
        return rest.count < text.count && rest.allSatisfy { $0.isWhitespace || ",;.".contains($0) }
    }

    /// The cells after a whole numbered row cut into rows that lost their number (and maybe
    /// their last cell): runs of `width - 1` or `width - 2` cells, each with a text where the
    /// action stands and a deadline where the deadline does. Nil when they do not cut so.
    static func unnumberedItems(_ rest: [Cell], width: Int, deadline: Int) -> [[Cell]]? {
        for size in [width - 1, width - 2] where size > deadline - 1 && size >= 2 && rest.count % size == 0 {
            let items = stride(from: 0, to: rest.count, by: size).map { Array(rest[$0..<($0 + size)]) }
            if items.allSatisfy({ !$0[0].text.isEmpty && !looksLikeDeadline($0[0].text) && looksLikeDeadline($0[deadline - 1].text) }) {
                return items
            }
        }
        return nil
    }

    /// The cells after a whole numbered row cut into the rows under its merged cells: runs of
    /// the cells from the deadline's column on (or one fewer, the last left blank), each
    /// opening with a deadline and holding no other. Nil when they do not cut so.
    static func rowsUnderMergedCells(_ rest: [Cell], width: Int, deadline: Int) -> [[Cell]]? {
        let cells = rest.filter { !$0.text.isEmpty }
        let size = width - deadline
        guard size >= 2, !cells.isEmpty else { return nil }
        var rows: [[Cell]] = []
        for cell in cells {
            if looksLikeDeadline(cell.text), !isRowNumber(cell.text) {
                rows.append([cell])
            } else if var row = rows.popLast(), row.count < size {
                row.append(cell)
                rows.append(row)
            } else {
                return nil
            }
        }
        return rows.allSatisfy({ $0.count >= size - 1 }) ? rows : nil
    }

    /// A copy whose «|» separate cells but whose lines do not follow rows: a whole table on
    /// one line, or a row broken over lines at random. From the first line with a «|» on,
    /// the text is one stream of cells; the rows come back from the header and the numbers.
    static func rebuild(pipeStream lines: [(text: String, location: SourceLocation)]) -> (table: SourceTable, headerStart: Int)? {
        guard let first = lines.firstIndex(where: { $0.text.contains("|") }),
              lines[first...].map({ $0.text.filter { $0 == "|" }.count }).reduce(0, +) >= 6 else { return nil }
        var cells: [(text: String, location: SourceLocation)] = []
        var pending = ""
        var pendingLocation = lines[first].location
        for line in lines[first...] {
            let pieces = line.text.split(separator: "|", omittingEmptySubsequences: false)
            // A line of «|» alone where no cell is pending: an empty cell (a column the row
            // leaves blank), which keeps the row's later cells in their columns.
            if line.text.trimmingCharacters(in: .whitespaces) == "|", pending.isEmpty, !cells.isEmpty {
                cells.append(("", line.location))
                continue
            }
            for (index, piece) in pieces.enumerated() {
                let text = piece.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty, text != "^" {
                    if pending.isEmpty { pendingLocation = line.location }
                    pending += pending.isEmpty ? text : " " + text
                }
                if index < pieces.count - 1, !pending.isEmpty {
                    cells.append((pending, pendingLocation))
                    pending = ""
                }
            }
        }
        if !pending.isEmpty { cells.append((pending, pendingLocation)) }
        guard let rebuilt = rebuild(cells) else { return nil }
        return (rebuilt.table, first)
    }

    /// The cells of the copy: a line of «|» alone separates cells (the lines between them are
    /// one cell); otherwise each paragraph is a cell, a «|» at its end or start dropped.
    static func cells(_ paragraphs: [(text: String, location: SourceLocation)]) -> [(cell: Cell, paragraph: Int)] {
        if let opened = cellsOpenedByPipes(paragraphs) { return opened }
        // Cells ended by «|»: from the first such line on, most lines end so (a «|» alone
        // between rows changes nothing).
        let firstEnded = paragraphs.firstIndex { $0.text.hasSuffix("|") && $0.text != "|" }
        let after = firstEnded.map {
            paragraphs[$0...].filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty && $0.text != "|" }
        } ?? []
        // Cells wrapped over many short lines end less often than they run on; lone «|» lines
        // (empty cells) are then still fewer than the cells ended by one. A run of them (a row's
        // empty cells, «|» nine times under a row) counts once.
        let endedCount = after.filter { $0.text.hasSuffix("|") }.count
        let lone = paragraphs.map { $0.text.trimmingCharacters(in: .whitespaces) == "|" }
        let loneCount = lone.filter { $0 }.count
        let loneRuns = zip(lone, [false] + lone).filter { $0 && !$1 }.count
        let terminated = after.count >= 6 && (endedCount * 10 >= after.count * 7 || endedCount > loneRuns * 2)
        let separated = !terminated && loneCount >= 3
        var seenTerminator = false
        // «N» then «п/п |»: the number's heading wrapped before the first «|».
        let wrappedNumber = terminated ? firstEnded.flatMap { first in
            first > 0 && PlanColumn(header: paragraphs[first - 1].text) == .number
                && !paragraphs[first - 1].text.hasSuffix("|") ? first - 1 : nil
        } : nil
        var result: [(cell: Cell, paragraph: Int)] = []
        var pending: (cell: Cell, paragraph: Int)?
        var pendingLines = 0
        var seenSeparator = false
        for (index, paragraph) in paragraphs.enumerated() {
            var text = paragraph.text
            // «---|---|---|» under the header: a rule, no cell.
            if text.contains("-"), text.contains("|"), text.allSatisfy({ "-|:+ \t".contains($0) }) { continue }
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
            let ended = text.hasSuffix("|")
            while text.hasSuffix("|") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
            while text.hasPrefix("|") { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
            if terminated, seenTerminator, pending == nil, text.contains(" | ") {
                // «5 | Оказание помощи … | в течение года |»: one row written on a line of its
                // own among cells a line each.
                let parts = text.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                for (offset, part) in parts.enumerated() where !part.isEmpty {
                    let cell = (Cell(text: part, location: paragraph.location), index)
                    if offset == parts.count - 1, !ended { pending = cell } else { result.append(cell) }
                }
                continue
            }
            guard !text.isEmpty else {
                // A «|» alone ends the cell wrapped over the lines before it; with no cell
                // pending, inside the table, it is a blank cell that keeps the next in its column.
                if ended, terminated, let cell = pending {
                    result.append(cell)
                    pending = nil
                } else if terminated, seenTerminator, pending == nil, paragraph.text.trimmingCharacters(in: .whitespaces) == "|" {
                    result.append((Cell(text: "", location: paragraph.location), index))
                }
                continue
            }
            if terminated, seenTerminator, pending == nil, !ended, isHeading(text), index + 1 < paragraphs.count,
               case let next = paragraphs[index + 1].text.trimmingCharacters(in: CharacterSet(charactersIn: " |")),
               next.isEmpty || isRowNumber(next) {
                // «1. Общесистемные мероприятия» without a «|», then row «1. |»: a section line.
                result.append((Cell(text: text, location: paragraph.location), index))
                continue
            }
            if terminated, ended, let cell = pending, PlanColumn(header: text) == .number, PlanColumn(header: cell.cell.text) != .number {
                // The title's lines, then «N |»: the table's header starts here.
                result.append(cell)
                pending = nil
            }
            if terminated, seenTerminator || index == wrappedNumber || pending != nil {
                // «Ртищева И.Б., Попова» then «К.О. |»: a cell wrapped over lines ends at its «|».
                if var cell = pending {
                    cell.cell.text += " " + text
                    pending = cell
                    pendingLines += 1
                } else {
                    pending = (Cell(text: text, location: paragraph.location), index)
                    pendingLines = 1
                }
                if ended, let cell = pending {
                    result.append(cell)
                    pending = nil
                    seenTerminator = true
                }
                continue
            }
            if ended { seenTerminator = true }
            result.append((Cell(text: text, location: paragraph.location), index))
        }
        // Lines after the last «|» that no «|» ends: a cell the copy cut short when it is one
        // line, the text after the table («2 этап будет проходить …», a signature) when more.
        if let cell = pending, !(terminated && pendingLines > 1) { result.append(cell) }
        return result
    }

    /// «| Содержание мероприятия» / «| Срок выполнения» / «| Отметка» / «о проведении
    /// мероприятия» / «|», each row's number on a line of its own: a copy whose cells each open
    /// with «|» (most lines that hold one open with it, few end with it). A line opened by «|»
    /// or holding a row number starts a cell, a «|» alone ends the row, any other line goes on
    /// with the cell before; before the first such line each line is the document's heading.
    /// Nil for copies of other kinds.
    static func cellsOpenedByPipes(_ paragraphs: [(text: String, location: SourceLocation)]) -> [(cell: Cell, paragraph: Int)]? {
        let lines = paragraphs.map { $0.text.trimmingCharacters(in: .whitespaces) }
        let opened = lines.filter { $0.hasPrefix("|") && $0 != "|" }.count
        let ended = lines.filter { $0.hasSuffix("|") && $0 != "|" }.count
        let filled = lines.filter { !$0.isEmpty && $0 != "|" }.count
        guard opened >= 6, opened * 10 >= filled * 4, ended * 4 < opened else { return nil }
        var result: [(cell: Cell, paragraph: Int)] = []
        var pending: (cell: Cell, paragraph: Int)?
        var seenOpened = false
        func flush() {
            if let cell = pending { result.append(cell) }
            pending = nil
        }
        for (index, line) in lines.enumerated() where !line.isEmpty {
            if line == "|" {
                flush()
            } else if line.hasPrefix("|") {
                flush()
                seenOpened = true
                pending = (Cell(text: line.dropFirst().trimmingCharacters(in: .whitespaces), location: paragraphs[index].location), index)
            } else if !seenOpened || pending == nil || isRowNumber(line) {
                flush()
                pending = (Cell(text: line, location: paragraphs[index].location), index)
            } else if var cell = pending {
                cell.cell.text += "\n" + line
                pending = cell
            }
        }
        flush()
        return result
    }

    /// The first run of three or more header cells naming a planned action and a deadline or
    /// an executor: its start and width. A short cell the columns do not know («Классы»,
    /// «Участники») may stand between known ones.
    /// `delimited`: the cells are delimited by «|», so «Мероприятие | Сроки» alone is a header
    /// (in free text two such lines are more often a title).
    static func header(in texts: [String], spanning: Set<Int> = [], delimited: Bool = false) -> (start: Int, width: Int)? {
        // Each cell's kind and whether it ends a header, worked out once: a text with no header
        // (or a hostile one) is scanned from every cell, and each look costs string folding.
        var kindOf = [PlanColumn??](repeating: nil, count: texts.count)
        func column(_ index: Int) -> PlanColumn? {
            if let known = kindOf[index] { return known }
            let kind = PlanColumn(header: texts[index])
            kindOf[index] = .some(kind)
            return kind
        }
        var boundaryAt = [Bool?](repeating: nil, count: texts.count)
        func endsHeader(_ index: Int) -> Bool {
            if let known = boundaryAt[index] { return known }
            let ends = isRowNumber(texts[index]) || isHeading(texts[index])
            boundaryAt[index] = ends
            return ends
        }
        // The known headings from `index` on: where they end, their kinds, and whether a
        // heading of a kind already seen stopped them.
        func run(from index: Int) -> (end: Int, kinds: [PlanColumn], repeated: Bool, continued: Int) {
            var end = index
            var kinds: [PlanColumn] = []
            // Cells that only go on with the heading before them («Сроки» / «мероприятий»).
            var continued = 0
            var probe = index
            // A row number or a section ends the header: «1.», «I. Организационная работа».
            while probe < texts.count, texts[probe].count <= 60 || opensWithHeading(texts[probe]), probe == index || !endsHeader(probe) {
                if let kind = column(probe) {
                    // «Мероприятия | Период | Исполнители» then «Разработка показателей критериев
                    // конкурсного отбора» and «до 04.02.2009»: with no row numbers, a long text
                    // that names a column's stem is the first row's, when its deadline stands
                    // where the header puts a row's.
                    if probe > index, kinds.first != .number, kinds.contains(.action), let deadline = kinds.firstIndex(of: .deadline),
                       RussianText.isLonger(texts[probe], than: 30), probe + deadline < texts.count,
                       looksLikeDeadline(texts[probe + deadline]), !looksLikeDeadline(texts[probe]) {
                        break
                    }
                    // «Примечание», «Отметка о выполнении»: a column rows fill only where cells are
                    // delimited (one «|» each); in a copy with one paragraph per cell its empty
                    // cells left no trace, and counting it would shift every row.
                    if kind == .note && !delimited { break }
                    // «Исполнители | Соисполнители»: a second executor column.
                    // «Начало | Окончание»: a second deadline column ends the period.
                    // «Направление деятельности | Мероприятия»: a grouping column, then the actions'.
                    let afterGrouping = kind == .action && (index..<probe).contains {
                        column($0) == .action && PlanColumn.namesAGrouping(texts[$0]) } && !PlanColumn.namesAGrouping(texts[probe])
                    if kinds.contains(kind), probe > index, Self.continuesHeading(texts[probe - 1], with: texts[probe]) {
                        end = probe + 1
                        continued += 1
                        probe += 1
                        continue
                    }
                    if kinds.contains(kind), kind != .executor, !afterGrouping, !(kind == .deadline && PlanTableLayout.namesAnEnd(texts[probe])),
                       !(index..<probe).contains(where: { Self.parallel(texts[$0], texts[probe]) || kind == .deadline && Self.twinDeadlines(texts[$0], texts[probe]) }) {
                        return (end, kinds, true, continued)
                    }
                    kinds.append(kind)
                    end = probe + 1
                } else if !(1...4).contains(where: { ahead in
                    // Up to four short headings the columns do not know («Количество человек |
                    // Количество смен | Финансовые затраты | Источники финансирования»), then a known one.
                    probe + ahead < texts.count && column(probe + ahead) != nil
                        && (ahead == 1 || texts[probe..<(probe + ahead)].allSatisfy { $0.count <= 40 && !$0.contains(where: \.isNumber) && !$0.isEmpty })
                }) {
                    break
                }
                probe += 1
            }
            return (end, kinds, false, continued)
        }
        var index = 0
        while index < texts.count {
            guard column(index) != nil else {
                index += 1
                continue
            }
            var (end, kinds, repeated, continued) = run(from: index)
            // «дата | Название мероприятия | Участники | Время проведения | Место | Ответственный»:
            // stopped by a second heading of a kind before any executor's, the header may have
            // started too early (its first heading another column's, or a title's last line);
            // one from a later heading that runs further and names the executors is the header
            // («в рамках проведения месяца …» | «(22.01.2024 – 29.02.2024)» | «Наименование
            // мероприятия» | «Срок исполнения» | «Исполнители»: the title's «месяца» is no heading).
            if repeated, !kinds.contains(.executor),
               let later = ((index + 1)..<max(index + 1, end)).lazy.filter({ column($0) != nil }).map({ ($0, run(from: $0)) })
                .first(where: { $0.1.end > end && $0.1.kinds.contains(.action) && $0.1.kinds.contains(.executor) }) {
                index = later.0
                (end, kinds, repeated, continued) = later.1
            }
            // «организацией | и качеством питания | №№ | Мероприятия | …»: the title's last lines
            // ran into the header, which starts at its number column.
            if kinds.first != .number, kinds.dropFirst().contains(.number),
               let number = (index..<end).first(where: { column($0) == .number }), number > index {
                index = number
                continue
            }
            // «Мероприятие | Сроки» alone is a plan too: what is done and when.
            // So is «Наименование | Дата» over a first row numbered «1» (the numbers' column has
            // no heading), where a title would be followed by text.
            // And «Содержание | Сроки выполнения» over items that a month ends («1. Помощь в …»,
            // «2. …», «Январь»): a title is followed by no month on a paragraph of its own.
            let twoOverRows = end - index - continued == 2 && Set(kinds) == [.action, .deadline] && texts[index..<end].allSatisfy({ $0.count <= 30 })
                && (delimited || end < texts.count && ["1", "1."].contains(texts[end])
                    || kinds == [.action, .deadline] && texts[end...].prefix(8).contains { $0.count <= 20 && PlanTableLayout.namesAMonth($0) })
            // «№ | События | Сроки | Ответственные»: a heading the columns do not know before
            // the deadline's may head the actions (the table's layout decides by the rows).
            let unknownAction = !kinds.contains(.action) && kinds.contains(.deadline) && kinds.contains(.executor)
                && (index..<end).contains { position in
                    column(position) == nil && texts[position].count <= 30 && !texts[position].contains(where: \.isNumber)
                        && texts[position].first?.isUppercase == true
                        && (index..<end).contains { column($0) == .deadline && $0 > position }
                }
            if end - index - continued >= 3 || twoOverRows,
               kinds.contains(.action) || unknownAction, kinds.contains(.deadline) || kinds.contains(.executor) {
                // A numbered table's header runs to its first row: short headings the columns
                // do not know («Источник финансирования») belong to it too.
                // When no row has a number (the number's cells were left empty), only a heading
                // of a word or two («Выход»): a longer text is the first row's.
                // A month alone before the first row's number («ЯНВАРЬ», «1)») heads the rows, as
                // one between rows does (months in a row of headings are columns of a schedule).
                func headsTheFirstRows(_ position: Int) -> Bool {
                    PlanReading.monthOfHeading(texts[position]) != nil && position + 1 < texts.count && isRowNumber(texts[position + 1])
                        && PlanReading.monthOfHeading(texts[position - 1]) == nil
                }
                if kinds.first == .number {
                    let numbered = texts[end...].prefix(4 * (end - index) + 4).contains(where: isRowNumber)
                    while end < texts.count, texts[end].count <= (numbered ? 40 : 25), !isRowNumber(texts[end]), !spanning.contains(end),
                          !headsTheFirstRows(end),
                          numbered || texts[end].split(separator: " ").count <= 2,
                          texts[end].first.map({ !$0.isNumber && !"IVX".contains($0) }) ?? false {
                        end += 1
                    }
                } else if kinds.first == .deadline, delimited {
                    // «Сроки | План работы | Ответственные | Выход» then «Август |»: a table whose
                    // rows start with their deadline has its header up to the first deadline.
                    while end < texts.count, texts[end].count <= 30, !texts[end].contains(where: \.isNumber),
                          !looksLikeDeadline(texts[end]), !spanning.contains(end), column(end) == nil,
                          end + 1 < texts.count, looksLikeDeadline(texts[end + 1]) || column(end + 1) == nil {
                        end += 1
                    }
                }
                return (index, end - index)
            }
            index += 1
        }
        return nil
    }

    /// The header's cells as headings: «Сроки, место» then «проведения», a heading wrapped onto
    /// the next line, is one heading.
    static func joiningWrappedHeadings(_ header: [Cell]) -> [SourceCell] {
        var headerRow: [SourceCell] = []
        for cell in header {
            if let last = headerRow.indices.last, !Self.standsAlone(cell.text, after: headerRow[last].text),
               PlanColumn(header: cell.text) == nil && cell.text.first?.isLowercase == true
                && cell.text.count <= 20 && !cell.text.contains(where: \.isNumber)
                || Self.continuesHeading(headerRow[last].text, with: cell.text)
                || Self.wrapsOnto(headerRow[last].text, cell.text) {
                headerRow[last].text += " " + cell.text
            } else {
                headerRow.append(SourceCell(text: cell.text, location: cell.location))
            }
        }
        return headerRow
    }

    /// «Учебный» then «предмет, тема», «Количество часов учебных/» then «ОВР», «Учрежде-ние»
    /// then «Образования»: a short heading the columns do not know, one broken after a slash,
    /// or one word that kept its line-break hyphen, goes on in the next paragraph.
    static func wrapsOnto(_ heading: String, _ text: String) -> Bool {
        guard text.count <= 30, !text.contains(where: \.isNumber), let first = text.first else { return false }
        if heading.hasSuffix("/") { return first.isLetter && (first.isLowercase || text.count <= 5 && text.allSatisfy { $0.isUppercase }) }
        // «Учрежде-ние» then «Образования»: a word the copy kept its line-break hyphen in, then
        // one word the columns do not know; together one heading.
        if heading.wholeMatch(of: /\p{Lu}\p{Ll}+-\p{Ll}{1,4}/) != nil, text.allSatisfy(\.isLetter), first.isUppercase,
           PlanColumn(header: text) == nil {
            return true
        }
        // «Учебный» then «предмет, тема», «Категория» then «участников»: a short heading the
        // columns do not know goes on in small letters; not into a word that heads a deadline's
        // or executors' column alone («Класс» then «сроки» are two headings).
        guard first.isLowercase, heading.first?.isUppercase == true, heading.count <= 20, !heading.contains(where: \.isNumber),
              PlanColumn(header: heading) == nil else { return false }
        let own = PlanColumn(header: text)
        return !(text.split(separator: " ").count == 1 && (own == .deadline || own == .executor))
    }

    /// «Дата» / «время» / «мероприятие» / «Место проведение»: a schedule's headings in small
    /// letters, each a column of its own: «время» after a whole heading, and a heading in the
    /// nominative («мероприятие», «содержание»), never the rest of the one before it.
    static func standsAlone(_ text: String, after heading: String) -> Bool {
        let folded = RussianText.folded(text.trimmingCharacters(in: .whitespaces))
        guard !folded.contains(" "), let end = heading.last, end.isLetter,
              !["и", "или", "по"].contains(RussianText.folded(String(heading.split(separator: " ").last ?? ""))) else { return false }
        return folded == "время" || PlanColumn(header: text) == .action && folded.hasSuffix("ие")
    }

    /// «1. транспортные расходы;» after «… источник финансирования:» (or after the item before
    /// it, ending in «;»): an item the heading lists, in small letters after its number.
    static func itemsAHeading(_ heading: String, _ text: String) -> Bool {
        let trimmed = heading.trimmingCharacters(in: .whitespaces)
        return (trimmed.hasSuffix(":") || trimmed.hasSuffix(";")) && text.count <= 40 && text.firstMatch(of: /^\d{1,2}[.)]\s*\p{Ll}/) != nil
    }

    /// «Мероприятие 1-ый отряд» and «Мероприятие 2-ой отряд»: the same heading for another
    /// squad, class or group, which differ only by their numbers.
    static func parallel(_ one: String, _ other: String) -> Bool {
        func stripped(_ text: String) -> String {
            RussianText.folded(text).replacing(/\d+(?:\s*-?\s*(?:ый|ой|ий|й|я|ая|ое|е))?/, with: "#")
        }
        guard one != other, one.contains(where: \.isNumber), other.contains(where: \.isNumber) else { return false }
        return stripped(one) == stripped(other)
    }

    /// «Сроки прохождения проверки знаний | Сроки прохождения инструктажа»: two deadlines of
    /// each row, headed alike by their first two words and apart by the rest.
    static func twinDeadlines(_ one: String, _ other: String) -> Bool {
        let first = RussianText.folded(one).split(separator: " "), second = RussianText.folded(other).split(separator: " ")
        return first.count >= 3 && second.count >= 3 && first.prefix(2) == second.prefix(2) && first != second
            && PlanColumn(header: one) == .deadline && PlanColumn(header: other) == .deadline
    }

    /// «Сроки» then «выполнения мероприятий»: the rest of a heading broken over lines, though
    /// it names a column of its own (the actions'), since the heading keeps its kind with it.
    static func continuesHeading(_ heading: String, with text: String) -> Bool {
        guard heading.first?.isUppercase == true, text.first?.isLowercase == true, text.count <= 30,
              !text.contains(where: \.isNumber), let kind = PlanColumn(header: heading),
              let own = PlanColumn(header: text), own != kind else { return false }
        return PlanColumn(header: heading + " " + text) == kind
    }

    /// «Наименование мероприятий по выполнению требований СанПиН 2.4.5.2409-08»: a heading
    /// longer than most: the actions' column, named by a word only a heading opens with
    /// («Наименование», «Содержание», «Перечень»; never «Проведение мероприятий …», a row's
    /// text); at most 90 characters.
    static func opensWithHeading(_ text: String) -> Bool {
        guard text.count <= 90, let first = text.split(separator: " ", maxSplits: 1).first else { return false }
        return ["наименование", "содержание", "перечень"].contains(RussianText.folded(String(first)))
    }

    /// «I. Организационное обеспечение», «Раздел 2. …», «2. Работа с педагогами»: a section's
    /// heading, not the rest of a row.
    static func isHeading(_ text: String) -> Bool {
        // Only a digit, a Roman numeral or «Раздел» can start one: most cells are told without
        // the regex (a regex literal is parsed again each time it is evaluated).
        guard let first = text.first, first.isNumber || "IVXLCР".contains(first) else { return false }
        // «2.ОРГАНИЗАЦИЯ СОВМЕСТНОЙ …»: a capital word may follow the number with no space.
        return text.firstMatch(of: /^(?:(?:Раздел|РАЗДЕЛ)\s+)?(?:[IVXLC]{1,6}|\d{1,2})(?:[.)]?\s+\p{Lu}|[.)]\p{Lu}{4})/) != nil
    }

    /// «17 апреля –» then «9 мая 2019 года»: a range broken after its dash is one cell, when
    /// the two read as a deadline together.
    static func joiningDashedRanges(_ cells: [(cell: Cell, paragraph: Int)]) -> [(cell: Cell, paragraph: Int)] {
        var result: [(cell: Cell, paragraph: Int)] = []
        for item in cells {
            // «10.03» then «2023»: a day whose year went onto the next paragraph.
            if let last = result.last, item.cell.text.count == 4, item.cell.text.allSatisfy(\.isNumber),
               item.cell.text.hasPrefix("20") || item.cell.text.hasPrefix("19"),
               last.cell.text.wholeMatch(of: /\d{1,2}\.\d{2}\.?/) != nil {
                result[result.count - 1] = (Cell(text: last.cell.text + " " + item.cell.text, location: last.cell.location), item.paragraph)
                continue
            }
            if let last = result.last, !item.cell.text.isEmpty, last.cell.text.count <= 30,
               let end = last.cell.text.last, "–—-".contains(end), last.cell.text.dropLast().last == " ",
               let first = item.cell.text.first, first.isNumber || first.isLetter, item.cell.text.count <= 30,
               case let joined = last.cell.text + " " + item.cell.text, FlattenedRowTable.readsAsDeadline(joined) {
                result[result.count - 1] = (Cell(text: joined, location: last.cell.location), item.paragraph)
                continue
            }
            result.append(item)
        }
        return result
    }

    /// «в» / «течение» / «года» a word a line: one deadline, when the words read as one and
    /// none of them alone does.
    static func joiningBrokenDeadlines(_ texts: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < texts.count {
            var joined = false
            for length in stride(from: 4, through: 2, by: -1) where index + length <= texts.count {
                let pieces = texts[index..<(index + length)]
                // («На протяжении» / «учебного» / «года».)
                guard pieces.allSatisfy({ $0.count <= 16 && !$0.contains("\n") }),
                      !pieces.contains(where: FlattenedRowTable.readsAsDeadline) else { continue }
                let text = pieces.joined(separator: " ")
                if FlattenedRowTable.readsAsDeadline(text) {
                    result.append(text)
                    index += length
                    joined = true
                    break
                }
            }
            if !joined {
                result.append(texts[index])
                index += 1
            }
        }
        return result
    }

    /// A deadline cell as plans write them, read or not: «в течение года», «по плану
    /// поликлиники», «один раз в квартал», «до 25 числа», a date.
    static let leadingHour = SharedRegex(/^\d{1,2}[.:]\d{2}\b/)
    static let dashedHour = SharedRegex(/\d{1,2}-(?:00|15|30|45)/)
    /// «12 часов», «в 10 ч.», «с 10 до 15 часов»: a day's plan gives each row its hour in words.
    static func namesAnHour(_ text: String) -> Bool {
        guard let first = text.first, first.isNumber || first == "в" || first == "с", !RussianText.isLonger(text, than: 40) else { return false }
        return text.firstMatch(of: hourInWords.regex) != nil
    }

    static let hourInWords = SharedRegex(/^(?:[вс]\s+)?\d{1,2}(?:[.:]\d{2})?(?:\s*(?:[-–—]|до)\s*\d{1,2}(?:[.:]\d{2})?)?\s*(?:часов|часа|час|ч\.|ч(?!\p{L}))/)
    static let leadingMonthOrQuarter =
        SharedRegex(/^(?:(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)[ьяеи]?|(?:март|август)[ае]?|ма[йяе])(?![а-яё])|^(?:[ivx]{1,3}|\d{1,2})\s+(?:квартал|полугод)/)

    /// «Март 2023 г.», «сентябрь 2024»: a month and its year, alone.
    static let monthAndYear = SharedRegex(/^(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*\s+\d{4}\s*(?:г\.?|года?)?$/)

    static func looksLikeDeadline(_ text: String) -> Bool {
        if FlattenedRowTable.readsAsDeadline(text) || text.firstMatch(of: Self.leadingHour.regex) != nil { return true }
        // «9-00», «11-30»: a day's hour written with a dash (not «5-11», classes).
        if text.wholeMatch(of: Self.dashedHour.regex) != nil { return true }
        if namesAnHour(text) { return true }
        // «1-я неделя», «первая неделя»: a week of a month the plan names elsewhere (no date
        // the parser may give, but the deadline's cell all the same).
        if text.count <= 20, RussianText.folded(text).wholeMatch(of: Self.weekOfAMonth.regex) != nil { return true }
        // «27 марта» / «День безопасности»: a camp's day and its theme in the day's cell.
        if text.contains("\n"), !RussianText.isLonger(text, than: 80) {
            let lines = text.split(separator: "\n")
            if lines.count <= 3, FlattenedRowTable.readsAsDeadline(String(lines[0])) { return true }
            // «Пед.состав 1 раз в три года» / «Март 2023 г.»: a note over the date.
            if lines.count == 2, let last = lines.last, RussianText.folded(String(last)).firstMatch(of: Self.monthAndYear.regex) != nil {
                return true
            }
        }
        // «С 27 февраля по 3 марта (в рамках недели естествознания)»: a deadline, then a note in
        // brackets that says why.
        if text.hasSuffix(")"), let open = text.range(of: " (", options: .backwards), !RussianText.isLonger(text, than: 80),
           case let before = text[..<open.lowerBound].trimmingCharacters(in: .whitespaces), before.count <= 40,
           FlattenedRowTable.readsAsDeadline(before) {
            return true
        }
        let folded = RussianText.folded(text)
        if folded.count <= 80, folded.firstMatch(of: Self.leadingMonthOrQuarter.regex) != nil || text.firstMatch(of: Self.leadingDate.regex) != nil
            || folded.firstMatch(of: Self.leadingDayOfMonth.regex) != nil {
            return true
        }
        return folded.count <= 80 && ["по плану", "по графику", "в течение", "по мере", "по согласованию", "ежедн", "еженед",
                                       "ежемес", "ежекв", "ежегод", "постоянно", "в период", "до ", "раз в ", "один раз", "1 раз"]
            .contains { folded.hasPrefix($0) }
    }

    /// A row of one text spanning the table: «I. Организационная работа», «ПРОФИЛАКТИЧЕСКАЯ
    /// РАБОТА», a month («Сентябрь») heading the rows of that month.
    static func isSectionLine(_ text: String) -> Bool {
        if isHeading(text) { return true }
        let letters = text.filter(\.isLetter)
        if letters.count >= 4, letters.allSatisfy(\.isUppercase) { return true }
        return FlattenedRowTable.readsAsDeadline(text) && text.split(separator: " ").count <= 2
    }

    /// Whether a row's texts cannot stand in the columns by position: more or fewer than the
    /// columns, or the deadline column's text is no deadline while another text is one.
    static func misplaced(_ texts: [String], width: Int, kinds: [PlanColumn?]) -> Bool {
        guard let deadline = kinds.firstIndex(of: .deadline), texts.indices.contains(deadline) else { return texts.count != width }
        // A row cut short (the copy ends, or its last cells were empty) stands by position
        // when its deadline does.
        if texts.count < width, looksLikeDeadline(texts[deadline]) { return false }
        if texts.count != width { return true }
        func isDeadline(_ text: String) -> Bool {
            FlattenedRowTable.readsAsDeadline(text) || text.firstMatch(of: /^\d{1,2}[.:]\d{2}\b/) != nil
        }
        return !isDeadline(texts[deadline]) && texts.dropFirst(2).contains(where: isDeadline)
    }

    /// A numbered row whose copy dropped its empty cells (or split one over lines), put back
    /// in its columns by what each text is: after the number and the action, a text that
    /// reads as a deadline or a time of day goes to the deadline, a short one before any
    /// deadline to a column between them («Категория участников»), the rest to the executors.
    /// Nil when the header has no action right after the number, or no deadline.
    static func byContent(_ texts: [String], kinds: [PlanColumn?], deadlineHoldsPlace: Bool = false) -> [String]? {
        guard kinds.count >= 3, kinds[0] == .number, kinds[1] == .action,
              let deadlineColumn = kinds.firstIndex(of: .deadline) else { return nil }
        // The executors' column, or else the last; when that is the deadline's own, what is
        // left goes to the column between, never into the deadline's cell.
        let executorColumn = kinds.firstIndex(of: .executor) ?? kinds.count - 1
        let deadlineEndsTheRow = executorColumn == deadlineColumn
        var columns = Array(repeating: [String](), count: kinds.count)
        columns[0] = [texts[0]]
        let texts = Self.joiningBrokenDeadlines(texts)
        var sawDeadline = false
        // «3 | | Март, 2023 | Заведующий»: the action cell is empty, the first text is the deadline.
        var rest = texts.dropFirst(1)
        if let first = rest.first, !Self.looksLikeDeadline(first) || rest.dropFirst().contains(where: Self.looksLikeDeadline) {
            columns[1] = [first]
            rest = rest.dropFirst()
        }
        var extra = texts.count - kinds.count
        for text in rest {
            if extra > 0, !sawDeadline, !columns[1].isEmpty, columns[2].isEmpty, text.first == "«" {
                // «Предметные викторины» then «"Эрудиты"»: the action's name on a line of its own.
                columns[1].append(text)
                extra -= 1
            } else if !sawDeadline && looksLikeDeadline(text) || FlattenedRowTable.readsAsDeadline(text) || text.firstMatch(of: /^\d{1,2}[.:]\d{2}\b/) != nil
                        || namesAnHour(text) {
                if sawDeadline, !columns[executorColumn].isEmpty, executorColumn > deadlineColumn, executorColumn < kinds.count - 1,
                   !PlanReading.isTimeOfDay(text) {
                    // «… Зайцева Г.Н. | каб. № 201 | в течение недели» under «Ответственные | Место и
                    // время»: when, past the executors, is the last column's, not a second deadline.
                    columns[kinds.count - 1].append(text)
                    continue
                }
                columns[deadlineColumn].append(text)
                sawDeadline = true
            } else if sawDeadline, deadlineHoldsPlace, columns[executorColumn].isEmpty, executorColumn > deadlineColumn,
                      !Executor.isPerson(text), Executor.kind(of: text) != .personRole {
                // «17 ноября», «12.00», «Актовый зал»: where, before who.
                columns[deadlineColumn].append(text)
            } else if !sawDeadline, executorColumn < deadlineColumn, columns[executorColumn].isEmpty, !columns[1].isEmpty,
                      Self.goesOnWithTheAction(text) {
                // «Разработка плана …» / «Изучение нормативных документов …» / «Зам.зав.по ОД»
                // under «Мероприятия | Ответственный | Частота проведения»: a sentence after the
                // action's first paragraph is more of it, up to a person, a post or a body.
                columns[1].append(text)
            } else if !sawDeadline, deadlineColumn > 2, text.count <= 25, columns[2].isEmpty || deadlineEndsTheRow {
                columns[2].append(text)
            } else if !sawDeadline, deadlineColumn == 2, deadlineEndsTheRow, deadlineHoldsPlace, !columns[1].isEmpty, text.count <= 60 {
                // «Официальный сайт МБДОУ» / «№ 42» / «Январь 2015г.» under «Дата, время и место
                // проведения», the table's last column: the place, then the day, in one cell.
                columns[deadlineColumn].append(text)
            } else if !sawDeadline, deadlineColumn == 2, rest.contains(where: looksLikeDeadline) {
                // The action wrapped over lines before its deadline.
                columns[1].append(text)
            } else if deadlineEndsTheRow, deadlineColumn > 2 {
                // After the deadline of a table that ends with it: a column between («Классы»),
                // or the text under the table («Автор: …») on the last row of a copy.
                columns[2].append(text)
            } else {
                columns[executorColumn].append(text)
            }
        }
        return columns.map { $0.joined(separator: "\n") }
    }

    /// «Заготовка овощей на зимний период.», «Изучение нормативных документов и рекомендаций
    /// по организации питания воспитанников …»: a sentence, or a text of ten words or more,
    /// that names no person, post or body.
    static func goesOnWithTheAction(_ text: String) -> Bool {
        let words = text.split(whereSeparator: \.isWhitespace).count
        guard text.hasSuffix(".") && words >= 3 || words >= 10 else { return false }
        return Executor.kind(of: text) == .other && !Executor.isPerson(text)
    }

    /// «6 мая, Сясьстрой, гражданское кладбище», «2 мая 2024 в 14:45 коворкинг центр»: a day
    /// of a month in words, then where or when, after a comma, in brackets or an hour (in
    /// folded text); not a day heading the rows under it, «27 августа 2020 г. Учебные сборы».
    static let leadingDayOfMonth = SharedRegex(
        /^\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)(?:\s+\d{4}(?:\s*(?:года|г\.?))?)?\s*(?:,|\(|$|в\s+\d)/)

    /// «1-я неделя», «первая неделя»: a week of a month, alone.
    static let weekOfAMonth = SharedRegex(/\s*(?:[1-5](?:\s*-?\s*(?:я|ая))?|первая|вторая|третья|четвертая|четвёртая|последняя)\s+неделя\.?\s*/)
    /// «26.12.2023, 8.00-8.05 – холл школы», «01/08/2024»: a cell that opens with a whole date
    /// (what follows it, an hour and a place, is the deadline's cell too, when short).
    static let leadingDate = SharedRegex(/^\d{1,2}[.\/]\d{1,2}[.\/](?:\d{4}|\d{2})(?!\d)/)

    /// «В период распространения», «до начала», «после окончания»: a deadline whose last word is
    /// a deed that names what it is of.
    static func awaitsItsObject(_ text: String) -> Bool {
        guard looksLikeDeadline(text), let last = text.split(separator: " ").last.map({ RussianText.folded(String($0)) }) else { return false }
        return last.count >= 6 && (last.hasSuffix("ния") || last.hasSuffix("тия")) || ["начала", "конца"].contains(last)
    }

    /// «1. | Организационные мероприятия» followed by «1.1. | …»: a numbered row with nothing
    /// but a title, whose next row is numbered below it, heads a section; it becomes one cell.
    static func numberedHeadings(_ rows: [[SourceCell]]) -> [[SourceCell]] {
        var result = rows
        for index in rows.indices.dropFirst().dropLast() {
            let row = rows[index]
            let filled = row.filter { !$0.text.isEmpty }
            guard filled.count == 2, row.count >= 2, isRowNumber(row[0].text), !row[1].text.isEmpty,
                  let next = rows[index + 1].first, isRowNumber(next.text) else { continue }
            let levels = levels(row[0].text), below = Self.levels(next.text)
            guard below.count == levels.count + 1, Array(below.prefix(levels.count)) == levels else { continue }
            result[index] = [SourceCell(text: row[0].text + " " + row[1].text, location: row[0].location)]
        }
        return result
    }

    /// The levels of a row number: «1.3.» → [1, 3].
    static func levels(_ text: String) -> [Int] {
        text.split(whereSeparator: { $0 == "." || $0 == ")" }).compactMap { Int($0) }
    }

    /// Whether `text` can be the row number after `last`: the next at some level («1.3» →
    /// «1.4», «2»), the first below it («1» → «1.1»), or a new count («1») after a section; not
    /// a date in a deadline cell («25.04.13.» after «2.»).
    static func follows(_ text: String, _ last: [Int]?, skipping skip: Int = 0) -> Bool {
        let next = levels(text)
        guard let last, !next.isEmpty else { return true }
        if next == [1] { return true }
        // «4» again after a whole row 4: the plan numbered two rows alike.
        if skip > 0, next == last { return true }
        if next.count == last.count + 1 { return Array(next.prefix(last.count)) == last && next.last == 1 }
        guard next.count <= last.count else { return false }
        let depth = next.count
        return Array(next.prefix(depth - 1)) == Array(last.prefix(depth - 1))
            && (last[depth - 1] + 1...last[depth - 1] + 1 + skip).contains(next[depth - 1])
    }

    /// «1», «2.», «1.3», «10)»: a row's number in a numbered plan.
    public static func isRowNumber(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isNumber, text.utf8.count <= 12 else { return false }
        // «01.02.24», «01.02»: a day written in figures, not an item's number «1.2».
        if text.wholeMatch(of: /\d{2}\.\d{2}(?:\.\d{2})?\.?/) != nil, text.split(separator: ".").contains(where: { $0.hasPrefix("0") }) {
            return false
        }
        return text.wholeMatch(of: /\d{1,3}(\.\d{1,3}){0,2}[.)]?/) != nil
    }
}
