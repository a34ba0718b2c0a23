import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Saved lists of organisations («школы-участники проекта»): the committee's staff keep them
/// by name, and an action assigned to a list gets every member as its executor, as with
/// «все школы» (`ActionChange.executorListIDs`).
public struct OrganizationListStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Every list with its members (the committee's staff; a school has none to see).
    public func lists(scope: Principal) async throws -> [OrganizationListRecord] {
        guard scope.role.seesEverything else { return [] }
        return try await database.withConnection { connection in try Self.lists(on: connection) }
    }

    static func lists(on connection: PostgresConnection) throws -> [OrganizationListRecord] {
        let rows = try connection.query("""
            SELECT l.id, l.name, o.id AS member_id, o.name AS member_name
            FROM organization_lists l LEFT JOIN organization_list_members m ON m.list_id = l.id
            LEFT JOIN organizations o ON o.id = m.organization_id
            ORDER BY l.name, l.id, o.name
            """).rows
        var order: [UUID] = []
        var names: [UUID: String] = [:]
        var members: [UUID: [OrganizationListRecord.Member]] = [:]
        for row in rows {
            let id = try row.decode(UUID.self, "id")
            if names[id] == nil { order.append(id); names[id] = try row.decode(String.self, "name") }
            if let member = try row.decode(UUID?.self, "member_id") {
                members[id, default: []].append(.init(id: member, name: try row.decode(String.self, "member_name")))
            }
        }
        return order.map { OrganizationListRecord(id: $0, name: names[$0] ?? "", members: members[$0] ?? []) }
    }

    /// Saves a list under `name` with exactly `organizationIDs`: a new one, or the one of that
    /// name replaced.
    public func save(name: String, organizationIDs: [UUID], actor: Principal) async throws -> OrganizationListRecord {
        let name = OrganizationStore.clean(try TypedText.field(name, "name"))
        guard (1...200).contains(name.count) else { throw UseCaseError.invalid(field: "name", reason: "must be 1–200 characters") }
        guard !organizationIDs.isEmpty else { throw UseCaseError.invalid(field: "organization_ids", reason: "name at least one organisation") }
        try OrganizationStore.require(AccessPolicy(actor).may(.manageOrganizations))
        return try await database.transaction { connection in
            let wanted = Array(Set(organizationIDs))
            let known = Set(try connection.query("SELECT id FROM organizations WHERE id = ANY(\(wanted))").rows.map { try $0.decode(UUID.self, "id") })
            if let missing = wanted.first(where: { !known.contains($0) }) {
                throw UseCaseError.invalid(field: "organization_ids", reason: "no organisation with id \(missing.lowercased)")
            }
            guard let id = try connection.query("""
                INSERT INTO organization_lists (name) VALUES (\(name))
                ON CONFLICT (name) DO UPDATE SET updated_at = now() RETURNING id
                """).first?.decode(UUID.self, "id") else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no row") }
            try connection.execute("DELETE FROM organization_list_members WHERE list_id = \(id)")
            try connection.execute("""
                INSERT INTO organization_list_members (list_id, organization_id) SELECT \(id), unnest(\(wanted)::uuid[])
                """)
            guard let saved = try Self.lists(on: connection).first(where: { $0.id == id }) else {
                throw PostgresError(.unexpected, message: "the list just saved is not there")
            }
            return saved
        }
    }

    /// Removes a list; the actions once assigned through it keep their executors.
    public func remove(_ id: UUID, actor: Principal) async throws {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageOrganizations))
        try await database.transaction { connection in
            guard try connection.query("DELETE FROM organization_lists WHERE id = \(id) RETURNING id").first != nil else {
                throw UseCaseError.notFound(entity: "organization list", id: id.lowercased)
            }
        }
    }
}
