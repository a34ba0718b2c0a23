/// Where the header of a plan table is and what each of its columns holds; the kind of plan the
/// table is (planned actions, or social partners).
public struct PlanTableLayout: Hashable, Sendable {
    /// The shape of the table.
    public enum Kind: Hashable, Sendable {
        /// Planned actions with deadlines and executors («дорожная карта», a monthly plan).
        case actions
        /// Social partners, one per row or block, with forms of interaction and effects.
        case partners
    }

    public let kind: Kind
    /// The index of the header row in the table's rows.
    public let headerRow: Int
    /// Column index → what it holds; unrecognised columns are absent.
    public let columns: [Int: PlanColumn]
    /// A second deadline column that ends the period the first begins: «Срок начала | Срок
    /// окончания», «Плановое начало | Плановое окончание».
    public let endColumn: Int?
    /// Further executor columns: «Ответственные исполнители | Соисполнители». Their names are
    /// executors of the action too.
    public let moreExecutorColumns: [Int]
    /// «Мероприятие | 2025 | 2026 | 2027 | Ответственный», «Сроки реализации» over «2025 | 2026
    /// | 2027», or a school's «циклограмма» with a column a month: column index → the period its
    /// heading names («2025», «сентябрь»). A row's deadline is the periods it marks («+», «х»)
    /// or what it writes under them («I квартал» under 2025). Empty for other tables.
    public let periodColumns: [Int: String]
    /// The row of those headings when it stands under the header (it is no action).
    public let periodRow: Int?
    /// How the columns were found when the document gives no header for them: nil when a
    /// header row names them.
    public internal(set) var inference: Inference?

    /// What a plan with no header of its own was read as: its columns are what the cells
    /// seemed to hold, and a person should check them.
    public enum Inference: Hashable, Sendable {
        /// A numbered list whose items carry their deadlines.
        case numberedList
        /// Paragraphs each followed by «Срок:» and «Отв.:» lines.
        case labelledItems
        /// Numbered rows of one cell a line, as wide, each with its deadline.
        case headerlessTable
        /// Items that open with their day or hour, under a title.
        case datedList
        /// A deadline line, then an action line, row after row.
        case alternatingLines
    }

    public init(
        kind: Kind, headerRow: Int, columns: [Int: PlanColumn], endColumn: Int? = nil, moreExecutorColumns: [Int] = [],
        periodColumns: [Int: String] = [:], periodRow: Int? = nil
    ) {
        self.kind = kind
        self.headerRow = headerRow
        self.columns = columns
        self.endColumn = endColumn
        self.moreExecutorColumns = moreExecutorColumns
        self.periodColumns = periodColumns
        self.periodRow = periodRow
    }

    /// The year a heading names alone: «2025», «2025 г.», «2025 год»; nil for any other text.
    static func year(named heading: String) -> Int? {
        let text = RussianText.folded(RussianText.collapsingWhitespace(heading))
        guard let match = text.wholeMatch(of: /(20\d\d)\s*(?:г\.?|год|гг?\.?)?/) else { return nil }
        return Int(match.output.1)
    }

    /// Whether a heading names a month alone («Сентябрь», «сент.», «Январь 2026»).
    static let month = SharedRegex(/(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|сент|октябр|окт|ноябр|нояб|декабр|дек)[а-я]*\.?(?:\s+20\d\d(?:\s*г\.?)?)?/)

    static func namesAMonth(_ heading: String) -> Bool {
        // A month's heading is short: a long cell is no month, whatever its first word.
        let text = RussianText.collapsingWhitespace(heading)
        guard !RussianText.isLonger(text, than: 40) else { return false }
        return RussianText.folded(text).wholeMatch(of: Self.month.regex) != nil
    }

    /// Columns headed by periods in `row`: two years or more (each once), or three months or
    /// more; nil for any other row.
    static func periodColumns(in row: [SourceCell]) -> [Int: String]? {
        var years: [Int: String] = [:]
        var months: [Int: String] = [:]
        for (column, cell) in row.enumerated() {
            if let year = year(named: cell.text) { years[column] = String(year) }
            if namesAMonth(cell.text) { months[column] = RussianText.collapsingWhitespace(cell.text) }
        }
        if years.count >= 2, Set(years.values).count == years.count { return years }
        if months.count >= 3, Set(months.values).count == months.count { return months }
        return nil
    }

    /// Finds the header among the first rows: the first row naming an action column, or a
    /// partner column, together with at least one other known column. A row naming only the
    /// number and the action («N | Наименование документа |» of a header broken over lines)
    /// gives way to a later row that names more. Nil: not a plan table.
    public init?(table: SourceTable) {
        var weak: PlanTableLayout?
        for (index, row) in table.rows.prefix(4).enumerated() {
            // «15. | Контроль организации питания | … | Ответственный за питание»: a numbered
            // row is the plan's, whatever headings its words happen to sound like.
            if let first = row.first?.text, CellRunTable.isRowNumber(first.trimmingCharacters(in: .whitespacesAndNewlines)),
               row.dropFirst().contains(where: { !$0.text.isEmpty }) { continue }
            var columns: [Int: PlanColumn] = [:]
            var end: Int?
            var moreExecutors: [Int] = []
            for (column, cell) in row.enumerated() {
                guard let kind = PlanColumn(header: cell.text) else { continue }
                if kind == .action, let first = columns.first(where: { $0.value == .action }),
                   PlanColumn.namesAGrouping(row[first.key].text), !PlanColumn.namesAGrouping(cell.text) {
                    // «Направление деятельности | Мероприятия»: the first groups, the second
                    // names the actions.
                    columns[first.key] = .group
                    columns[column] = .action
                    continue
                }
                guard !columns.values.contains(kind) else {
                    if kind == .deadline, end == nil, Self.namesAnEnd(cell.text) { end = column }
                    if kind == .executor { moreExecutors.append(column) }
                    continue
                }
                columns[column] = kind
            }
            if !columns.values.contains(.action), columns.values.contains(.deadline),
               columns.values.contains(.executor) || columns.values.contains(.number),
               let actions = Self.columnOfActions(in: table, header: index, besides: columns) {
                // «№ | События | Сроки | Ответственные»: a heading the columns do not know,
                // over the longest texts of the rows, before the deadline's: the actions.
                columns[actions] = .action
            }
            guard columns.count >= 2 else { continue }
            let kinds = Set(columns.values)
            let layout: PlanTableLayout
            if kinds.contains(.action) {
                // «Направление | Мероприятие»: «Направление» alone reads as a partners' column;
                // beside the actions it groups them.
                for (column, kind) in columns where kind == .partner && PlanColumn.namesAGrouping(row[column].text) {
                    columns[column] = .group
                }
                // «Задачи | Мероприятия | Сроки | Ответственные»: the tasks the actions serve.
                for (column, cell) in row.enumerated() where columns[column] == nil {
                    if PlanColumn.namesTasks(cell.text) {
                        columns[column] = .task
                    } else if PlanColumn.namesAGrouping(cell.text) {
                        // «Раздел | Содержание работы»: the part of the plan the rows stand in.
                        columns[column] = .group
                    }
                }
                if !kinds.contains(.deadline), let dated = Self.columnOfDeadlines(in: table, below: index, besides: columns) {
                    // «Мероприятие | Место проведения | Класс | Ответственный» whose second
                    // column holds «В течение года», «Октябрь», «Сентябрь-октябрь»: what the
                    // cells say wins over a heading that names no deadline.
                    columns[dated] = .deadline
                }
                // Years or months heading columns, in the header or in the row under it.
                var periodColumns = Self.periodColumns(in: row) ?? [:]
                var periodRow: Int?
                if periodColumns.isEmpty, index + 1 < table.rows.count, let below = Self.periodColumns(in: table.rows[index + 1]) {
                    periodColumns = below
                    periodRow = index + 1
                }
                for column in periodColumns.keys where columns[column] == .deadline { columns[column] = nil }
                layout = PlanTableLayout(
                    kind: .actions, headerRow: index, columns: columns, endColumn: end, moreExecutorColumns: moreExecutors,
                    periodColumns: periodColumns, periodRow: periodRow)
            } else if kinds.contains(.partner) {
                layout = PlanTableLayout(kind: .partners, headerRow: index, columns: columns)
            } else {
                continue
            }
            if !layout.namesOnlyTheAction {
                self = layout
                return
            }
            weak = weak ?? layout
        }
        guard let weak else { return nil }
        self = weak
    }

    /// The one column, not the action's, number's or executors', whose body cells nearly all
    /// read as deadlines (two at least); nil when none or more than one does.
    static func columnOfDeadlines(in table: SourceTable, below header: Int, besides columns: [Int: PlanColumn]) -> Int? {
        let body = table.rows.dropFirst(header + 1)
        let width = table.rows.map(\.count).max() ?? 0
        let candidates = (0..<width).filter { column in
            guard ![.action, .number, .executor, .result].contains(columns[column]) else { return false }
            let texts = body.compactMap { $0.indices.contains(column) ? $0[column].text : nil }.filter { !$0.isEmpty }
            let dated = texts.filter(CellRunTable.looksLikeDeadline).count
            return dated >= 2 && dated * 5 >= texts.count * 4
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// The column with a heading the columns do not know (a short one, in words), left of the
    /// deadline's, whose body cells are the longest texts of the rows but the executors' and
    /// deadlines' (15 characters or more on average, none of them a deadline); nil when no
    /// column is so.
    static func columnOfActions(in table: SourceTable, header: Int, besides columns: [Int: PlanColumn]) -> Int? {
        let row = table.rows[header]
        guard let deadline = columns.first(where: { $0.value == .deadline })?.key else { return nil }
        let unknown = (0..<deadline).filter { column in
            guard columns[column] == nil, row.indices.contains(column) else { return false }
            let heading = RussianText.collapsingWhitespace(row[column].text)
            return !heading.isEmpty && !RussianText.isLonger(heading, than: 40) && heading.filter(\.isLetter).count >= 3
                && !heading.contains(where: \.isNumber)
        }
        let body = table.rows.dropFirst(header + 1).prefix(40)
        func averageLength(_ column: Int) -> Int {
            let texts = body.compactMap { $0.indices.contains(column) ? $0[column].text : nil }.filter { !$0.isEmpty }
            guard !texts.isEmpty else { return 0 }
            return texts.reduce(0) { $0 + min($1.count, 400) } / texts.count
        }
        guard let candidate = unknown.max(by: { averageLength($0) < averageLength($1) }) else { return nil }
        let texts = body.compactMap { $0.indices.contains(candidate) ? $0[candidate].text : nil }.filter { !$0.isEmpty }
        guard texts.count >= 2, !texts.contains(where: CellRunTable.looksLikeDeadline) else { return nil }
        let length = averageLength(candidate)
        let width = table.rows.map(\.count).max() ?? 0
        // (The executors' and the deadlines' may run longer: two posts with their names, a
        // month with a note in brackets.)
        guard length >= 15, (0..<width).allSatisfy({ column in
            column == candidate || [.executor, .deadline].contains(columns[column]) || averageLength(column) < length
        }) else { return nil }
        return candidate
    }

    /// «Срок окончания», «Плановое окончание», «Дата завершения», «Конец»; «Время проведения»
    /// after a date (the hour on that day).
    static func namesAnEnd(_ header: String) -> Bool {
        let text = RussianText.folded(header)
        // «Дата | … | Время проведения»: the second says the hour on that day, or the time
        // the first one's «С 1.10» runs for.
        return ["оконч", "заверш", "конец"].contains { text.contains($0) } || text.hasPrefix("время") && !text.contains("мест")
    }

    /// Whether the header names the action and nothing else but the number: a header whose
    /// other headings went to lines below (a text copy), or a table that is hardly a plan.
    public var namesOnlyTheAction: Bool {
        Set(columns.values).subtracting([.number, .note]).count < 2
    }

    /// The column holding `kind`, if the table has one.
    public func index(of kind: PlanColumn) -> Int? {
        columns.first { $0.value == kind }?.key
    }
}
