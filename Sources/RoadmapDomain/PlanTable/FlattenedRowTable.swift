import Foundation

/// A plan table whose rows lost their cell borders: a web page or a PDF copied as text gives
/// each row as one line, «1. Классные часы о подвиге народа По плану Классные руководители»,
/// or the whole table as one line of such rows. The header line names the columns in order
/// («№ п/п Мероприятие Сроки Ответственные»); rows start at row numbers that follow each other
/// («1.», «2.», …). In each row the deadline is the last stretch of words that reads as a
/// deadline; the words before it are the action, the words after it the executors.
enum FlattenedRowTable {
    /// The columns a flattened row can be split into, in the header's order.
    static let splittable: Set<PlanColumn> = [.number, .action, .cost, .deadline, .executor]

    /// A last column after the deadline, in a table with no executors: the rest of each row
    /// after its deadline is its text («Место проведения», «Участники», «Примечание»).
    static let trailing: Set<PlanColumn> = [.venue, .participants, .result, .note]

    /// The table rebuilt from `paragraphs`, and how many paragraphs come before its header;
    /// nil when no line holds a header of an action, a deadline and an executor column.
    static func rebuild(_ paragraphs: [(text: String, location: SourceLocation)]) -> (table: SourceTable, headerStart: Int)? {
        // What each word names as a heading, worked out once for the whole text: every line is
        // tried as a header, and the same words come back line after line.
        var known: [String: PlanColumn?] = [:]
        for (index, paragraph) in paragraphs.enumerated() {
            var found = header(in: paragraph.text, known: &known).map { (columns: $0.columns, text: String(paragraph.text[$0.end...]), last: index) }
            if found == nil { found = headerOverParagraphs(paragraphs, from: index, known: &known) }
            guard let (columns, rest, last) = found else { continue }
            var text = rest
            var location = paragraph.location
            for next in paragraphs.dropFirst(last + 1) {
                if Self.endsTable(next.text) { break }
                text += "\n" + next.text
            }
            location.column = nil
            // Cells between «|» are no flattened rows: `CellRunTable` reads them.
            guard text.filter({ $0 == "|" }).count < 6 else { return nil }
            let kinds = columns.map(\.kind)
            // «Сроки проведения Название мероприятия … Ответственный»: rows that start at their dates.
            let dated = kinds.first == .deadline ? Self.rowsByLeadingDeadline(in: text) : nil
            let rows = dated.map { $0.map { (number: "", body: $0.deadline + "\u{2}" + $0.body) } } ?? Self.rows(in: text)
            var table: [[SourceCell]] = [columns.map { SourceCell(text: $0.heading, location: location) }]
            for (number, body) in rows {
                if number == Self.sectionMark {
                    table.append([SourceCell(text: body, location: location)])
                    continue
                }
                let split = dated == nil ? split(body, into: kinds, number: number) : Self.splitAfterDeadline(body, into: kinds)
                guard let cells = split else { continue }
                let rowNumber = table.count + 1
                table.append(cells.enumerated().map { column, text in
                    var cellLocation = location
                    cellLocation.row = rowNumber
                    cellLocation.column = column + 1
                    return SourceCell(text: text, location: cellLocation)
                })
            }
            guard table.count > 1 else { continue }
            return (SourceTable(rows: table), index)
        }
        return nil
    }

    /// «№ п/п», «Содержание», «Классы», «Дата», «Ответственные»: a header whose headings are
    /// paragraphs of their own (empty ones between them), over rows that each kept a line
    /// («1 Урок-путешествие «Дорога в завтра» 7 «А» 19.11 Кобринец О.Н.»). The headings, the
    /// text after them (nothing) and the last heading's paragraph; nil unless the paragraphs
    /// from `start` name the columns with every word and the next one opens the first row.
    static func headerOverParagraphs(
        _ paragraphs: [(text: String, location: SourceLocation)], from start: Int, known: inout [String: PlanColumn?]
    ) -> (columns: [(kind: PlanColumn, heading: String)], text: String, last: Int)? {
        let isHeading = { (text: String) in !RussianText.isLonger(text, than: 40) && !text.contains(where: \.isNumber) }
        guard isHeading(paragraphs[start].text), !paragraphs[start].text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        var words: [String] = []
        var found: (columns: [(kind: PlanColumn, heading: String)], text: String, last: Int)?
        for index in paragraphs.indices.dropFirst(start).prefix(16) {
            let text = paragraphs[index].text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            if !isHeading(text) {
                guard found != nil, text.firstMatch(of: /^1[.)]?\s+\S/) != nil else { return nil }
                return found
            }
            words.append(text)
            let joined = words.joined(separator: " ")
            // The first paragraph opens the header («№ П/П Наименование мероприятий Срок» then
            // «исполнения»), the last word the header's.
            if let (columns, end) = header(in: joined, known: &known),
               PlanColumn(header: words[0]) != nil || joined.hasPrefix(columns[0].heading),
               joined[end...].allSatisfy(\.isWhitespace) {
                found = (columns, "", index)
            }
        }
        return nil
    }

    /// «--------------------» under the last row, «<*> Организации, не входящие …», «* по
    /// согласованию», «Примечание:»: the table is over; what follows is its footnotes.
    static func endsTable(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.count >= 5, text.allSatisfy({ "-_—–=".contains($0) }) { return true }
        return text.hasPrefix("<*>") || text.hasPrefix("* ") || text.hasPrefix("*) ")
            || RussianText.folded(text).hasPrefix("примечание:")
    }

    /// The header's columns and where it ends in `line`: three known columns or more, an
    /// action, a deadline and an executor among them, nothing but those four kinds.
    static func header(in line: String) -> (columns: [(kind: PlanColumn, heading: String)], end: String.Index)? {
        var known: [String: PlanColumn?] = [:]
        return header(in: line, known: &known)
    }

    /// `header(in:)` with the kinds of words already looked at in `known`.
    static func header(
        in line: String, known: inout [String: PlanColumn?]
    ) -> (columns: [(kind: PlanColumn, heading: String)], end: String.Index)? {
        func column(_ text: String) -> PlanColumn? {
            if let kind = known[text] { return kind }
            let kind = PlanColumn(header: text)
            known[text] = .some(kind)
            return kind
        }
        let words = line.split(whereSeparator: \.isWhitespace)
        var best: (columns: [(kind: PlanColumn, heading: String)], end: String.Index)?
        var start = 0
        while start < words.count {
            var columns: [(kind: PlanColumn, heading: String)] = []
            var probe = start
            // Inside the words of a column the rows cannot be split by: not the last heading's.
            var skipping = false
            // A last column the rows cannot be split by, in a table with no executors.
            var trailing = false
            while probe < words.count {
                var word = String(words[probe])
                // «Направления деятельности» names an action column; «Направления» alone would not.
                if probe + 1 < words.count, let kind = column(word + " " + words[probe + 1]), Self.splittable.contains(kind),
                   column(word).map({ !Self.splittable.contains($0) }) ?? true {
                    word += " " + words[probe + 1]
                    probe += 1
                }
                if let kind = column(word), Self.splittable.contains(kind) {
                    if trailing { break }
                    skipping = false
                    if let last = columns.last, last.kind == kind {
                        columns[columns.count - 1].heading += " " + word
                    } else if columns.contains(where: { $0.kind == kind }) {
                        break
                    } else {
                        columns.append((kind, word))
                    }
                } else if !columns.isEmpty, word.first?.isLowercase == true || word.first == "(" {
                    // «Срок исполнения», «Ответственный (исполнитель)»: the rest of a heading.
                    if !skipping { columns[columns.count - 1].heading += " " + word }
                } else if !columns.isEmpty, words.dropFirst(probe + 1).prefix(3).contains(where: {
                    column(String($0)).map(Self.splittable.contains) ?? false
                }) {
                    // A column the rows cannot be split by («Участники (классы)», «Место
                    // проведения») between known ones: its cells' words go with the cell
                    // before, its heading with none («Мероприятие Место» would name a venue).
                    skipping = true
                } else if !trailing, !columns.isEmpty, let kind = column(word), Self.trailing.contains(kind),
                          !columns.contains(where: { $0.kind == .executor }) {
                    // «Наименование мероприятия Дата проведения Место проведения»: no executors,
                    // and a last column whose words follow each row's deadline.
                    columns.append((kind, word))
                    trailing = true
                } else {
                    break
                }
                probe += 1
            }
            let kinds = Set(columns.map(\.kind))
            if columns.count >= 3, kinds.isSuperset(of: [.action, .deadline]), kinds.contains(.executor) || trailing,
               !trailing || columns.firstIndex(where: { $0.kind == .deadline }) == columns.count - 2 {
                let end = words[probe - 1].endIndex
                if best == nil { best = (columns, end) }
                break
            }
            start += 1
        }
        return best
    }

    /// The rows of the text after the header: each starts at a row number that follows the
    /// one before («1.», «2.», «2.1»); a numbering row «1 2 3 4» is skipped.
    static func rows(in text: String) -> [(number: String, body: String)] {
        if let rows = rowsByLine(in: text) ?? rowsByUnnumberedLine(in: text) { return rows }
        // A line that heads a section («II. Работа с педагогами») stands as a row of its own.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let marked = lines.enumerated().map { index, trimmed -> String in
            // So does a day named in words alone on its line («27 марта»), heading the rows of
            // that day (not «24.10.2025» after «13.10.2025-»: the rest of a period).
            let day = trimmed.contains(where: \.isLetter) && PlanReading.namesADay(trimmed)
                && !(index > 0 && lines[index - 1].last.map { "-–—,".contains($0) } ?? false)
            return trimmed.firstMatch(of: /^(?:(?:Раздел|РАЗДЕЛ)\s+\S+|[IVXLC]{1,6}[.)])\s+\p{Lu}/) != nil || day ? "\u{1}" + trimmed : trimmed
        }.joined(separator: "\n")
        let words = marked.split(whereSeparator: \.isWhitespace).map(String.init)
        var rows: [(number: String, body: String)] = []
        var last: [Int]?
        var body: [String] = []
        var number: String?
        var index = 0
        // «1 2 3 4» right under the header.
        while index < words.count, words[index] == String(index + 1) { index += 1 }
        if index < 2 { index = 0 }
        // Row numbers are written alike: «1.», «2.» (a bare «1» then is a class, «1 - 11»).
        var dotted: Bool?
        for (position, word) in words.enumerated().dropFirst(index) {
            if word.hasPrefix("\u{1}") {
                if let number { rows.append((number, body.joined(separator: " "))) }
                number = Self.sectionMark
                body = [String(word.dropFirst())]
                continue
            }
            let next = words.indices.contains(position + 1) ? words[position + 1] : nil
            let isNumber = CellRunTable.isRowNumber(word) && CellRunTable.follows(word, last)
                && (last != nil || CellRunTable.levels(word) == [1])
                && dotted.map { $0 == (word.last == "." || word.last == ")") } ?? true
                && !(body.last.map { Self.joinsNumber($0) && !Self.endsAList($0, before: next) } ?? false)
                && Self.mayOpenRow(word, before: next, after: last == nil || number == Self.sectionMark ? nil : body)
            if isNumber, dotted == nil { dotted = word.last == "." || word.last == ")" }
            if isNumber {
                if let number { rows.append((number, body.joined(separator: " "))) }
                number = word
                last = CellRunTable.levels(word)
                body = []
            } else if number != nil {
                body.append(word)
            }
        }
        if let number { rows.append((number, body.joined(separator: " "))) }
        return rows
    }

    /// A copy that kept a line a row: most lines start with a row number and a capital
    /// («1. Проведение заседаний … в течение 2010 года министерство …»), or in small letters
    /// when the number is the next one after the line above («2. увеличение продолжительности
    /// перемен …»). Then each such line starts a row, whatever its number (copies repeat or
    /// skip numbers), and a line without a number goes on the row above, unless it heads the
    /// rows after it: before the first row, or over a numbering that starts again at 1
    /// («Подпрограмма 2 "…"»). A numbered line with no deadline that another row follows is a
    /// section too («1. Организационные мероприятия»). Nil for other copies.
    static func rowsByLine(in text: String) -> [(number: String, body: String)]? {
        var lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // «1 2 3 4» under the header numbers the columns.
        if let first = lines.first, first.split(separator: " ").enumerated().allSatisfy({ $0.element == String($0.offset + 1) }),
           first.split(separator: " ").count >= 3 {
            lines.removeFirst()
        }
        var numbered: [(number: String, body: String)?] = []
        var last: [Int]?
        for line in lines {
            guard let match = line.firstMatch(of: /^(\d{1,3}(?:\.\d{1,3}){0,2}[.)]?)\s+(\S.*)$/) else {
                numbered.append(nil)
                continue
            }
            let (number, body) = (String(match.output.1), String(match.output.2))
            let capital = body.first.map { $0.isUppercase || "«\"".contains($0) } == true
            let next = last != nil && body.first?.isLowercase == true && (number.last == "." || number.last == ")")
                && CellRunTable.levels(number) != [1] && CellRunTable.follows(number, last)
            guard capital || next else {
                numbered.append(nil)
                continue
            }
            numbered.append((number, body))
            last = CellRunTable.levels(number)
        }
        let firstRow = numbered.firstIndex { $0 != nil } ?? lines.count
        // A line without a number before the first row, or over rows numbered from 1 again.
        let heads = lines.indices.map { index in
            numbered[index] == nil && lines[index].first?.isLowercase != true && !hasDeadline(lines[index])
                && (index < firstRow || (index + 1 < lines.count && numbered[index + 1].map { CellRunTable.levels($0.number) == [1] } == true))
        }
        let starts = numbered.filter { $0 != nil }.count
        guard starts >= 2, starts * 10 >= (lines.count - heads.filter { $0 }.count) * 8 else { return nil }
        var rows: [(number: String, body: String)] = []
        var headings: Set<Int> = []
        for (index, line) in lines.enumerated() {
            if let row = numbered[index] {
                rows.append(row)
            } else if heads[index] {
                headings.insert(rows.count)
                rows.append((sectionMark, line))
            } else if !rows.isEmpty {
                rows[rows.count - 1].body += " " + line
            }
        }
        for index in rows.indices.dropLast() where !headings.contains(index) && rows[index].body.count <= 200 && !hasDeadline(rows[index].body) {
            rows[index] = (sectionMark, rows[index].number + " " + rows[index].body)
        }
        return rows
    }

    /// A copy that kept a line a row of a table without numbers («Региональный этап олимпиады
    /// по литературе 28 января 2020 ГАУ ДПО РК …»): no line opens with a number, and at least
    /// two lines in three that do not open in small letters open with a capital or a quote and
    /// hold a deadline. Each such line
    /// starts a row; a line in small letters goes on the row above; another line heads the
    /// rows after it (a section), and after the last row ends the table. Nil for other copies.
    static func rowsByUnnumberedLine(in text: String) -> [(number: String, body: String)]? {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.count >= 2, !lines.contains(where: { $0.first?.isNumber == true }) else { return nil }
        let opening = lines.map { line in line.first.map { $0.isUppercase || $0 == "«" || $0 == "\"" } == true && hasDeadline(line) }
        let starts = opening.filter { $0 }.count
        let capitals = lines.filter { $0.first?.isLowercase != true }.count
        guard starts >= 2, starts * 3 >= capitals * 2, let last = opening.lastIndex(of: true) else { return nil }
        var rows: [(number: String, body: String)] = []
        for (index, line) in lines.enumerated() {
            if opening[index] {
                rows.append(("", line))
            } else if line.first?.isLowercase == true, !rows.isEmpty, rows[rows.count - 1].number != sectionMark {
                rows[rows.count - 1].body += " " + line
            } else if index < last {
                rows.append((sectionMark, line))
            } else {
                break
            }
        }
        return rows
    }

    /// A copy that kept a line a row of a table whose deadline comes first («28.01 Размещение
    /// на сайте … Демосюк О.К., Гордейчик О.Н.»): each line that opens with a deadline (its
    /// longest opening of at most eight words that reads as one) and goes on starts a row; a
    /// line that does not goes on the row above. Nil unless at least two rows start so and
    /// they are at least half of the lines.
    static func rowsByLeadingDeadline(in text: String) -> [(deadline: String, body: String)]? {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .flatMap(Self.breakingAtDates)
        var rows: [(deadline: String, body: String)] = []
        var starts = 0
        for line in lines {
            let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            let opening = stride(from: min(8, words.count - 1), through: 1, by: -1).first {
                Self.readsAsDeadline(words[..<$0].joined(separator: " "))
            }
            if let opening {
                rows.append((words[..<opening].joined(separator: " "), words[opening...].joined(separator: " ")))
                starts += 1
            } else if !rows.isEmpty {
                rows[rows.count - 1].body += " " + line
            }
        }
        guard starts >= 2, starts * 2 >= lines.count else { return nil }
        return rows
    }

    /// «19.02.2020 1.Оформление стенда … Учителя языков 20.02.2020 1.Пятиминутки …»: a table
    /// whose rows open with their dates flattened into one line, broken before each full date
    /// that opens a row: the line's first word is one, the word before does not lead up to it
    /// («до», «к», «с»), and an item or a capital follows. Other lines are kept whole.
    static func breakingAtDates(_ line: String) -> [String] {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        let isDate = { (word: String) in word.wholeMatch(of: Self.fullDate.regex) != nil }
        guard let first = words.first, isDate(first) else { return [line] }
        var lines: [[String]] = []
        for (index, word) in words.enumerated() {
            let opensRow = isDate(word) && (index == 0 || !Self.joinsNumber(words[index - 1]))
                && words.indices.contains(index + 1)
                && words[index + 1].first.map { $0.isUppercase || $0 == "«" || $0.isNumber && words[index + 1].contains(".") } == true
                && !isDate(words[index + 1])
            if opensRow || lines.isEmpty { lines.append([word]) } else { lines[lines.count - 1].append(word) }
        }
        return lines.map { $0.joined(separator: " ") }
    }

    /// A row of `rowsByLeadingDeadline` («deadline \u{2} the rest») in the cells of `kinds`:
    /// with no borders left between the action, the place, the participants and the
    /// executors, the persons that end the row («Демосюк О.К., Гордейчик О.Н.») are its
    /// executors and the words before them its action.
    static func splitAfterDeadline(_ row: String, into kinds: [PlanColumn]) -> [String]? {
        let parts = row.split(separator: "\u{2}", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        var words = parts[1].split(whereSeparator: \.isWhitespace).map(String.init)
        var persons: [String] = []
        if kinds.contains(.executor) {
            let initials = /[А-ЯЁ]\.\s?[А-ЯЁ]\.?[,;.]?/
            let surname = /[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[,;]?/
            while words.count > 2 {
                let last = words[words.count - 1], before = words[words.count - 2]
                let taken: Int
                if last.wholeMatch(of: initials) != nil, before.wholeMatch(of: surname) != nil {
                    taken = 2  // «Демосюк О.К.»
                } else if last.wholeMatch(of: surname) != nil, before.wholeMatch(of: initials) != nil {
                    taken = 2  // «О.К. Демосюк»
                } else {
                    break
                }
                persons.insert(words.suffix(taken).joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",;")), at: 0)
                words.removeLast(taken)
            }
        }
        let action = words.joined(separator: " ")
        guard !action.isEmpty else { return nil }
        return kinds.map { kind in
            switch kind {
            case .deadline: parts[0]
            case .action: action
            case .executor: persons.joined(separator: ", ")
            default: ""
            }
        }
    }

    /// Whether some stretch of the words is a deadline as plans write them («по согласованию»
    /// too).
    static func hasDeadline(_ body: String) -> Bool {
        let words = body.split(whereSeparator: \.isWhitespace).map(String.init)
        for end in stride(from: words.count, through: 1, by: -1) {
            for start in max(0, end - 8)..<end where CellRunTable.looksLikeDeadline(words[start..<end].joined(separator: " ")) {
                return true
            }
        }
        return false
    }

    /// The number a section row carries in `rows(in:)`: its text is the section's title.
    static let sectionMark = "\u{1}"

    /// Whether `number`, which follows the last row's number, can open the next row, given the
    /// word after it and the `body` of the row it would end (nil at the first row or after a
    /// section): «6 «Б»» is a class; «3 Беседа «Кем я хочу стать» 1 «В» 19.11 …» does not
    /// start again at 1, nor «райисполкома 11 9 «А» 21.11 …» open row 11, in a row that has no
    /// deadline yet (a class or a count in a row does not end it), nor «1 тур:» or «1 - 4» at all.
    static func mayOpenRow(_ number: String, before next: String?, after body: [String]?) -> Bool {
        if let next, next.wholeMatch(of: Self.quotedLetter.regex) != nil { return false }
        guard let body else { return true }
        let restarts = CellRunTable.levels(number) == [1]
        let textFollows = next?.first.map { $0.isLetter || $0 == "«" || $0 == "\"" } ?? true
        if !restarts && textFollows { return true }
        // «… Олимпиада по русскому языку 1 тур:»: numbering starts again at a row's text, which
        // opens with a capital or a quote; a word in small letters goes on the sentence.
        if restarts, let first = next?.first, first.isLowercase || "-–—".contains(first) { return false }
        return hasDeadline(body.joined(separator: " "))
    }

    /// «Ковалевич Г.М, 11 Устный журнал»: a name's comma before a number and a capital ends
    /// the executors of a row, not a list of numbers.
    static func endsAList(_ word: String, before next: String?) -> Bool {
        guard word.hasSuffix(","), word.dropLast().last?.isLetter == true, let first = next?.first else { return false }
        return first.isUppercase
    }

    /// Whether a number after `word` belongs to it («до 25», «к 9.05.», «№ 5», «12», «(7–9»).
    static func joinsNumber(_ word: String) -> Bool {
        // «8:30», «11:30-12:30»: an hour ends a row's cell; the number after it is the next row's.
        if word.contains(":"), PlanReading.isTimeOfDay(word) { return false }
        let lower = word.lowercased()
        return ["до", "к", "с", "по", "№", "n", "от", "в", "на", "и", "-", "–"].contains(lower)
            || word.last?.isNumber == true || word.hasSuffix(",")
    }

    /// `body` split into the cells of `kinds` (one row), the deadline found as the stretch of
    /// at most eight words that ends last and reads as a deadline; nil when no action is left.
    static func split(_ body: String, into kinds: [PlanColumn], number: String) -> [String]? {
        let words = body.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return nil }
        if let deadlineColumn = kinds.firstIndex(of: .deadline), let actionColumn = kinds.firstIndex(of: .action),
           deadlineColumn < actionColumn, kinds[..<deadlineColumn].allSatisfy({ $0 == .number }),
           let (when, rest) = Self.ledByDeadline(words) {
            // «№ Дата Мероприятие Ответственный»: the deadline opens the row, the action and
            // then its executors follow.
            var action = rest
            var executors = ""
            if kinds.contains(.executor), let (done, by) = Self.splittingExecutors(from: rest) {
                action = done
                executors = by
            }
            return cells(kinds, number: number, action: action, deadline: when, executors: executors)
        }
        var deadline: Range<Int>?
        for end in stride(from: words.count, through: 2, by: -1) {
            for start in max(1, end - 8)..<end where Self.readsAsDeadline(words[start..<end].joined(separator: " ")) {
                deadline = start..<end
                break
            }
            if deadline != nil { break }
        }
        // «1. оргмомент, подготовка к празднику 8:30»: a schedule's rows give an hour, no day.
        if deadline == nil {
            deadline = stride(from: words.count, through: 2, by: -1).lazy.compactMap { end in
                (max(1, end - 3)..<end).first { PlanReading.isTimeOfDay(words[$0..<end].joined(separator: " ")) }.map { $0..<end }
            }.first
        }
        // «… за 2019 год до 31 января»: a stretch whose year or day a preposition in small
        // letters leads to (the action's) starts after them. «… в 2010 г. До 28 марта 2011 г.»,
        // «… на 2008-2010 годы" До 15.11.2010»: one that opens in small letters and holds a
        // capital preposition a deadline's cell opens with starts there.
        if let found = deadline, found.count >= 2 {
            var start: Int?
            if words[found.lowerBound].hasSuffix(";"), words[found.lowerBound].first?.isNumber != true,
               Self.bareEnd(String(words[found.lowerBound].dropLast())) == nil {
                // «… за квартал, полугодие, год; в течение года»: a semicolon ends the action
                // (not a month's or a day's, «март; ноябрь»: a list of deadlines).
                start = found.lowerBound + 1
            } else if found.lowerBound > 1, ["за", "на", "в", "к", "от"].contains(words[found.lowerBound - 1]),
               words[found.lowerBound].first?.isNumber == true {
                var next = found.lowerBound + 1
                while next < found.upperBound, words[next].first?.isNumber == true
                    || DeadlineToken.yearWords.contains(RussianText.folded(words[next]).trimmingCharacters(in: .punctuationCharacters)) {
                    next += 1
                }
                start = next
            } else if words[found.lowerBound].first?.isLowercase == true {
                start = (found.lowerBound + 1..<found.upperBound).first {
                    ["До", "С", "Со", "В", "Во", "По", "К", "Не", "После", "Перед"].contains(words[$0])
                }
            }
            if let start, start < found.upperBound, Self.readsAsDeadline(words[start..<found.upperBound].joined(separator: " ")) {
                deadline = start..<found.upperBound
            }
        }
        let executorAfter = (kinds.firstIndex(of: .deadline) ?? Int.max) < (kinds.firstIndex(of: .executor) ?? Int.min)
        // «… по необходимости Старшая медицинская сестра»: a stretch read leniently («по
        // необходимости» and anything after it) that runs to the row's end leaves the executors
        // nothing; it ends at the first capital after a part that reads alone.
        if executorAfter, let found = deadline, found.upperBound == words.count, found.count >= 2,
           let end = (found.lowerBound + 1..<found.upperBound).first(where: {
               words[$0].first?.isUppercase == true && Self.readsAsDeadline(words[found.lowerBound..<$0].joined(separator: " "))
           }) {
            deadline = found.lowerBound..<end
        }
        // «в период эпид.сезона В период эпид сезона и по необходимости»: a stretch that opens
        // in the middle of a phrase («и по необходимости») starts at the capital before it, when
        // that capital is a preposition a deadline's cell opens with.
        if let found = deadline, found.lowerBound > 1, words[found.lowerBound].first?.isLowercase == true,
           let opener = (max(1, found.lowerBound - 6)..<found.lowerBound).reversed().first(where: { words[$0].first?.isUppercase == true }),
           ["В", "Во", "До", "С", "По", "На", "К", "После", "Перед"].contains(words[opener]),
           words[opener..<found.lowerBound].allSatisfy({ !$0.contains(where: \.isNumber) }) {
            deadline = opener..<found.upperBound
        }
        // «… к Новому году. в течение года»: a sentence's last word is the action's.
        if let found = deadline, found.count >= 2, words[found.lowerBound].hasSuffix("."),
           words[found.lowerBound].dropLast().allSatisfy(\.isLetter),
           Self.readsAsDeadline(words[(found.lowerBound + 1)..<found.upperBound].joined(separator: " ")) {
            deadline = (found.lowerBound + 1)..<found.upperBound
        }
        // «сентябрь, далее – постоянно», «с 15 мая 2014 г. и далее ежегодно»: a deadline of up to
        // five words before «далее» opens the cell.
        if let found = deadline, found.lowerBound > 2 {
            var link = found.lowerBound - 1
            if ["-", "–", "—"].contains(words[link]) { link -= 1 }
            if link > 1, RussianText.folded(words[link]) == "далее" {
                let joined = words[link - 1] == "и" || words[link - 1].hasSuffix(",")
                let end = words[link - 1] == "и" ? link - 1 : link
                if joined, end > 1, let length = (1...min(5, end - 1)).reversed().first(where: { length in
                    let item = words[(end - length)..<end].joined(separator: " ")
                    return Self.readsAsDeadline(item.hasSuffix(",") ? String(item.dropLast()) : item)
                }) {
                    deadline = (end - length)..<found.upperBound
                }
            }
        }
        // «октябрь, в течение года», «2 раза в год, октябрь, апрель»: a deadline listed before the
        // one found, of up to four words, belongs to the cell.
        while let found = deadline, found.lowerBound > 1, words[found.lowerBound - 1].hasSuffix(","),
              let length = (1...min(4, found.lowerBound - 1)).reversed().first(where: { length in
                  Self.readsAsDeadline((words[(found.lowerBound - length)..<(found.lowerBound - 1)] + [String(words[found.lowerBound - 1].dropLast())])
                      .joined(separator: " "))
              }) {
            deadline = (found.lowerBound - length)..<found.upperBound
        }
        // «20.04. 20.05.2011», «январь май»: a period that lost its dash; its first end belongs to
        // the cell too (the deadline is then left for a person to read, never half read).
        if let found = deadline, found.lowerBound > 1, let first = Self.bareEnd(words[found.lowerBound - 1]),
           first == Self.bareEnd(words[found.lowerBound]),
           !["за", "на", "в", "к", "до", "с", "по", "от"].contains(words[found.lowerBound - 2].lowercased()) {
            deadline = (found.lowerBound - 1)..<found.upperBound
        }
        // «сентябрь ноябрь январь март»: months listed without commas (a meeting's each) are one
        // cell, as far back as the list goes.
        while let found = deadline, found.lowerBound > 1, Self.bareEnd(words[found.lowerBound]) == .month,
              Self.bareEnd(words[found.lowerBound - 1]) == .month,
              !["за", "на", "в", "к", "до", "с", "по", "от"].contains(words[found.lowerBound - 2].lowercased()) {
            deadline = (found.lowerBound - 1)..<found.upperBound
        }
        // «25 января 25 апреля 2012 года»: a period of two days that lost its dash; its first
        // day belongs to the cell too.
        if let found = deadline, found.lowerBound > 2, found.count >= 2,
           words[found.lowerBound - 2].wholeMatch(of: Self.dayNumber.regex) != nil, Self.isMonthOfADay(words[found.lowerBound - 1]),
           words[found.lowerBound].wholeMatch(of: Self.dayNumber.regex) != nil, Self.isMonthOfADay(words[found.lowerBound + 1]),
           !["за", "на", "в", "к", "до", "с", "по", "от"].contains(words[found.lowerBound - 3].lowercased()) {
            deadline = (found.lowerBound - 2)..<found.upperBound
        }
        // «Подготовка выступающих До 28.04.06 До 05.05.06»: the stretch found («28.04.06 До
        // 05.05.06») starts after a «до» of its own; the preposition is the cell's too.
        if let found = deadline, found.lowerBound > 1, ["до", "с", "по"].contains(words[found.lowerBound - 1].lowercased()),
           words[found.lowerBound].first?.isNumber == true {
            deadline = (found.lowerBound - 1)..<found.upperBound
        }
        // «Август 31.08.2023», «Ежемесячно до 15 числа …», «2006 - 2007 гг. постоянно»: two
        // deadlines in one cell, the first a month or «Ежемесячно», «Постоянно» with a capital, or years
        // («… гг.»); not after a preposition («Подготовка к 1 сентября Август»), and never a
        // day («День защитника Отечества 23 февраля Февраль»: the day is the action's).
        if let found = deadline, found.lowerBound > 1 {
            let before = words[found.lowerBound - 1]
            let folded = RussianText.folded(before)
            let word = before.first?.isUppercase == true
                && (Self.bareEnd(before) == .month || ["еже", "постоянн"].contains(where: folded.hasPrefix) && Self.readsAsDeadline(before))
                ? found.lowerBound - 1 : nil
            let years = ["гг.", "г.", "годы", "год"].contains(before)
                ? (max(1, found.lowerBound - 4)..<(found.lowerBound - 1)).first(where: { start in
                    words[start].first?.isNumber == true
                        && words[start..<found.lowerBound].allSatisfy { $0.allSatisfy { $0.isNumber || "-–—.".contains($0) } || $0 == before }
                }) : nil
            if let start = word ?? years,
               !["за", "на", "в", "к", "до", "с", "по", "от", "ко", "со", "во"].contains(words[start - 1].lowercased()) {
                deadline = start..<found.upperBound
            }
        }
        // «24.05.2011, общеобразовательные учреждения города, 10.00 - 12.00 ч Управление …»: a
        // deadline that ends in a comma goes on (the place, the hours) up to the capital that
        // starts the executors.
        if let found = deadline, words[found.upperBound - 1].hasSuffix(",") {
            var end = found.upperBound
            while end < words.count, words[end - 1].hasSuffix(",") || !(words[end].first?.isUppercase ?? false) { end += 1 }
            if end < words.count { deadline = found.lowerBound..<end }
        }
        // «23.03.2023 Чт.», «16.02.18 г. 14.00», «16.03. – 9.00.»: a weekday or an hour after a
        // day is the day's; the executors never open with one.
        while let found = deadline, found.upperBound < words.count, words[found.lowerBound].first?.isNumber == true {
            let next = words[found.upperBound]
            if next.count <= 13, next.wholeMatch(of: CellRunTable.weekday.regex) != nil {
                deadline = found.lowerBound..<(found.upperBound + 1)
            } else if PlanReading.isTimeOfDay(next.trimmingCharacters(in: CharacterSet(charactersIn: ".,"))) {
                deadline = found.lowerBound..<(found.upperBound + 1)
            } else if ["-", "–", "—"].contains(next), found.upperBound + 1 < words.count,
                      PlanReading.isTimeOfDay(words[found.upperBound + 1].trimmingCharacters(in: CharacterSet(charactersIn: ".,"))) {
                deadline = found.lowerBound..<(found.upperBound + 2)
            } else {
                break
            }
        }
        // «Август (3 неделя)», «23-30.06.2016 (по отдельному плану)»: a note in brackets right
        // after the deadline is the deadline's cell; «ежедневно (в период эпидемии)», «2 раза в
        // год (в сентябре и мае)»: a stretch found inside the brackets after a deadline too.
        if let found = deadline {
            func closing(from open: Int) -> Int? {
                (open..<min(words.count, open + 10)).first { words[$0].contains(")") }
            }
            let opening = (max(0, found.lowerBound - 6)..<found.lowerBound).reversed().first { words[$0].hasPrefix("(") }
            if let open = opening, open > 0, !words[open..<found.lowerBound].contains(where: { $0.contains(")") }) {
                // Found inside the brackets: the cell starts at the deadline before them.
                if let close = closing(from: open), close + 1 >= found.upperBound,
                   let start = (max(1, open - 5)..<open).first(where: { Self.readsAsDeadline(words[$0..<open].joined(separator: " ")) }) {
                    deadline = start..<(close + 1)
                }
            } else if found.upperBound < words.count, words[found.upperBound].hasPrefix("("), let close = closing(from: found.upperBound) {
                deadline = found.lowerBound..<(close + 1)
            }
        }
        // «… с Православной церковью » 21.03 - 25.03»: a quote or a bracket that closes the
        // action's words, parted from them by a space, is the action's.
        while let found = deadline, found.count > 1, words[found.lowerBound].allSatisfy({ "»\"”“)]'.,;:".contains($0) }) {
            deadline = (found.lowerBound + 1)..<found.upperBound
        }
        var action: String
        let when: String
        let who: String
        if let deadline {
            action = words[..<deadline.lowerBound].joined(separator: " ")
            when = words[deadline].joined(separator: " ")
            who = words[deadline.upperBound...].joined(separator: " ")
        } else {
            action = words.joined(separator: " ")
            when = ""
            who = ""
        }
        var cost = ""
        if let costColumn = kinds.firstIndex(of: .cost), let actionColumn = kinds.firstIndex(of: .action),
           let deadlineColumn = kinds.firstIndex(of: .deadline), actionColumn < costColumn, costColumn < deadlineColumn {
            // «Приобретение мебели 552,0 II - III кв.»: the amounts before the deadline are the cost.
            var actionWords = action.split(separator: " ")
            var amounts: [Substring] = []
            while actionWords.count > 1, let last = actionWords.last, last.wholeMatch(of: Self.trailingNumber.regex) != nil {
                amounts.insert(last, at: 0)
                actionWords.removeLast()
            }
            if !amounts.isEmpty {
                action = actionWords.joined(separator: " ")
                cost = amounts.joined(separator: " ")
            }
        }
        guard !action.isEmpty else { return nil }
        let deadlineFirst = (kinds.firstIndex(of: .deadline) ?? 0) < (kinds.firstIndex(of: .executor) ?? 0)
        var executors = deadlineFirst ? who : ""
        if !deadlineFirst, kinds.contains(.executor), cost.isEmpty, who.isEmpty, !when.isEmpty,
           let (done, by) = Self.splittingExecutors(from: action) {
            // «N п/п Мероприятия Исполнители Сроки»: the executors stand between the action and
            // its deadline, from the first body, post or person the action does not lead to.
            action = done
            executors = by
        }
        return cells(kinds, number: number, action: action, cost: cost,
                     deadline: deadlineFirst || !executors.isEmpty || !kinds.contains(.executor) ? when : "", executors: executors)
    }

    /// A row's texts in the columns of `kinds`; columns of other kinds are left empty.
    static func cells(
        _ kinds: [PlanColumn], number: String, action: String, cost: String = "", deadline: String, executors: String
    ) -> [String] {
        kinds.map { kind in
            switch kind {
            case .number: number
            case .action: action
            case .cost: cost
            case .deadline: deadline
            case .executor: executors
            default: ""
            }
        }
    }

    /// «среда 7.12 День 1. Открытие декады …»: a row whose deadline comes first, its longest
    /// opening of at most eight words that reads as one, after a day of the week that belongs
    /// to it («№ День недели Дата …»); the deadline and the words after it, nil when the row
    /// opens with no deadline or is nothing else.
    static func ledByDeadline(_ words: [String]) -> (deadline: String, rest: String)? {
        var start = 0
        if let first = words.first, first.count <= 13, first.wholeMatch(of: CellRunTable.weekday.regex) != nil { start = 1 }
        guard words.count > start + 1,
              let end = stride(from: min(start + 8, words.count - 1), through: start + 1, by: -1).first(where: {
                  Self.readsAsDeadline(words[start..<$0].joined(separator: " "))
              }) else { return nil }
        return (words[..<end].joined(separator: " "), words[end...].joined(separator: " "))
    }

    /// «Оценка состояния здоровья обучающихся Департамент здравоохранения области,
    /// администрации районов»: the action, then its executors from the first capital that
    /// opens a body («Департамент», «Управление», «МБОУ»), a post («Заместитель директора»)
    /// or a person («Петрова И.И.»), not after a preposition («в МБОУ СОШ № 5»). Nil when none
    /// does after the action's first two words.
    static func splittingExecutors(from text: String) -> (action: String, executors: String)? {
        let words = text.split(separator: " ").map(String.init)
        let prepositions: Set<String> = ["в", "во", "с", "со", "на", "для", "при", "к", "по", "от", "из", "у", "о", "об", "и"]
        // Inside a name the action gives after a preposition («в МБОУ СОШ № 5»).
        var inName = false
        for index in words.indices.dropFirst(1) {
            let word = words[index]
            let capital = word.first?.isUppercase == true
            if prepositions.contains(words[index - 1].lowercased()) || inName && (capital || word == "№" || word.first?.isNumber == true) {
                // A name's number («№ 5») is its last word.
                inName = capital || word == "№"
                continue
            }
            inName = false
            guard index >= 2, capital else { continue }
            let rest = words[index...].prefix(3).joined(separator: " ")
            let letters = word.filter(\.isLetter)
            let opens = ExecutorList.startsAnOrganisation(word) || Executor.startsWithRole(rest)
                || letters.count >= 2 && letters.allSatisfy(\.isUppercase)
                || Executor.isPerson(words[index...].prefix(2).joined(separator: " "))
            if opens { return (words[..<index].joined(separator: " "), words[index...].joined(separator: " ")) }
        }
        return nil
    }

    /// «января», «апреля»: a month as a day names it.
    static func isMonthOfADay(_ word: String) -> Bool {
        DeadlinePoint.genitiveMonths.contains(RussianText.folded(word).trimmingCharacters(in: CharacterSet(charactersIn: ",.")))
    }

    /// What kind of period end `word` is on its own: a day («20.04.», «20.05.2011») or a
    /// month named alone («январь»); nil for other words.
    enum BareEnd { case day, month }

    static func bareEnd(_ word: String) -> BareEnd? {
        if word.wholeMatch(of: Self.dayWord.regex) != nil { return .day }
        return DeadlinePoint.months.contains(RussianText.folded(word).trimmingCharacters(in: CharacterSet(charactersIn: ",."))) ? .month : nil
    }

    /// Whether `text` is a deadline as plans write them: read by the parser (in any year), or
    /// a deadline with no date («По плану», «В течение месячника»).
    static func readsAsDeadline(_ text: String) -> Bool {
        let folded = RussianText.folded(text)
        if ["по плану", "по графику", "в течение месячника", "в течение месяца", "в течение недели", "в ходе месячника"]
            .contains(folded) { return true }
        // «1.1», «2.3.»: an item's number; a day and a month are written «01.01» or «1.01».
        if text.trimmingCharacters(in: .whitespaces).wholeMatch(of: Self.itemNumber.regex) != nil { return false }
        // A bracketed note («(по согласованию)») belongs to the cell it ends.
        guard !text.contains("("), !text.contains(")"),
              // A year whose February has a 29th: «01.02-29.02» of a plan with no year is a deadline;
              // «15 августа - 15 сентября», «январь - ноябрь» run from one academic year into the
              // next, and are periods in a calendar year.
              let deadline = try? DeadlineParser().parse(text, in: .academicYear(startingIn: 2003), rereading: false) else { return false }
        if deadline.kind == .unparsed, ["-", "–", "—", " по "].contains(where: folded.contains),
           let again = try? DeadlineParser().parse(text, in: .calendarYear(2004), rereading: false) {
            return again.kind != .unparsed
        }
        if deadline.kind == .unparsed, let year = Self.openStartYear(folded) {
            // «С 28 марта 2011 г.» runs to the end of the plan's year, which must be that one.
            return [year - 1, year].contains { year in
                (try? DeadlineParser().parse(text, in: .academicYear(startingIn: year), rereading: false)).map { $0.kind != .unparsed } == true
            }
        }
        return deadline.kind != .unparsed
    }

    /// The year of «с 28 марта 2011 г.», «с 28.03.2011»: a start with no end, in a year of its
    /// own; nil for any other text.
    static func openStartYear(_ folded: String) -> Int? {
        guard folded.hasPrefix("с "), !RussianText.isLonger(folded, than: 40),
              let match = folded.firstMatch(of: Self.fourDigitYear.regex) else { return nil }
        return Int(match.output.1)
    }
}

// Built once: a regex literal is parsed again each time it is evaluated (see SharedRegex), and
// these run for every cell, executor or word of a plan.
extension FlattenedRowTable {
    static let fullDate = SharedRegex(/\d{1,2}\.\d{1,2}\.\d{4}(?:г\.?)?/)
    static let quotedLetter = SharedRegex(/[«"]\p{Lu}[»"],?/)
    static let dayNumber = SharedRegex(/\d{1,2}/)
    static let trailingNumber = SharedRegex(/\d[\d\s]*(?:[,.]\d+)?/)
    static let dayWord = SharedRegex(/\d{1,2}\.\d{1,2}\.?(?:\d{2}|\d{4})?(?:г\.?)?,?/)
    static let itemNumber = SharedRegex(/\d{1,2}\.\d\.?/)
    static let fourDigitYear = SharedRegex(/(?:^|\D)((?:19|20)\d{2})(?!\d)/)
}
