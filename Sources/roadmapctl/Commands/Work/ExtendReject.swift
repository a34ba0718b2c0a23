import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl extend reject EXTENSION`.
struct ExtendReject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject an extension request.",
        discussion: "Example:\n  roadmapctl extend reject EXTENSION_ID --comment \"Срок не переносится\"")

    @Argument(help: "The extension's id.") var extensionID: String
    @Option(help: "A comment.") var comment: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws { _ = try Reference.id(extensionID, entity: "EXTENSION") }

    func run() async throws {
        let record = try await database.withDatabase { db in
            try await ExtensionStore(database: db).decide(
                try Reference.id(extensionID, entity: "EXTENSION"), decision: .reject, comment: comment, ifVersion: nil, actor: try await actor.principal(db))
        }
        print("Extension \(record.id.lowercased) rejected.")
    }
}
