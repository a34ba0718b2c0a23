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
            INSERT INTO events (actor_id, actor_command, entity_type, entity_id, event, reason, data)
            VALUES (\(actorID(actor)), \(actorCommand(actor)), \(entityType), \(entityID), \(event), \(reason), \(PostgresJSON(data)))
            """)
    }

    /// The user behind `actor`, if any (none for the installation's administrator).
    static func actorID(_ actor: Principal?) -> UUID? {
        actor?.recordedUserID
    }

    /// The command line the installation's administrator acted through, at most 2,000 characters.
    static func actorCommand(_ actor: Principal?) -> String? {
        actor?.commandLine.map { String($0.prefix(2_000)) }
    }
}

extension Principal {
    /// The user a row records as having acted (`submitted_by`, `decided_by`…): nil for the
    /// installation's administrator, who has no row in `users`.
    var recordedUserID: UUID? { isInstallation ? nil : userID }
}
