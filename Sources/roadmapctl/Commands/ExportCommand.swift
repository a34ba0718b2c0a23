import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapExport
import RoadmapStore

/// `roadmapctl export --order ORDER --format csv|xlsx`: the plan with its status per executor.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export an order's plan with the status of each executor, for Excel or LibreOffice.",
        discussion: """
            CSV is UTF-8 with a BOM, ; separated, CRLF, dates dd.mm.yyyy; .xlsx has real date
            cells, a bold frozen header row and an autofilter. Cells are never formulas.

            Examples:
              roadmapctl export --order 770/2018-06-25 --format xlsx --output prikaz-770.xlsx
              roadmapctl export --order 770/2018-06-25 --format csv > prikaz-770.csv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
        case xlsx
    }

    @Option(help: ArgumentHelp("The order: id or NUMBER/YYYY-MM-DD.", valueName: "order"))
    var order: String

    @Option(help: "csv or xlsx.")
    var format: Format = .csv

    @Option(help: ArgumentHelp("Write here instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Judge overdue on this day (default today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    static let header = ["№", "Цель", "Мероприятие", "Срок (как в приказе)", "Срок исполнения", "Первоначальный срок",
                         "Исполнитель", "Статус", "Просрочено"]

    func validate() throws {
        if let asOf { _ = try Reference.date(asOf, option: "--as-of") }
        try ExportFile.checkBinary(format == .xlsx, output: output)
    }

    func run() async throws {
        let day = try asOf.map { try Reference.date($0, option: "--as-of") } ?? CommitteeClock().today()
        let (record, tree, assignments) = try await database.withDatabase { db in
            let scope = try await actor.principal(db)
            let record = try await OrderStore(database: db).find(order, asOf: day, scope: scope)
            let tree = try await PlanStore(database: db).tree(orderID: record.id, asOf: day, scope: scope, executorLimit: nil)
            let all = try await Page.all {
                try await AssignmentStore(database: db).list(AssignmentFilter(orderID: record.id), asOf: day, limit: 500, cursor: $0, scope: scope)
            }
            return (record, tree, all)
        }
        let rows = Self.rows(tree: tree, assignments: assignments)
        let data: Data
        switch format {
        case .csv: data = CSVExport.data(header: Self.header, rows: rows)
        case .xlsx:
            data = try XLSXExport.data(sheet: "Приказ № \(record.number)", header: Self.header, rows: rows,
                                       widths: [6, 30, 50, 22, 14, 14, 40, 16, 12])
        }
        try ExportFile.write(data, to: output, what: "\(rows.count) row(s) of order № \(record.number)")
    }

    /// One row per assignment, in plan order: goal, action, executor, occurrence.
    static func rows(tree: PlanTreeRecord, assignments: [AssignmentRecord]) -> [[ExportCell]] {
        var place: [UUID: (goal: Int, action: Int, goalTitle: String)] = [:]
        for (goalIndex, goal) in tree.plans.flatMap(\.goals).enumerated() {
            for action in goal.actions { place[action.id] = (goalIndex + 1, action.position, goal.title) }
        }
        let sorted = assignments.sorted { left, right in
            let l = place[left.actionID] ?? (Int.max, Int.max, "")
            let r = place[right.actionID] ?? (Int.max, Int.max, "")
            return (l.goal, l.action, left.executorName, left.occurrence) < (r.goal, r.action, right.executorName, right.occurrence)
        }
        return sorted.map { assignment in
            let where_ = place[assignment.actionID]
            let status = assignment.status.russianName
            return [
                .text(where_.map { "\($0.goal).\($0.action)" } ?? ""),
                .text(where_?.goalTitle ?? ""),
                .text(assignment.actionTitle),
                .text(assignment.deadlineText),
                assignment.dueOn.map(ExportCell.date) ?? .empty,
                assignment.originalDueOn.flatMap { $0 == assignment.dueOn ? nil : ExportCell.date($0) } ?? .empty,
                .text(assignment.executorName),
                .text(status),
                .text(assignment.overdue ? "да" : "нет"),
            ]
        }
    }
}
