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

    func run() async throws {
        try await database.withDatabase { db in try await AnalystStore(database: db).revoke(name) }
        print("Removed analyst «\(name)».")
    }
}
