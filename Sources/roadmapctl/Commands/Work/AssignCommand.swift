import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl assign ACTION ORG...`: adds executors to an action (assignments follow).
struct AssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Add executor organisations to an action; each gets its assignments. --remove takes them off.",
        discussion: """
            Examples:
              roadmapctl assign ACTION_ID "СОШ № 5" "Лицей № 14"
              roadmapctl assign ACTION_ID "Лицей № 14" --remove
            """
    )

    @Argument(help: "The action's id.") var action: String
    @Argument(help: "The organisations: ids or names.") var organizations: [String]
    @Flag(help: "Remove these executors instead (their open assignments are cancelled).") var remove = false
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        _ = try Reference.id(action, entity: "ACTION")
        if organizations.isEmpty { throw ValidationError("name at least one organisation") }
    }

    func run() async throws {
        let record = try await database.withDatabase { db in
            let principal = try await actor.principal(db)
            let id = try Reference.id(action, entity: "ACTION")
            let store = PlanStore(database: db)
            let current = try await store.action(id, asOf: CommitteeClock().today(), scope: principal)
            var ids = current.executors.compactMap(\.organizationID)
            for name in organizations {
                let organization = try await OrganizationStore(database: db).resolve(name, scope: try await actor.principal(db)).id
                if remove { ids.removeAll { $0 == organization } } else if !ids.contains(organization) { ids.append(organization) }
            }
            return try await store.updateAction(id, ActionChange(executorIDs: ids), ifVersion: current.version, asOf: CommitteeClock().today(), actor: principal)
        }
        print("«\(record.title)»: executors \(record.executors.map(\.name).joined(separator: "; ")); \(record.rollup.total) assignment(s).")
    }
}
