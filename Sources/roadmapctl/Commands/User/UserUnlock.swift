import ArgumentParser
import RoadmapStore

/// `roadmapctl user unlock NAME`.
struct UserUnlock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock",
        abstract: "Lift a user's sign-in locks: failed sign-ins from every address are forgotten.",
        discussion: "Example:\n  roadmapctl user unlock school5"
    )

    @Argument(help: "The login.")
    var name: String

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var actor: ActorOptions

    func run() async throws {
        let user = try await database.withDatabase { db in try await UserStore(database: db).unlockUser(login: name, actor: try await actor.principal(db)) }
        print("Unlocked «\(user.login)»: it may sign in again.")
    }
}
