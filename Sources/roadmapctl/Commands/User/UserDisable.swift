import ArgumentParser
import RoadmapStore

/// `roadmapctl user disable NAME`.
struct UserDisable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Disable a user: its tokens stop working at once; its history stays.",
        discussion: "Example:\n  roadmapctl user disable school5"
    )

    @Argument(help: "The login.")
    var name: String

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var actor: ActorOptions

    func run() async throws {
        let user = try await database.withDatabase { db in try await UserStore(database: db).disableUser(login: name, actor: try await actor.principal(db)) }
        print("Disabled «\(user.login)».")
    }
}
