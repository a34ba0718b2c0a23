import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl plan list [--withdrawn]`: plans imported with no order (which no order page
/// shows), or the withdrawn ones an administrator may restore.
struct PlanList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List plans imported without an order, or (--withdrawn) the withdrawn ones.")

    @Flag(help: "List withdrawn plans instead.") var withdrawn = false
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    struct Row: Encodable {
        let id: String
        let order: String?
        let title: String
        let actions: Int
        let assignments: Int
        let withdrawnAt: String?

        enum CodingKeys: String, CodingKey {
            case id, order, title, actions, assignments
            case withdrawnAt = "withdrawn_at"
        }
    }

    func run() async throws {
        let plans = try await database.withDatabase { db in
            try await WithdrawalStore(database: db).plans(withdrawn: withdrawn, actor: try await actor.principal(db))
        }
        let rows = plans.map { plan in
            Row(id: plan.id.lowercased,
                order: plan.orderNumber.map { number in "\(number)/\(plan.orderDate?.iso ?? "")" }, title: plan.name,
                actions: plan.actions, assignments: plan.assignments,
                withdrawnAt: plan.withdrawnAt.map { CommitteeClock().today(now: $0).iso })
        }
        try Output.list(rows, format: format, columns: ["id", "order", "title", "actions", "assignments", "withdrawn"]) {
            [$0.id, $0.order ?? "", $0.title, "\($0.actions)", "\($0.assignments)", $0.withdrawnAt ?? ""]
        }
    }
}
