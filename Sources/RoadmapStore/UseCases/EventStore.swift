import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The history of one thing, oldest first. An executor reads the history of what it may
/// see (its assignments, their reports and extensions, the plans it works in) only.
public struct EventStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public static let entityTypes = ["organization", "user", "order", "plan", "goal", "task", "action", "assignment",
                                     "report", "extension", "agreement", "import"]

    public func list(entityType: String, entityID: UUID, limit: Int?, cursor: String?, scope: Principal) async throws -> Page<EventRecord> {
        guard Self.entityTypes.contains(entityType) else {
            throw UseCaseError.invalid(field: "entity_type", reason: "must be one of \(Self.entityTypes.joined(separator: ", "))")
        }
        let limit = try Cursor.limit(limit)
        let after = try cursor.map { (text) throws(UseCaseError) -> Int64 in
            guard let id = Int64(try Cursor.decode(text, count: 1)[0]) else {
                throw .invalid(field: "cursor", reason: "is not a cursor this service gave out")
            }
            return id
        }
        let records = try await database.withConnection { connection in
            guard try Self.visible(entityType: entityType, entityID: entityID, scope: scope, on: connection) else {
                throw UseCaseError.notFound(entity: entityType, id: entityID.lowercased)
            }
            // An organisation's history includes that of the records merged into it.
            return try connection.query("""
                WITH RECURSIVE ids(id) AS (
                    SELECT \(entityID)::uuid
                    UNION
                    SELECT (m.data->>'merged_id')::uuid FROM events m JOIN ids ON m.entity_id = ids.id
                    WHERE \(entityType) = 'organization' AND m.entity_type = 'organization' AND m.event = 'merged'
                )
                SELECT e.id, e.occurred_at, e.actor_id, coalesce(u.role, CASE WHEN e.actor_command IS NOT NULL THEN 'admin' END) AS actor_role,
                       e.actor_command, coalesce(u.display_name, u.login) AS actor_name, e.entity_type, e.entity_id, e.event, e.reason, e.data
                FROM events e LEFT JOIN users u ON u.id = e.actor_id
                WHERE e.entity_type = \(entityType) AND e.entity_id IN (SELECT id FROM ids) AND e.id > \(after ?? 0)
                ORDER BY e.id LIMIT \(limit + 1)
                """).rows.map(EventRecord.init(row:))
        }
        return OrganizationStore.page(records, limit: limit) { [String($0.id)] }
    }

    static func visible(entityType: String, entityID: UUID, scope: Principal, on connection: PostgresConnection) throws -> Bool {
        if scope.role.seesEverything { return entityType != "user" || scope.role == .admin }
        let filter: SQL
        switch entityType {
        case "assignment": filter = "s.id = \(entityID)"
        case "report": filter = "s.id = (SELECT assignment_id FROM reports WHERE id = \(entityID))"
        case "extension": filter = "s.id = (SELECT assignment_id FROM deadline_extensions WHERE id = \(entityID))"
        case "action": filter = "ac.id = \(entityID)"
        case "goal": filter = "g.id = \(entityID)"
        case "task": filter = "ac.id IN (SELECT action_id FROM action_tasks WHERE task_id = \(entityID))"
        case "plan": filter = "p.id = \(entityID)"
        case "order": filter = "p.order_id = \(entityID)"
        case "organization": return scope.organizationID == entityID
        default: return false
        }
        return try RollupQuery.visible(filter: filter, scope: scope, on: connection)
    }
}

extension EventStore {
    /// The kind of thing `id` is, from its history; nil when nothing happened to it.
    public func entityType(of id: UUID) async throws -> String? {
        try await database.withConnection { connection in
            try connection.query("SELECT entity_type FROM events WHERE entity_id = \(id) ORDER BY id LIMIT 1").first?.decode(String.self, "entity_type")
        }
    }
}
