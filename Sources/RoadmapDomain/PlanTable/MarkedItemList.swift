import Foundation

/// A plan written as paragraphs without numbers, each action followed by its labels on lines
/// of their own: «Дооборудовать мастерскую.» / «Срок: сентябрь 2003 г.» / «Отв.: завхоз»
/// (a school's plan of labour safety as a library page keeps it). The lines since the last
/// label are the action, the «Срок:» line its deadline, the «Отв.:» line after it its
/// executors (often left empty); a line in capitals with no deadline heads the actions after it.
/// A card of labels each on its line («Мероприятие: …» / «Ответственный: …» / «Срок: …», in
/// any order after the action's) reads the same.
///
/// Read only under a title naming a plan, when at least two actions have a deadline that
/// reads; the table gets the header «№ | Мероприятие | Срок | Ответственный».
enum MarkedItemList {
    /// The table rebuilt from `paragraphs` and how many paragraphs come before its first
    /// action or heading; nil when the text is no such list.
    static func rebuild(_ paragraphs: [(text: String, location: SourceLocation)]) -> (table: SourceTable, headerStart: Int)? {
        guard let title = paragraphs.prefix(10).firstIndex(where: { NumberedListTable.namesAPlan($0.text) }) else { return nil }
        var rows: [(cells: [String], location: SourceLocation)] = []
        var first: Int?
        // The action's lines since the last label or heading, and whether one came before them
        // (before the first, the lines under the title are the title's: only the last is kept).
        var pending: [(text: String, paragraph: Int)] = []
        // «Ответственный: …» given before the action's «Срок:».
        var pendingExecutors: String?
        var bounded = false
        var labelled = false
        var dated = 0
        for index in paragraphs.indices.dropFirst(title + 1) {
            for raw in paragraphs[index].text.split(separator: "\n") {
                let line = RussianText.collapsingWhitespace(String(raw)).trimmingCharacters(in: .whitespaces)
                guard !line.isEmpty else { continue }
                if let deadline = value(of: line, labelled: Self.deadlineLabel) {
                    labelled = true
                    let action = bounded ? pending : Array(pending.suffix(1))
                    let executors = pendingExecutors ?? ""
                    defer { pending = []; pendingExecutors = nil; bounded = true }
                    guard let opening = action.first, NumberedListTable.readsAsDeadline(deadline) else { continue }
                    first = first ?? opening.paragraph
                    dated += 1
                    let text = action.map(\.text).joined(separator: " ")
                    rows.append((["", text, deadline, executors], paragraphs[opening.paragraph].location))
                } else if let executors = value(of: line, labelled: Self.executorLabel) {
                    if !pending.isEmpty {
                        pendingExecutors = executors
                    } else if let last = rows.indices.last, rows[last].cells[3].isEmpty {
                        rows[last].cells[3] = executors
                    }
                    bounded = true
                } else if let action = value(of: line, labelled: Self.actionLabel), !action.isEmpty {
                    pending = [(action, index)]
                    pendingExecutors = nil
                    bounded = true
                } else if pending.isEmpty || !bounded, NumberedListTable.namesAPart(line) {
                    // Before the first action, the lines above a heading are the title's.
                    first = first ?? index
                    rows.append((["", line, "", ""], paragraphs[index].location))
                    pending = []
                    bounded = true
                } else {
                    pending.append((line, index))
                }
            }
        }
        guard labelled, dated >= 2, let first else { return nil }
        // A heading after the last action heads nothing.
        while let last = rows.last, last.cells[2].isEmpty { rows.removeLast() }
        let table = rows.enumerated().map { row, item in
            item.cells.enumerated().map { column, text in
                var location = item.location
                location.row = row + 2
                location.column = column + 1
                return SourceCell(text: text, location: location)
            }
        }
        let header = ["№", "Мероприятие", "Срок", "Ответственный"].map { SourceCell(text: $0, location: paragraphs[first].location) }
        return (SourceTable(rows: [header] + table), first)
    }

    /// «Срок: март 2004 г.», «Сроки исполнения: …», «Срок — до 25.05.2004».
    static let deadlineLabel = SharedRegex(/^(?i:срок[а-яё]*(?:\s+[а-яё]+)?)\s*[:—–-]\s*(.*)$/)

    /// «Мероприятие: …», «Наименование мероприятия: …», «Содержание работы: …».
    static let actionLabel = SharedRegex(/^(?i:мероприяти[ея]|наименование(?:\s+мероприяти[яй])?|содержание(?:\s+работы)?)\s*:\s*(.*)$/)

    /// «Отв.:», «Ответственный: …», «Ответственные лица: …», «Исполнитель: …».
    static let executorLabel = SharedRegex(/^(?i:ответственн[а-яё]*(?:\s+лиц[а-яё]*)?|исполнител[а-яё]*|отв\.?)\s*[:—–-]\s*(.*)$/)

    /// The text after `label` on `line`, trimmed of the dot that ends it; nil when the line
    /// does not open with the label.
    static func value(of line: String, labelled label: SharedRegex<(Substring, Substring)>) -> String? {
        guard let match = line.wholeMatch(of: label.regex) else { return nil }
        var text = String(match.output.1).trimmingCharacters(in: .whitespaces)
        while text.hasSuffix(".") || text.hasSuffix(";") || text.hasSuffix(",") {
            // «г.» and «И.И.» keep their dots.
            if text.hasSuffix("г.") || text.dropLast().last == "." || text.dropLast().last?.isUppercase == true { break }
            text.removeLast()
        }
        return text
    }
}
