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
              roadmapctl user add school5 --role executor --organization 6f1c2a9e-…
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
        let user = try await database.withPool { pool in
            try await UserStore(pool: pool).addUser(
                login: name, role: role, organizationID: organization.flatMap(UUID.init(uuidString:)), displayName: displayName)
        }
        try Output.print(user, format: format) {
            "Added \(user.role.rawValue) «\(user.login)» (id \(user.id.uuidString.lowercased()))"
                + (user.organizationName.map { ", acting for \($0)" } ?? "")
        }
    }
}

extension Role: ExpressibleByArgument {}
