import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl order restore ORDER`: an administrator brings a withdrawn order back with the
/// plans withdrawn with it.
struct OrderRestore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a withdrawn order with its plans (administrator).",
        discussion: "Example:\n  roadmapctl order restore 770/2018-06-25 --reason \"Отозван ошибочно\"")

    @Argument(help: "The order: NUMBER/YYYY-MM-DD, its number alone when no other order has it, or its id.") var order: String
    @Option(help: "Why it comes back (optional).") var reason: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let record = try await database.withDatabase { db in
            let principal = try await actor.principal(db)
            let today = CommitteeClock().today()
            let found = try await OrderStore(database: db).find(order, asOf: today, scope: principal)
            return try await WithdrawalStore(database: db).restore(orderID: found.id, reason: reason, asOf: today, actor: principal)
        }
        print("Order № \(record.number) of \(record.date.russian) is in force again.")
    }
}
