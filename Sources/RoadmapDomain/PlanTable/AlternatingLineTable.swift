import Foundation

/// A plan copied without its table's header or borders, a line a cell, two cells a row: a
/// deadline, then what is done («Сентябрь» / «Открытие учебного года» / «4 октября» /
/// «Всемирный день защиты животных»), or the other way round. Read only under a title naming a
/// plan («План мероприятий …»), when at least four rows follow the pattern and nearly every
/// line after the title keeps it; the table gets the header «Срок | Мероприятие» (or the
/// other order) so that the columns are read by meaning like any other.
enum AlternatingLineTable {
    /// Rows of the pattern needed before a text is taken for a plan.
    static let minimumRows = 4

    /// The table rebuilt from `paragraphs` and how many paragraphs come before its first row;
    /// nil when the text does not follow the pattern.
    static func rebuild(_ paragraphs: [(text: String, location: SourceLocation)]) -> (table: SourceTable, headerStart: Int)? {
        let lines = paragraphs.enumerated().filter { !$0.element.text.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let titleIndex = lines.prefix(6).firstIndex(where: { namesAPlan($0.element.text) }) else { return nil }
        let body = Array(lines[(titleIndex + 1)...])
        guard body.count >= 2 * minimumRows else { return nil }
        // Each line is read as a deadline at most once, and only as far as the pattern holds.
        var read = [Bool?](repeating: nil, count: body.count)
        func deadlineAt(_ index: Int) -> Bool {
            if let known = read[index] { return known }
            let isOne = isDeadline(body[index].element.text)
            read[index] = isOne
            return isOne
        }
        // Which of each pair is the deadline: where the first rows have theirs. Text that is
        // no such plan is told from its first lines.
        let opening = min(body.count, 2 * minimumRows)
        let deadlineFirst = stride(from: 0, to: opening, by: 2).filter(deadlineAt).count
        let deadlineSecond = stride(from: 1, to: opening, by: 2).filter(deadlineAt).count
        guard max(deadlineFirst, deadlineSecond) == minimumRows else { return nil }
        let first = deadlineFirst >= deadlineSecond
        var rows: [[SourceCell]] = []
        var index = 0
        while index + 1 < body.count {
            let (deadline, action) = first ? (index, index + 1) : (index + 1, index)
            guard deadlineAt(deadline), !deadlineAt(action) else { break }
            let cells = [body[deadline], body[action]].enumerated().map { column, line in
                var location = line.element.location
                location.row = rows.count + 2
                location.column = (first ? column : 1 - column) + 1
                return SourceCell(text: line.element.text.trimmingCharacters(in: .whitespaces), location: location)
            }
            rows.append(first ? cells : cells.reversed())
            index += 2
        }
        // Nearly every line after the title keeps the pattern: a cut last line may not.
        guard rows.count >= minimumRows, rows.count * 2 + 1 >= body.count else { return nil }
        let location = body[0].element.location
        let header = (first ? ["Срок", "Мероприятие"] : ["Мероприятие", "Срок"]).map { SourceCell(text: $0, location: location) }
        return (SourceTable(rows: [header] + rows), body[0].offset)
    }

    /// «План мероприятий …», «План работы …»: a title that says a plan follows.
    static func namesAPlan(_ text: String) -> Bool {
        let folded = RussianText.folded(text)
        // «Календарный план …», «Годовой план …», «Тематический план …» too.
        return folded.hasPrefix("план") || folded.contains("план мероприятий") || folded.contains("план работы")
            || folded.firstMatch(of: /^[а-я]+(?:ый|ий|ой)\s+план\b/) != nil
    }

    /// A short line that reads as a deadline («Сентябрь», «4 октября», «Февраль-Март»).
    static func isDeadline(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.count <= 40 && FlattenedRowTable.readsAsDeadline(trimmed)
    }
}
