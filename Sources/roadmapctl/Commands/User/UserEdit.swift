import ArgumentParser
import RoadmapStore

/// `roadmapctl user edit NAME [--email ADDRESS | --no-email] [--head | --not-head]`.
struct UserEdit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a user's e-mail address, or whether they head their organisation.",
        discussion: """
            Examples:
              roadmapctl user edit school5 --email deputy@school5.example.ru
              roadmapctl user edit director5 --head
            """
    )

    @Argument(help: "The login.") var name: String
    @Option(help: "The new address.") var email: String?
    @Flag(name: .customLong("no-email"), help: "Remove the address: messages stay on «Уведомления».") var noEmail = false
    @Flag(help: "Make the user the head of their organisation.") var head = false
    @Flag(name: .customLong("not-head"), help: "The user no longer heads their organisation.") var notHead = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions

    func validate() throws {
        guard email == nil || !noEmail else { throw ValidationError("give --email or --no-email, not both") }
        guard !(head && notHead) else { throw ValidationError("give --head or --not-head, not both") }
        guard email != nil || noEmail || head || notHead else { throw ValidationError("nothing to change: give --email, --no-email, --head or --not-head") }
    }

    func run() async throws {
        let user = try await database.withDatabase { db in
            let principal = try await actor.principal(db)
            let store = UserStore(database: db)
            var user = try await store.user(login: name, scope: principal)
            if email != nil || noEmail { user = try await store.setEmail(login: name, noEmail ? nil : email, actor: principal) }
            if head || notHead { user = try await store.setHead(login: name, head, actor: principal) }
            return user
        }
        print("«\(user.login)»: e-mail \(user.email ?? "none")\(user.isHead ? ", head of \(user.organizationName ?? "its organisation")" : "")")
    }
}
