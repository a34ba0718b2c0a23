import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapExport
import RoadmapStore

/// `roadmapctl summary ORDER --as-of DATE --format table|json|csv|xlsx`: «сводка об
/// исполнении приказа», as the page and `GET /v1/orders/{id}/summary` give it.
struct SummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "«Сводка об исполнении приказа» as of a day: each executor's outcome and report, totals per action, task, goal and order.",
        discussion: """
            Done by a day means an accepted report whose work day is on or before it, however
            late it was accepted. CSV and .xlsx have a row per goal, task and action with its
            totals and a row per executor under each action.

            Examples:
              roadmapctl summary 770/2018-06-25 --as-of 2019-04-01
              roadmapctl summary 770/2018-06-25 --as-of 2019-04-01 --format xlsx --output svodka-770.xlsx
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, xlsx
    }

    @Argument(help: ArgumentHelp("The order: id or NUMBER/YYYY-MM-DD.", valueName: "order"))
    var order: String

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day of the summary (default today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: "table, json, csv or xlsx.")
    var format: Format = .table

    @Option(help: ArgumentHelp("Write here instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let asOf { _ = try Reference.date(asOf, option: "--as-of") }
        try ExportFile.checkBinary(format == .xlsx, output: output)
    }

    func run() async throws {
        let day = try asOf.map { try Reference.date($0, option: "--as-of") } ?? CommitteeClock().today()
        let summary = try await database.withDatabase { db in
            let scope = try await actor.principal(db)
            let record = try await OrderStore(database: db).find(order, asOf: day, scope: scope)
            return try await ExecutionSummaryStore(database: db).summary(orderID: record.id, asOf: day, scope: scope)
        }
        let rows = SummarySheet.rows(summary)
        let data: Data
        switch format {
        case .table: data = Data(Output.table([SummarySheet.header] + rows.map { $0.map(Self.text) }).utf8)
        case .json: data = Data((try Output.json(SummaryJSON(summary), snakeCase: true) + "\n").utf8)
        case .csv: data = CSVExport.data(header: SummarySheet.header, rows: rows)
        case .xlsx:
            data = try SummarySheet.workbook(summary)
        }
        try ExportFile.write(data, to: output, what: "the summary of order № \(summary.order.number) as of \(summary.asOf.russian)")
    }

    static func text(_ cell: ExportCell) -> String {
        switch cell {
        case .text(let text): text
        case .number(let number): String(number)
        case .date(let date): date.russian
        case .empty: ""
        }
    }
}

/// The summary as JSON, with the names `GET /v1/orders/{id}/summary` uses (snake_case keys).
struct SummaryJSON: Encodable {
    struct Tally: Encodable {
        let total, done, doneOnTime, doneLate, overdue, notYetDue, cancelled, percentDone: Int
        init(_ tally: ExecutionTally) {
            total = tally.total
            done = tally.done
            doneOnTime = tally.count(.doneOnTime)
            doneLate = tally.count(.doneLate)
            overdue = tally.count(.overdue)
            notYetDue = tally.count(.notYetDue)
            cancelled = tally.count(.cancelled)
            percentDone = tally.percentDone
        }
    }
    struct Line: Encodable {
        let assignmentId, executorId, executorName: String
        let occurrence: Int
        let dueOn: String?
        let outcome: String
        let doneOn, reportText, reportStatus: String?
    }
    struct Action: Encodable {
        let id, number, title, deadlineText: String
        let totals: Tally
        let executors: [Line]
    }
    struct Task: Encodable {
        let id, number, title: String
        let totals: Tally
    }
    struct Goal: Encodable {
        let id: String
        let position: Int
        let title: String
        let totals: Tally
        let tasks: [Task]
        let actions: [Action]
    }
    let orderId, orderNumber, orderDate, issuerName, title, asOf: String
    let totals: Tally
    let goals: [Goal]

    init(_ summary: ExecutionSummaryRecord) {
        orderId = summary.order.id.lowercased
        orderNumber = summary.order.number
        orderDate = summary.order.date.iso
        issuerName = summary.order.issuerName
        title = summary.order.title
        asOf = summary.asOf.iso
        totals = Tally(summary.tally)
        goals = summary.goals.map { goal in
            Goal(
                id: goal.id.lowercased, position: goal.position, title: goal.title, totals: Tally(goal.tally),
                tasks: goal.tasks.map { Task(id: $0.id.lowercased, number: $0.number, title: $0.title, totals: Tally($0.tally)) },
                actions: goal.actions.map { action in
                    Action(
                        id: action.id.lowercased, number: action.number, title: action.title,
                        deadlineText: action.deadlineText, totals: Tally(action.tally),
                        executors: action.lines.map { line in
                            Line(assignmentId: line.assignmentID.lowercased, executorId: line.executorID.lowercased,
                                 executorName: line.executorName, occurrence: line.occurrence, dueOn: line.dueOn?.iso,
                                 outcome: line.outcome.rawValue, doneOn: line.doneOn?.iso, reportText: line.reportText,
                                 reportStatus: line.reportStatus?.rawValue)
                        })
                })
        }
    }
}
