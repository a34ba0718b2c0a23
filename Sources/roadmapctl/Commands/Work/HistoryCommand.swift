import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl history ENTITY`: who did what to it, when and why.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the history of an order, action, assignment, report, extension or organisation.",
        discussion: """
            ENTITY is TYPE/ID (assignment/5f0c…) or just the id.

            Example:
              roadmapctl history assignment/5f0c2b7e-… --format json
            """
    )

    @Argument(help: "TYPE/ID or ID.") var entity: String
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    struct Row: Encodable {
        let at: Date
        let event: String
        let actorRole: String?
        let actorCommand: String?
        let reason: String?
        let data: String

        enum CodingKeys: String, CodingKey {
            case at, event, reason, data
            case actorRole = "actor_role"
            case actorCommand = "actor_command"
        }
    }

    func run() async throws {
        let parts = entity.split(separator: "/", maxSplits: 1).map(String.init)
        let idText = parts.last ?? entity
        guard let id = UUID(uuidString: idText) else { throw ValidationError("ENTITY must be TYPE/ID or an id, got «\(entity)»") }
        let events = try await database.withDatabase { db in
            let principal = try await actor.principal(db)
            let type: String
            if parts.count == 2 {
                type = parts[0]
            } else {
                guard let found = try await EventStore(database: db).entityType(of: id) else {
                    throw UseCaseError.notFound(entity: "history", id: idText)
                }
                type = found
            }
            return try await Page.all {
                try await EventStore(database: db).list(entityType: type, entityID: id, limit: 500, cursor: $0, scope: principal)
            }
        }
        let rows = events.map {
            Row(at: $0.occurredAt, event: $0.event, actorRole: $0.actorRole, actorCommand: $0.actorCommand, reason: $0.reason, data: $0.dataJSON)
        }
        let formatter = ISO8601DateFormatter()
        try Output.list(rows, format: format, columns: ["when", "event", "by", "reason", "details"]) { row in
            [formatter.string(from: row.at), row.event, row.actorCommand ?? row.actorRole ?? "system", row.reason ?? "", row.data]
        }
    }
}
