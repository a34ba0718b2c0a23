/// What a user may do, as DESIGN.md names the roles.
public enum Role: String, CaseIterable, Codable, Hashable, Sendable {
    /// Everything, including users and tokens.
    case admin
    /// Committee staff: orders, plans, assignments, reviewing reports, deciding extensions.
    case coordinator
    /// Bound to one organisation: its own assignments and the plans they belong to.
    case executor
    /// Reads everything, writes nothing.
    case viewer

    /// Sees every organisation's data (everyone but an executor).
    public var seesEverything: Bool { self != .executor }
}
