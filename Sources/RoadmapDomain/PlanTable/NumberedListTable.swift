import Foundation

/// A plan written as a numbered list rather than a table, each item with its deadline:
/// after «Срок:» («1. Провести конкурс плакатов: Срок: январь - ноябрь»), first («1. 24 ноября.
/// Общешкольная линейка»), last («2. Проведение викторин … 2025-2029»), or set apart on a line
/// of its own or after a run of spaces, as a Word page copied as text leaves it («Оформление
/// кабинетов.                    19.12»). «Ответственный: …» in an item names its executors.
///
/// Read only under a title naming a plan («План …», «Дорожная карта …»), when the items are
/// numbered 1, 2, 3… and nearly all of them have a deadline; the table gets the header
/// «№ | Мероприятие | Срок | Ответственный» so that its columns are read like any other.
enum NumberedListTable {
    /// Items needed before a list is taken for a plan; two will do when each says «Срок:».
    static let minimumItems = 3

    private struct Item {
        var number: String
        var lines: [String]
        var location: SourceLocation
        /// «1.ВНУТРИШКОЛЬНЫЕ МЕРОПРИЯТИЯ:»: a part of the plan whose items are numbered anew.
        var isSection = false
    }

    /// The table rebuilt from `paragraphs` and how many paragraphs come before its first item;
    /// nil when the text is no such list.
    static func rebuild(_ paragraphs: [(text: String, location: SourceLocation)]) -> (table: SourceTable, headerStart: Int)? {
        guard let title = paragraphs.prefix(10).firstIndex(where: { namesAPlan($0.text) }) else { return nil }
        var items: [Item] = []
        var firstItem: Int?
        // The number the next item takes, the one the next part takes, and the items so far
        // (a part's items may go on from the part before).
        var next = 1
        var sectionNext = 1
        var itemCount = 0
        for index in paragraphs.indices.dropFirst(title + 1) {
            let text = paragraphs[index].text
            // A paragraph may hold several lines (a Word cell, a text copy's block).
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                if let (number, rest) = numbered(line), let value = Int(number) {
                    if value == sectionNext, namesAPart(rest) {
                        // Its items are numbered from 1 again, or go on from the part before.
                        if firstItem == nil { firstItem = index }
                        items.append(Item(number: number, lines: [rest], location: paragraphs[index].location, isSection: true))
                        sectionNext += 1
                        next = 1
                        continue
                    }
                    if value == next || (value == itemCount + 1 && items.last?.isSection == true) {
                        if firstItem == nil { firstItem = index }
                        items.append(Item(number: number, lines: [rest], location: paragraphs[index].location))
                        itemCount += 1
                        next = value + 1
                        continue
                    }
                }
                if !items.isEmpty { items[items.count - 1].lines.append(line) }
            }
        }
        guard let firstItem else { return nil }
        // «1. |» / «Разработка … |» / «июль |» / «Председатель профкома |»: the cells of a table
        // copied one a line, each closed by «|», are no list (a table without its header is
        // read as such).
        let lines = items.flatMap(\.lines).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let closed = lines.filter { $0.hasSuffix("|") }.count
        if closed >= 2, closed * 2 >= lines.count { return nil }
        var rows: [[SourceCell]] = []
        var marked = 0
        var sections = 0
        for item in items {
            // A heading in capitals over a deadline of its own is an item after all.
            if item.isSection, read(item.lines) == nil {
                sections += 1
                // The part's heading alone in the row; what follows it (a header repeated) is dropped.
                var location = item.location
                location.row = rows.count + 2
                location.column = 2
                let heading = "\(item.number). " + trimmed(RussianText.collapsingWhitespace(item.lines[0]))
                rows.append(["", heading, "", ""].map { SourceCell(text: $0, location: location) })
                continue
            }
            guard let (action, deadline, executors, byMarker) = read(item.lines) else { continue }
            if byMarker { marked += 1 }
            var cells: [SourceCell] = []
            for (column, text) in [item.number, action, deadline, executors].enumerated() {
                var location = item.location
                location.row = rows.count + 2
                location.column = column + 1
                cells.append(SourceCell(text: text, location: location))
            }
            rows.append(cells)
        }
        let needed = marked == rows.count ? 2 : minimumItems
        // Nearly every item has a deadline: the last one of a cut copy may not.
        guard rows.count - sections >= needed, rows.count + 1 >= items.count else { return nil }
        let location = paragraphs[firstItem].location
        let header = ["№", "Мероприятие", "Срок", "Ответственный"].map { SourceCell(text: $0, location: location) }
        return (SourceTable(rows: [header] + rows), firstItem)
    }

    /// «План мероприятий …», «Дорожная карта …», «График …».
    static func namesAPlan(_ text: String) -> Bool {
        let folded = RussianText.folded(text.trimmingCharacters(in: .whitespaces))
        return AlternatingLineTable.namesAPlan(text) || folded.hasPrefix("дорожная карта") || folded.hasPrefix("график")
    }

    /// «ВНУТРИШКОЛЬНЫЕ МЕРОПРИЯТИЯ:», «МЕРОПРИЯТИЯ НА БАЗЕ ОУ (…)»: a heading in capitals with
    /// no deadline, naming a part of the plan.
    static func namesAPart(_ text: String) -> Bool {
        let line = RussianText.collapsingWhitespace(text)
        let head = line.prefix { $0 != "(" }
        let letters = head.filter(\.isLetter)
        guard letters.count >= 6, letters.allSatisfy(\.isUppercase), line.count <= 200 else { return false }
        return !readsAsDeadline(trimmed(String(head)))
    }

    /// «1. …», «  2) …», «4.«Мастерская…»»: the item's number and the rest of its line.
    static func numbered(_ line: String) -> (number: String, rest: String)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces.union(["\u{00A0}"]))
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count) else { return nil }
        let after = trimmed.dropFirst(digits.count)
        guard let mark = after.first, mark == "." || mark == ")" else { return nil }
        // «1.1.» is a sub-item, not the next item.
        if let next = after.dropFirst().first, next.isNumber, after.dropFirst().prefix(while: \.isNumber).count > 0,
           after.dropFirst().drop(while: \.isNumber).first == "." {
            return nil
        }
        return (String(digits), String(after.dropFirst()))
    }

    /// The item's action, deadline and executors, and whether «Срок:» named the deadline; nil
    /// when it has no deadline.
    private static func read(_ lines: [String]) -> (action: String, deadline: String, executors: String, byMarker: Bool)? {
        var text = RussianText.collapsingWhitespace(lines.joined(separator: " "))
        var executors = ""
        if let marker = text.range(of: #"[\s.,;:]*Ответственн[а-яё]*\s*(?:лиц[а-яё]*\s*)?:\s*"#, options: [.regularExpression, .caseInsensitive]) {
            executors = String(text[marker.upperBound...]).trimmingCharacters(in: .whitespaces)
            text = String(text[..<marker.lowerBound])
        }
        // «Срок: январь - ноябрь», «Сроки исполнения: март».
        if let marker = text.range(of: #"[\s.,;:]*Срок[а-яё]*(?:\s+[а-яё]+)?\s*:\s*"#, options: [.regularExpression, .caseInsensitive]) {
            var deadline = String(text[marker.upperBound...])
            var rest = ""
            if let end = deadline.rangeOfMatch(#"\.\s+(?=[А-ЯЁ])"#) {
                rest = String(deadline[end.upperBound...])
                deadline = String(deadline[..<end.lowerBound])
            }
            deadline = trimmed(deadline)
            guard readsAsDeadline(deadline) else { return nil }
            return (trimmed(String(text[..<marker.lowerBound]) + (rest.isEmpty ? "" : " " + rest)), deadline, executors, true)
        }
        // A line that is only a deadline («22.12» under the item's text).
        for (index, line) in lines.enumerated() {
            let bare = trimmed(line)
            if index > 0, bare.count <= 40, readsAsDeadline(bare) {
                var others = lines
                var deadline = bare
                // «07.05.2015» then «15.00» on the next line: the hour of that day.
                if let hour = lines.indices.dropFirst(index + 1).first(where: { !lines[$0].trimmingCharacters(in: .whitespaces).isEmpty }),
                   PlanReading.isTimeOfDay(lines[hour]) {
                    deadline += " " + lines[hour].trimmingCharacters(in: .whitespaces)
                    others.remove(at: hour)
                }
                others.remove(at: index)
                return (trimmed(RussianText.collapsingWhitespace(others.joined(separator: " "))), deadline, executors, false)
            }
        }
        // «24 ноября. Общешкольная линейка»: the first sentence.
        if let end = text.rangeOfMatch(#"\s*\.\s+"#) {
            let first = trimmed(String(text[..<end.lowerBound]))
            let rest = trimmed(String(text[end.upperBound...]))
            if !rest.isEmpty, readsAsDeadline(first) { return (rest, first, executors, false) }
        }
        // «… родного края. 2025-2029», «Оформление кабинетов. 19.12» and the item goes on: the
        // last words of a line, where a text copy put the deadline's column.
        for (index, line) in lines.enumerated() {
            let words = line.split(separator: " ")
            for count in stride(from: min(3, words.count - 1), through: 1, by: -1) {
                let deadline = trimmed(words.suffix(count).joined(separator: " "))
                var others = lines
                others[index] = words.dropLast(count).joined(separator: " ")
                let action = trimmed(RussianText.collapsingWhitespace(others.joined(separator: " ")))
                if action.split(separator: " ").count >= 2, readsAsDeadline(deadline) { return (action, deadline, executors, false) }
            }
        }
        return nil
    }

    /// Read in an academic year or, failing that, in a calendar year («январь - ноябрь»).
    static func readsAsDeadline(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 60 else { return false }
        if FlattenedRowTable.readsAsDeadline(text) { return true }
        // Two days written as dates whose range cannot be read («26.12-18.12», a slip of the
        // pen): the item's deadline all the same, kept as written and flagged, never guessed.
        if text.rangeOfMatch(#"^\d{1,2}\.\d{1,2}\.?(\d{2,4})?\s*[-–—]\s*\d{1,2}\.\d{1,2}\.?(\d{2,4})?$"#) != nil {
            return true
        }
        guard !text.contains("("),
              let deadline = try? DeadlineParser().parse(text, in: .calendarYear(2001), rereading: false) else { return false }
        return deadline.kind != .unparsed
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ".,;:-–")))
    }
}
