import ArgumentParser
import RoadmapStore

/// `roadmapctl analyst grant NAME`: prints a psql-ready URL on its last line.
struct AnalystGrant: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Create a read-only login for an analyst (or give it a new password); the URL is the last line.",
        discussion: "Example:\n  psql \"$(roadmapctl analyst grant petrova | tail -n 1)\" -c 'SELECT * FROM analytics.orders'"
    )

    @Argument(help: "The login: lower-case Latin letters, digits and _.")
    var name: String

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var actor: ActorOptions

    func run() async throws {
        let grant = try await database.withDatabase { db in try await AnalystStore(database: db).grant(name, actor: try await actor.principal(db)) }
        print("Analyst «\(grant.name)» may read the views of schema analytics (see docs/analytics.md); the password is shown only now.")
        print(grant.url)
    }
}
