import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl plan withdraw PLAN --reason TEXT`: one plan (an import with no order, say) is
/// taken back; kept in history, left out of every list and count.
struct PlanWithdraw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "Withdraw a plan (kept in history; an administrator may restore it).")

    @Argument(help: "The plan's id.") var plan: String
    @Option(help: "Why it is withdrawn.") var reason: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        _ = try Reference.id(plan, entity: "PLAN")
    }

    func run() async throws {
        let record = try await database.withDatabase { db in
            try await WithdrawalStore(database: db).withdraw(
                planID: try Reference.id(plan, entity: "PLAN"), reason: reason, actor: try await actor.principal(db))
        }
        print("Plan «\(record.name)» withdrawn (\(record.assignments) assignments hidden); `roadmapctl plan restore \(plan)` brings it back.")
    }
}
