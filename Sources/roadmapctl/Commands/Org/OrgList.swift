import ArgumentParser
import RoadmapStore

/// `roadmapctl org list [--kind] [--search]`.
struct OrgList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List organisations by name.",
        discussion: "Example:\n  roadmapctl org list --kind school --search \"сош\" --format json"
    )

    @Option(help: ArgumentHelp(OrganizationKindArgument.help))
    var kind: OrganizationKindArgument?

    @Option(help: "Only names (or aliases) containing this, compared the way imports match names.")
    var search: String?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let records = try await database.withDatabase { db in
            let store = OrganizationStore(database: db)
            let scope = try await actor.principal(db)
            return try await Page.all { try await store.list(kind: kind?.rawValue, query: search, limit: 500, cursor: $0, scope: scope) }
        }
        try Output.list(records, format: format, columns: ["id", "kind", "name", "short name", "aliases"]) { record in
            [record.id.lowercased, record.kind, record.name, record.shortName ?? "", record.aliases.joined(separator: "; ")]
        }
    }
}
