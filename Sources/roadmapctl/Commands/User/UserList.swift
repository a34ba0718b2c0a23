import ArgumentParser
import RoadmapStore

/// `roadmapctl user list`.
struct UserList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List users.",
        discussion: "Example:\n  roadmapctl user list --format csv > users.csv"
    )

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var actor: ActorOptions

    func run() async throws {
        let users = try await database.withDatabase { db in try await UserStore(database: db).listUsers(scope: try await actor.principal(db)) }
        try Output.list(users, format: format, columns: ["login", "role", "organization", "status"]) { user in
            [user.login, user.role.rawValue, user.organizationName ?? "", user.disabled ? "disabled" : user.locked ? "locked" : "active"]
        }
    }
}
