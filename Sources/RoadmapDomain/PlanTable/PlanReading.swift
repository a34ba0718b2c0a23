import Foundation

/// The state of reading one document's plan tables: goals found in the tables, actions with
/// their raw cells (a row cut by a page break is glued back before anything is parsed), and
/// the warnings for a person. `PlanDocumentParser` drives it.
struct PlanReading {
    /// A goal found in a table, with its task text still unsplit (it may go on after a break).
    struct PendingGoal {
        var title: String
        var tasksText = ""
        var hasTasks = false
        /// Tasks given as rows of their own («Задача 1.1. …»), after those of `tasksText`.
        var taskRows: [String] = []
        var direction: String?
        var expectedResult: String?
    }

    /// An action with its cells as read; `deadline` is set for partners' rows.
    struct PendingAction {
        var goal: Int?
        var cells: [PlanColumn: String]
        var location: SourceLocation
        var deadlineText: String
        var deadline: Deadline?
        var partners: [PartnerDraft] = []
        var recurrenceSource: String?
        var fromActionTable: Bool
        var section: String?
        /// The task row («Задача 1.1. …») the action stands under: its index in `taskRows`.
        var taskRow: Int?

        /// Whether its row gave it a deadline or executors.
        var isTimedOrAssigned: Bool { !(cells[.deadline] ?? "").isEmpty || !(cells[.executor] ?? "").isEmpty }
    }

    let file: String
    let context: DeadlineContext
    var pendingGoals: [PendingGoal] = []
    var actions: [PendingAction] = []
    var warnings: [ImportWarning] = []
    /// The section heading the rows read now stand under.
    var section: String?
    /// The task row the rows read now stand under.
    var taskRow: Int?
    /// The periods of the plan's stages («1 этап (подготовительный) | август 2016 г.»): not an
    /// action's, but the plan's, so they tell the year of «до 05 августа» below them.
    var stagePeriods: [String] = []

    init(file: String, context: DeadlineContext) {
        self.file = file
        self.context = context
    }

    var actionCount: Int { actions.count }


    // MARK: - Tables of actions

    mutating func readActions(_ table: SourceTable, layout: PlanTableLayout) {
        let firstKnown = layout.columns.keys.min()
        let deadlineColumn = layout.index(of: .deadline)
        let inheritsDeadline = deadlineColumn != nil && deadlineColumn == firstKnown
        // «Место и время», «Дата, время и место»: the column gives the place with the day.
        let withPlace = deadlineColumn.map { column in
            table.rows.indices.contains(layout.headerRow) && table.rows[layout.headerRow].indices.contains(column)
                && RussianText.folded(table.rows[layout.headerRow][column].text).contains("мест")
        } ?? false
        var structureColumns: Set<Int> = []
        var lastDeadline = ""
        // The last text of each column: what a cell merged down from it holds.
        var mergedAbove: [Int: String] = [:]
        var previousAction: Int?
        // «2. | Проведение всероссийских акций: | | Минкультуры, Минобразования» then rows with no
        // number («"Снежный десант" | январь - март 2020 года |»): the items of a group row. They
        // carry the group's words before their own and its executors or deadline where they
        // name none; the group row itself is no action once it has items.
        let numberColumn = layout.index(of: .number)
        var group: (index: Int, numbered: Bool, items: Int)?
        // A numbered row with neither deadline nor executor: a section if the next row's number
        // is under its own.
        var headingRow: (index: Int, number: String, written: String)?
        var sectionNumber: String?
        var grouped: Set<Int> = []
        let actionsBefore = actions.count
        func closeGroup() {
            if let open = group, open.items > 0 { grouped.insert(open.index) }
            group = nil
        }
        defer {
            closeGroup()
            if !grouped.isEmpty {
                actions = actions.enumerated().filter { !grouped.contains($0.offset) }.map(\.element)
            }
        }

        for (rowIndex, row) in table.rows.enumerated().dropFirst(layout.headerRow + 1) {
            // «2025 | 2026 | 2027» under «Сроки реализации»: the periods' headings.
            if rowIndex == layout.periodRow { continue }
            // «1 | 2 | 3 | 4» under the header numbers the columns, not an action.
            if Self.isColumnNumbering(row) { continue }
            // The header again, at the top of the next page of a PDF or of a second table pasted
            // under the first: not an action «Наименование мероприятия» due «Срок исполнения».
            if Self.repeatsHeader(row, header: table.rows[layout.headerRow], layout: layout) { continue }
            let row = Self.withoutItsNumberCell(row, layout: layout) ?? Self.withoutItsDeadlineCell(row, layout: layout) ?? row
            var cells: [PlanColumn: String] = [:]
            var structure: [String] = []
            for (column, cell) in row.enumerated() {
                // «Руководители ОО» merged down the rows it serves: each of them names it.
                if cell.text.isEmpty, cell.mergedFromAbove, let kind = layout.columns[column],
                   Self.sharedWhenMerged.contains(kind), let above = mergedAbove[column] {
                    cells[kind] = above
                }
                guard !cell.text.isEmpty else { continue }
                mergedAbove[column] = cell.text
                if let kind = layout.columns[column] {
                    cells[kind] = cell.text
                } else if structureColumns.contains(column) || Self.hasGoalMarker(cell.text) {
                    structureColumns.insert(column)
                    structure.append(cell.text)
                }
            }
            // «Соисполнители»: their names join the executors.
            for column in layout.moreExecutorColumns where row.indices.contains(column) && !row[column].text.isEmpty {
                cells[.executor] = cells[.executor].map { $0 + ";\n" + row[column].text } ?? row[column].text
            }
            // A goal row merged across the whole table lands in the action column.
            if let action = cells[.action], Self.hasGoalMarker(action), cells.count == 1 {
                structure.append(action)
                cells[.action] = nil
            }
            // «Цель | Задачи | Мероприятия | …»: a goal merged down the rows that serve it, left
            // of the actions (a «Цель мероприятия» right of them is each action's own aim).
            if let goalColumn = layout.index(of: .purpose), let actionColumn = layout.index(of: .action), goalColumn < actionColumn {
                if let title = cells.removeValue(forKey: .purpose).map(RussianText.collapsingWhitespace), !title.isEmpty {
                    pendingGoals.append(PendingGoal(title: title))
                    taskRow = nil
                    previousAction = nil
                    closeGroup()
                }
            }
            // «Работа с педагогами» in the column of directions, «Повышение квалификации» in
            // that of tasks: merged cells that head the rows beside them (their continuations
            // are empty).
            if let title = cells.removeValue(forKey: .group).map(RussianText.collapsingWhitespace), !title.isEmpty {
                section = title
                sectionNumber = nil
                previousAction = nil
                closeGroup()
            }
            if let title = cells.removeValue(forKey: .task).map(RussianText.collapsingWhitespace), !title.isEmpty {
                if pendingGoals.isEmpty { pendingGoals.append(PendingGoal(title: "")) }
                pendingGoals[pendingGoals.count - 1].taskRows.append(title)
                taskRow = pendingGoals[pendingGoals.count - 1].taskRows.count - 1
                previousAction = nil
                closeGroup()
            }
            let structureText = structure.joined(separator: " ")
            let hasMarker = Self.hasGoalMarker(structureText)
            if hasMarker {
                readStructure(structureText)
            } else if !structureText.isEmpty {
                continueStructure(structureText)
            }

            let namesNoDeadlineOrExecutor = (cells[.deadline] ?? "").isEmpty && (cells[.executor] ?? "").isEmpty
            let labelled = namesNoDeadlineOrExecutor ? cells[.action].flatMap(Self.labelledGoalOrTask) : nil
            if !hasMarker, structureText.isEmpty, let numbered = Self.numberedGoalOrTask(row) ?? labelled {
                // «Цель 1. …», «Задача 1.1. …» across the table; «1. | Цель: …», «1.1. | Задача:
                // …» in the actions' column beside their numbers, with no deadline or executor.
                if numbered.isGoal {
                    pendingGoals.append(PendingGoal(title: numbered.title))
                    taskRow = nil
                } else {
                    if pendingGoals.isEmpty { pendingGoals.append(PendingGoal(title: "")) }
                    pendingGoals[pendingGoals.count - 1].taskRows.append(numbered.title)
                    taskRow = pendingGoals[pendingGoals.count - 1].taskRows.count - 1
                }
                previousAction = nil
                closeGroup()
                continue
            }
            if !hasMarker, structureText.isEmpty, let stage = Self.stageAlone(row) {
                // «2 этап (практический): сентябрь – декабрь 2016 г.» alone in its row: a stage
                // of the plan and its period, the rows below done in it.
                section = stage.title
                if let period = stage.period { stagePeriods.append(period) }
                sectionNumber = nil
                headingRow = nil
                previousAction = nil
                closeGroup()
                continue
            }
            if !hasMarker, structureText.isEmpty,
               let heading = Self.sectionHeading(row) ?? Self.textInTheNumberColumn(row, layout: layout) ?? Self.rowOfOneCell(row, layout: layout)
                ?? Self.headingAcrossTheRest(row, layout: layout) {
                // «I. Нормативно-правовое обеспечение» across the table: the rows below stand in it.
                section = heading
                sectionNumber = nil
                previousAction = nil
                closeGroup()
                continue
            }
            if let column = numberColumn, row.indices.contains(column), Self.isRomanNumber(row[column].text),
               let title = cells[.action], !title.isEmpty, (cells[.deadline] ?? "").isEmpty, (cells[.executor] ?? "").isEmpty {
                // «I. | Нормативно-правовое обеспечение | | »: a part of the plan numbered apart
                // from its rows («1.1», «1.2»), not an action.
                section = "\(row[column].text.trimmingCharacters(in: .whitespaces)) \(title)"
                sectionNumber = nil
                headingRow = nil
                previousAction = nil
                closeGroup()
                continue
            }
            if let title = cells[.action], (cells[.deadline] ?? "").isEmpty, (cells[.executor] ?? "").isEmpty,
               title.split(separator: " ").count <= 2, FlattenedRowTable.readsAsDeadline(title) {
                // «1 | Сентябрь | »: a month where the action stands and nothing else, the month
                // the rows below fall in (or a row that lost its action), never an action.
                section = RussianText.collapsingWhitespace(title)
                sectionNumber = nil
                headingRow = nil
                previousAction = nil
                closeGroup()
                continue
            }
            if let title = cells[.action], (cells[.executor] ?? "").isEmpty, Self.namesAStage(title) {
                // «1 этап (подготовительный) | август 2016 г.»: a stage of the plan and its
                // period, the rows below done in it; its period stays in its title.
                let period = RussianText.collapsingWhitespace(cells[.deadline] ?? "")
                section = RussianText.collapsingWhitespace(title) + (period.isEmpty ? "" : ": \(period)")
                if !period.isEmpty { stagePeriods.append(period) }
                sectionNumber = nil
                headingRow = nil
                previousAction = nil
                closeGroup()
                continue
            }
            if let title = Self.headingOverTheActions(cells, row: row, layout: layout),
               actions.count == actionsBefore
                || Self.isShortHeading(cells[.action] ?? "") && previousAction.map({ actions[$0].isTimedOrAssigned }) == true,
               Self.nextRowIsTimedOrAssigned(table, after: rowIndex, layout: layout) {
                // «Организационные мероприятия | | » where no row numbers tell it apart, under
                // the header before any action (nothing above it shares a merged deadline with
                // it), or short and no sentence between two rows with deadlines of their own (a
                // deadline merged down two rows and more leaves two such rows together): it
                // heads the rows below.
                section = title
                sectionNumber = nil
                headingRow = nil
                previousAction = nil
                closeGroup()
                continue
            }
            let action = cells[.action] ?? ""
            let deadlineCell = deadlineColumn.map { row.indices.contains($0) ? row[$0] : nil } ?? nil
            let deadlineEmpty = (cells[.deadline] ?? "").isEmpty
            let unnumbered = numberColumn.map { !row.indices.contains($0) || row[$0].text.isEmpty } ?? true
            if let previous = previousAction, deadlineEmpty, !hasMarker,
               action.isEmpty || action.first?.isLowercase == true || unnumbered && Self.opensWithBullet(action),
               !(deadlineCell?.mergedFromAbove ?? false)
            {
                // The rest of the row above, after a page break (a list of its items, each
                // behind its marker, too).
                for (kind, text) in cells {
                    let separator = kind == .action || kind == .result || kind == .venue ? " " : "\n"
                    let before = actions[previous].cells[kind] ?? ""
                    actions[previous].cells[kind] = before.isEmpty ? text : before + separator + text
                }
                continue
            }
            guard !action.isEmpty else {
                if !cells.isEmpty {
                    let location = row.first { !$0.text.isEmpty }?.location ?? SourceLocation()
                    warnings.append(ImportWarning(.rowWithoutAction, file: file, location: location))
                }
                continue
            }
            let numbered = numberColumn.map { row.indices.contains($0) && !row[$0].text.isEmpty } ?? false
            let number = numberColumn.flatMap { row.indices.contains($0) ? Self.numberKey(row[$0].text) : nil }
            if let number, let heading = headingRow, heading.index == actions.count - 1, number.hasPrefix(heading.number + ".") {
                // «1. | Организационные мероприятия | | » then «1.1. | Семинар | март | …»: the bare
                // row above numbers a part of the plan, not an action.
                let title = actions[heading.index].cells[.action] ?? ""
                actions.removeLast()
                if group?.index == heading.index { group = nil }
                section = "\(heading.written) \(title)"
                sectionNumber = heading.number
                previousAction = nil
            } else if let number, let under = sectionNumber, !number.hasPrefix(under + ".") {
                // «2. | Мониторинг | …» after the rows «1.1», «1.2» of section «1.»: out of it.
                section = nil
                sectionNumber = nil
            }
            headingRow = nil
            if let open = group {
                let parent = actions[open.index].cells
                let namesNoExecutor = (cells[.executor] ?? "").isEmpty && !(parent[.executor] ?? "").isEmpty
                if open.numbered ? !numbered : (namesNoExecutor && !deadlineEmpty) {
                    cells[.action] = (parent[.action] ?? "") + " " + action
                    for kind in [PlanColumn.executor, .deadline, .result] where (cells[kind] ?? "").isEmpty {
                        cells[kind] = parent[kind]
                    }
                    group?.items += 1
                } else {
                    closeGroup()
                }
            }
            var deadlineText = cells[.deadline] ?? ""
            if !withPlace, let (day, theme) = Self.dayAndTheme(deadlineText) {
                // «27 марта» / «День безопасности»: the day, and the theme of what is done on it.
                deadlineText = day
                cells[.action] = "\(theme): \(action)"
            }
            if deadlineText.isEmpty, !layout.periodColumns.isEmpty {
                deadlineText = Self.markedPeriods(row, layout.periodColumns)
            }
            if deadlineText.isEmpty, let venue = cells[.venue], !RussianText.isLonger(venue, than: 40),
               CellRunTable.looksLikeDeadline(venue) {
                // «| | Оформление выставки | в течение недели | | Николаева Л.В.»: the date's cell
                // empty, the time written where the place is.
                deadlineText = venue
                cells[.venue] = nil
            }
            let end = layout.endColumn.flatMap { row.indices.contains($0) ? row[$0].text.trimmingCharacters(in: .whitespacesAndNewlines) : nil } ?? ""
            let hour = !end.isEmpty && Self.opensWithTimeOfDay(end)
            if deadlineText.isEmpty, end.isEmpty || hour, inheritsDeadline || (deadlineCell?.mergedFromAbove ?? false) {
                deadlineText = lastDeadline
            }
            let day = deadlineText
            if !end.isEmpty, end != deadlineText {
                // «20.03.2008 | 30.12.2008» under «Начало | Окончание»: one period. «19.02.2020 |
                // 10.00» under «Дата | Время проведения»: the hour on that day.
                deadlineText = deadlineText.isEmpty ? end : "\(deadlineText)\(hour ? ", " : " – ")\(end)"
            }
            // «11.00» under the section «27 марта»: the time on that day (when the year is known:
            // a day without one is left as the cell wrote it). «8.00-8.05 – холл школы» too: the
            // hour, then where.
            if Self.opensWithTimeOfDay(deadlineText), let day = section.flatMap(Self.headingDay),
               context != .none || day.firstMatch(of: Self.fourDigits.regex) != nil {
                deadlineText = "\(day), \(deadlineText)"
            }
            // «1-10» under the section «ЯНВАРЬ» («СЕНТЯБРЬ 2022 г»): days of that month, in the
            // year the section names (else the plan's).
            if let days = deadlineText.wholeMatch(of: Self.daysAlone.regex), let month = section.flatMap(Self.monthOfHeading) {
                deadlineText = "\(days.output.1) \(DeadlinePoint.genitiveMonths[month.month - 1])" + (month.year.map { " \($0) г." } ?? "")
            }
            // A row under a merged date takes the date, not the hour of the row above.
            if !deadlineText.isEmpty { lastDeadline = hour ? day : deadlineText }
            let location = layout.index(of: .action).flatMap { row.indices.contains($0) ? row[$0].location : nil }
                ?? SourceLocation()
            actions.append(PendingAction(
                goal: pendingGoals.isEmpty ? nil : pendingGoals.count - 1, cells: cells, location: location,
                deadlineText: deadlineText, fromActionTable: true, section: section, taskRow: taskRow))
            previousAction = actions.count - 1
            if group == nil, action.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(":") {
                group = (actions.count - 1, numbered, 0)
            }
            if let number, let column = numberColumn, deadlineText.isEmpty, (cells[.executor] ?? "").isEmpty {
                headingRow = (actions.count - 1, number, row[column].text.trimmingCharacters(in: .whitespaces))
            }
        }
    }

    /// The deadline a row gives under columns of periods: «2025, 2026, 2027» for marks («+»,
    /// «х») in three years (an occurrence in each: the plan means work done in every period it
    /// marks), «сентябрь, январь» under months, «I квартал 2025» for what it writes under a
    /// year; empty when it marks none.
    static func markedPeriods(_ row: [SourceCell], _ periods: [Int: String]) -> String {
        let marks: Set<String> = ["+", "х", "x", "v", "✓", "✔", "*", "•", "●", "да", "√"]
        var written: [String] = []
        for (column, heading) in periods.sorted(by: { $0.key < $1.key }) where row.indices.contains(column) {
            let text = RussianText.collapsingWhitespace(row[column].text)
            let folded = RussianText.folded(text)
            guard !text.isEmpty, !["-", "–", "—", "0", "нет"].contains(folded) else { continue }
            if marks.contains(folded) || PlanTableLayout.year(named: heading) == nil && !FlattenedRowTable.readsAsDeadline(text) {
                written.append(heading)
            } else if PlanTableLayout.year(named: heading) == nil || text.contains(heading) {
                written.append(text)
            } else {
                written.append("\(text) \(heading)")
            }
        }
        return written.joined(separator: ", ")
    }

    /// Columns whose cell merged over several rows belongs to each of them (a deadline's is
    /// read apart; a merged direction, task or goal heads the rows beside it instead).
    static let sharedWhenMerged: Set<PlanColumn> = [.executor, .result, .venue, .partner, .participants, .forms, .effect]

    /// «I», «II.», «IV»: a Roman number, as plans number their parts.
    static func isRomanNumber(_ text: String) -> Bool {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        // Cyrillic «І» and «Х» stand in for Latin ones in some copies.
        let latin = trimmed.replacingOccurrences(of: "І", with: "I").replacingMatches(of: "Х", with: "X")
        return !latin.isEmpty && latin.count <= 5 && latin.allSatisfy { "IVX".contains($0) }
    }

    /// «• Интерактивная доска;»: an item of a list, behind its marker.
    static func opensWithBullet(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return "•●▪◦·\u{F0B7}".contains(first)
    }

    /// A row number without its last dot («1.2.» → «1.2»), nil when the text is no number.
    static func numberKey(_ text: String) -> String? {
        var key = text.trimmingCharacters(in: .whitespaces)
        while key.hasSuffix(".") { key.removeLast() }
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }) else { return nil }
        return key
    }

    /// Whether the row names the columns again: two known columns or more, each filled cell of
    /// them a heading of the column it stands in («Сроки» under «Срок исполнения» too), and
    /// either «№ п/п» where rows have their number or the header's very words. An action
    /// «Работа с родителями | В течение месяца | Ответственный за ВР» reads like headings too,
    /// but has a number, or other words than the header.
    static func repeatsHeader(_ row: [SourceCell], header: [SourceCell], layout: PlanTableLayout) -> Bool {
        let named = row.enumerated().filter { !$0.element.text.isEmpty && layout.columns[$0.offset] != nil }
        guard named.count >= 2, named.allSatisfy({ PlanColumn(header: $0.element.text) == layout.columns[$0.offset] }) else { return false }
        if let number = layout.index(of: .number), row.indices.contains(number), !row[number].text.isEmpty {
            return PlanColumn(header: row[number].text) == .number
        }
        func words(_ text: String) -> String { RussianText.folded(RussianText.collapsingWhitespace(text)) }
        return named.allSatisfy { header.indices.contains($0.offset) && words(header[$0.offset].text) == words($0.element.text) }
    }

    /// Whether the row only numbers the columns: «1 | 2 | 3 | 4», two numbers or more, each one
    /// more than the one before.
    static func isColumnNumbering(_ row: [SourceCell]) -> Bool {
        var numbers: [Int] = []
        for cell in row {
            // A row of actions has cells of thousands of characters: the first one longer than
            // a number settles it, before anything copies or trims it.
            let start = cell.text.drop(while: \.isWhitespace)
            guard !start.isEmpty else { continue }
            guard !RussianText.isLonger(start, than: 64) else { return false }
            let written = start.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let number = Int(written.hasSuffix(".") ? String(written.dropLast()) : written) else { return false }
            numbers.append(number)
        }
        guard numbers.count >= 2, let first = numbers.first else { return false }
        return numbers.enumerated().allSatisfy { $0.element == first + $0.offset }
    }

    /// The title of a section row: one text alone in the row («I. Нормативно-правовое
    /// обеспечение», «Раздел 2. Работа с педагогами», «1. Организационное обеспечение»), a
    /// numbered heading of two words or more that starts with a capital; nil for any other row.
    static func sectionHeading(_ row: [SourceCell]) -> String? {
        let texts = row.map(\.text).filter { !$0.isEmpty }
        guard let text = texts.first, !RussianText.isLonger(text, than: 300), texts.allSatisfy({ $0 == text }) else { return nil }
        let line = RussianText.collapsingWhitespace(text)
        // «ПРОФИЛАКТИЧЕСКАЯ РАБОТА» alone across the table, maybe explained in brackets
        // («МЕРОПРИЯТИЯ НА БАЗЕ ОУ (т.е. проводимые …)»).
        let letters = line.prefix { $0 != "(" }.filter(\.isLetter)
        if letters.count >= 6, letters.allSatisfy(\.isUppercase), line.count <= 120 { return line }
        // «Модуль «Урочная деятельность»» (maybe with a note in brackets): the federal template
        // of a school's calendar plan groups its rows by modules.
        if Self.namesAModule(line) { return line }
        // «Январь», «Сентябрь 2025 г.», «II четверть» alone across the table: a plan kept by
        // months or terms, each heading the rows done in it.
        if Self.namesAPeriod(line) { return line }
        // «20 апреля «Ярцево – территория Добра»» alone across the table: a day and its theme.
        // «26 августа 2020 г. Учебно-методический сбор факультета»: a day and what it holds.
        if line.first?.isNumber == true, Self.headingDay(line) != nil { return line }
        guard let match = line.firstMatch(of: Self.sectionHeading.regex) else {
            return nil
        }
        // «1 Приказ о подготовке …» with the other cells empty is an action whose row was cut.
        guard !match.output.1.isEmpty, line.first?.isLetter == true || line.contains(".") || line.contains(")") else { return nil }
        return goalTitle(line)
    }

    /// The month (1–12) and maybe the year of a heading across the table that names one month
    /// alone: «ЯНВАРЬ», «Сентябрь 2022 г», «НОЯБРЬ 2022»; nil for any other line.
    static func monthOfHeading(_ line: String) -> (month: Int, year: Int?)? {
        let folded = RussianText.folded(RussianText.collapsingWhitespace(line))
        guard !RussianText.isLonger(folded, than: 30),
              let match = folded.wholeMatch(of: Self.monthAlone.regex),
              let month = DeadlinePoint.months.firstIndex(of: String(match.output.1)) else { return nil }
        return (month + 1, match.output.2.flatMap { Int($0) })
    }

    /// The day a heading across the table names: alone («27 марта»), before its theme in
    /// quotes (`DatedListTable.day(heading:)`), or before what it holds, opening with a capital
    /// («26 августа 2020 г. Учебно-методический сбор факультета» gives «26 августа 2020 г.»);
    /// nil for any other line.
    static func headingDay(_ line: String) -> String? {
        if let day = DatedListTable.day(heading: line) { return day }
        guard !RussianText.isLonger(line, than: 200),
              let match = RussianText.collapsingWhitespace(line).firstMatch(of: Self.dayThenCapital.regex) else { return nil }
        let day = String(match.output.1)
        return namesADay(day) ? day : nil
    }

    /// «Модуль «Урочная деятельность»», «Вариативный модуль «Экскурсии»»: a module of a school's
    /// calendar plan on the federal template, never a row's text («модульное обучение»).
    static func namesAModule(_ line: String) -> Bool {
        line.firstMatch(of: Self.moduleHeading.regex) != nil
    }

    /// «Январь», «Сентябрь – октябрь 2025 года», «II четверть», «1 полугодие»: a month or a
    /// school term named alone.
    static func namesAPeriod(_ line: String) -> Bool {
        let folded = RussianText.folded(line)
        guard folded.count <= 40 else { return false }
        let month = "(?:январ[ья]|феврал[ья]|март|марта|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|август|августа|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])"
        let term = "(?:[1-4]|i{1,3}|iv)\\s*-?(?:я|й|ое)?\\s*(?:четверть|полугодие|триместр)"
        let year = "(?:\\s+\\d{4}(?:\\s*г(?:ода|\\.)?)?)?"
        let pattern = "^(?:\(month)(?:\\s*[-–—]\\s*\(month))?|\(term))\(year)\\.?$"
        return folded.rangeOfMatch(pattern) != nil || namesADay(line)
    }

    /// «1 этап (подготовительный)», «I этап», «Этап 2. Практический», «Заключительный этап»: a
    /// stage of the plan named alone, maybe with its name in brackets or after a colon or a
    /// dot; never «I этап республиканского фестиваля …», an action.
    static func namesAStage(_ text: String) -> Bool {
        let folded = RussianText.folded(RussianText.collapsingWhitespace(text))
        guard folded.count <= 60 else { return false }
        let number = "(?:\\d{1,2}|[ivx]{1,4})"
        let kind = "(?:подготовительн|организационн|основн|практическ|аналитическ|заключительн|итогов|обобщающ|внедренческ|"
            + "диагностическ|констатирующ|формирующ|контрольн|рефлексивн|проектировочн|поисков|информационн)[а-я]*"
        let stage = "(?:\(number)\\s*(?:-?(?:й|ый|ой))?\\s+этап|этап\\s+\(number)|\(kind)(?:[-–]\(kind))?\\s+этап)"
        let name = "(?:\\s*\\([^()]{1,40}\\)|\\s*[.:–—-]\\s*[а-я]+(?:[- ][а-я]+){0,2})?"
        return folded.rangeOfMatch("^\(stage)\\.?\(name)\\.?$") != nil
    }

    /// The one text of a row that names a stage of the plan, alone or with its period after a
    /// colon («1 этап (подготовительный)», «2 этап (практический): сентябрь – декабрь 2016
    /// г.»), as the title of the section it opens and that period; nil for any other row.
    static func stageAlone(_ row: [SourceCell]) -> (title: String, period: String?)? {
        let texts = row.map(\.text).filter { !$0.isEmpty }
        guard let text = texts.first, texts.allSatisfy({ $0 == text }), !RussianText.isLonger(text, than: 200) else { return nil }
        let line = RussianText.collapsingWhitespace(text)
        if namesAStage(line) { return (goalTitle(line), nil) }
        guard let colon = line.range(of: ": "), CellRunTable.headsAStage(line) else { return nil }
        return (line, String(line[colon.upperBound...]).trimmingCharacters(in: .whitespaces))
    }

    /// «27 марта», «Понедельник, 27 марта 2023 г.», «27.03.2023»: one day named alone (a plan
    /// for the holidays, a day a section).
    static func namesADay(_ line: String) -> Bool {
        let folded = RussianText.folded(line)
        guard folded.count <= 40 else { return false }
        let weekday = "(?:(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\\s*,?\\s*)?"
        let month = "(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
        let pattern = "^\(weekday)(?:\\d{1,2}\\s+\(month)(?:\\s+\\d{4}(?:\\s*г(?:ода|\\.)?)?)?|\\d{1,2}\\.\\d{1,2}\\.(?:\\d{2}|\\d{4})(?:\\s*г\\.?)?)$"
        return folded.rangeOfMatch(pattern) != nil
    }

    /// «27 марта» / «День безопасности» in a day's cell: the day, then the day's theme (a line
    /// or two that start with a capital, hold no digit and read as no deadline: «сентябрь» /
    /// «декабрь» and «до 26.02.2024» / «в процессе акции» stay one deadline); nil otherwise.
    static func dayAndTheme(_ cell: String) -> (day: String, theme: String)? {
        // «03.06. Беларусь гостиная»: a day in figures, then the theme on the same line.
        if !cell.contains("\n"), !RussianText.isLonger(cell, than: 80),
           let match = cell.firstMatch(of: Self.dayThenTheme.regex),
           !CellRunTable.looksLikeDeadline(String(match.output.2)) {
            return (String(match.output.1), String(match.output.2).trimmingCharacters(in: .whitespaces))
        }
        guard cell.contains("\n"), !RussianText.isLonger(cell, than: 400) else { return nil }
        let lines = cell.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let named = dayAndNamedDay(lines) { return named }
        guard !RussianText.isLonger(cell, than: 80) else { return nil }
        guard (2...3).contains(lines.count), FlattenedRowTable.readsAsDeadline(lines[0]),
              !lines.dropFirst().contains(where: { $0.contains(where: \.isNumber) || CellRunTable.looksLikeDeadline($0) }),
              lines[1].first?.isUppercase == true else { return nil }
        return (lines[0], lines.dropFirst().joined(separator: " "))
    }

    /// «01.06.» / ««Здравствуй,» / «лагерь!»» / «девиз дня «…»»: a camp's day in figures, then
    /// its name and motto over several lines (numbers allowed, «врубаем 220!», but no date and
    /// nothing that reads as a deadline); nil otherwise. `lines`: the cell's non-empty lines, of
    /// a cell no longer than 400 characters.
    static func dayAndNamedDay(_ lines: [String]) -> (day: String, theme: String)? {
        guard lines.count >= 2, lines.count <= 8,
              lines[0].wholeMatch(of: Self.dayInFigures.regex) != nil,
              let opening = lines[1].first, opening.isUppercase || "«\"„".contains(opening),
              lines.dropFirst().contains(where: { RussianText.folded($0).hasPrefix("девиз") }),
              !lines.dropFirst().contains(where: { $0.firstMatch(of: Self.dateInside.regex) != nil || CellRunTable.looksLikeDeadline($0) })
        else { return nil }
        return (lines[0], lines.dropFirst().joined(separator: " "))
    }

    /// «01.06.», «1.06», «01.06.2022»: one day in figures.
    static let dayInFigures = SharedRegex(/\d{1,2}\.\d{1,2}\.?(?:\d{2}(?:\d{2})?)?/)
    /// «до 05.06», «5 июня», «5-го»: a date somewhere in a line.
    static let dateInside = SharedRegex(/\d{1,2}\.\d{1,2}|\d\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)/)

    /// «11.00», or «8.00-8.05 – холл школы», «12.00, актовый зал»: a time of day, maybe
    /// followed by the place, no day.
    static func opensWithTimeOfDay(_ text: String) -> Bool {
        if isTimeOfDay(text) { return true }
        guard !RussianText.isLonger(text, than: 200),
              let end = [" – ", " - ", " — ", ", "].compactMap({ text.range(of: $0)?.lowerBound }).min() else { return false }
        return isTimeOfDay(String(text[..<end]))
    }

    /// «11.00», «9.00-14.00», «10:30»: a time of day, no day.
    static func isTimeOfDay(_ text: String) -> Bool {
        // «09.00 – 10.30 ч.» and its kin are short; a long cell is not one, whatever its spaces.
        guard !RussianText.isLonger(text.trimmingPrefix(while: \.isWhitespace), than: 64) else { return false }
        return text.trimmingCharacters(in: .whitespaces)
            .wholeMatch(of: Self.timeOfDay.regex) != nil
    }

    /// «Первенство области по баскетболу | Февраль, пгт. Верх-Чебула | 100 | ДЮСШ | » under
    /// «№ | Наименование | Сроки | Участники | Организация»: a row whose copy lost its number's
    /// cell, each text a column to the left and an empty cell at the end. Put back in place
    /// when the text under «№» is no number and the one left of the deadline's column reads
    /// as a deadline; nil otherwise.
    static func withoutItsNumberCell(_ row: [SourceCell], layout: PlanTableLayout) -> [SourceCell]? {
        guard layout.index(of: .number) == 0, layout.index(of: .action) == 1, let deadline = layout.index(of: .deadline),
              deadline >= 2, row.count >= 3, row.indices.contains(deadline), row[row.count - 1].text.isEmpty,
              row.filter({ !$0.text.isEmpty }).count >= 2 else { return nil }
        let first = RussianText.collapsingWhitespace(row[0].text)
        guard !CellRunTable.isRowNumber(first), first.filter(\.isLetter).count >= 3,
              !CellRunTable.looksLikeDeadline(row[deadline].text),
              CellRunTable.looksLikeDeadline(row[deadline - 1].text) else { return nil }
        var number = row[0]
        number.text = ""
        return [number] + row.dropLast()
    }

    /// «1 | Издание приказов … | Директор, Зам.УВР Каримов К.А. | приказы | |» under «№ |
    /// Мероприятия | Сроки | Ответственные | Форма завершения»: a row whose copy lost its
    /// empty deadline's cell, each text after it a column to the left and an empty cell at the
    /// end. Put back in place (the deadline left empty, for a person to fill) when the text
    /// under the deadline names persons or posts and reads as no deadline, the executors'
    /// column comes next and its text names nobody; nil otherwise.
    static func withoutItsDeadlineCell(_ row: [SourceCell], layout: PlanTableLayout) -> [SourceCell]? {
        guard let deadline = layout.index(of: .deadline), layout.index(of: .executor) == deadline + 1,
              row.count >= deadline + 3, row[row.count - 1].text.isEmpty else { return nil }
        let moved = RussianText.collapsingWhitespace(row[deadline].text)
        let next = RussianText.collapsingWhitespace(row[deadline + 1].text)
        guard !moved.isEmpty, !next.isEmpty, !CellRunTable.looksLikeDeadline(moved), !CellRunTable.looksLikeDeadline(next),
              ExecutorList.split(moved).allSatisfy({ Executor.kind(of: $0) == .personRole }),
              ExecutorList.split(next).allSatisfy({ Executor.kind(of: $0) == .other }) else { return nil }
        var blank = row[deadline]
        blank.text = ""
        return Array(row[..<deadline]) + [blank] + Array(row[deadline...].dropLast())
    }

    /// The title of a row whose only text is its action's (no time, place or class beside it),
    /// unnumbered (the table numbers no rows, or not this one), short and opening like a
    /// heading; nil for any other row.
    static func headingOverTheActions(_ cells: [PlanColumn: String], row: [SourceCell], layout: PlanTableLayout) -> String? {
        guard cells.count == 1, let title = cells[.action], !RussianText.isLonger(title, than: 200),
              row.filter({ !$0.text.isEmpty }).count == 1 else { return nil }
        if let number = layout.index(of: .number), row.indices.contains(number), !row[number].text.isEmpty { return nil }
        let text = RussianText.collapsingWhitespace(title)
        guard text.filter(\.isLetter).count >= 3, let first = text.first,
              first.isUppercase || first.isNumber || "«\"".contains(first) else { return nil }
        return goalTitle(text)
    }

    /// Whether a row's text is short enough for a heading and ends as no sentence or list does
    /// (a final «г.» of a year is no sentence's end: «2 этап: сентябрь – декабрь 2016 г.»).
    static func isShortHeading(_ text: String) -> Bool {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !RussianText.isLonger(text, than: 100), !text.hasSuffix(";"), !text.hasSuffix(":") else { return false }
        guard text.hasSuffix(".") else { return true }
        let lastWord = text.split(whereSeparator: \.isWhitespace).last ?? ""
        return lastWord.filter(\.isLetter).count <= 2
    }

    /// Whether the first row after `index` with any text has a deadline or executors of its own.
    static func nextRowIsTimedOrAssigned(_ table: SourceTable, after index: Int, layout: PlanTableLayout) -> Bool {
        let columns = [layout.index(of: .deadline), layout.index(of: .executor)].compactMap { $0 }
        guard let next = table.rows[(index + 1)...].first(where: { $0.contains { !$0.text.isEmpty } }) else { return false }
        return columns.contains { next.indices.contains($0) && !next[$0].text.isEmpty }
    }

    /// A row of one cell under a header of three columns or more, as a copy rebuilt from its
    /// lines gives a row spanning the table («Школьные и классные мероприятия»): a section.
    static func rowOfOneCell(_ row: [SourceCell], layout: PlanTableLayout) -> String? {
        guard row.count == 1, layout.columns.count >= 3, !RussianText.isLonger(row[0].text, than: 200) else { return nil }
        let text = RussianText.collapsingWhitespace(row[0].text)
        guard text.filter(\.isLetter).count >= 3, let first = text.first, first.isUppercase || "«\"".contains(first) else { return nil }
        return goalTitle(text)
    }

    /// A row whose only text is its action's cell merged across every column right of it, its
    /// deadline's and executors' too, beside a number and a direction merged down from above
    /// (or starting on this row): a heading of the rows below it within their direction («Работа с педагогами» | «1.1.
    /// Производственное совещание» over «Мероприятия», «Время проведения», «Ответственные»).
    static func headingAcrossTheRest(_ row: [SourceCell], layout: PlanTableLayout) -> String? {
        guard let action = layout.index(of: .action), row.indices.contains(action), action + 1 < row.count,
              row[(action + 1)...].allSatisfy({ $0.mergedFromLeft && $0.text.isEmpty }),
              row[..<action].indices.allSatisfy({ row[$0].text.isEmpty || [.number, .group].contains(layout.columns[$0]) }),
              layout.index(of: .deadline).map({ $0 > action }) == true || layout.index(of: .executor).map({ $0 > action }) == true
        else { return nil }
        let text = RussianText.collapsingWhitespace(row[action].text)
        guard text.filter(\.isLetter).count >= 3, !RussianText.isLonger(text, than: 200) else { return nil }
        return goalTitle(text)
    }

    /// A row whose only text stands where the row numbers do and is none: a section merged
    /// across the table («Общие собрания попечительского совета»).
    static func textInTheNumberColumn(_ row: [SourceCell], layout: PlanTableLayout) -> String? {
        guard let number = layout.index(of: .number), row.indices.contains(number) else { return nil }
        let filled = row.enumerated().filter { !$0.element.text.isEmpty }
        guard filled.count == 1, filled[0].offset == number else { return nil }
        let text = RussianText.collapsingWhitespace(filled[0].element.text)
        // Not an editor's note «(Позиция в редакции …)», not the rest of a heading («ный»).
        guard !CellRunTable.isRowNumber(text), text.filter(\.isLetter).count >= 3, text.count <= 300,
              let first = text.first, first.isUppercase || "«\"".contains(first) else { return nil }
        return goalTitle(text)
    }

    /// «Цель 1. Создание условий …», «Задача 1.1. Повышение доступности …» alone in a row.
    static func numberedGoalOrTask(_ row: [SourceCell]) -> (isGoal: Bool, title: String)? {
        let texts = row.map(\.text).filter { !$0.isEmpty }
        guard let text = texts.first, !RussianText.isLonger(text, than: 600), texts.allSatisfy({ $0 == text }) else { return nil }
        let line = RussianText.collapsingWhitespace(text)
        guard let match = line.firstMatch(of: Self.goalOrTaskRow.regex) else {
            return nil
        }
        return (RussianText.folded(String(match.output.1)) == "цель", goalTitle(String(match.output.2)))
    }

    /// «Цель: Повышение качества образования», «Задача 2: …» opening an action's cell: the
    /// goal or the task the rows below serve.
    static func labelledGoalOrTask(_ text: String) -> (isGoal: Bool, title: String)? {
        guard text.utf8.contains(UInt8(ascii: ":")), !RussianText.isLonger(text, than: 600) else { return nil }
        let line = RussianText.collapsingWhitespace(text)
        guard let match = line.firstMatch(of: Self.labelledGoalOrTaskRow.regex) else { return nil }
        return (RussianText.folded(String(match.output.1)) == "цель", goalTitle(String(match.output.2)))
    }

    static func hasGoalMarker(_ text: String) -> Bool {
        // Both markers end in a colon; most cells have none, and folding a long cell costs.
        guard text.utf8.contains(UInt8(ascii: ":")) else { return false }
        let folded = RussianText.folded(text)
        return folded.firstMatch(of: Self.goalOrTasksLabel.regex) != nil
    }

    /// «Цель: … Задачи: 1. … 2. …» in a goal cell.
    /// «использовать возможность социума.» → «Использовать возможность социума».
    static func goalTitle(_ text: String) -> String {
        var title = RussianText.collapsingWhitespace(text)
        while let last = title.last, ".;:,".contains(last) { title.removeLast() }
        guard let first = title.first else { return title }
        return first.uppercased() + title.dropFirst()
    }

    mutating func readStructure(_ text: String) {
        let folded = RussianText.folded(text)
        let goalRange = folded.firstMatch(of: Self.goalLabel.regex)?.range
        let tasksRange = folded.firstMatch(of: Self.tasksLabel.regex)?.range
        func slice(_ from: String.Index, _ to: String.Index) -> String {
            let start = folded.distance(from: folded.startIndex, to: from)
            let end = folded.distance(from: folded.startIndex, to: to)
            let first = text.index(text.startIndex, offsetBy: start)
            let last = text.index(text.startIndex, offsetBy: end)
            return RussianText.collapsingWhitespace(String(text[first..<last]))
        }
        if let goalRange {
            let end = tasksRange.map { $0.lowerBound > goalRange.lowerBound ? $0.lowerBound : folded.endIndex }
                ?? folded.endIndex
            pendingGoals.append(PendingGoal(title: slice(goalRange.upperBound, end)))
        }
        if let tasksRange {
            if pendingGoals.isEmpty { pendingGoals.append(PendingGoal(title: "")) }
            let end = goalRange.map { $0.lowerBound > tasksRange.lowerBound ? $0.lowerBound : folded.endIndex }
                ?? folded.endIndex
            pendingGoals[pendingGoals.count - 1].hasTasks = true
            appendTasks(slice(tasksRange.upperBound, end))
        }
    }

    /// Goal-cell text without a marker: the goal's or its tasks' text goes on.
    mutating func continueStructure(_ text: String) {
        guard !pendingGoals.isEmpty else { return }
        if pendingGoals[pendingGoals.count - 1].hasTasks {
            appendTasks(text)
        } else {
            pendingGoals[pendingGoals.count - 1].title += " " + RussianText.collapsingWhitespace(text)
        }
    }

    mutating func appendTasks(_ text: String) {
        let goal = pendingGoals.count - 1
        pendingGoals[goal].tasksText = RussianText.collapsingWhitespace(pendingGoals[goal].tasksText + " " + text)
    }

    // MARK: - Deadlines

    /// Parses every action's deadline; returns the plan's period (the context's, else from the
    /// order's date or the first deadline to the last deadline's end).
    mutating func resolveDeadlines(orderDate: CalendarDate?) -> DatePeriod? {
        var failed: [Int: DeadlineError] = [:]
        // Plans repeat their deadlines («В течение года», «Март 2019»): each text is read once.
        var read: [String: Result<Deadline, DeadlineError>] = [:]
        // «01/18/2024» in one row says how «01/11/2024» in another is to be read.
        let parser = DeadlineParser(slashedDates: SlashedDateOrder.proven(by: actions.map(\.deadlineText)))
        for index in actions.indices where actions[index].deadline == nil && actions[index].recurrenceSource == nil {
            let text = actions[index].deadlineText
            guard !text.isEmpty else { continue }
            let result = read[text] ?? Result { () throws(DeadlineError) in try parser.parse(text, in: context) }
            read[text] = result
            switch result {
            case .success(let deadline): actions[index].deadline = deadline
            case .failure(let error): failed[index] = error
            }
        }
        var period = context.period
        if period == nil {
            let periods = actions.compactMap { $0.deadline?.period }
                + stagePeriods.compactMap { try? parser.parse($0, in: context).period }
            if let last = periods.map(\.last).max(),
               let first = ([orderDate].compactMap { $0 } + periods.map(\.first)).min()
            {
                period = DatePeriod(first: min(first, last), last: last)
            }
            // «в течение года» in a plan that names no year is a year, not the span of the
            // plan's own dates (01.09–01.10): the year those dates fall in, and the plan's with it.
            if let inferred = period, let first = periods.map(\.first).min(),
               let dates = DatePeriod(first: first, last: inferred.last),
               failed.keys.contains(where: { DeadlineParser().namesWholeYear(actions[$0].deadlineText) }),
               let year = Self.year(around: dates)?.period,
               let widened = DatePeriod(first: min(inferred.first, year.first), last: max(inferred.last, year.last)) {
                period = widened
            }
        }
        let retry: DeadlineContext? = period.map { context == .none ? .planPeriod($0) : context }
        // A period read from the plan's own dates («17 апреля – 9 мая 2019 года») stops at its
        // last one; «16-17 мая» below it is in the same year. Taken to whole calendar years, a
        // month or a day still falls in it once only within one year (across two, twice: left).
        // Dates that begin from August on and end within that academic year («1.09.09г.» over
        // «сентябрь … январь, февраль») are a school year's: its January is the next year's.
        let wholeYears: DeadlineContext? = context == .none ? period.flatMap { period in
            if case let schoolYear? = Self.year(around: period), case .academicYear = schoolYear { return schoolYear }
            guard let first = CalendarDate(year: period.first.year, month: 1, day: 1),
                  let last = CalendarDate(year: period.last.year, month: 12, day: 31),
                  let whole = DatePeriod(first: first, last: last), whole != period else { return nil }
            return .planPeriod(whole)
        } : nil
        for index in actions.indices {
            let location = actions[index].location
            if let source = actions[index].recurrenceSource {
                actions[index].deadline = recurringDeadline(in: source, context: retry ?? context, at: location)
                continue
            }
            let text = actions[index].deadlineText
            if let error = failed[index] {
                // Read again, it must give days: unread there too, it is kept with why it was not read.
                if let retry, retry != context, let deadline = try? parser.parse(text, in: retry), deadline.isParsed {
                    actions[index].deadline = deadline
                } else if let whole = wholeYears, let deadline = try? parser.parse(text, in: whole), deadline.isParsed {
                    actions[index].deadline = deadline
                } else {
                    actions[index].deadline = .unparsed(text)
                    warnings.append(ImportWarning(.deadlineKeptAsText(text: text, reason: error), file: file, location: location))
                }
            } else if text.isEmpty, actions[index].deadline == nil {
                actions[index].deadline = Deadline(text: "", kind: .noDueDate, period: nil)
                if actions[index].fromActionTable {
                    warnings.append(ImportWarning(.noDeadline, file: file, location: location))
                }
            } else if let deadline = actions[index].deadline, !deadline.isParsed {
                warnings.append(ImportWarning(.deadlineUnreadable(text: text), file: file, location: location))
            } else if let deadline = actions[index].deadline, DeadlineParser().pointsElsewhere(deadline) {
                warnings.append(ImportWarning(.deadlineElsewhere(text: text), file: file, location: location))
            }
        }
        return period
    }

    /// The year a plan's own dates fall in when it names none: the academic year when they begin
    /// from August on and end within it; the calendar year when they begin before August and
    /// end in the same year after August (past the academic year they began in); nil otherwise,
    /// when they fit both (February to May) or neither (over two years).
    static func year(around dates: DatePeriod) -> DeadlineContext? {
        let start = dates.first
        if start.month >= 8, let academic = DatePeriod.academicYear(startingIn: start.year), dates.last <= academic.last {
            return .academicYear(startingIn: start.year)
        }
        if start.month < 8, dates.last.year == start.year, dates.last.month > 8 {
            return .calendarYear(start.year)
        }
        return nil
    }

    /// «Экскурсии 2 раза в год»: a recurring deadline; without a period to repeat in, the
    /// recurrence is kept without occurrences and a warning asks for the academic year.
    mutating func recurringDeadline(in text: String, context: DeadlineContext, at location: SourceLocation) -> Deadline {
        let parser = DeadlineParser()
        if let deadline = try? parser.recurringDeadline(mentionedIn: text, in: context) {
            return deadline
        }
        // Learn the recurrence in any period, then drop the period nobody gave.
        if let probe = try? parser.recurringDeadline(mentionedIn: text, in: .calendarYear(2000)) {
            warnings.append(ImportWarning(.recurrenceWithoutPeriod(text: probe.text), file: file, location: location))
            return Deadline(text: probe.text, kind: .recurring, period: nil, recurrence: probe.recurrence, occurrences: [])
        }
        return Deadline(text: "", kind: .noDueDate, period: nil)
    }

    // MARK: - Output

    /// The position of the task row an action stands under, after the goal's listed tasks.
    func taskPosition(of action: PendingAction) -> Int? {
        guard let goal = action.goal, let row = action.taskRow else { return nil }
        return PlanDocumentParser.numberedItems(pendingGoals[goal].tasksText).count + row + 1
    }

    /// The goals with their actions; actions before any goal of the tables go to `fallback`
    /// (the goal of the text above the table) or to a goal named after the plan.
    func goals(fallback: GoalDraft?, planTitle: String, aliases: [String: String] = [:]) -> [GoalDraft] {
        var goals = pendingGoals.map { pending in
            GoalDraft(
                title: Self.goalTitle(pending.title),
                expectedResult: pending.expectedResult,
                tasks: (PlanDocumentParser.numberedItems(pending.tasksText) + pending.taskRows).enumerated().map {
                    TaskDraft(position: $0.offset + 1, title: $0.element)
                },
                direction: pending.direction)
        }
        var loose: [ActionDraft] = []
        // The same executor cell repeats down a plan («all schools»): split each text once.
        var executorLists: [String: [Executor]] = [:]
        func executors(in cell: String) -> [Executor] {
            if let known = executorLists[cell] { return known }
            // A short name the document defined («Министерство») stands for the long one.
            let parsed = ExecutorList(parsing: RussianText.joiningWrappedWords(cell)).executors.map { executor in
                aliases[RussianText.folded(executor.name)].map { Executor(name: $0) } ?? executor
            }
            executorLists[cell] = parsed
            return parsed
        }
        for action in actions {
            let draft = ActionDraft(
                title: RussianText.collapsingWhitespace(RussianText.joiningWrappedWords(action.cells[.action] ?? "")),
                expectedResult: action.cells[.result].map { RussianText.collapsingWhitespace(RussianText.joiningWrappedWords($0)) },
                venue: action.cells[.venue].map { RussianText.collapsingWhitespace(RussianText.joiningWrappedWords($0)) },
                deadline: action.deadline ?? Deadline(text: "", kind: .noDueDate, period: nil),
                executors: action.cells[.executor].map(executors(in:)) ?? [],
                partners: action.partners,
                taskPositions: taskPosition(of: action).map { [$0] } ?? [],
                location: action.location, section: action.section)
            if let goal = action.goal { goals[goal].actions.append(draft) } else { loose.append(draft) }
        }
        if !loose.isEmpty || goals.isEmpty {
            var goal = fallback ?? GoalDraft(title: planTitle)
            goal.title = goal.title.isEmpty ? planTitle : Self.goalTitle(goal.title)
            goal.actions = loose
            goals.insert(goal, at: 0)
        }
        return goals
    }
}

// Built once: a regex literal is parsed again each time it is evaluated (see SharedRegex), and
// these run for every cell, executor or word of a plan.
extension PlanReading {
    static let fourDigits = SharedRegex(/\d{4}/)
    static let daysAlone = SharedRegex(/\s*((?:0?[1-9]|[12]\d|3[01])(?:\s*[-–—]\s*(?:0?[1-9]|[12]\d|3[01]))?)\.?\s*/)
    static let monthAlone = SharedRegex(/([а-я]+)\.?(?:\s+(\d{4})\s*(?:г\.?|года)?)?\.?/)
    static let sectionHeading = SharedRegex(/^(?:(?:Раздел|РАЗДЕЛ|раздел|Подпрограмма|ПОДПРОГРАММА|Направление|НАПРАВЛЕНИЕ)\s+)?(?:[IVXLC]{1,6}(?:[.)]\s*|\s+)|\d{1,2}[.)]?\s+)([«"]?\p{Lu}\S*(?:\s+\S+)+)$/)
    static let moduleHeading = SharedRegex(/^(?:(?:Инвариантный|Вариативный|ИНВАРИАНТНЫЙ|ВАРИАТИВНЫЙ)\s+)?(?:Модуль|МОДУЛЬ|модуль)\s*[«"„“]?\p{Lu}/)
    static let dayThenTheme = SharedRegex(/^\s*(\d{1,2}\.\d{1,2}\.(?:\d{2}(?:\d{2})?)?)\s+(\p{Lu}[^\d]{3,})$/)
    static let dayThenCapital = SharedRegex(/^(\d{1,2}\s+[а-яё]+(?:\s+\d{4}\s*(?:г\.|года)?)?)(?:\s*[.,:–—-])?\s+\p{Lu}/)
    static let timeOfDay = SharedRegex(/\d{1,2}[.:][0-5]\d(?:\s*[-–—]\s*\d{1,2}[.:][0-5]\d)?(?:\s*ч\.?)?/)
    static let labelledGoalOrTaskRow = SharedRegex(/^(?i:(цель|задача))\s*(?:№\s*)?(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?)?\s*:\s*(\S.*)$/)
    static let goalOrTaskRow = SharedRegex(/^(Цель|ЦЕЛЬ|Задача|ЗАДАЧА)\s+(?:№\s*)?\d{1,2}(?:\.\d{1,2}){0,2}\.?\s*[:.]?\s+(\S.*)$/)
    static let goalOrTasksLabel = SharedRegex(/(?:^|\s)(?:цель|задачи)\s*:/)
    static let goalLabel = SharedRegex(/цель\s*:/)
    static let tasksLabel = SharedRegex(/задачи\s*:/)
}
