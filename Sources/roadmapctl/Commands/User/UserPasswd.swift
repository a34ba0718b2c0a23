import ArgumentParser
import Foundation
import RoadmapStore

/// `roadmapctl user passwd NAME --password-stdin`.
struct UserPasswd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Set a user's password for the web pages (read from standard input); it also unlocks the account.",
        discussion: "Example:\n  printf '%s\\n' \"$NEW_PASSWORD\" | roadmapctl user passwd school5 --password-stdin"
    )

    @Argument(help: "The login.")
    var name: String

    @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input (required: never on the command line).")
    var passwordStdin = false

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var actor: ActorOptions

    func validate() throws {
        guard passwordStdin else { throw ValidationError("pass the password on standard input with --password-stdin") }
    }

    func run() async throws {
        let password = try PasswordInput.read()
        try await database.withDatabase { db in try await UserStore(database: db).setPassword(login: name, password: password, actor: try await actor.principal(db)) }
        print("Password of «\(name)» set.")
    }
}

