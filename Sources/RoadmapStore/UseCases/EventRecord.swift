import Foundation
import RoadmapPostgres

/// One entry of the history: who did what to which thing, when and why.
public struct EventRecord: Sendable, Hashable {
    public let id: Int64
    public let occurredAt: Date
    public let actorID: UUID?
    public let actorRole: String?
    /// The command line, when the installation's administrator acted.
    public let actorCommand: String?
    /// The acting user's display name, else login; nil for the installation. For committee
    /// pages: the API shows roles only.
    public let actorName: String?
    public let entityType: String
    public let entityID: UUID
    public let event: String
    public let reason: String?
    /// What changed, as a JSON object.
    public let dataJSON: String

    init(row: PostgresRow) throws {
        id = try row.decode(Int64.self, "id")
        occurredAt = try row.decode(Date.self, "occurred_at")
        actorID = try row.decode(UUID?.self, "actor_id")
        actorRole = try row.decode(String?.self, "actor_role")
        actorCommand = try row.decode(String?.self, "actor_command")
        actorName = try row.decode(String?.self, "actor_name")
        entityType = try row.decode(String.self, "entity_type")
        entityID = try row.decode(UUID.self, "entity_id")
        event = try row.decode(String.self, "event")
        reason = try row.decode(String?.self, "reason")
        dataJSON = try row.decode(String.self, "data")
    }

    /// What changed, as text values (numbers and booleans as written); empty when the data
    /// is not an object.
    public var data: [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(dataJSON.utf8)) as? [String: Any] else { return [:] }
        return object.compactMapValues { value in
            switch value {
            case let text as String: text
            case let number as NSNumber: number.stringValue
            default: nil
            }
        }
    }
}
