/// The outcome of matching a free-text name against known organisations: one organisation and
/// how sure the match is, several equally good candidates (a person must choose: two schools are
/// never merged silently), or nothing.
public enum OrganizationMatch: Hashable, Sendable {
    /// How a match was made, from surest to least sure.
    public enum Confidence: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
        /// The normalised name equals the organisation's normalised name.
        case exact
        /// The normalised name equals one of the organisation's registered aliases.
        case alias
        /// Same type, same number, and no conflicting legal form, honorific or place; one side
        /// may leave out the legal form, the honorific or extra words («СОШ №5» for «МАОУ СОШ № 5
        /// имени Ю.А. Гагарина»). Worth a person's confirmation before it is saved as an alias.
        case probable

        /// Higher is surer.
        var rank: Int {
            switch self {
            case .exact: 3
            case .alias: 2
            case .probable: 1
            }
        }

        public static func < (lhs: Confidence, rhs: Confidence) -> Bool {
            lhs.rank < rhs.rank
        }
    }

    case matched(KnownOrganization, Confidence)
    /// Several organisations fit equally well.
    case ambiguous([KnownOrganization])
    case none

    /// The organisation when exactly one matched.
    public var organization: KnownOrganization? {
        if case .matched(let organization, _) = self { return organization }
        return nil
    }

    public var confidence: Confidence? {
        if case .matched(_, let confidence) = self { return confidence }
        return nil
    }
}
