import ArgumentParser
import RoadmapStore

/// `roadmapctl org alias ORG ALIAS...`.
struct OrgAlias: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alias",
        abstract: "Add other names an organisation goes by in documents.",
        discussion: "Example:\n  roadmapctl org alias \"МАОУ СОШ № 5\" \"школа № 5\" \"СОШ5\""
    )

    @Argument(help: "The organisation: id or name.")
    var organization: String

    @Argument(help: "The names to add.")
    var aliases: [String]

    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if aliases.isEmpty { throw ValidationError("give at least one alias") }
    }

    func run() async throws {
        let record = try await database.withDatabase { db in
            let current = try await OrganizationStore(database: db).resolve(organization, scope: try await actor.principal(db))
            return try await OrganizationStore(database: db).update(
                current.id, OrganizationChange(aliases: current.aliases + aliases), ifVersion: current.version,
                actor: try await actor.principal(db))
        }
        print("«\(record.name)» is also known as: \(record.aliases.joined(separator: "; ")).")
    }
}
