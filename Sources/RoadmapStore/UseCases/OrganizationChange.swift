import Foundation

/// The fields of an organisation to create or change; nil leaves a field as it is.
public struct OrganizationChange: Sendable, Hashable {
    public var name: String?
    public var kind: String?
    public var shortName: String?
    public var parentID: UUID?
    public var aliases: [String]?

    public init(name: String? = nil, kind: String? = nil, shortName: String? = nil, parentID: UUID? = nil, aliases: [String]? = nil) {
        self.name = name
        self.kind = kind
        self.shortName = shortName
        self.parentID = parentID
        self.aliases = aliases
    }

    public static let kinds = ["committee", "municipal_institution", "school", "kindergarten", "partner", "other"]
}
