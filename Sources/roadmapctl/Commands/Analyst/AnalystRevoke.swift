import ArgumentParser
import RoadmapStore

/// `roadmapctl analyst revoke NAME`.
struct AnalystRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Remove an analyst's login.",
        discussion: "Example:\n  roadmapctl analyst revoke petrova"
    )

    @Argument(help: "The login.")
    var name: String

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var actor: ActorOptions

    func run() async throws {
        try await database.withDatabase { db in try await AnalystStore(database: db).revoke(name, actor: try await actor.principal(db)) }
        print("Removed analyst «\(name)».")
    }
}
