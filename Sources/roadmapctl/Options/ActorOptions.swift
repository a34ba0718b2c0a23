import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// Whom a command acts as: `--as USER`; without it, on the installation's own embedded
/// cluster or as a PostgreSQL superuser, the installation's administrator, recorded in
/// history by the command line. The same rules and history events as the API follow.
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp(
        "The user to act as (default: the installation's administrator, on the embedded cluster or as a database superuser).",
        valueName: "login"))
    var login: String?

    func principal(_ database: Database) async throws -> Principal {
        try await UserStore(database: database).actor(login: login, commandLine: Self.commandLine)
    }

    /// Options whose values history must not keep (a URL may hold a password).
    static let secretOptions = ["--password", "--token", "--database-url", "--smtp-url"]

    /// This process's command line as history keeps it: the program's name and its
    /// arguments, with any password, token or database URL left out.
    static var commandLine: String { recorded(Array(CommandLine.arguments.dropFirst())) }

    static func recorded(_ arguments: [String]) -> String {
        var words = ["roadmapctl"]
        var hideNext = false
        for argument in arguments {
            if hideNext {
                words.append("…")
                hideNext = false
                continue
            }
            if let option = secretOptions.first(where: { argument.hasPrefix($0 + "=") }) {
                words.append(option + "=…")
                continue
            }
            words.append(argument.contains(" ") ? "'\(argument)'" : argument)
            if secretOptions.contains(argument) { hideNext = true }
        }
        return words.joined(separator: " ")
    }
}
