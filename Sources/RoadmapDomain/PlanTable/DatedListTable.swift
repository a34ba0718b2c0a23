import Foundation

/// A plan written as a list whose items open with their day or hour, no table and no
/// numbers: «8:30 - оргмомент, подготовка к празднику;», «11:30 – 12:30 игры, конкурсы»,
/// «27 апреля 2018 года на базе … будет проведен конкурс …». Read under a title naming a
/// plan or a programme («Программа праздника:», «План мероприятий, проводимых …») at most
/// five lines above the first item, or under a day named alone («Пятница 21 сентября»), when
/// two items or more follow. Inside the list a day named alone heads the items below it (a
/// section), and a line that names who answers for the item above it («Ответственные:
/// Дмитриев К.П.», «Проводят классные руководители.») is that item's executors; the first
/// other line that opens with no deadline ends the list («Приглашаем всех на праздник!»).
/// The table gets the header «Срок | Мероприятие | Ответственные» so that its columns are
/// read like any other.
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
        for start in lines.indices {
            let first: Int
            if namesAPlanOrProgramme(lines[start].text),
               let item = lines.indices.dropFirst(start + 1).prefix(8).first(where: { opens(lines[$0].text) }),
               // (a header's lines may come between; a numbered table's row numbers may not).
               !lines[(start + 1)..<item].contains(where: { CellRunTable.isRowNumber($0.text.trimmingCharacters(in: .whitespaces)) }) {
                first = item
            } else if day(heading: lines[start].text) != nil, lines.indices.contains(start + 1),
                      opening(lines[start + 1].text) != nil || numberedItem(lines[start + 1].text) != nil {
                first = start
            } else if meeting(lines[start].text) != nil,
                      lines.dropFirst(start + 1).prefix(6).contains(where: { numberedItem($0.text) != nil || detail($0.text) != nil }) {
                first = start
            } else {
                continue
            }
            var rows: [[String]] = []
            var items = 0
            var today: String?
            // The row of the day heading the lines below it, while only numbered items follow.
            var dayRow: Int?
            // Lines skipped up to here: a web page's own text between two items («Публикация …
            // размещена в разделах», «- Осень. Сценарии …»), in a list with no day headings.
            var skipUntil = first
            for (index, line) in lines[first...].enumerated() {
                if first + index < skipUntil { continue }
                let text = RussianText.collapsingWhitespace(line.text)
                if let meeting = meeting(text) {
                    // «Заседание №1 (сентябрь)»: the meeting is the action, on its month; its form,
                    // theme and questions below are its text.
                    rows.append([meeting.deadline, meeting.name, ""])
                    today = meeting.deadline
                    dayRow = rows.count - 1
                    items += 1
                } else if let row = dayRow, !rows[row][1].isEmpty, detail(text) != nil {
                    // Its theme names it: «Заседание №1: Организация системы …».
                    var lines = rows[row][1].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    if let theme = text.firstMatch(of: /^\s*(?i:тема)\s*:\s*(\S.*)$/), !lines[0].contains(":") {
                        lines[0] += ": " + theme.output.1
                        rows[row][1] = lines.joined(separator: "\n")
                    } else {
                        rows[row][1] += "\n" + text
                    }
                } else if let day = day(heading: text) {
                    rows.append([text, "", ""])
                    today = day
                    dayRow = rows.count - 1
                } else if let day = dayRow, let item = numberedItem(text) {
                    // «1 день (23 апреля)» then «1.Открытие лагеря …», «2.Игры на сплочение.»: the
                    // day's items are one action, on that day (as a day's cell of a table is).
                    if rows[day][1].isEmpty {
                        rows[day][0] = today ?? rows[day][0]
                        items += 1
                    }
                    rows[day][1] += (rows[day][1].isEmpty ? "" : "\n") + item
                    // «1.Изучение письма … (Корецкая Н.А.)»: who prepares the item answers for it too.
                    if let match = item.firstMatch(of: /\(([^()]{5,60})\)\.?$/), CellRunTable.namesOnlyPersons(String(match.output.1)) {
                        let person = String(match.output.1)
                        if !rows[day][2].contains(person) { rows[day][2] += (rows[day][2].isEmpty ? "" : ", ") + person }
                    }
                } else if let (deadline, action) = opening(line.text) {
                    dayRow = nil
                    let events = Self.events(in: action)
                    rows.append([deadline, events[0].action, ""])
                    for event in events.dropFirst() { rows.append([event.hours, event.action, ""]) }
                    items += events.count
                } else if let executors = responsible(text), let last = rows.indices.last, !rows[last][1].isEmpty {
                    rows[last][2] = rows[last][2].isEmpty ? executors : "\(rows[last][2]), \(executors)"
                } else if let today, text.first?.isUppercase == true, text.filter(\.isLetter).count >= 10,
                          Self.itemFollows(lines[(first + index + 1)...].map(\.text)) {
                    // «Уроки мужества (классные часы …);» between the hours of a day: on that day;
                    // «В течение дня уборка …»: all day long, as written.
                    let sentence = text.trimmingCharacters(in: CharacterSet(charactersIn: " ;."))
                    if let match = sentence.firstMatch(of: /^(?i:в течение (?:всего )?дня)\s+(.+)$/) {
                        rows.append([String(sentence[..<match.output.1.startIndex]).trimmingCharacters(in: .whitespaces), String(match.output.1), ""])
                    } else {
                        rows.append([today, sentence, ""])
                    }
                    items += 1
                } else if items > 0, today == nil, let next = lines.indices.dropFirst(first + index + 1).prefix(5).first(where: { opening(lines[$0].text) != nil }),
                          lines[(first + index)..<next].allSatisfy({ day(heading: $0.text) == nil }) {
                    skipUntil = next
                } else {
                    break
                }
            }
            // A day heading with nothing under it is no part of the list.
            while let last = rows.last, last[1].isEmpty { rows.removeLast() }
            guard items >= 2 else { continue }
            return (SourceTable(header: ["Срок", "Мероприятие", "Ответственные"], body: rows, at: lines[first].location), lines[first].paragraph)
        }
        return nil
    }

    /// «План мероприятий …», «Программа праздника:», «Расписание …», «Календарь».
    static func namesAPlanOrProgramme(_ text: String) -> Bool {
        guard !RussianText.isLonger(text, than: 200) else { return false }
        let folded = RussianText.folded(text.trimmingCharacters(in: .whitespaces))
        return NumberedListTable.namesAPlan(text) || folded.hasPrefix("программа") || folded.hasPrefix("расписание")
            || folded.hasPrefix("календарь") || folded.hasPrefix("календарный план")
            // «… в Средней школе № 21 планируется проведение следующих мероприятий:», «В рамках
            // недели пройдут мероприятия:»: a sentence that opens the list of events below it.
            || folded.hasSuffix(":") && folded.contains("мероприяти")
    }

    /// Whether an item of the list (or a day) comes within the next three lines, the lines
    /// before it sentences of their own (each opening with a capital).
    static func itemFollows(_ lines: [String]) -> Bool {
        for line in lines.prefix(3) {
            if opens(line) { return true }
            if line.first?.isUppercase != true { return false }
        }
        return false
    }

    /// Whether a line is an item of the list or a day heading one.
    static func opens(_ line: String) -> Bool {
        day(heading: line) != nil || opening(line) != nil
    }

    /// «Пятница 21 сентября», or «20 апреля «Ярцево – территория Добра»» (the day and its
    /// theme in quotes): a day heading the items below it, and the day it names; nil otherwise.
    static func day(heading line: String) -> String? {
        guard !RussianText.isLonger(line, than: 200) else { return nil }
        let text = RussianText.collapsingWhitespace(line)
        if PlanReading.namesADay(text) { return text }
        // «1 день (23 апреля)», «День 2 – 24 апреля»: a camp's day by its number, then its date.
        if let match = text.firstMatch(of: /^(?i:\d{1,2}(?:-?[йя])?\s+день|день\s+\d{1,2})\s*[.:,–—-]?\s*\(?([^()]{3,40}?)\)?\.?$/),
           PlanReading.namesADay(String(match.output.1)) {
            return String(match.output.1)
        }
        // The theme's quote closes where the line ends, or nowhere (the copy was cut in it).
        guard let quote = text.firstIndex(where: { $0 == "«" || $0 == "\"" }),
              text.last == "»" || text.last == "\"" || !text[quote...].contains("»") && text[quote...].filter({ $0 == "\"" }).count < 2
        else { return nil }
        let day = text[..<quote].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "–—-:,")))
        return PlanReading.namesADay(day) ? day : nil
    }

    /// «Заседание №1 (сентябрь)», «Педсовет № 2. Ноябрь»: a meeting by its number, then its
    /// month or day; or the month first, «СЕНТЯБРЬ. Заседание МО №1» (the body that meets, in
    /// capitals, may follow the word). The meeting («Заседание №1») and that deadline, nil for
    /// any other line.
    static func meeting(_ line: String) -> (name: String, deadline: String)? {
        guard !RussianText.isLonger(line, than: 80) else { return nil }
        let text = RussianText.collapsingWhitespace(line)
        if let match = text.wholeMatch(
            of: /((?i:заседание|совещание|педсовет|педагогический совет|семинар)\s*(?:№\s*)?\d{1,2})\s*[.:,–—-]?\s*\(?([^()]{3,40}?)\)?\.?/),
           FlattenedRowTable.readsAsDeadline(String(match.output.2)) {
            return (String(match.output.1), String(match.output.2))
        }
        if let match = text.wholeMatch(
            of: /([^.:,–—-]{3,40}?)\s*[.:,–—-]\s*((?i:заседание|совещание|педсовет|педагогический совет|семинар)(?:\s+\p{Lu}{2,6})?\s*(?:№\s*)?\d{1,2})\.?/),
           FlattenedRowTable.readsAsDeadline(String(match.output.1)) {
            return (String(match.output.2), String(match.output.1))
        }
        return nil
    }

    /// «Форма проведения: конференция идей», «Тема: …», «Цель: …», «Вопросы для обсуждения:»:
    /// a line of a meeting's description, nil for any other.
    static func detail(_ line: String) -> String? {
        guard !RussianText.isLonger(line, than: 400),
              line.firstMatch(of: /^\s*(?i:форма(?:\s+проведения)?|тема|цель|задачи|вопросы(?:\s+для\s+обсуждения)?|повестка(?:\s+дня)?|выход)\s*:/) != nil
        else { return nil }
        return line
    }

    /// «1.Открытие лагеря (разбивка на отряды)», «2. Мастер-классы.»: an item numbered under a
    /// day, without its number; nil for any other line (and for «1 сентября — …», a date).
    static func numberedItem(_ line: String) -> String? {
        guard !RussianText.isLonger(line, than: 300),
              let match = line.firstMatch(of: /^\s*\d{1,2}[.)]\s*(\p{Lu}.*)$/) else { return nil }
        let item = String(match.output.1).trimmingCharacters(in: CharacterSet(charactersIn: " ;"))
        return item.filter(\.isLetter).count >= 3 ? item : nil
    }

    /// «Ответственные: Дмитриев К.П., Дмитриева С.А.», «Ответственная Акимова Е.В.», «Отв.
    /// Петрова», «Проводят классные руководители и воспитатели.»: who answers for the item
    /// above, without the word that says so; nil for any other line.
    static func responsible(_ line: String) -> String? {
        guard !RussianText.isLonger(line, than: 300),
              let match = line.firstMatch(of: /^(?i:ответственн(?:ый|ая|ое|ые)|отв\.|проводит|проводят)\s*:?\s*(.+)$/) else { return nil }
        var names = String(match.output.1).trimmingCharacters(in: CharacterSet(charactersIn: " ;"))
        // The sentence's full stop goes, an initial's («Дмитриев К.П.») stays.
        if names.hasSuffix("."), let word = names.dropLast().split(whereSeparator: { !$0.isLetter }).last, word.count > 1 {
            names.removeLast()
        }
        return names.filter(\.isLetter).count >= 3 ? names : nil
    }

    /// «… торжественный педсовет. 10.00-14.00 — работа выставки …»: a day's line of several
    /// events, each after the first opening a sentence with its hours and a dash. The first
    /// event (its hours are the line's), then each other with its hours.
    static func events(in action: String) -> [(hours: String, action: String)] {
        let pattern = /[.;]\s+((?:с\s+)?\d{1,2}[.:]\d{2}(?:\s*[-–—]\s*\d{1,2}[.:]\d{2})?)\s+[-–—]\s+/
        var events: [(hours: String, action: String)] = []
        var rest = action[...]
        var hours = ""
        while let match = rest.firstMatch(of: pattern) {
            let text = rest[..<match.range.lowerBound].trimmingCharacters(in: .whitespaces)
            guard text.filter(\.isLetter).count >= 3 else { break }
            events.append((hours, text))
            hours = String(match.output.1)
            rest = rest[match.range.upperBound...]
        }
        events.append((hours, rest.trimmingCharacters(in: CharacterSet(charactersIn: " ;."))))
        return events
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
            // «9-00 – Открытие …»: an hour written with a dash.
            guard !deadline.isEmpty, PlanReading.isTimeOfDay(deadline) || deadline.wholeMatch(of: /\d{1,2}-(?:00|30)/) != nil
                    || FlattenedRowTable.readsAsDeadline(deadline) else { continue }
            // «- Осень. Сценарии осенних развлечений»: a bullet of a web page's list, no item
            // (an item's date or hour has digits).
            if let bullet = words.first, ["-", "–", "—", "•"].contains(bullet), !deadline.contains(where: \.isNumber) { return nil }
            let action = words[count...].joined(separator: " ").trimmingCharacters(in: marks.union(.whitespaces))
            // «с 23.04.2018 по 28.04.2018 г.»: a period alone, its «г.» no action.
            guard action.filter(\.isLetter).count >= 3, action.first.map({ !$0.isNumber }) ?? false,
                  !["года", "год", "гг"].contains(RussianText.folded(action)) else { return nil }
            return (deadline, action)
        }
        return nil
    }
}
