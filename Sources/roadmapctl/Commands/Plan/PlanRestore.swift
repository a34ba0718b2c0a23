import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl plan restore PLAN`: an administrator brings a withdrawn plan back.
struct PlanRestore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a withdrawn plan (administrator).")

    @Argument(help: "The plan's id.") var plan: String
    @Option(help: "Why it comes back (optional).") var reason: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        _ = try Reference.id(plan, entity: "PLAN")
    }

    func run() async throws {
        let record = try await database.withDatabase { db in
            try await WithdrawalStore(database: db).restore(
                planID: try Reference.id(plan, entity: "PLAN"), reason: reason, actor: try await actor.principal(db))
        }
        print("Plan «\(record.name)» is in force again.")
    }
}
