import Foundation

/// Reads a plan out of a `SourceDocument`, whatever file it came from: the order header when
/// there is one, goals and tasks (in merged cells of the table, or in the text above it), the
/// planned actions with their deadlines and executors, and social partners.
///
/// Decisions a reader of the import's output should know:
/// - Columns are recognised by meaning (`PlanColumn`), in any order; a table with neither an
///   action nor a partner column is not a plan table, and a document without one is refused.
/// - A row is the continuation of the row above (a page break cut it) when its deadline cell is
///   empty and its action cell is empty or starts with a small letter; its cells are appended to
///   those above, and a goal/task cell to the goal/task text above.
/// - An empty deadline cell in a table whose first known column is the deadline («Дата»,
///   «Месяц») repeats the deadline above: several events share one month.
/// - Deadlines are read in the academic year (the `academicYear` given, else «на 2022-2023
///   учебный год» in the title), else in the calendar years the title names («на 2019-2020
///   годы»), else as written. Where they still lack a year, the plan's period is taken as
///   from the order's date (or the first deadline) to the last deadline's end, and they are
///   read again in it. What still cannot be read stays `Deadline.unparsed` with a warning
///   naming the row: never a guess.
/// - A partners' table without dates gives actions with a `.noDueDate` deadline (never
///   overdue) unless a cell names a recurrence («Экскурсии 2 раза в год»).
public struct PlanDocumentParser: Sendable {
    /// The academic year (its first calendar year) to read months without a year in, when the
    /// document does not say.
    public var academicYear: Int?
    /// Fields given here replace those read from the document's header (the CLI's `--order`,
    /// `--date`, `--issuer`); an order given for a document without a header becomes its order.
    public var order: OrderHeader?

    public init(academicYear: Int? = nil, order: OrderHeader? = nil) {
        self.academicYear = academicYear
        self.order = order
    }

    /// The plan the document holds; throws when it holds no plan table.
    /// A header over two rows («Наименование | Срок | Ответственный» above «мероприятия |
    /// исполнения | исполнитель»): the second row's words, all lower case and short, with no
    /// digit, are the rest of the headings above them; the two become one header row.
    static func joiningHeaderRows(_ table: SourceTable) -> SourceTable {
        for index in table.rows.indices.prefix(5) where index + 1 < table.rows.count {
            let row = table.rows[index], next = table.rows[index + 1]
            guard row.filter({ PlanColumn(header: $0.text) != nil }).count >= 2 else { continue }
            let rest = next.map(\.text).filter { !$0.isEmpty }
            if index + 2 < table.rows.count, PlanReading.isColumnNumbering(table.rows[index + 2]), next.count < row.count,
               !rest.contains(where: { CellRunTable.looksLikeDeadline($0) || CellRunTable.isRowNumber($0) }) {
                // «Ожидаемая эффективность» over «улучшены условия труда | приведены в
                // соответствие …», then «1 | 2 | … | 10»: the parts of a heading that spans
                // columns, fewer than the header's cells; they name no column of their own.
                var joined = table
                joined.rows.remove(at: index + 1)
                return joined
            }
            guard !rest.isEmpty, rest.allSatisfy({ text in
                text.count <= 30 && !text.contains(where: \.isNumber)
                    && (text.first?.isLowercase == true || RussianText.folded(text) == "п/п")
            }) else { continue }
            var joined = table
            joined.rows[index] = row.enumerated().map { column, cell in
                var cell = cell
                let below = column < next.count ? next[column].text : ""
                cell.text = [cell.text, below].filter { !$0.isEmpty }.joined(separator: " ")
                return cell
            }
            joined.rows.remove(at: index + 1)
            return joined
        }
        return table
    }

    /// «Наименование мероприятия | Срок | …» over rows «1. | Семинар | март | …»: the numbers
    /// have no heading, so every heading stands one column to the left of its cells. The header
    /// gets a «№» in front, and the layout is read again.
    static func withUnnamedNumbers(_ table: SourceTable, _ layout: PlanTableLayout) -> (SourceTable, PlanTableLayout) {
        let header = layout.headerRow
        guard table.rows.indices.contains(header), layout.columns[0] != .number, layout.columns[0] != nil else { return (table, layout) }
        // «1 | 2 | 3» under the header numbers the columns, not the rows.
        let body = table.rows.dropFirst(header + 1).filter { row in
            row.contains { !$0.text.isEmpty } && !PlanReading.isColumnNumbering(row)
        }
        let numbered = body.filter { row in row.first.map { CellRunTable.isRowNumber($0.text) } ?? false }
        guard body.count >= 2, numbered.count * 2 >= body.count else { return (table, layout) }
        // «Дата | День недели | … | Мероприятие» over «1 | четверг | … | День знаний» under a
        // month across the table: the numbers are days under their heading, as wide as it.
        let headings = table.rows[header].count
        if layout.columns[0] == .deadline, numbered.allSatisfy({ $0.count == headings }) { return (table, layout) }
        var shifted = table
        let first = table.rows[header].first?.location ?? SourceLocation()
        shifted.rows[header] = [SourceCell(text: "№", location: first)] + table.rows[header]
        guard let relaid = PlanTableLayout(table: shifted) else { return (table, layout) }
        return (shifted, relaid)
    }

    /// Whether rows of different widths hold more filled cells than the header has headings:
    /// a text copy whose lines do not follow the table's rows (a Word or Excel table has one
    /// grid for all its rows). A numbering row («1 | 2 | … | 10») is one more cell than a header
    /// whose heading spans two columns, and says nothing of it.
    static func isIrregular(_ table: SourceTable, headerRow: Int) -> Bool {
        guard table.rows.indices.contains(headerRow), Set(table.rows.map(\.count)).count > 1 else { return false }
        let headings = table.rows[headerRow].filter { !$0.text.isEmpty }.count
        return table.rows.dropFirst(headerRow + 1).contains { row in
            row.filter { !$0.text.isEmpty }.count > headings && !PlanReading.isColumnNumbering(row)
        }
    }

    /// The document as lines of text again: paragraphs as they are, a table's rows with «|»
    /// between cells.
    static func lines(of document: SourceDocument) -> [(text: String, location: SourceLocation)] {
        document.blocks.flatMap { block -> [(text: String, location: SourceLocation)] in
            switch block {
            case .paragraph(let text, let location): [(text, location)]
            case .table(let table):
                table.rows.map { row in ("| " + row.map(\.text).joined(separator: " | ") + " |", row.first?.location ?? SourceLocation()) }
            }
        }
    }

    public func parse(_ document: SourceDocument) throws(PlanParseError) -> PlanDraft {
        var best: (draft: PlanDraft, score: (Int, Int))?
        var firstError: PlanParseError?
        let (readings, compared) = try Self.readings(of: document)
        for (plans, prose) in readings {
            do {
                let draft = try read(plans, prose: prose, in: document)
                // The most deadlines read; on a tie, the fewest actions whose deadline does not read.
                // An action whose title is itself a deadline («сентябрь, в») is a row cut in the
                // wrong place: its deadline does not count.
                let read = draft.actions.filter {
                    ($0.deadline.period != nil || FlattenedRowTable.readsAsDeadline($0.deadline.text)) && !Self.namesOnlyWhen($0.title)
                }.count
                let score = (read, read - draft.actionCount)
                if best.map({ score > $0.score }) ?? true { best = (draft, score) }
                if !compared { break }
            } catch {
                firstError = firstError ?? error
            }
        }
        guard let best else { throw firstError ?? Self.noPlanTable(in: document) }
        return best.draft
    }

    /// «сентябрь, в», «01.09»: a title that says when and nothing else.
    static func namesOnlyWhen(_ title: String) -> Bool {
        !RussianText.isLonger(title, than: 30) && CellRunTable.looksLikeDeadline(title)
    }

    /// Whether some row under the header has a deadline: in the deadline column, or marked
    /// in a column of periods.
    static func givesDeadlines(_ table: SourceTable, _ layout: PlanTableLayout) -> Bool {
        guard layout.periodColumns.isEmpty else { return true }
        guard let column = layout.columns.first(where: { $0.value == .deadline })?.key else { return false }
        return table.rows.dropFirst(layout.headerRow + 1).contains { row in
            row.indices.contains(column) && CellRunTable.looksLikeDeadline(row[column].text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// The ways `document` can be read as plan tables, each with the text above its first
    /// table, in order of preference. A document's own tables come first; a text copy that has
    /// none may be read as cells wrapped over lines between blank lines, as one cell a line, as
    /// rows that lost their borders, as deadline and action lines in turn, or as a stream of
    /// cells between «|». Each reading is tried, and the one whose deadline column holds the
    /// most texts that read as dates wins (on a tie, the one with fewer deadlines unread, then
    /// the earlier): the shape is decided by what the cells say, not by which rebuild answers first.
    /// A document's own tables give way to a stream between «|» only when they hold no action
    /// (`compared` is then false: the first reading that holds one is taken).
    static func readings(of document: SourceDocument) throws(PlanParseError) -> (
        readings: [([(SourceTable, PlanTableLayout)], [(text: String, location: SourceLocation)])], compared: Bool
    ) {
        // Each table with a plan's header, and the tables with no header of their own right
        // after it and as wide (Word's table cut by a page break, a copy that restarts the
        // table after «Страница 2»): the same table going on, its rows the plan's too.
        var plans: [(SourceTable, PlanTableLayout)] = []
        var firstPlanTable: SourceTable?
        var lastWasPlan = false
        for table in document.tables {
            let joined = Self.joiningHeaderRows(table)
            if let layout = PlanTableLayout(table: joined) {
                plans.append(Self.withUnnamedNumbers(joined, layout))
                firstPlanTable = firstPlanTable ?? table
                lastWasPlan = true
            } else if lastWasPlan, let last = plans.indices.last, plans[last].1.kind == .actions,
                      Self.continues(table, plans[last].0, below: plans[last].1.headerRow) {
                plans[last].0.rows += table.rows
            } else {
                lastWasPlan = false
            }
        }
        // Beside a table of actions with their deadlines, a table of actions whose rows give
        // none is not the plan (a kindergarten's summer plan, then its weeks' themes and games
        // month by month under «Недели месяца, тематика», the month above each table): its
        // rows have no term to keep.
        let dated = plans.map { $0.1.kind == .actions && Self.givesDeadlines($0.0, $0.1) }
        if dated.contains(true) {
            plans = zip(plans, dated).filter { $0.0.1.kind != .actions || $0.1 }.map(\.0)
        }
        if plans.isEmpty {
            var readings: [([(SourceTable, PlanTableLayout)], [(text: String, location: SourceLocation)])] = []
            if let rebuilt = LabelledCellTable.rebuild(document.paragraphs), let layout = PlanTableLayout(table: rebuilt.table) {
                // A table laid out for a narrow screen: each cell after its column's heading.
                readings.append(([(rebuilt.table, layout)], Array(document.paragraphs.prefix(rebuilt.headerStart))))
            }
            if let blocks = CellRunTable.blocks(document.paragraphs), let rebuilt = CellRunTable.rebuild(blocks),
               let layout = PlanTableLayout(table: rebuilt.table) {
                // A PDF's narrow columns: each cell wrapped over lines, a blank line between
                // cells (first: on a tie, cells of several lines are read whole).
                readings.append(([(rebuilt.table, layout)], Array(blocks.prefix(rebuilt.headerStart))))
            }
            if let rebuilt = CellRunTable.rebuild(document.paragraphs), let layout = PlanTableLayout(table: rebuilt.table) {
                // A copy from a web page with one cell per line.
                readings.append(([(rebuilt.table, layout)], Array(document.paragraphs.prefix(rebuilt.headerStart))))
            }
            if let rebuilt = FlattenedRowTable.rebuild(document.paragraphs), let layout = PlanTableLayout(table: rebuilt.table),
               rebuilt.table.rows.count > layout.headerRow + 1 {
                // A copy that lost the cell borders: one line per row.
                readings.append(([(rebuilt.table, layout)], Array(document.paragraphs.prefix(rebuilt.headerStart))))
            }
            if let rebuilt = AlternatingLineTable.rebuild(document.paragraphs), var layout = PlanTableLayout(table: rebuilt.table) {
                // No header and no borders: a deadline line, then an action line, row after row.
                layout.inference = .alternatingLines
                readings.append(([(rebuilt.table, layout)], Array(document.paragraphs.prefix(rebuilt.headerStart))))
            }
            if let rebuilt = VisualLineTable.rebuild(document.paragraphs), let layout = PlanTableLayout(table: rebuilt.table) {
                // A PDF's rows copied a visual line at a time: a line of each cell, then what wrapped.
                readings.append(([(rebuilt.table, layout)], Array(document.paragraphs.prefix(rebuilt.headerStart))))
            }
            if let blocks = CellRunTable.blocks(document.paragraphs), let rebuilt = VisualLineTable.rebuild(blocks, wholeParagraphs: true),
               let layout = PlanTableLayout(table: rebuilt.table) {
                // A PDF's narrow columns whose rows the classes tell apart: an empty cell left no trace.
                readings.append(([(rebuilt.table, layout)], Array(blocks.prefix(rebuilt.headerStart))))
            }
            if let rebuilt = MarkedItemList.rebuild(document.paragraphs), var layout = PlanTableLayout(table: rebuilt.table) {
                // No table and no numbers (tried beside the tables of cells a line, which take the
                // labels for cells): each action followed by its «Срок:» and «Отв.:» lines.
                layout.inference = .labelledItems
                readings.append(([(rebuilt.table, layout)], Array(document.paragraphs.prefix(rebuilt.headerStart))))
            }
            if readings.isEmpty, let stream = pipeStream(of: document, always: true) {
                readings.append(stream)
            }
            if readings.isEmpty, let rebuilt = NumberedListTable.rebuild(document.paragraphs), var layout = PlanTableLayout(table: rebuilt.table) {
                // No table at all: a numbered list whose items carry their deadlines.
                layout.inference = .numberedList
                readings.append(([(rebuilt.table, layout)], Array(document.paragraphs.prefix(rebuilt.headerStart))))
            }
            if readings.isEmpty, let rebuilt = HeaderlessTable.rebuild(document.paragraphs), var layout = PlanTableLayout(table: rebuilt.table) {
                // One cell a line with no header: numbered rows as wide, each with its deadline.
                layout.inference = .headerlessTable
                readings.append(([(rebuilt.table, layout)], Array(document.paragraphs.prefix(rebuilt.headerStart))))
            }
            if readings.isEmpty, let rebuilt = DatedListTable.rebuild(document.paragraphs), var layout = PlanTableLayout(table: rebuilt.table) {
                // No table and no numbers: items that open with their day or hour, under a title.
                layout.inference = .datedList
                readings.append(([(rebuilt.table, layout)], Array(document.paragraphs.prefix(rebuilt.headerStart))))
            }
            if readings.isEmpty,
               let (own, table) = document.tables.lazy.compactMap({ own in HeaderlessTable.rebuild(table: own).map { (own, $0) } }).first,
               var layout = PlanTableLayout(table: table) {
                // A table of the document's own that names no column: rows each with a deadline.
                layout.inference = .headerlessTable
                var above: [(text: String, location: SourceLocation)] = []
                for block in document.blocks {
                    if case .table(let table) = block, table == own { break }
                    if case .paragraph(let text, let location) = block { above.append((text, location)) }
                }
                readings.append(([(table, layout)], above))
            }
            guard !readings.isEmpty else { throw Self.noPlanTable(in: document) }
            return (readings, true)
        }
        if Self.isIrregular(plans[0].0, headerRow: plans[0].1.headerRow) || plans[0].1.namesOnlyTheAction
            || plans[0].0.rows.count <= plans[0].1.headerRow + 1,
           let stream = pipeStream(of: document, always: true) {
            // Cells between «|» whose lines do not follow the rows.
            return ([stream], false)
        }
        var prose: [(text: String, location: SourceLocation)] = []
        for block in document.blocks {
            if case .table(let table) = block, table == firstPlanTable || table == plans[0].0 { break }
            if case .paragraph(let text, let location) = block { prose.append((text, location)) }
        }
        // A text copy whose first «|» rows gave too little (a header and a section, then rows
        // that wrapped over lines) is read again as one stream of cells between «|», if need be.
        if let stream = pipeStream(of: document), stream.0.first?.0 != plans[0].0 {
            return ([(plans, prose), stream], false)
        }
        return ([(plans, prose)], false)
    }

    /// Whether `table`, which names no columns, goes on with `plan`'s rows: the plan has rows
    /// of its own under its header (a header and a section alone are a text copy's broken
    /// rows, read again as a stream), the table is as wide, and most of its rows fill two
    /// cells or more.
    static func continues(_ table: SourceTable, _ plan: SourceTable, below header: Int) -> Bool {
        let filled = { (row: [SourceCell]) in row.filter { !$0.text.isEmpty }.count }
        guard let width = plan.rows.last?.count, table.columnCount == width, width >= 3,
              plan.rows.dropFirst(header + 1).contains(where: { filled($0) >= 3 }) else { return false }
        return table.rows.filter { filled($0) >= 2 }.count * 2 > table.rows.count
    }

    /// The document's text read as one stream of cells between «|», when it has such lines
    /// outside its tables (a text copy: `always` for any document).
    static func pipeStream(of document: SourceDocument, always: Bool = false) -> (
        [(SourceTable, PlanTableLayout)], [(text: String, location: SourceLocation)]
    )? {
        guard always || document.paragraphs.contains(where: { $0.text.contains("|") }) else { return nil }
        let lines = Self.lines(of: document)
        guard let rebuilt = CellRunTable.rebuild(pipeStream: lines), let layout = PlanTableLayout(table: rebuilt.table) else { return nil }
        return ([(rebuilt.table, layout)], Array(lines.prefix(rebuilt.headerStart)))
    }

    /// The plan read from `plans`, with `prose` the text above them.
    func read(
        _ plans: [(SourceTable, PlanTableLayout)], prose: [(text: String, location: SourceLocation)], in document: SourceDocument
    ) throws(PlanParseError) -> PlanDraft {
        let file = document.name
        var draft = PlanDraft(sourceName: file)
        draft.order = Self.merging(OrderHeaderReader().read(prose), with: order)
        draft.title = Self.title(in: prose, before: plans[0].0)
        draft.academicYear = academicYear ?? Self.academicYear(in: [draft.title] + prose.map(\.text))
        var context = deadlineContext(academicYear: draft.academicYear, title: draft.title, lines: prose.map(\.text))
        // «Утвержден приказом по школе № 81/2-А от 01.09.2021г.» over a plan that names no year:
        // approved as a school year begins, it is that year's plan.
        if context == .none, let approved = draft.order?.date ?? Self.approvalDate(in: prose.prefix(15).map(\.text)),
           [8, 9].contains(approved.month) {
            context = .academicYear(startingIn: approved.year)
        }

        var reading = PlanReading(file: file, context: context)
        let proseGoal = Self.goal(inProse: prose)
        for (table, layout) in plans {
            switch layout.kind {
            case .actions: reading.readActions(table, layout: layout)
            case .partners: reading.readPartners(table, layout: layout)
            }
        }
        guard reading.actionCount > 0 else {
            let (table, layout) = plans[0]
            let location = table.rows[layout.headerRow].first?.location ?? SourceLocation()
            throw .noActions(file: file, location: location)
        }
        draft.period = reading.resolveDeadlines(orderDate: draft.order?.date)
        let texts = document.paragraphs.map(\.text) + document.tables.flatMap { $0.rows.flatMap { $0.map(\.text) } }
        draft.goals = reading.goals(fallback: proseGoal, planTitle: draft.title, aliases: AliasDefinitions.find(in: texts))
        draft.warnings = reading.warnings
        if let inference = plans[0].1.inference {
            draft.warnings.insert(ImportWarning(.columnsInferred(inference), file: file), at: 0)
        }
        let unassigned = draft.actions.filter { $0.executors.isEmpty && $0.partners.isEmpty }.count
        if unassigned > 0 {
            draft.warnings.append(ImportWarning(.withoutExecutors(count: unassigned), file: file))
        }
        return draft
    }

    /// The context deadlines are read in before the plan's period is known. `lines`: the text
    /// above the table, where a line of its own may give the plan's dates
    /// («с 03.06.2024 г по 21.06.2024 г», «(22.01.2024 – 29.02.2024)»).
    func deadlineContext(academicYear: Int?, title: String, lines: [String] = []) -> DeadlineContext {
        if let academicYear { return .academicYear(startingIn: academicYear) }
        let folded = RussianText.folded(RussianText.unifyingDashes(title))
        // «… лагеря «Родничок» с 01.06.2024 по 21.06.2024 года»: a camp's or a month's dates.
        let periods = Set(([folded] + lines.filter { !RussianText.isLonger($0, than: 60) }.map { RussianText.folded(RussianText.unifyingDashes($0)) })
            .compactMap(Self.datedPeriod))
        if periods.count == 1, let period = periods.first {
            return .planPeriod(period)
        }
        // «… шестого школьного дня … на 6 марта 2021 года», «/1 июня 2015 года/»: the plan of one day.
        // («с изменениями на 15 мая 2023 года», «в редакции на …», «по состоянию на …» date the text.)
        let days = Set(([folded] + lines.filter { !RussianText.isLonger($0, than: 200) }.map { RussianText.folded($0) })
            .filter { line in !["изменени", "редакци", "состояни"].contains { line.contains($0) } }
            .flatMap { $0.matches(of: Self.oneDay.regex) }
            .compactMap { match -> CalendarDate? in
                guard let day = Int(match.output.1), let month = DeadlinePoint.genitiveMonths.firstIndex(of: String(match.output.2)),
                      let year = Int(match.output.3) else { return nil }
                return CalendarDate(year: year, month: month + 1, day: day)
            })
        if periods.isEmpty, days.count == 1, let day = days.first, let period = DatePeriod(first: day, last: day) {
            return .planPeriod(period)
        }
        if let match = folded.firstMatch(of: /на\s+(\d{4})\s*-\s*(\d{4})\s*(?:годы|гг|года)/),
           let first = Int(match.output.1), let last = Int(match.output.2), first <= last,
           let start = CalendarDate(year: first, month: 1, day: 1), let end = CalendarDate(year: last, month: 12, day: 31),
           let period = DatePeriod(first: start, last: end)
        {
            return first == last ? .calendarYear(first) : .planPeriod(period)
        }
        if let match = folded.firstMatch(of: /на\s+(\d{4})\s*(?:год|г\.)/), let year = Int(match.output.1) {
            return .calendarYear(year)
        }
        // «Пушкинские дни - 2019», «… в 2024 году», «Года защитника Отечества 2025 год»: one year
        // of this century named alone (two years are a period; «1941-1945» is history).
        let years = Set(folded.matches(of: /(?:^|[^\d.\/-])(\d{4})(?![\d.\/]|\s*-\s*\d)/).compactMap { Int($0.output.1) })
        if years.count == 1, let year = years.first, (2000...2099).contains(year),
           folded.firstMatch(of: /\d{4}\s*-\s*\d{4}/) == nil {
            return .calendarYear(year)
        }
        // «спортивно-массовых мероприятий … на 2017 год», a line of a heading the title did not
        // take (under «КАЛЕНДАРНЫЙ ПЛАН» and the issuer's name): one year named so above the table.
        let stated = Set(lines.filter { !RussianText.isLonger($0, than: 200) }.compactMap { line in
            RussianText.folded(line).firstMatch(of: /на\s+(\d{4})\s*(?:год|г\.)/).flatMap { Int($0.output.1) }
        })
        if stated.count == 1, let year = stated.first, (2000...2099).contains(year) {
            return .calendarYear(year)
        }
        // «… посвященных 65-летию Победы», «… празднования 70-й годовщины Победы в Великой
        // Отечественной войне»: the anniversary's year is 1945 + N, and such a plan leads up to
        // its 9 May from the autumn before (docs/034: «22.10», «Ноябрь-декабрь», «20.02.15»), a
        // school year's. A battle's victory («Победы в Сталинградской битве») counts from
        // another year and gives none, as it does where another line names the victory alone
        // (docs/309: «… к 75-летию Победы в Сталинградской битве», then «… 75-летию Победы»).
        let anniversaries = ([folded] + lines.filter { !RussianText.isLonger($0, than: 200) }.map { RussianText.folded($0) })
            .compactMap(Self.victoryAnniversary)
        if Set(anniversaries).count == 1, let year = anniversaries.first, let year {
            return .academicYear(startingIn: year - 1)
        }
        return .none
    }

    /// «65-летию Победы», «70-й годовщины Победы», «80-летия Великой Победы» in `folded` text:
    /// `.some(1945 + N)`; a battle's victory («75-летию Победы в Сталинградской битве»)
    /// `.some(nil)`; nil when the text names no anniversary of a victory.
    static func victoryAnniversary(_ folded: String) -> Int?? {
        guard let match = folded.firstMatch(of: Self.anniversaryOfVictory.regex), let years = Int(match.output.1),
              (1...150).contains(years) else { return nil }
        let after = folded[match.range.upperBound...]
        if after.firstMatch(of: /^\s+(?:в|на|под)\s+[^\s,.;]+\s+(?:битв|сражени)/) != nil { return .some(nil) }
        return 1945 + years
    }

    static let anniversaryOfVictory = SharedRegex(
        /(?:^|[^\d])(\d{1,3})\s*-?\s*(?:лети[еяюй]\w*|(?:я|й|ой|ей|ая|ую)?\s*годовщин\w*)\s+(?:со\s+дня\s+)?(?:великой\s+)?победы(?![а-я])/)

    /// «с 03.06.2024 г по 21.06.2024 г», «(22.01.2024 - 29.02.2024)», «(19.11-24.11.2018)» in
    /// `folded` text: the period between two dates, the first before the second (in the last
    /// one's year when it names none); nil otherwise.
    static func datedPeriod(_ folded: String) -> DatePeriod? {
        if let period = periodInWords(folded) { return period }
        guard let match = folded.firstMatch(
            of: /(?:^|\s|\()(?:с\s+)?(\d{1,2})\.(\d{2})(?:\.(\d{4}))?\s*(?:г\.?|года)?\s*(?:по|-|до)\s*(\d{1,2})\.(\d{2})\.(\d{4})(?:\s|\)|\.|$|г)/),
              let day = Int(match.output.1), let month = Int(match.output.2),
              let lastDay = Int(match.output.4), let lastMonth = Int(match.output.5), let lastYear = Int(match.output.6),
              let year = match.output.3.map({ Int($0) }) ?? ((month, day) > (lastMonth, lastDay) ? lastYear - 1 : lastYear),
              let start = CalendarDate(year: year, month: month, day: day), let end = CalendarDate(year: lastYear, month: lastMonth, day: lastDay),
              start < end, lastYear - year <= 1 else { return nil }
        return DatePeriod(first: start, last: end)
    }

    /// «с 24 мая по 30 мая 2024 года», «с 01 сентября – 30 сентября 2018года», «с 1 по 14 июня
    /// 2024 г.», «с 28 декабря 2023 года по 10 января 2024 года» in `folded` text: the days
    /// between, in the year the text names last (the first day in the year before when its
    /// month comes later); nil otherwise.
    static func periodInWords(_ folded: String) -> DatePeriod? {
        guard let match = folded.firstMatch(of: Self.wordsPeriod.regex),
              let day = Int(match.output.1), let lastDay = Int(match.output.4),
              let lastMonth = DeadlinePoint.genitiveMonths.firstIndex(of: String(match.output.5)).map({ $0 + 1 }),
              let lastYear = Int(match.output.6) else { return nil }
        let month = match.output.2.flatMap { DeadlinePoint.genitiveMonths.firstIndex(of: String($0)).map { $0 + 1 } } ?? lastMonth
        let year = match.output.3.flatMap { Int($0) } ?? (month > lastMonth ? lastYear - 1 : lastYear)
        guard let start = CalendarDate(year: year, month: month, day: day),
              let end = CalendarDate(year: lastYear, month: lastMonth, day: lastDay),
              start < end, lastYear - year <= 1 else { return nil }
        return DatePeriod(first: start, last: end)
    }

    /// «на 6 марта 2021 года», «/1 июня 2015 года/», «(1 июня 2015 г.)»: a day a plan is for.
    static let oneDay = SharedRegex(
        /(?:\bна\s+|\/\s*|\(\s*)(\d{1,2})\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+(\d{4})\s*(?:г\.?|года)?\s*(?:\/|\)|$|\s|,)/)

    static let wordsPeriod = SharedRegex(
        /(?:^|\s|\()с\s+(\d{1,2})(?:\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря))?(?:\s+(\d{4})\s*(?:г\.?|года)?)?(?:\s+по|\s*-)\s+(\d{1,2})\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+(\d{4})(?:\s|\)|\.|,|$|г)/)

    /// Why `document` gives no plan: a text copy that names a plan's columns lost its table's
    /// layout; any other, what it holds instead.
    static func noPlanTable(in document: SourceDocument) -> PlanParseError {
        if document.tables.isEmpty, let headings = headingsOfALostTable(document.paragraphs.map(\.text)) {
            return .layoutLost(file: document.name, headings: headings)
        }
        return .noPlanTable(file: document.name, reason: whyNoPlanTable(document))
    }

    /// «Мероприятия», then «Сроки проведения» (and «Ответственные») within a few lines, each as
    /// a heading: at the start of a line or after a number or another heading, and followed by
    /// the end of the line, a capital or a figure, never by the rest of a sentence («Мероприятия
    /// прошли успешно»). Nil when the text names no action's and deadline's columns so.
    static func headingsOfALostTable(_ lines: [String]) -> [String]? {
        let text = lines.prefix(400).joined(separator: "\n")
        func heading(_ pattern: Regex<(Substring, Substring)>) -> (String, String.Index)? {
            for match in text.matches(of: pattern) {
                let found = match.output.1
                let after = text[found.endIndex...].drop { $0 == " " || $0 == "\t" }
                guard let next = after.first else { return (String(found), found.startIndex) }
                if next == "\n" || next.isUppercase || next.isNumber || next == "№" { return (String(found), found.startIndex) }
            }
            return nil
        }
        guard let action = heading(Self.actionHeading.regex), let deadline = heading(Self.deadlineHeading.regex),
              abs(text.distance(from: action.1, to: deadline.1)) <= 400 else { return nil }
        let executor = heading(Self.executorHeading.regex).flatMap { abs(text.distance(from: action.1, to: $0.1)) <= 600 ? $0 : nil }
        return [action, deadline, executor].compactMap { $0 }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    static let actionHeading = SharedRegex(
        /(?:^|[^\p{Lu}])(Наименование мероприяти[яйе]|Мероприяти[яе]|Содержание (?:работы|деятельности|мероприяти[йя])|Направлени[яе] (?:деятельности|работы)|Виды? работ|Дела, события, мероприятия)(?!\p{Ll})/)
    static let deadlineHeading = SharedRegex(
        /(?:^|[^\p{Lu}])((?:Примерные сроки|Сроки?)(?: (?:проведения|исполнения|выполнения|реализации))?|Дата(?: проведения)?|Время(?: и место)? проведения)(?!\p{Ll})/)
    static let executorHeading = SharedRegex(
        /(?:^|[^\p{Lu}])(Ответственные(?: (?:исполнители|лица))?|Ответственный(?: исполнитель)?|Исполнители)(?!\p{Ll})/)

    static func whyNoPlanTable(_ document: SourceDocument) -> String {
        let tables = document.tables
        if tables.isEmpty {
            return document.paragraphs.isEmpty ? "the document is empty" : "the document is prose only"
        }
        let headers = tables.compactMap { $0.rows.first?.map(\.text).filter { !$0.isEmpty }.joined(separator: " / ") }
        let located = tables.first?.rows.first?.first?.location.description ?? "the document"
        return "\(tables.count) table(s), none with a column of planned actions or partners (first table at \(located): «"
            + (headers.first ?? "") + "»)"
    }

    /// The header read from the document with the fields given in `override` replacing its own.
    static func merging(_ read: OrderHeader?, with override: OrderHeader?) -> OrderHeader? {
        guard let override else { return read }
        var header = read ?? OrderHeader()
        if let number = override.number { header.number = number }
        if let date = override.date { header.date = date }
        if let issuer = override.issuer { header.issuer = issuer }
        if let title = override.title { header.title = title }
        if let signatory = override.signatory { header.signatory = signatory }
        if let controller = override.controller { header.controller = controller }
        if let parentBody = override.parentBody { header.parentBody = parentBody }
        return header
    }
}
