import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl extend request|approve|reject`.
struct ExtendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Request, approve or reject a later due date.",
        discussion: """
            Examples:
              roadmapctl extend request ASSIGNMENT_ID --to 2019-05-31 --reason "Лектор заболел" --as school5
              roadmapctl extend approve EXTENSION_ID --as coordinator
            """,
        subcommands: [ExtendRequest.self, ExtendApprove.self, ExtendReject.self]
    )
}

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
        let record = try await database.withPool { pool in
            try await ExtensionStore(pool: pool).request(
                assignmentID: try Reference.id(assignment, entity: "ASSIGNMENT"), dueOn: try Reference.date(to, option: "--to"),
                reason: reason, actor: try await actor.principal(pool))
        }
        print("Extension \(record.id.uuidString.lowercased()) requested: \(record.previousDueOn?.russian ?? "—") → \(record.requestedDueOn.russian).")
    }
}

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
        let record = try await database.withPool { pool in
            try await ExtensionStore(pool: pool).decide(
                try Reference.id(extensionID, entity: "EXTENSION"), approve: true, comment: comment, ifVersion: nil, actor: try await actor.principal(pool))
        }
        print("Extension \(record.id.uuidString.lowercased()) approved: due \(record.requestedDueOn.russian).")
    }
}

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
        let record = try await database.withPool { pool in
            try await ExtensionStore(pool: pool).decide(
                try Reference.id(extensionID, entity: "EXTENSION"), approve: false, comment: comment, ifVersion: nil, actor: try await actor.principal(pool))
        }
        print("Extension \(record.id.uuidString.lowercased()) rejected.")
    }
}
