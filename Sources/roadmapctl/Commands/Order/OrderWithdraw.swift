import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl order withdraw ORDER --reason TEXT`: an order issued or imported by mistake is
/// taken back with its plans; kept in history, left out of every list and count.
struct OrderWithdraw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "Withdraw an order with its plans (kept in history; an administrator may restore it).",
        discussion: "Example:\n  roadmapctl order withdraw 770/2018-06-25 --reason \"Импортирован по ошибке\"")

    @Argument(help: "The order: NUMBER/YYYY-MM-DD, its number alone when no other order has it, or its id.") var order: String
    @Option(help: "Why it is withdrawn.") var reason: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let record = try await database.withDatabase { db in
            let principal = try await actor.principal(db)
            let today = CommitteeClock().today()
            let found = try await OrderStore(database: db).find(order, asOf: today, scope: principal)
            return try await WithdrawalStore(database: db).withdraw(orderID: found.id, reason: reason, asOf: today, actor: principal)
        }
        print("Order № \(record.number) of \(record.date.russian) withdrawn; `roadmapctl order restore \(record.id.lowercased)` brings it back.")
    }
}
