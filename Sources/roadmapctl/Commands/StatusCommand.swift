import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl status`: the assignments that match, by deadline, and a one-line summary.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List assignments by deadline with their status, and a one-line summary.",
        discussion: """
            Examples:
              roadmapctl status --order 770/2018-06-25 --overdue --as-of 2019-04-01
              roadmapctl status --executor "СОШ № 5" --due-within 30d
              roadmapctl status --overdue --format csv > overdue.csv
            """
    )

    @Option(help: ArgumentHelp("Only this order: id or NUMBER/YYYY-MM-DD.", valueName: "order"))
    var order: String?

    @Option(help: ArgumentHelp("Only this executor: id or name.", valueName: "org"))
    var executor: String?

    @Flag(help: "Only overdue assignments.")
    var overdue = false

    @Option(name: .customLong("due-within"), help: ArgumentHelp("Only assignments due from the as-of day to this many days later.", valueName: "30d"))
    var dueWithin: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Judge overdue on this day (default today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    struct Row: Encodable {
        let id: String
        let dueOn: String?
        let status: String
        let overdue: Bool
        let executor: String
        let action: String
        let deadline: String
        let orderID: String?

        enum CodingKeys: String, CodingKey {
            case id, status, overdue, executor, action, deadline
            case dueOn = "due_on"
            case orderID = "order_id"
        }
    }

    static func days(_ text: String) -> Int? {
        guard text.hasSuffix("d"), let days = Int(text.dropLast()), (0...3660).contains(days) else { return nil }
        return days
    }

    func validate() throws {
        if let asOf { _ = try Reference.date(asOf, option: "--as-of") }
        if let dueWithin, Self.days(dueWithin) == nil {
            throw ValidationError("--due-within must be a number of days like 30d, got «\(dueWithin)»")
        }
    }

    func run() async throws {
        let day = try asOf.map { try Reference.date($0, option: "--as-of") } ?? CommitteeClock().today()
        let records = try await database.withDatabase { db in
            let scope = try await actor.principal(db)
            var filter = AssignmentFilter(overdue: overdue ? true : nil)
            if let order { filter.orderID = try await OrderStore(database: db).find(order, asOf: day, scope: scope).id }
            if let executor { filter.executorID = try await OrganizationStore(database: db).resolve(executor, scope: try await actor.principal(db)).id }
            if let dueWithin, let days = Self.days(dueWithin) {
                filter.dueFrom = day
                filter.dueTo = day.adding(days: days)
            }
            return try await Page.all { try await AssignmentStore(database: db).list(filter, asOf: day, limit: 500, cursor: $0, scope: scope) }
        }
        let rows = records.map { record in
            Row(id: record.id.lowercased, dueOn: record.dueOn?.iso, status: record.status.rawValue, overdue: record.overdue,
                executor: record.executorName, action: record.actionTitle, deadline: record.deadlineText,
                orderID: record.orderID?.lowercased)
        }
        if format == .json {
            print(try Output.json(rows))
            return
        }
        try Output.list(rows, format: format, columns: ["due", "status", "executor", "action", "id"]) { row in
            let status = AssignmentStatus(rawValue: row.status)?.russianName ?? row.status
            return [row.dueOn.flatMap(CalendarDate.init(iso:))?.russian ?? "без срока",
                    row.overdue ? "\(status), \(AssignmentStatus.overdueRussianName)" : status,
                    row.executor, row.action, row.id]
        }
        if format == .table { print(Self.summary(records, asOf: day)) }
    }

    static func summary(_ records: [AssignmentRecord], asOf day: CalendarDate) -> String {
        let overdue = records.filter(\.overdue).count
        let counts = AssignmentStatus.allCases.compactMap { status -> String? in
            let count = records.filter { $0.status == status }.count
            return count == 0 ? nil : "\(status.russianName) \(count)"
        }
        let overdueText = "\(AssignmentStatus.overdueRussianName) \(overdue)"
        return "\(records.count) assignment(s) as of \(day.russian): \(overdue > 0 ? Terminal.red(overdueText) : overdueText)"
            + (counts.isEmpty ? "" : "; " + counts.joined(separator: ", "))
    }
}
