import Foundation

/// A PDF's table copied a visual line at a time, its cells aligned to their tops: the first
/// line of each row holds the first line of every cell in column order («Оформление стендов
/// (предметно-эстетическая среда, наглядная» / «5-9» / «сентябрь, в»), and the lines after it
/// what wrapped («агитация школьных стендов …)» / «течение года»). This is the federal
/// template of a school's calendar plan («Дела, события, мероприятия | Классы | Ориентировочное
/// время проведения | Ответственные»): its classes, after the actions, never wrap, so each
/// row starts on the line before a class cell. The other lines of a row go by what they say:
/// what goes on with the deadline to it, a post or a person to the executors, the rest to the
/// action. A module («Модуль «Урочная деятельность»») and the lines after it, up to the next
/// row, are a section.
enum VisualLineTable {
    /// The table rebuilt from `paragraphs` and the paragraph its header starts in; nil unless
    /// the header has classes right after the actions and a deadline, and two rows or more
    /// start before a class cell.
    /// `wholeParagraphs`: each paragraph is a whole cell (a PDF's narrow columns, each cell
    /// wrapped over lines and a blank line after it, joined by `CellRunTable.blocks`); the
    /// classes then tell the rows apart where an empty cell left no trace.
    static func rebuild(
        _ paragraphs: [(text: String, location: SourceLocation)], wholeParagraphs: Bool = false
    ) -> (table: SourceTable, headerStart: Int)? {
        var lines: [(text: String, location: SourceLocation, paragraph: Int)] = []
        for (index, paragraph) in paragraphs.enumerated() {
            for line in wholeParagraphs ? [Substring(paragraph.text)] : paragraph.text.split(separator: "\n") {
                let text = line.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { lines.append((text, paragraph.location, index)) }
            }
        }
        let texts = lines.map(\.text)
        guard let (start, width) = CellRunTable.header(in: texts) else { return nil }
        var headings = CellRunTable.joiningWrappedHeadings(
            lines[start..<(start + width)].map { CellRunTable.Cell(text: $0.text, location: $0.location) })
        var body = start + width
        // «Ориентировочное время» then «проведения»: the last heading wrapped.
        while body < texts.count, let last = headings.indices.last, texts[body].first?.isLowercase == true,
              texts[body].count <= 12, !texts[body].contains(where: \.isNumber), !CellRunTable.looksLikeDeadline(texts[body]) {
            headings[last].text += " " + texts[body]
            body += 1
        }
        let kinds = headings.map { PlanColumn(header: $0.text) }
        guard let action = kinds.firstIndex(of: .action), action + 1 < headings.count, namesClasses(heading: headings[action + 1].text),
              let deadline = kinds.firstIndex(of: .deadline) else { return nil }
        let executor = kinds.firstIndex(of: .executor)
        let classes = texts.map(Self.isClasses)
        // A deadline before the classes («Каждый понедельник» / «1-4») is the row before's.
        let starts = (body..<max(body, texts.count - 1)).filter {
            !classes[$0] && classes[$0 + 1] && !FlattenedRowTable.readsAsDeadline(texts[$0])
        }
        // Every class cell stands after a row's first line, or this is no such copy.
        let opening = Set(starts)
        let strays = (body..<texts.count).filter { classes[$0] && !opening.contains($0 - 1) }.count
        guard starts.count >= 2, strays * 5 <= starts.count else { return nil }

        var rows: [[String]] = []
        func section(_ range: Range<Int>) {
            for index in range {
                if rows.last?.count == 1, !opensSection(texts[index]) {
                    rows[rows.count - 1][0] += " " + texts[index]
                } else {
                    rows.append([texts[index]])
                }
            }
        }
        section(body..<starts[0])
        for (number, first) in starts.enumerated() {
            let next = number + 1 < starts.count ? starts[number + 1] : texts.count
            // A module after the row's lines heads the rows that follow.
            let end = ((first + 2)..<max(first + 2, next)).first { opensSection(texts[$0]) } ?? next
            var row = Array(repeating: "", count: headings.count)
            var actionLines = [texts[first]]
            // Brackets and quotes the action's lines leave open, kept as lines come (a row of
            // many lines is not scanned again for each).
            var open = Self.opened(texts[first])
            var deadlineLines: [String] = []
            var executorLines: [String] = []
            row[action + 1] = texts[first + 1]
            for index in (first + 2)..<max(first + 2, end) {
                let text = texts[index]
                if deadlineLines.isEmpty, CellRunTable.looksLikeDeadline(text) {
                    deadlineLines.append(text)
                } else if goesOnWithDeadline(text, after: deadlineLines) {
                    deadlineLines.append(text)
                } else if executor != nil,
                          belongsToExecutors(text, after: executorLines, actionHangs: open > 0 || hangs(actionLines[actionLines.count - 1])) {
                    executorLines.append(text)
                } else {
                    actionLines.append(text)
                    open += Self.opened(text)
                }
            }
            row[action] = actionLines.joined(separator: "\n")
            row[deadline] = deadlineLines.joined(separator: " ")
            if let executor { row[executor] = executorLines.joined(separator: "\n") }
            rows.append(row)
            section(end..<next)
        }
        return (SourceTable(header: headings.map(\.text), body: rows, at: lines[start].location), lines[start].paragraph)
    }

    /// «Классные руководители», «Иванова И.И.», or «по ВР, классные» after «Заместитель
    /// директора» when the action's text is whole: a line of the executors' cell. A line in
    /// small letters goes on with the action instead while the action is left hanging («(урок
    /// подготовки детей к» / «действиям в условиях …)»): its line comes first in the row.
    static func belongsToExecutors(_ text: String, after executors: [String], actionHangs: Bool) -> Bool {
        if CellRunTable.goesOnWithTheAction(text) { return false }
        if text.first?.isLowercase == true { return !executors.isEmpty && !actionHangs }
        return Executor.kind(of: text) != .other || Executor.isPerson(text)
    }

    /// How many brackets and quotes a line opens and does not close (negative: closes more).
    static func opened(_ text: String) -> Int {
        var count = 0
        for character in text {
            if character == "(" || character == "«" { count += 1 } else if character == ")" || character == "»" { count -= 1 }
        }
        return count
    }

    /// Whether a line stops where a text cannot end: a comma or a hyphen, or a preposition or
    /// conjunction last (an action's line, or a deadline's: «сентябрь, в»).
    static func hangs(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last else { return false }
        if ",-–—(«:".contains(last) { return true }
        let word = RussianText.folded(String(trimmed.split(separator: " ").last ?? ""))
        return ["в", "во", "к", "ко", "на", "по", "с", "со", "и", "а", "или", "для", "о", "об", "от", "до", "за", "из", "при",
                "над", "под", "через", "у"].contains(word)
    }

    /// «Классы», «Класс», «Классы/группы»: the heading of the classes a row is for.
    static func namesClasses(heading: String) -> Bool {
        RussianText.folded(heading).hasPrefix("класс")
    }

    /// «5-9», «1–4», «10-11 кл.», «5, 6», «9 классы»: the classes a row is for, and nothing else.
    static func isClasses(_ text: String) -> Bool {
        !RussianText.isLonger(text, than: 16) && RussianText.folded(text).wholeMatch(of: classes.regex) != nil
    }

    static let classes = SharedRegex(/\d{1,2}(?:\s*[-–—,]\s*\d{1,2})*(?:\s*-?[ех])?(?:\s*кл(?:\.|асс(?:ы|а|ов)?)?)?/)

    /// «Модуль «Урочная деятельность»», «I. Организационная работа», «ВНЕУРОЧНАЯ ДЕЯТЕЛЬНОСТЬ»:
    /// a line that opens a section, never the rest of a row.
    static func opensSection(_ text: String) -> Bool {
        if PlanReading.namesAModule(text) || CellRunTable.isHeading(text) { return true }
        let letters = text.filter(\.isLetter)
        return letters.count >= 4 && letters.allSatisfy(\.isUppercase)
    }

    /// «течение года» after «сентябрь, в», «учебного года» after «В течение»: a short line in
    /// small letters that the deadline reads with, or that its dangling last word waits for.
    /// A deadline cell holds four lines at most.
    static func goesOnWithDeadline(_ text: String, after deadline: [String]) -> Bool {
        guard let last = deadline.last, deadline.count < 4, text.first?.isLowercase == true, !RussianText.isLonger(text, than: 25) else {
            return false
        }
        return hangs(last) || FlattenedRowTable.readsAsDeadline(deadline.joined(separator: " ") + " " + text)
    }
}
