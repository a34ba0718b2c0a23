import Foundation
import RoadmapPostgres

/// An API token as listed: never the token itself, only its first characters.
public struct TokenRecord: Sendable, Hashable, Codable {
    public let id: UUID
    public let login: String
    public let prefix: String
    public let name: String?
    public let createdAt: Date
    public let expiresAt: Date?
    public let revokedAt: Date?
    public let lastUsedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, login, prefix, name
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case revokedAt = "revoked_at"
        case lastUsedAt = "last_used_at"
    }

    init(row: PostgresRow) throws {
        id = try row.decode(UUID.self, "id")
        login = try row.decode(String.self, "login")
        prefix = try row.decode(String.self, "prefix")
        name = try row.decode(String?.self, "name")
        createdAt = try row.decode(Date.self, "created_at")
        expiresAt = try row.decode(Date?.self, "expires_at")
        revokedAt = try row.decode(Date?.self, "revoked_at")
        lastUsedAt = try row.decode(Date?.self, "last_used_at")
    }
}
