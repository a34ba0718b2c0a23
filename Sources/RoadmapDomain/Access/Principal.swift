import Foundation

/// Who is acting: a signed-in user with a role and, for an executor, its organisation.
public struct Principal: Hashable, Sendable {
    public let userID: UUID
    public let login: String
    public let role: Role
    public let organizationID: UUID?

    public init(userID: UUID, login: String, role: Role, organizationID: UUID?) {
        self.userID = userID
        self.login = login
        self.role = role
        self.organizationID = organizationID
    }

    /// Whether this principal acts for `organizationID` (an executor of that organisation).
    public func actsFor(_ organizationID: UUID) -> Bool {
        role == .executor && self.organizationID == organizationID
    }
}
