import ArgumentParser
import Foundation
import RoadmapStore

/// `roadmapctl org add NAME --kind KIND`.
struct OrgAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an organisation.",
        discussion: "Example:\n  roadmapctl org add \"МБОУ «СОШ № 22»\" --kind school --alias \"Школа № 22\""
    )

    @Argument(help: "The full name, as documents write it.")
    var name: String

    @Option(help: ArgumentHelp(OrganizationKindArgument.help))
    var kind: OrganizationKindArgument

    @Option(name: .customLong("short-name"), help: "A short name («СОШ № 22»).")
    var shortName: String?

    @Option(help: ArgumentHelp("The parent organisation: id or name.", valueName: "org"))
    var parent: String?

    @Option(name: .customLong("alias"), help: "Another name documents use (repeatable).")
    var aliases: [String] = []

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let record = try await database.withDatabase { db in
            var parentID: UUID?
            if let parent { parentID = try await OrganizationStore(database: db).resolve(parent, scope: try await actor.principal(db)).id }
            return try await OrganizationStore(database: db).create(
                OrganizationChange(name: name, kind: kind.rawValue, shortName: shortName, parentID: parentID, aliases: aliases),
                actor: try await actor.principal(db))
        }
        try Output.print(record, format: format) { "Added \(record.kind) «\(record.name)» (id \(record.id.lowercased))." }
    }
}
