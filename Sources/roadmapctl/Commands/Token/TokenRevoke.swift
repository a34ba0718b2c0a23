import ArgumentParser
import RoadmapStore

/// `roadmapctl token revoke ID|PREFIX`.
struct TokenRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a token by its id or the prefix `token list` shows; it stops working at once.",
        discussion: "Example:\n  roadmapctl token revoke rm_AbC1234"
    )

    @Argument(help: "The token's id or prefix.")
    var token: String

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var actor: ActorOptions

    func run() async throws {
        let record = try await database.withDatabase { db in try await UserStore(database: db).revokeToken(token, actor: try await actor.principal(db)) }
        print("Revoked token \(record.prefix)… of «\(record.login)».")
    }
}
