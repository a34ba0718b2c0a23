/// Finds which known organisation a free-text name in a plan or report means.
///
/// The rules, in order: an exact normalised name (of several organisations with that name,
/// the one that also has it as an alias); a registered alias; the name or an alias
/// with its spaces ignored, as a probable match (a PDF of narrow columns breaks long words
/// where the line ends: «сопровожде ния»); then a probable match on the parts of the name (see `OrganizationMatch.Confidence.probable`). At each step several
/// candidates make the result `.ambiguous`, never a guess. Different numbers («СОШ № 5» and
/// «СОШ № 15») or different types («Гимназия № 5» and «СОШ № 5») never match.
public struct OrganizationMatcher: Sendable {
    struct Entry: Sendable {
        let organization: KnownOrganization
        let name: OrganizationName
        let aliases: [OrganizationName]
    }

    private(set) var entries: [Entry] = []
    /// Entry positions by normalised name and by normalised alias, so exact and alias
    /// matches cost one lookup however many organisations a region has.
    private var byName: [String: [Int]] = [:]
    private var byAlias: [String: [Int]] = [:]
    private var bySpelling: [String: [Int]] = [:]

    public init(_ organizations: [KnownOrganization]) {
        organizations.forEach { add($0) }
    }

    /// Adds one organisation (one created during an import) without re-reading the others.
    public mutating func add(_ organization: KnownOrganization) {
        let entry = Entry(organization: organization, name: OrganizationName(organization.name), aliases: organization.aliases.map(OrganizationName.init))
        byName[entry.name.key, default: []].append(entries.count)
        for alias in entry.aliases { byAlias[alias.key, default: []].append(entries.count) }
        for name in [entry.name] + entry.aliases { bySpelling[Self.spelling(name), default: []].append(entries.count) }
        entries.append(entry)
    }

    public func match(_ text: String) -> OrganizationMatch {
        let query = OrganizationName(text)
        guard !query.key.isEmpty else { return .none }
        let exact = (byName[query.key] ?? []).map { entries[$0] }
        // Several organisations of one name (a «СОШ № 5» in two districts): the one a
        // coordinator gave the name as an alias is meant.
        let aliasedToo = exact.filter { entry in entry.aliases.contains { $0.key == query.key } }
        if exact.count > 1, aliasedToo.count == 1 { return .matched(aliasedToo[0].organization, .alias) }
        if let result = Self.result(exact, .exact) { return result }
        let alias = (byAlias[query.key] ?? []).map { entries[$0] }
        if let result = Self.result(alias, .alias) { return result }
        let spelled = (bySpelling[Self.spelling(query)] ?? []).map { entries[$0] }
        if let result = Self.result(spelled, .probable) { return result }
        let probable = entries.filter { entry in
            ([entry.name] + entry.aliases).contains { Self.isCompatible(query, $0) }
        }
        return Self.result(probable, .probable) ?? .none
    }

    /// The normalised name with no spaces at all.
    static func spelling(_ name: OrganizationName) -> String {
        name.key.filter { !$0.isWhitespace }
    }

    static func result(_ entries: [Entry], _ confidence: OrganizationMatch.Confidence) -> OrganizationMatch? {
        var seen: Set<String> = []
        let unique = entries.filter { seen.insert($0.organization.id).inserted }
        switch unique.count {
        case 0: return nil
        case 1: return .matched(unique[0].organization, confidence)
        default: return .ambiguous(unique.map(\.organization))
        }
    }

    /// Whether two names can be one organisation: same number (or both without), same type (or
    /// both without), no two different legal forms, honorifics or places, and the distinguishing
    /// words of one contained in the other's, with a type and number or two words to go on.
    static func isCompatible(_ a: OrganizationName, _ b: OrganizationName) -> Bool {
        guard a.number == b.number, a.type == b.type else { return false }
        func conflict(_ x: String?, _ y: String?) -> Bool {
            if let x, let y { return x != y }
            return false
        }
        guard !conflict(a.legalForm, b.legalForm), !conflict(a.honorific, b.honorific),
              !conflict(a.place, b.place)
        else { return false }
        let (small, large) = a.distinguishingWords.count <= b.distinguishingWords.count
            ? (a.distinguishingWords, b.distinguishingWords) : (b.distinguishingWords, a.distinguishingWords)
        // Enough to go on: a type with a number («СОШ № 5»), or two words of a name.
        let enough = (a.number != nil && a.type != nil) || small.count >= 2 || (small == large && !small.isEmpty)
        guard enough else { return false }
        return small.isSubset(of: large)
    }
}
