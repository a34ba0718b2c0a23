import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Appends to the history: every change is an event with who, when, what and why.
enum EventLog {
    /// Records `event` on `entityType`/`entityID` inside the caller's transaction.
    static func record(
        _ connection: PostgresConnection, actor: Principal?, entityType: String, entityID: UUID,
        event: String, reason: String? = nil, data: [String: String] = [:]
    ) throws {
        try connection.execute("""
            INSERT INTO events (actor_id, entity_type, entity_id, event, reason, data)
            VALUES (\(actor?.userID), \(entityType), \(entityID), \(event), \(reason), \(PostgresJSON(data)))
            """)
    }
}
