import ArgumentParser
import RoadmapStore

/// `roadmapctl org merge KEPT REMOVED`.
struct OrgMerge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Make two records of one organisation one: everything of the second moves to the first.",
        discussion: """
            The second's assignments, users, other names and history move to the first; its names become
            aliases of the first, so documents naming it still match. Refused, with nothing changed, where
            both hold the same place (both assigned one action, both issuing one order).
            Example:
              roadmapctl org merge "МКУ «Центр сопровождения образовательной деятельности»" "ЦСОД"
            """
    )

    @Argument(help: "The organisation kept: id or name.")
    var kept: String

    @Argument(help: "The organisation merged into it and removed: id or name.")
    var removed: String

    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let (record, gone) = try await database.withDatabase { db in
            let principal = try await actor.principal(db)
            let organizations = OrganizationStore(database: db)
            let keep = try await organizations.resolve(kept, scope: principal)
            let remove = try await organizations.resolve(removed, scope: principal)
            return (try await OrganizationMerge(database: db).merge(remove.id, into: keep.id, actor: principal), remove.name)
        }
        print("«\(gone)» merged into «\(record.name)», now also known as: \(record.aliases.joined(separator: "; ")).")
    }
}
