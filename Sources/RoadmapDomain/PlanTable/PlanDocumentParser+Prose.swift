import Foundation

/// The running text around a plan table: its title, its academic year, and a goal with tasks
/// and expected results written as paragraphs («Цель: …», «Задачи:» with «1. …» lines).
extension PlanDocumentParser {
    /// The plan's title: the first paragraph starting with «План» with the lines that follow
    /// it directly (a heading broken over lines), else a short heading just above the table.
    static func title(in prose: [(text: String, location: SourceLocation)], before table: SourceTable) -> String {
        if let start = prose.firstIndex(where: { RussianText.folded(Self.unspaced($0.text)).hasPrefix("план") }) {
            var lines = [Self.unspaced(prose[start].text)]
            var index = start + 1
            while index < prose.count, let line = prose[index].location.line,
                  let previous = prose[index - 1].location.line, line == previous + 1,
                  prose[index].text.first?.isLowercase == true
            {
                lines.append(prose[index].text)
                index += 1
            }
            return RussianText.collapsingWhitespace(lines.joined(separator: " "))
        }
        if let last = prose.last, last.text.count <= 120, let end = last.text.last, !".:;".contains(end) {
            return last.text
        }
        // «В период ноября - декабря 2022 года в Средней школе № 21 планируется проведение
        // следующих мероприятий:»: the sentence that opens a list of events names it.
        if let last = prose.last, !RussianText.isLonger(last.text, than: 200), last.text.hasSuffix(":"),
           RussianText.folded(last.text).contains("мероприяти") {
            return String(last.text.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        return ""
    }

    /// «П Л А Н работы …» → «ПЛАН работы …»: a heading's word set with its letters spaced out.
    static func unspaced(_ text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        let letters = words.prefix { $0.count == 1 && $0.first?.isLetter == true }
        guard letters.count >= 3 else { return text }
        return ([letters.joined()] + words.dropFirst(letters.count).map(String.init)).joined(separator: " ")
    }

    /// 2022 for «на 2022-2023 учебный год», «2022/23 уч. год».
    static func academicYear(in texts: [String]) -> Int? {
        for text in texts {
            let folded = RussianText.folded(RussianText.unifyingDashes(text))
            // «2008-2009 учебный год», and «учебный 2008 — 2009 год» / «учебного 2024/25 года».
            guard let match = folded.firstMatch(of: /(\d{4})\s*[-\/]\s*(\d{2}|\d{4})\s*(?:учебн|уч\.|уч\s)/)
                    ?? folded.firstMatch(of: /(?:учебн[а-я]*|уч\.)\s+(\d{4})\s*[-\/]\s*(\d{2}|\d{4})\s*(?:год|г\.|гг)/),
                  let first = Int(match.output.1), let second = Int(match.output.2)
            else { continue }
            if second == first + 1 || second == (first + 1) % 100 { return first }
        }
        return nil
    }

    /// The day an order, a protocol or a stamp above the plan approved it («Утвержден приказом
    /// по школе № 81/2-А от 01.09.2021г.», «Протокол от 28.08.2023 № 1»); nil when none says.
    static func approvalDate(in texts: [String]) -> CalendarDate? {
        for text in texts {
            let folded = RussianText.folded(text)
            guard let match = folded.firstMatch(of: Self.approvedOn.regex),
                  let day = Int(match.output.1), let month = Int(match.output.2), let year = Int(match.output.3) else { continue }
            return CalendarDate(year: year, month: month, day: day)
        }
        return nil
    }

    static let approvedOn = SharedRegex(/(?:утвержд|приказ|протокол|распоряжен)[^.]{0,80}?\bот\s+[«"]?(\d{1,2})\.(\d{1,2})\.(\d{4})/)

    /// A goal written as paragraphs above the table, with its tasks and expected results; nil
    /// when the text names neither a goal nor tasks.
    static func goal(inProse prose: [(text: String, location: SourceLocation)]) -> GoalDraft? {
        let texts = prose.map(\.text)
        var title = ""
        var tasks: [String] = []
        var results: [String] = []
        var index = 0
        while index < texts.count {
            let text = texts[index]
            let folded = RussianText.folded(text)
            if title.isEmpty, let rest = Self.after(/^цель[^:]{0,40}:/, in: text, folded: folded) {
                title = rest
            } else if tasks.isEmpty, let rest = Self.after(/^задачи[^:]{0,40}:/, in: text, folded: folded) {
                let (items, next) = Self.listItems(texts, from: index + 1)
                let inline = numberedItems(rest)
                tasks = !items.isEmpty ? items : inline.count > 1 ? inline : (rest.isEmpty ? [] : [rest])
                index = next
                continue
            } else if results.isEmpty,
                      let rest = Self.after(/^(?:предполагаем|ожидаем|планируем)\S*\s+результат\S*\s*:?/, in: text, folded: folded)
            {
                let (items, next) = Self.listItems(texts, from: index + 1)
                results = (rest.isEmpty ? [] : [rest]) + items
                index = next
                continue
            }
            index += 1
        }
        guard !title.isEmpty || !tasks.isEmpty else { return nil }
        return GoalDraft(
            title: title,
            expectedResult: results.isEmpty ? nil : results.joined(separator: "\n"),
            tasks: tasks.enumerated().map { TaskDraft(position: $0.offset + 1, title: $0.element) })
    }

    /// The text after a heading matched on the folded text, or nil when there is no heading.
    static func after(_ heading: some RegexComponent, in text: String, folded: String) -> String? {
        guard let match = folded.firstMatch(of: heading) else { return nil }
        // Folding keeps the length in characters, so the offset carries over.
        let offset = folded.distance(from: folded.startIndex, to: match.range.upperBound)
        guard offset <= text.count else { return nil }
        return RussianText.collapsingWhitespace(String(text.dropFirst(offset)))
    }

    /// The numbered or bulleted paragraphs starting at `start`, without their markers.
    static func listItems(_ texts: [String], from start: Int) -> (items: [String], next: Int) {
        var items: [String] = []
        var index = start
        while index < texts.count, let item = listItem(texts[index]) {
            items.append(item)
            index += 1
        }
        return (items, index)
    }

    /// «1. Текст», «2) Текст», «· Текст», «- Текст» → «Текст»; nil for other text.
    static func listItem(_ text: String) -> String? {
        if let match = text.firstMatch(of: /^\s*(?:\d{1,2}[.)]|[-–—•·*▪])\s*(.+)$/) {
            return RussianText.collapsingWhitespace(String(match.output.1))
        }
        return nil
    }

    /// «1. Организовать … 2. Аккумулировать …» → the items, found in sequence (1, 2, 3…) so
    /// that «2.7.3.» or a date in an item does not split it. One item when nothing is numbered.
    static func numberedItems(_ text: String) -> [String] {
        let text = RussianText.collapsingWhitespace(text)
        var starts: [(marker: Range<String.Index>, number: Int)] = []
        var searchFrom = text.startIndex
        var number = 1
        while let range = nextMarker(number, in: text, from: searchFrom) {
            starts.append((range, number))
            searchFrom = range.upperBound
            number += 1
        }
        guard !starts.isEmpty else { return text.isEmpty ? [] : [text] }
        var items: [String] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].marker.lowerBound : text.endIndex
            let item = text[start.marker.upperBound..<end].trimmingCharacters(in: .whitespaces)
            if !item.isEmpty { items.append(item) }
        }
        return items
    }

    /// «N.» or «N)» followed by a space, not preceded by a digit or a dot.
    static func nextMarker(_ number: Int, in text: String, from start: String.Index) -> Range<String.Index>? {
        var from = start
        let marker = String(number)
        while let range = text.range(of: marker, range: from..<text.endIndex) {
            from = range.upperBound
            if range.lowerBound > text.startIndex {
                let before = text[text.index(before: range.lowerBound)]
                if before.isNumber || before == "." || before.isLetter { continue }
            }
            guard range.upperBound < text.endIndex, ".)".contains(text[range.upperBound]) else { continue }
            let afterMark = text.index(after: range.upperBound)
            guard afterMark < text.endIndex, text[afterMark] == " " else { continue }
            return range.lowerBound..<text.index(after: afterMark)
        }
        return nil
    }
}
