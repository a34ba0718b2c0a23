import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The organisations known to the database, for matching the free-text names of a
/// document: finds one by its normalised name or alias, or creates it. Used inside one
/// transaction; it sees the organisations it created itself.
final class OrganizationDirectory {
    private let connection: PostgresConnection
    private var matcher: OrganizationMatcher
    /// Names resolved so far, by normalised key, so each name is matched once.
    private var resolved: [String: (id: UUID, name: String)] = [:]
    /// The same, by the text as written: a plan repeats its executors on every row.
    private var resolvedText: [String: (id: UUID, name: String)] = [:]
    private(set) var created: [String] = []
    private var createdIDs: Set<UUID> = []
    private(set) var warnings: [ImportWarning] = []
    private(set) var unknown: [String] = []
    /// Names matched only probably, as written.
    private(set) var probable: Set<String> = []
    /// Names that fit several known organisations, as written, in the order met: never
    /// guessed, a person chooses (an import refuses them, a dry run lists them).
    private(set) var ambiguous: [AmbiguousName] = []

    /// Whether `name` fits several known organisations (and so was resolved to none).
    func isAmbiguous(_ name: String) -> Bool {
        ambiguousKeys.contains(OrganizationName(name).key)
    }
    private var ambiguousKeys: Set<String> = []
    /// Names made aliases of a chosen organisation: (alias, organisation id, organisation name).
    private(set) var adopted: [(alias: String, id: UUID, name: String)] = []
    let strict: Bool
    /// The members of each group asked for, read once per import.
    private var groups: [ExecutorGroup: [(id: UUID, name: String)]] = [:]
    private var emptyGroupNames: Set<String> = []

    init(connection: PostgresConnection, strict: Bool) throws {
        self.connection = connection
        self.strict = strict
        let known = try connection.query("""
            SELECT o.id, o.name, coalesce(array_agg(a.alias) FILTER (WHERE a.alias IS NOT NULL), '{}') AS aliases
            FROM organizations o LEFT JOIN organization_aliases a ON a.organization_id = o.id
            GROUP BY o.id, o.name
            """).rows.map { row in
            KnownOrganization(
                id: try row.decode(UUID.self, "id").lowercased,
                name: try row.decode(String.self, "name"),
                aliases: try row.decode([String].self, "aliases"))
        }
        matcher = OrganizationMatcher(known)
    }

    /// The id of the organisation a document calls `name`, creating it as `kind` when no
    /// known one matches (unless strict: then it is collected in `unknown` and nil returned).
    /// Nil too when it fits several known ones: it is collected in `ambiguous`.
    func resolve(_ name: String, kind: ExecutorKind) throws -> (id: UUID, name: String)? {
        if let hit = resolvedText[name] { return hit }
        let found = try resolveOnce(name, kind: kind)
        if let found { resolvedText[name] = found }
        return found
    }

    private func resolveOnce(_ name: String, kind: ExecutorKind) throws -> (id: UUID, name: String)? {
        let key = OrganizationName(name).key
        if let hit = resolved[key] { return hit }
        if ambiguousKeys.contains(key) { return nil }
        switch matcher.match(name) {
        case .matched(let organization, let confidence):
            guard let id = UUID(uuidString: organization.id) else { return nil }
            if confidence == .probable {
                warnings.append(ImportWarning(.probableMatch(name: name, organization: organization.name)))
                probable.insert(name)
            }
            resolved[key] = (id, organization.name)
            return (id, organization.name)
        case .ambiguous(let candidates):
            ambiguousKeys.insert(key)
            ambiguous.append(AmbiguousName(name: name, candidates: candidates.compactMap { candidate in
                UUID(uuidString: candidate.id).map { AmbiguousName.Candidate(id: createdIDs.contains($0) ? nil : $0, name: candidate.name) }
            }))
            return nil
        case .none:
            if strict {
                if !unknown.contains(name) { unknown.append(name) }
                return nil
            }
            return try create(name, key: key, kind: kind)
        }
    }

    /// The organisation whose name or alias `name` is, exactly (normalised), or nil: nothing
    /// is created, and nothing merely probable counts. A name the reader took for a post
    /// («Комиссия по делам несовершеннолетних») is that organisation once a coordinator has
    /// said so, for this document and every later one.
    func known(_ name: String) -> (id: UUID, name: String)? {
        if let hit = resolvedText[name] { return hit }
        // A plan repeats «Классные руководители» on every row: looked up once.
        guard !unknownText.contains(name) else { return nil }
        switch matcher.match(name) {
        case .matched(let organization, .exact), .matched(let organization, .alias):
            guard let id = UUID(uuidString: organization.id) else { return nil }
            resolvedText[name] = (id, organization.name)
            return (id, organization.name)
        default:
            unknownText.insert(name)
            return nil
        }
    }
    private var unknownText: Set<String> = []

    /// A new organisation for `name` although known ones fit it: a coordinator said it is none
    /// of them. Every spelling of the name in the document is that one organisation.
    func createSeparate(_ name: String, kind: ExecutorKind) throws -> (id: UUID, name: String) {
        if let hit = resolvedText[name] { return hit }
        let key = OrganizationName(name).key
        let found = try resolved[key] ?? create(name, key: key, kind: kind)
        resolvedText[name] = found
        return found
    }

    private func create(_ name: String, key: String, kind: ExecutorKind) throws -> (id: UUID, name: String) {
        let id = try requireRow(connection.query("""
            INSERT INTO organizations (name, kind, normalized_name)
            VALUES (\(name), \(Self.organizationKind(kind)), \(key))
            RETURNING id
            """)).decode(UUID.self, "id")
        matcher.add(KnownOrganization(id: id.lowercased, name: name))
        created.append(name)
        createdIDs.insert(id)
        // A school the file names is one of «все ОО» for the rows after it.
        for (group, members) in groups where group.organizationKinds.contains(Self.organizationKind(kind)) {
            groups[group] = members + [(id, name)]
        }
        resolved[key] = (id, name)
        return (id, name)
    }

    /// The known organisation `reference` names (an id, a name or an alias as typed), or
    /// why it names none: a refusal listing the candidates when it fits several.
    func find(_ reference: String, for name: String) throws -> Result<(id: UUID, name: String), RefusedChoice> {
        if let id = UUID(uuidString: reference) {
            guard let row = try connection.query("SELECT name FROM organizations WHERE id = \(id)").first else {
                return .failure(RefusedChoice(name: name, reference: reference, candidates: []))
            }
            return .success((id, try row.decode(String.self, "name")))
        }
        switch matcher.match(reference) {
        case .matched(let organization, _):
            guard let id = UUID(uuidString: organization.id) else {
                return .failure(RefusedChoice(name: name, reference: reference, candidates: []))
            }
            return .success((id, organization.name))
        case .ambiguous(let candidates):
            return .failure(RefusedChoice(name: name, reference: reference, candidates: candidates.map(\.name)))
        case .none:
            return .failure(RefusedChoice(name: name, reference: reference, candidates: []))
        }
    }

    /// Every organisation of `group`'s kinds, by name: what a plan means by «ОО» or «все ДОУ».
    /// When there is none, `name` is kept as written and a warning says why nobody was given it.
    func members(of group: ExecutorGroup, namedAs name: String) throws -> [(id: UUID, name: String)] {
        if let known = groups[group] {
            if known.isEmpty { warnEmpty(group, name) }
            return known
        }
        let found = try connection.query("""
            SELECT o.id, o.name FROM organizations o WHERE o.kind = ANY(\(group.organizationKinds)) ORDER BY o.name, o.id
            """).rows.map { (id: try $0.decode(UUID.self, "id"), name: try $0.decode(String.self, "name")) }
        groups[group] = found
        if found.isEmpty { warnEmpty(group, name) }
        return found
    }

    private func warnEmpty(_ group: ExecutorGroup, _ name: String) {
        guard emptyGroupNames.insert(name).inserted else { return }
        warnings.append(ImportWarning(.groupWithoutMembers(name: name, group: group)))
    }

    /// The organisation a coordinator says `name` means: `name` becomes its alias. Refused
    /// when `name` is already the name or an alias of another one.
    func adopt(_ name: String, as organization: (id: UUID, name: String)) throws -> (id: UUID, name: String) {
        if let hit = resolvedText[name], hit.id == organization.id { return hit }
        switch matcher.match(name) {
        case .matched(let other, .exact), .matched(let other, .alias):
            guard other.id == organization.id.lowercased else {
                throw UseCaseError.conflict("«\(name)» is already the name or an alias of «\(other.name)»")
            }
        default:
            let key = OrganizationName(name).key
            guard !key.isEmpty else {
                throw UseCaseError.invalid(field: "executor", reason: "«\(name)» has no letters or digits to match by")
            }
            let added = try connection.execute("""
                INSERT INTO organization_aliases (organization_id, alias, normalized_alias)
                VALUES (\(organization.id), \(name), \(key)) ON CONFLICT DO NOTHING
                """)
            if added > 0 { adopted.append((name, organization.id, organization.name)) }
        }
        resolvedText[name] = organization
        resolved[OrganizationName(name).key] = organization
        return organization
    }

    /// The organisation kind stored for an executor kind.
    static func organizationKind(_ kind: ExecutorKind) -> String {
        switch kind {
        case .committee: "committee"
        case .municipalInstitution: "municipal_institution"
        case .school: "school"
        case .kindergarten: "kindergarten"
        case .partner: "partner"
        case .personRole, .other: "other"
        }
    }
}

/// The first row of a result that must have one.
func requireRow(_ result: PostgresResult) throws -> PostgresRow {
    guard let row = result.first else {
        throw PostgresError(.unexpected, message: "the statement returned no row")
    }
    return row
}
