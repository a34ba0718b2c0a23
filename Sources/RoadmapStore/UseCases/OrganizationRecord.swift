import Foundation
import RoadmapPostgres

/// An organisation with its aliases.
public struct OrganizationRecord: Sendable, Hashable, Codable {
    public let id: UUID
    public let name: String
    public let shortName: String?
    public let kind: String
    public let parentID: UUID?
    public let aliases: [String]
    public let version: Int

    enum CodingKeys: String, CodingKey {
        case id, name, kind, aliases, version
        case shortName = "short_name"
        case parentID = "parent_id"
    }

    init(row: PostgresRow) throws {
        id = try row.decode(UUID.self, "id")
        name = try row.decode(String.self, "name")
        shortName = try row.decode(String?.self, "short_name")
        kind = try row.decode(String.self, "kind")
        parentID = try row.decode(UUID?.self, "parent_id")
        aliases = try row.decode([String].self, "aliases")
        version = try row.decode(Int.self, "version")
    }

    static let select: SQL = """
        SELECT o.id, o.name, o.short_name, o.kind, o.parent_id, o.version,
               coalesce((SELECT array_agg(a.alias ORDER BY a.alias) FROM organization_aliases a
                         WHERE a.organization_id = o.id), '{}') AS aliases
        FROM organizations o
        """
}
