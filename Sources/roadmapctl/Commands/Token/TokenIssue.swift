import ArgumentParser
import Foundation
import RoadmapStore

/// `roadmapctl token issue NAME [--expires-in 90d] [--format json]`.
struct TokenIssue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a token for a user; it is printed once, alone on the last line.",
        discussion: """
            Example:
              roadmapctl token issue school5 --expires-in 90d --format json
            """
    )

    @Argument(help: "The user's login.")
    var name: String

    @Option(name: .customLong("expires-in"), help: ArgumentHelp("Lifetime: 90d, 12h, 30m (default: no expiry).", valueName: "duration"))
    var expiresIn: String?

    @Option(help: "A label to tell the token apart in `token list`.")
    var label: String?

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var actor: ActorOptions

    func validate() throws {
        if let expiresIn, DurationText.seconds(expiresIn) == nil {
            throw ValidationError("--expires-in must be a positive number of days, hours or minutes like 90d, 12h or 30m; got «\(expiresIn)»")
        }
        if format == .csv { throw ValidationError("--format takes table or json") }
    }

    func run() async throws {
        let lifetime = expiresIn.flatMap(DurationText.seconds)
        let issued = try await database.withDatabase { db in
            try await UserStore(database: db).issueToken(login: name, name: label, lifetime: lifetime, actor: try await actor.principal(db))
        }
        switch format {
        case .json:
            let expires = issued.record.expiresAt.map { "\"\(ISO8601DateFormatter().string(from: $0))\"" } ?? "null"
            print("{\"expires_at\":\(expires),\"id\":\"\(issued.record.id.lowercased)\",\"token\":\"\(issued.token)\"}")
        case .table, .csv:
            let expiry = issued.record.expiresAt.map { "expires \(ISO8601DateFormatter().string(from: $0))" } ?? "never expires"
            print("Token for «\(issued.record.login)» (\(expiry)); it is shown only now:")
            print(issued.token)
        }
    }
}

