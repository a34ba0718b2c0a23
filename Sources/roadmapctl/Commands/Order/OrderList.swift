import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl order list [--year] [--issuer]`.
struct OrderList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List orders, newest first, with their progress.",
        discussion: "Example:\n  roadmapctl order list --year 2018 --issuer \"Комитет образования\" --format csv"
    )

    @Option(help: "Only orders of this year.")
    var year: Int?

    @Option(help: ArgumentHelp("Only orders of this issuer: id or name.", valueName: "org"))
    var issuer: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Judge overdue on this day (default today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    struct Row: Encodable {
        let id: String
        let number: String
        let date: String
        let issuer: String
        let title: String
        let total: Int
        let done: Int
        let overdue: Int
        let shareDone: Double

        enum CodingKeys: String, CodingKey {
            case id, number, date, issuer, title, total, done, overdue
            case shareDone = "share_done"
        }
    }

    func validate() throws {
        if let asOf { _ = try Reference.date(asOf, option: "--as-of") }
        if let year, !(1990...2200).contains(year) { throw ValidationError("--year must be a year like 2018, got \(year)") }
    }

    func run() async throws {
        let day = try asOf.map { try Reference.date($0, option: "--as-of") } ?? CommitteeClock().today()
        let orders = try await database.withDatabase { db in
            let scope = try await actor.principal(db)
            var issuerID: UUID?
            if let issuer { issuerID = try await OrganizationStore(database: db).resolve(issuer, scope: try await actor.principal(db)).id }
            return try await Page.all {
                try await OrderStore(database: db).list(year: year, issuerID: issuerID, asOf: day, limit: 500, cursor: $0, scope: scope)
            }
        }
        let rows = orders.map { order in
            Row(id: order.id.lowercased, number: order.number, date: order.date.iso, issuer: order.issuerName,
                title: order.title, total: order.rollup.total, done: order.rollup.count(.done), overdue: order.rollup.overdue,
                shareDone: order.rollup.shareDone)
        }
        try Output.list(rows, format: format, columns: ["order", "date", "issuer", "progress", "title"]) { row in
            ["\(row.number)/\(row.date)", CalendarDate(iso: row.date)?.russian ?? row.date, row.issuer,
             Progress.text(done: row.done, total: row.total, overdue: row.overdue), row.title]
        }
    }
}
