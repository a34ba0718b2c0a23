import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Organisations: listing with a search by normalised name, creating, reading, changing.
public struct OrganizationStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Organisations by name. `query` is normalised the way imports match names, so
    /// «сош 5» finds «МБОУ «СОШ № 5»», and it searches aliases too. The directory of
    /// organisations is public within the service: every role reads it.
    public func list(kind: String?, query: String?, limit: Int?, cursor: String?, scope: Principal) async throws -> Page<OrganizationRecord> {
        try Self.require(AccessPolicy(scope).readDirectory())
        let limit = try Cursor.limit(limit)
        if let kind, !OrganizationChange.kinds.contains(kind) {
            throw UseCaseError.invalid(field: "kind", reason: "must be one of \(OrganizationChange.kinds.joined(separator: ", "))")
        }
        let after = try cursor.map { (text) throws(UseCaseError) in try Cursor.decode(text, count: 2) }
        var conditions: [SQL] = ["TRUE"]
        if let kind { conditions.append("o.kind = \(kind)") }
        if let query, let matching = Self.nameMatches(query) { conditions.append(matching) }
        if let after, let afterID = UUID(uuidString: after[1]) {
            conditions.append("(o.name, o.id) > (\(after[0]), \(afterID))")
        }
        let statement: SQL = "\(OrganizationRecord.select) WHERE \(SQL.joined(conditions, separator: " AND ")) ORDER BY o.name, o.id LIMIT \(limit + 1)"
        let records = try await database.withConnection { connection in
            try connection.query(statement).rows.map(OrganizationRecord.init(row:))
        }
        return Self.page(records, limit: limit) { [$0.name, $0.id.uuidString] }
    }

    /// Organisations (`o`) whose name or an alias contains `query` once both are normalised
    /// («сош 5» finds «МБОУ «СОШ № 5»»); nil when the query normalises to nothing.
    static func nameMatches(_ query: String) -> SQL? {
        let key = OrganizationName(query).key
        guard !key.isEmpty else { return nil }
        let pattern = "%" + key.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
        return """
            (o.normalized_name LIKE \(pattern) OR EXISTS (SELECT 1 FROM organization_aliases a
             WHERE a.organization_id = o.id AND a.normalized_alias LIKE \(pattern)))
            """
    }

    static func page<Item>(_ records: [Item], limit: Int, key: (Item) -> [String]) -> Page<Item> {
        guard records.count > limit, let last = records.prefix(limit).last else {
            return Page(items: records, nextCursor: nil)
        }
        return Page(items: Array(records.prefix(limit)), nextCursor: Cursor.encode(key(last)))
    }

    /// The organisation a person means by `reference`: its id, or a name or alias as
    /// written («СОШ № 5»), matched by normalised name; a text that fits several is refused
    /// with their names, never guessed.
    public func resolve(_ reference: String, scope: Principal) async throws -> OrganizationRecord {
        if let id = UUID(uuidString: reference) { return try await get(id, scope: scope) }
        let found = try await list(kind: nil, query: reference, limit: 20, cursor: nil, scope: scope).items
        let key = OrganizationName(reference).key
        if let exact = found.first(where: { OrganizationName($0.name).key == key || $0.aliases.contains { OrganizationName($0).key == key } }) {
            return exact
        }
        guard found.count == 1, let only = found.first else {
            if found.isEmpty { throw UseCaseError.notFound(entity: "organisation", id: reference) }
            throw UseCaseError.conflict(
                "«\(reference)» fits \(found.count) organisations (\(found.prefix(5).map(\.name).joined(separator: "; "))); give its id")
        }
        return only
    }

    public func get(_ id: UUID, scope: Principal) async throws -> OrganizationRecord {
        try Self.require(AccessPolicy(scope).readDirectory())
        return try await database.withConnection { connection in try Self.get(id, on: connection) }
    }

    static func get(_ id: UUID, on connection: PostgresConnection) throws -> OrganizationRecord {
        guard let row = try connection.query("\(OrganizationRecord.select) WHERE o.id = \(id)").first else {
            throw UseCaseError.notFound(entity: "organization", id: id.lowercased)
        }
        return try OrganizationRecord(row: row)
    }

    public func create(_ change: OrganizationChange, actor: Principal) async throws -> OrganizationRecord {
        let change = try change.validated()
        try Self.require(AccessPolicy(actor).may(.manageOrganizations))
        guard let name = change.name.map(Self.clean), !name.isEmpty else {
            throw UseCaseError.invalid(field: "name", reason: "must not be empty")
        }
        guard let kind = change.kind, OrganizationChange.kinds.contains(kind) else {
            throw UseCaseError.invalid(field: "kind", reason: "must be one of \(OrganizationChange.kinds.joined(separator: ", "))")
        }
        guard !OrganizationName(name).key.isEmpty else {
            throw UseCaseError.invalid(field: "name", reason: "«\(name)» has no letters or digits")
        }
        return try await database.transaction { connection in
            try Self.refuseDuplicate(of: name, except: nil, on: connection)
            if let parentID = change.parentID { _ = try Self.get(parentID, on: connection) }
            let id = try connection.query("""
                INSERT INTO organizations (name, short_name, kind, parent_id, normalized_name)
                VALUES (\(name), \(change.shortName.map(Self.clean).flatMap { $0.isEmpty ? nil : $0 }), \(kind), \(change.parentID), \(OrganizationName(name).key))
                RETURNING id
                """).first?.decode(UUID.self, "id")
            guard let id else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no row") }
            try Self.setAliases(change.aliases ?? [], of: id, on: connection)
            try EventLog.record(connection, actor: actor, entityType: "organization", entityID: id, event: "created",
                                data: ["name": name, "kind": kind])
            return try Self.get(id, on: connection)
        }
    }

    public func update(_ id: UUID, _ change: OrganizationChange, ifVersion: Int?, actor: Principal) async throws -> OrganizationRecord {
        let change = try change.validated()
        try Self.require(AccessPolicy(actor).may(.manageOrganizations))
        if let kind = change.kind, !OrganizationChange.kinds.contains(kind) {
            throw UseCaseError.invalid(field: "kind", reason: "must be one of \(OrganizationChange.kinds.joined(separator: ", "))")
        }
        if let name = change.name, OrganizationName(Self.clean(name)).key.isEmpty {
            throw UseCaseError.invalid(field: "name", reason: "«\(name)» has no letters or digits")
        }
        return try await database.transaction { connection in
            let current = try Self.lock(id, on: connection)
            try UseCaseError.check(version: current.version, expected: ifVersion, entity: "organization")
            if let parentID = change.parentID {
                guard parentID != id else { throw UseCaseError.invalid(field: "parent_id", reason: "an organisation cannot be its own parent") }
                _ = try Self.get(parentID, on: connection)
            }
            let name = change.name.map(Self.clean) ?? current.name
            // A duplicate made before the rule held is merged, not blocked from other edits.
            if OrganizationName(name).key != OrganizationName(current.name).key {
                try Self.refuseDuplicate(of: name, except: id, on: connection)
            }
            try connection.execute("""
                UPDATE organizations SET name = \(name), normalized_name = \(OrganizationName(name).key),
                    short_name = \(change.shortName.map(Self.clean).map { $0.isEmpty ? nil : $0 } ?? current.shortName),
                    kind = \(change.kind ?? current.kind), parent_id = \(change.parentID ?? current.parentID),
                    version = version + 1, updated_at = now()
                WHERE id = \(id)
                """)
            if let aliases = change.aliases {
                try connection.execute("DELETE FROM organization_aliases WHERE organization_id = \(id)")
                try Self.setAliases(aliases, of: id, on: connection)
            }
            try EventLog.record(connection, actor: actor, entityType: "organization", entityID: id, event: "updated",
                                data: ["name": name])
            return try Self.get(id, on: connection)
        }
    }

    /// Two organisations never share a normalised name: «МБОУ СОШ №5» is «МБОУ «СОШ № 5»».
    static func refuseDuplicate(of name: String, except id: UUID?, on connection: PostgresConnection) throws {
        let key = OrganizationName(name).key
        if let existing = try connection.query(
            "SELECT id FROM organizations WHERE normalized_name = \(key) AND id IS DISTINCT FROM \(id) LIMIT 1").first {
            let other = try existing.decode(UUID.self, "id")
            throw UseCaseError.conflict("An organisation with this name already exists (id \(other.lowercased)).")
        }
    }

    static func lock(_ id: UUID, on connection: PostgresConnection) throws -> OrganizationRecord {
        guard try connection.query("SELECT id FROM organizations WHERE id = \(id) FOR UPDATE").first != nil else {
            throw UseCaseError.notFound(entity: "organization", id: id.lowercased)
        }
        return try get(id, on: connection)
    }

    static func setAliases(_ aliases: [String], of id: UUID, on connection: PostgresConnection) throws {
        for (index, alias) in aliases.map(clean).enumerated() {
            guard !OrganizationName(alias).key.isEmpty else {
                throw UseCaseError.invalid(field: "aliases[\(index)]", reason: "«\(alias)» has no letters or digits to match by")
            }
            try connection.execute("""
                INSERT INTO organization_aliases (organization_id, alias, normalized_alias)
                VALUES (\(id), \(alias), \(OrganizationName(alias).key)) ON CONFLICT DO NOTHING
                """)
        }
    }

    static func clean(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func require(_ decision: AccessDecision) throws {
        switch decision {
        case .allowed: return
        case .forbidden(let reason): throw UseCaseError.forbidden(reason)
        case .hidden: throw UseCaseError.forbidden("Not allowed.")
        }
    }
}

extension OrganizationStore {
    /// What a bulk import did.
    public struct ImportCount: Sendable, Equatable {
        public var created = 0
        public var updated = 0
    }

    /// Adds organisations in one transaction: a new name is created, a known one (by
    /// normalised name) gets the new aliases and short name. Any bad row refuses the whole
    /// file, naming its line.
    public func importOrganizations(_ rows: [(line: Int, change: OrganizationChange)], dryRun: Bool, actor: Principal) async throws -> ImportCount {
        try Self.require(AccessPolicy(actor).may(.manageOrganizations))
        struct Rollback: Error { let count: ImportCount }
        do {
            return try await database.transaction { connection in
                var count = ImportCount()
                for (line, typed) in rows {
                    func refuse(_ field: String, _ reason: String) -> UseCaseError {
                        .invalid(field: "line \(line): \(field)", reason: reason)
                    }
                    let change: OrganizationChange
                    do {
                        change = try typed.validated()
                    } catch UseCaseError.invalid(let field, let reason) {
                        throw refuse(field, reason)
                    }
                    guard let name = change.name.map(Self.clean), !OrganizationName(name).key.isEmpty else {
                        throw refuse("name", "is empty or has no letters or digits")
                    }
                    guard let kind = change.kind, OrganizationChange.kinds.contains(kind) else {
                        throw refuse("kind", "«\(change.kind ?? "")» is not one of \(OrganizationChange.kinds.joined(separator: ", "))")
                    }
                    let key = OrganizationName(name).key
                    if let row = try connection.query("SELECT id FROM organizations WHERE normalized_name = \(key)").first {
                        let id = try row.decode(UUID.self, "id")
                        let before = try Self.get(id, on: connection)
                        do {
                            try Self.setAliases(change.aliases ?? [], of: id, on: connection)
                        } catch let error as UseCaseError {
                            throw refuse("aliases", error.description)
                        }
                        if let short = change.shortName.map(Self.clean), !short.isEmpty, short != before.shortName {
                            try connection.execute("UPDATE organizations SET short_name = \(short), version = version + 1, updated_at = now() WHERE id = \(id)")
                        }
                        let after = try Self.get(id, on: connection)
                        if after != before {
                            count.updated += 1
                            try EventLog.record(connection, actor: actor, entityType: "organization", entityID: id, event: "updated", reason: "import")
                        }
                        continue
                    }
                    guard let id = try connection.query("""
                        INSERT INTO organizations (name, short_name, kind, normalized_name)
                        VALUES (\(name), \(change.shortName.map(Self.clean).flatMap { $0.isEmpty ? nil : $0 }), \(kind), \(key)) RETURNING id
                        """).first?.decode(UUID.self, "id") else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no row") }
                    do {
                        try Self.setAliases(change.aliases ?? [], of: id, on: connection)
                    } catch let error as UseCaseError {
                        throw refuse("aliases", error.description)
                    }
                    try EventLog.record(connection, actor: actor, entityType: "organization", entityID: id, event: "created", reason: "import",
                                        data: ["name": name, "kind": kind])
                    count.created += 1
                }
                if dryRun { throw Rollback(count: count) }
                return count
            }
        } catch let rollback as Rollback {
            return rollback.count
        }
    }
}
