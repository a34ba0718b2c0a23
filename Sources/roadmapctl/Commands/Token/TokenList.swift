import ArgumentParser
import Foundation
import RoadmapStore

/// `roadmapctl token list [NAME]`.
struct TokenList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List tokens (their first characters only, never the tokens).",
        discussion: "Example:\n  roadmapctl token list school5"
    )

    @Argument(help: "Only this user's tokens.")
    var name: String?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var actor: ActorOptions

    func run() async throws {
        let tokens = try await database.withDatabase { db in try await UserStore(database: db).listTokens(login: name, scope: try await actor.principal(db)) }
        let formatter = ISO8601DateFormatter()
        try Output.list(tokens, format: format, columns: ["prefix", "user", "label", "created", "expires", "state"]) { token in
            let state = token.revokedAt != nil ? "revoked" : (token.expiresAt.map { $0 < Date() } == true ? "expired" : "active")
            return [token.prefix, token.login, token.name ?? "", formatter.string(from: token.createdAt),
                    token.expiresAt.map(formatter.string(from:)) ?? "never", state]
        }
    }
}
