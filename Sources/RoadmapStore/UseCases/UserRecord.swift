import Foundation
import RoadmapDomain
import RoadmapPostgres

/// A user as administrators see it. Never carries a password hash.
public struct UserRecord: Sendable, Hashable, Codable {
    public let id: UUID
    public let login: String
    public let displayName: String?
    public let role: Role
    public let organizationID: UUID?
    public let organizationName: String?
    /// Where the outbox sends this user's messages; nil: nowhere (they stay on «Уведомления»).
    public let email: String?
    /// The head of the organisation: long-overdue work is escalated to them.
    public let isHead: Bool
    public let disabled: Bool
    /// Failed sign-ins lock the account from some address now.
    public let locked: Bool
    public let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, login, role, disabled, locked, email
        case isHead = "is_head"
        case displayName = "display_name"
        case organizationID = "organization_id"
        case organizationName = "organization_name"
        case createdAt = "created_at"
    }

    init(row: PostgresRow) throws {
        id = try row.decode(UUID.self, "id")
        login = try row.decode(String.self, "login")
        displayName = try row.decode(String?.self, "display_name")
        let roleText = try row.decode(String.self, "role")
        guard let role = Role(rawValue: roleText) else {
            throw PostgresError(.decoding, message: "unknown role «\(roleText)»", column: "role")
        }
        self.role = role
        organizationID = try row.decode(UUID?.self, "organization_id")
        organizationName = try row.decode(String?.self, "organization_name")
        email = try row.decode(String?.self, "email")
        isHead = try row.decode(Bool.self, "is_head")
        disabled = try row.decode(Date?.self, "disabled_at") != nil
        locked = try row.decode(Bool.self, "locked")
        createdAt = try row.decode(Date.self, "created_at")
    }

    static let columns: SQL = """
        u.id, u.login, u.display_name, u.role, u.organization_id, o.name AS organization_name, u.email, u.is_head,
        u.disabled_at, u.created_at,
        EXISTS (SELECT 1 FROM sign_in_failures f WHERE f.user_id = u.id AND f.locked_until > now()) AS locked
        """
}
