import Foundation

/// A plan written as a list whose items open with their day or hour, no table and no
/// numbers: «8:30 - оргмомент, подготовка к празднику;», «11:30 – 12:30 игры, конкурсы»,
/// «27 апреля 2018 года на базе … будет проведен конкурс …». Read only under a title naming a
/// plan or a programme («Программа праздника:», «План мероприятий, проводимых …») at most
/// five lines above the first item, when two items or more follow each other; the first line
/// that opens with no deadline ends the list («Приглашаем всех на праздник!»). The table gets
/// the header «Срок | Мероприятие» so that its columns are read like any other.
enum DatedListTable {
    /// The table rebuilt from `paragraphs` and how many paragraphs come before its first item;
    /// nil when the text is no such list.
    static func rebuild(_ paragraphs: [(text: String, location: SourceLocation)]) -> (table: SourceTable, headerStart: Int)? {
        var lines: [(text: String, location: SourceLocation, paragraph: Int)] = []
        for (index, paragraph) in paragraphs.enumerated() {
            for line in paragraph.text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                lines.append((String(line), paragraph.location, index))
            }
        }
        for title in lines.indices where namesAPlanOrProgramme(lines[title].text) {
            guard let first = lines.indices.dropFirst(title + 1).prefix(5).first(where: { opening(lines[$0].text) != nil }) else { continue }
            var rows: [[SourceCell]] = []
            for line in lines[first...] {
                guard let (deadline, action) = opening(line.text) else { break }
                rows.append([deadline, action].enumerated().map { column, text in
                    var location = line.location
                    location.row = rows.count + 2
                    location.column = column + 1
                    return SourceCell(text: text, location: location)
                })
            }
            guard rows.count >= 2 else { continue }
            let header = ["Срок", "Мероприятие"].map { SourceCell(text: $0, location: lines[first].location) }
            return (SourceTable(rows: [header] + rows), lines[first].paragraph)
        }
        return nil
    }

    /// «План мероприятий …», «Программа праздника:», «Расписание …».
    static func namesAPlanOrProgramme(_ text: String) -> Bool {
        guard !RussianText.isLonger(text, than: 200) else { return false }
        let folded = RussianText.folded(text.trimmingCharacters(in: .whitespaces))
        return NumberedListTable.namesAPlan(text) || folded.hasPrefix("программа") || folded.hasPrefix("расписание")
    }

    /// The deadline a line opens with (the longest of at most eight words that reads as one, or
    /// an hour) and the text after it, past a dash or a colon; nil when the line opens with no
    /// deadline or nothing follows it.
    static func opening(_ line: String) -> (deadline: String, action: String)? {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 2 else { return nil }
        let marks = CharacterSet(charactersIn: "-–—:;,.")
        for count in stride(from: min(8, words.count - 1), through: 1, by: -1) {
            let deadline = words[..<count].joined(separator: " ").trimmingCharacters(in: marks.union(.whitespaces))
            guard !deadline.isEmpty, PlanReading.isTimeOfDay(deadline) || FlattenedRowTable.readsAsDeadline(deadline) else { continue }
            let action = words[count...].joined(separator: " ").trimmingCharacters(in: marks.union(.whitespaces))
            // «с 23.04.2018 по 28.04.2018 г.»: a period alone, its «г.» no action.
            guard action.filter(\.isLetter).count >= 3, action.first.map({ !$0.isNumber }) ?? false,
                  !["года", "год", "гг"].contains(RussianText.folded(action)) else { return nil }
            return (deadline, action)
        }
        return nil
    }
}
