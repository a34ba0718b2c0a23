import ArgumentParser
import RoadmapStore

/// `roadmapctl analyst list`.
struct AnalystList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the analysts' logins.",
        discussion: "Example:\n  roadmapctl analyst list --format json"
    )

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var actor: ActorOptions

    func run() async throws {
        let names = try await database.withDatabase { db in try await AnalystStore(database: db).list(scope: try await actor.principal(db)) }
        try Output.list(names, format: format, columns: ["analyst"]) { [$0] }
    }
}
