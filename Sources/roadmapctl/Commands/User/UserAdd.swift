import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl user add NAME --role ROLE [--organization ORG_ID]`.
struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a user.",
        discussion: """
            An executor belongs to one organisation (--organization, its id from `org list`).

            Example:
              roadmapctl user add school5 --role executor --organization 6f1c2a9e-… --password-stdin < password.txt
            """
    )

    @Argument(help: "The login: Latin letters, digits and . _ @ -.")
    var name: String

    @Option(help: "admin, coordinator, executor or viewer.")
    var role: Role

    @Option(help: ArgumentHelp("The organisation an executor acts for.", valueName: "org-id"))
    var organization: String?

    @Option(name: .customLong("display-name"), help: "The person's name, shown to administrators only.")
    var displayName: String?

    @Flag(name: .customLong("password-stdin"), help: "Read a password for the web pages' sign-in from standard input.")
    var passwordStdin = false

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let organization, UUID(uuidString: organization) == nil {
            throw ValidationError("--organization must be an organisation id (a UUID), got «\(organization)»")
        }
        if role == .executor, organization == nil {
            throw ValidationError("an executor needs --organization")
        }
    }

    func run() async throws {
        let password = passwordStdin ? try PasswordInput.read() : nil
        let user = try await database.withDatabase { db in
            let store = UserStore(database: db)
            if let password, password.count < 10 {
                throw UseCaseError.invalid(field: "password", reason: "must be at least 10 characters long")
            }
            let user = try await store.addUser(
                login: name, role: role, organizationID: organization.flatMap(UUID.init(uuidString:)), displayName: displayName)
            if let password { try await store.setPassword(login: user.login, password: password) }
            return user
        }
        try Output.print(user, format: format) {
            "Added \(user.role.rawValue) «\(user.login)» (id \(user.id.uuidString.lowercased()))"
                + (user.organizationName.map { ", acting for \($0)" } ?? "")
        }
    }
}

extension Role: ExpressibleByArgument {}
