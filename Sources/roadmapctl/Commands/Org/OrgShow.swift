import ArgumentParser
import RoadmapStore

/// `roadmapctl org show ORG`.
struct OrgShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one organisation, by id or name.",
        discussion: "Example:\n  roadmapctl org show \"СОШ № 5\""
    )

    @Argument(help: "Its id, name, short name or alias.")
    var organization: String

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let record = try await database.withDatabase { db in try await OrganizationStore(database: db).resolve(organization, scope: try await actor.principal(db)) }
        try Output.print(record, format: format) {
            Output.table([
                ["id", record.id.lowercased], ["name", record.name], ["short name", record.shortName ?? ""],
                ["kind", record.kind], ["parent", record.parentID?.lowercased ?? ""],
                ["aliases", record.aliases.joined(separator: "; ")], ["version", String(record.version)],
            ]).trimmingCharacters(in: .newlines)
        }
    }
}
