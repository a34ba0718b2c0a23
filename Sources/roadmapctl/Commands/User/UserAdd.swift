import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl user add NAME --role ROLE [--organization ORG]`.
struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a user.",
        discussion: """
            An executor belongs to one organisation (--organization: its id from `org list`, or its name).

            Example:
              roadmapctl user add school5 --role executor --organization 6f1c2a9e-… --password-stdin < password.txt
              roadmapctl user add director5 --role executor --organization "СОШ № 5" --email director@school5.ru --head
            """
    )

    @Argument(help: "The login: Latin letters, digits and . _ @ -.")
    var name: String

    @Option(help: "admin, coordinator, executor or viewer.")
    var role: Role

    @Option(help: ArgumentHelp("The organisation an executor acts for.", valueName: "org-id"))
    var organization: String?

    @Option(help: "The user's e-mail address, where reminders go.")
    var email: String?

    @Flag(help: "The head of the organisation (директор, заведующий): long-overdue work is escalated to them.")
    var head = false

    @Option(name: .customLong("display-name"), help: "The person's name, shown to administrators only.")
    var displayName: String?

    @Flag(name: .customLong("password-stdin"), help: "Read a password for the web pages' sign-in from standard input.")
    var passwordStdin = false

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var actor: ActorOptions

    func validate() throws {
        if role == .executor, organization == nil {
            throw ValidationError("an executor needs --organization")
        }
    }

    func run() async throws {
        let password = passwordStdin ? try PasswordInput.read() : nil
        let user = try await database.withDatabase { db in
            var organizationID: UUID?
            if let organization { organizationID = try await OrganizationStore(database: db).resolve(organization, scope: try await actor.principal(db)).id }
            return try await UserStore(database: db).addUser(
                login: name, role: role, organizationID: organizationID, displayName: displayName, email: email, password: password,
                isHead: head, actor: try await actor.principal(db))
        }
        try Output.print(user, format: format) {
            "Added \(user.role.rawValue) «\(user.login)» (id \(user.id.lowercased))"
                + (user.organizationName.map { ", acting for \($0)" } ?? "")
        }
    }
}

extension Role: ExpressibleByArgument {}
