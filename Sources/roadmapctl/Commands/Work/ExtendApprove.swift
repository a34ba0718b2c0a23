import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl extend approve EXTENSION`.
struct ExtendApprove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve: the assignment's due date moves; the original is kept.",
        discussion: "Example:\n  roadmapctl extend approve EXTENSION_ID --comment \"Согласовано\"")

    @Argument(help: "The extension's id.") var extensionID: String
    @Option(help: "A comment.") var comment: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws { _ = try Reference.id(extensionID, entity: "EXTENSION") }

    func run() async throws {
        let record = try await database.withDatabase { db in
            try await ExtensionStore(database: db).decide(
                try Reference.id(extensionID, entity: "EXTENSION"), decision: .approve, comment: comment, ifVersion: nil, actor: try await actor.principal(db))
        }
        print("Extension \(record.id.lowercased) approved: due \(record.requestedDueOn.russian).")
    }
}
