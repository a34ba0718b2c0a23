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

    /// This process's command line as history keeps it: the program's name and its
    /// arguments, with any password or token value left out.
    static var commandLine: String {
        var words = ["roadmapctl"]
        var hideNext = false
        for argument in CommandLine.arguments.dropFirst() {
            if hideNext {
                words.append("…")
                hideNext = false
                continue
            }
            words.append(argument.contains(" ") ? "'\(argument)'" : argument)
            if ["--password", "--token", "--database-url"].contains(argument) { hideNext = true }
        }
        return words.joined(separator: " ")
    }
}
