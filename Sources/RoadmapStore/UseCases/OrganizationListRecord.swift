import Foundation

/// A saved list of organisations, assigned to an action at once.
public struct OrganizationListRecord: Sendable, Hashable {
    public let id: UUID
    public let name: String
    /// Member organisations by name.
    public let members: [Member]

    public struct Member: Sendable, Hashable {
        public let id: UUID
        public let name: String
    }
}
