import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl extend request ASSIGNMENT --to DATE --reason TEXT`.
struct ExtendRequest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Ask for a later due date.",
        discussion: "Example:\n  roadmapctl extend request ASSIGNMENT_ID --to 2019-05-31 --reason \"Ремонт\" --as school5")

    @Argument(help: "The assignment's id.") var assignment: String
    @Option(help: ArgumentHelp("The new due date.", valueName: "YYYY-MM-DD")) var to: String
    @Option(help: "Why the deadline must move.") var reason: String
    @Option(help: "Output format: table or json.") var format: OutputFormat = .table
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        _ = try Reference.id(assignment, entity: "ASSIGNMENT")
        _ = try Reference.date(to, option: "--to")
    }

    func run() async throws {
        let record = try await database.withDatabase { db in
            try await ExtensionStore(database: db).request(
                assignmentID: try Reference.id(assignment, entity: "ASSIGNMENT"), dueOn: try Reference.date(to, option: "--to"),
                reason: reason, actor: try await actor.principal(db))
        }
        print("Extension \(record.id.lowercased) requested: \(record.previousDueOn?.russian ?? "—") → \(record.requestedDueOn.russian).")
    }
}
