import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Orders: listing by year and issuer, reading with roll-up, creating, changing.
/// An executor sees only the orders in which its organisation has assignments.
public struct OrderStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func list(
        year: Int?, issuerID: UUID?, asOf: CalendarDate, limit: Int?, cursor: String?, scope: Principal
    ) async throws -> Page<OrderRecord> {
        let limit = try Cursor.limit(limit)
        let after = try cursor.map { (text) throws(UseCaseError) in try Cursor.decode(text, count: 2) }
        var conditions: [SQL] = ["o.withdrawn_at IS NULL"]
        if let year { conditions.append("extract(year FROM o.issued_on) = \(year)") }
        if let issuerID { conditions.append("o.issuer_id = \(issuerID)") }
        conditions.append(Self.visible(to: scope))
        if let after {
            guard let date = CalendarDate(iso: after[0]), let id = UUID(uuidString: after[1]) else {
                throw UseCaseError.invalid(field: "cursor", reason: "is not a cursor this service gave out")
            }
            conditions.append("(o.issued_on, o.id) < (\(date), \(id))")
        }
        let statement: SQL = """
            \(OrderRecord.select) WHERE \(SQL.joined(conditions, separator: " AND "))
            ORDER BY o.issued_on DESC, o.id DESC LIMIT \(limit + 1)
            """
        let records = try await database.withConnection { connection in
            let rows = try connection.query(statement).rows
            let ids = try rows.map { try $0.decode(UUID.self, "id") }
            let rollups = try RollupQuery.orders(ids, scope: scope, asOf: asOf, on: connection)
            return try rows.map { row in try OrderRecord(row: row, rollup: rollups[try row.decode(UUID.self, "id")] ?? .empty) }
        }
        return OrganizationStore.page(records, limit: limit) { [$0.date.iso, $0.id.uuidString] }
    }

    /// The orders `scope` may see, as a predicate over `o` (orders): all for the committee;
    /// for an executor those where it has an assignment in force.
    static func visible(to scope: Principal) -> SQL {
        if scope.role.seesEverything { return "TRUE" }
        return """
            EXISTS (SELECT 1 FROM plans p JOIN goals g ON g.plan_id = p.id JOIN actions ac ON ac.goal_id = g.id
                    JOIN assignments s ON s.action_id = ac.id
                    WHERE p.order_id = o.id AND s.executor_id = \(scope.organizationID) AND \(Withdrawal.planInForce()))
            """
    }

    public func get(_ id: UUID, asOf: CalendarDate, scope: Principal) async throws -> OrderRecord {
        try await database.withConnection { connection in try Self.get(id, asOf: asOf, scope: scope, on: connection) }
    }

    /// Finds an order the way people cite it: «770/2018-06-25» (number and date), «770»
    /// when only one order the principal may see has that number, or its id.
    public func find(_ reference: String, asOf: CalendarDate, scope: Principal) async throws -> OrderRecord {
        if let id = UUID(uuidString: reference) { return try await get(id, asOf: asOf, scope: scope) }
        var number = reference.trimmingCharacters(in: .whitespaces)
        var date: CalendarDate?
        if let slash = number.lastIndex(of: "/"), let day = CalendarDate(iso: String(number[number.index(after: slash)...])) {
            date = day
            number = String(number[..<slash]).trimmingCharacters(in: .whitespaces)
        }
        guard !number.isEmpty else {
            throw UseCaseError.invalid(field: "order", reason: "«\(reference)» is neither an id, a number nor NUMBER/YYYY-MM-DD (e.g. 770/2018-06-25)")
        }
        let found = try await database.withConnection { [number, date] connection in
            try connection.query("""
                SELECT o.id, o.issued_on FROM orders o
                WHERE o.number = \(number) AND (\(date)::date IS NULL OR o.issued_on = \(date)::date)
                ORDER BY o.issued_on, o.id
                """).rows.map { (id: try $0.decode(UUID.self, "id"), date: try $0.decode(CalendarDate.self, "issued_on")) }
                .filter { try RollupQuery.visible(filter: "p.order_id = \($0.id)", scope: scope, on: connection) }
        }
        guard found.count == 1, let only = found.first else {
            if found.count > 1 {
                let citations = found.prefix(5).map { "\(number)/\($0.date.iso)" }.joined(separator: ", ")
                throw UseCaseError.conflict("\(found.count) orders are № \(number) (\(citations)); name one as NUMBER/YYYY-MM-DD or by its id.")
            }
            throw UseCaseError.notFound(entity: "order", id: reference)
        }
        return try await get(only.id, asOf: asOf, scope: scope)
    }

    /// The order as `scope` may see it; without `countingRollup`, its roll-up is left empty
    /// for a caller that adds it up from its actions' anyway.
    static func get(
        _ id: UUID, asOf: CalendarDate, scope: Principal, countingRollup: Bool = true, on connection: PostgresConnection
    ) throws -> OrderRecord {
        guard let row = try connection.query(.prepared("\(OrderRecord.select) WHERE o.id = \(id)")).first,
              try RollupQuery.visible(filter: "p.order_id = \(id)", scope: scope, on: connection) else {
            throw UseCaseError.notFound(entity: "order", id: id.lowercased)
        }
        guard countingRollup else { return try OrderRecord(row: row, rollup: .empty) }
        let rollups = try RollupQuery.orders([id], scope: scope, asOf: asOf, on: connection)
        return try OrderRecord(row: row, rollup: rollups[id] ?? .empty)
    }

    public func create(_ change: OrderChange, actor: Principal) async throws -> OrderRecord {
        let change = try change.validated()
        try OrganizationStore.require(AccessPolicy(actor).may(.managePlans))
        guard let number = change.number.map(OrganizationStore.clean), !number.isEmpty else {
            throw UseCaseError.invalid(field: "number", reason: "must not be empty")
        }
        guard let date = change.date else { throw UseCaseError.invalid(field: "date", reason: "is required") }
        guard let issuerID = change.issuerID else { throw UseCaseError.invalid(field: "issuer_id", reason: "is required") }
        return try await database.transaction { connection in
            guard try connection.query("SELECT 1 FROM organizations WHERE id = \(issuerID)").first != nil else {
                throw UseCaseError.invalid(field: "issuer_id", reason: "no organisation with id \(issuerID.lowercased)")
            }
            let title = change.title.map(OrganizationStore.clean) ?? ""
            let id = try connection.query("""
                INSERT INTO orders (issuer_id, number, issued_on, title, signatory, controller)
                VALUES (\(issuerID), \(number), \(date), \(title), \(change.signatory), \(change.controller))
                ON CONFLICT (issuer_id, number, issued_on) DO NOTHING RETURNING id
                """).first?.decode(UUID.self, "id")
            guard let id else {
                throw UseCaseError.conflict("Order № \(number) of \(date.iso) from this issuer already exists.")
            }
            try connection.execute("INSERT INTO plans (order_id, title, position) VALUES (\(id), \(title), 1)")
            try EventLog.record(connection, actor: actor, entityType: "order", entityID: id, event: "created",
                                data: ["number": number, "date": date.iso])
            return try Self.get(id, asOf: date, scope: actor, on: connection)
        }
    }

    public func update(_ id: UUID, _ change: OrderChange, ifVersion: Int?, asOf: CalendarDate, actor: Principal) async throws -> OrderRecord {
        let change = try change.validated()
        if let number = change.number, OrganizationStore.clean(number).isEmpty {
            throw UseCaseError.invalid(field: "number", reason: "must not be empty")
        }
        return try await database.transaction { connection in
            guard try connection.query("SELECT 1 FROM orders WHERE id = \(id) FOR UPDATE").first != nil else {
                throw UseCaseError.notFound(entity: "order", id: id.lowercased)
            }
            let current = try Self.get(id, asOf: asOf, scope: actor, on: connection)
            try OrganizationStore.require(AccessPolicy(actor).may(.managePlans))
            try UseCaseError.check(version: current.version, expected: ifVersion, entity: "order")
            try Withdrawal.refuseChange(under: "p.order_id = \(id)", on: connection)
            do {
                try connection.execute("""
                    UPDATE orders SET number = \(change.number.map(OrganizationStore.clean) ?? current.number),
                        issued_on = \(change.date ?? current.date), title = \(change.title ?? current.title),
                        signatory = \(change.signatory ?? current.signatory), controller = \(change.controller ?? current.controller),
                        version = version + 1, updated_at = now()
                    WHERE id = \(id)
                    """)
            } catch let error as PostgresError where error.sqlState == .uniqueViolation {
                throw UseCaseError.conflict("Another order of this issuer already has this number and date.")
            }
            var data: [String: String] = [:]
            if let number = change.number { data["number"] = number }
            if let date = change.date { data["date"] = date.iso }
            try EventLog.record(connection, actor: actor, entityType: "order", entityID: id, event: "updated", data: data)
            return try Self.get(id, asOf: asOf, scope: actor, on: connection)
        }
    }
}
