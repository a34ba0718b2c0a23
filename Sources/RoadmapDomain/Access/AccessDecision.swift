/// The answer to "may this principal do this": allowed, or refused in one of two ways.
public enum AccessDecision: Hashable, Sendable {
    case allowed
    /// The principal may see the thing but not change it (HTTP 403).
    case forbidden(String)
    /// The principal may not even know the thing exists (HTTP 404).
    case hidden

    public var isAllowed: Bool { self == .allowed }
}
