import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Withdrawing an order or a plan imported by mistake, and restoring it. Nothing is deleted:
/// the rows stay, with their reports and history, but `Withdrawal` leaves them out of every
/// list, count and school's page. The committee's staff withdraw, with a reason; only an
/// administrator restores. Withdrawing an order withdraws each of its plans at the same
/// instant, so restoring it brings back exactly those (a plan withdrawn on its own before
/// stays withdrawn).
public struct WithdrawalStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func withdraw(orderID: UUID, reason: String, asOf: CalendarDate, actor: Principal) async throws -> OrderRecord {
        let reason = try Self.reason(reason)
        try OrganizationStore.require(AccessPolicy(actor).may(.withdrawPlans))
        return try await database.transaction { connection in
            let order = try Self.lockOrder(orderID, on: connection)
            if let when = order.withdrawnAt {
                throw UseCaseError.conflict("The order was already withdrawn on \(CommitteeClock().today(now: when).iso).")
            }
            let plans = try connection.query("""
                UPDATE plans SET withdrawn_at = now() WHERE order_id = \(orderID) AND withdrawn_at IS NULL RETURNING id
                """).rows.count
            try connection.execute("UPDATE orders SET withdrawn_at = now(), updated_at = now() WHERE id = \(orderID)")
            try EventLog.record(connection, actor: actor, entityType: "order", entityID: orderID, event: "withdrawn",
                                reason: reason, data: ["plans": "\(plans)", "number": order.number])
            return try OrderStore.get(orderID, asOf: asOf, scope: actor, on: connection)
        }
    }

    public func restore(orderID: UUID, reason: String?, asOf: CalendarDate, actor: Principal) async throws -> OrderRecord {
        let reason = try TypedText.field(reason, "reason").flatMap { $0.isEmpty ? nil : $0 }
        try OrganizationStore.require(AccessPolicy(actor).may(.restorePlans))
        return try await database.transaction { connection in
            let order = try Self.lockOrder(orderID, on: connection)
            guard order.withdrawnAt != nil else { throw UseCaseError.conflict("The order is not withdrawn.") }
            // The plans withdrawn with the order carry its very instant (one transaction's now()).
            let plans = try connection.query("""
                UPDATE plans SET withdrawn_at = NULL
                WHERE order_id = \(orderID) AND withdrawn_at = (SELECT withdrawn_at FROM orders WHERE id = \(orderID))
                RETURNING id
                """).rows.count
            try connection.execute("UPDATE orders SET withdrawn_at = NULL, updated_at = now() WHERE id = \(orderID)")
            try EventLog.record(connection, actor: actor, entityType: "order", entityID: orderID, event: "restored",
                                reason: reason, data: ["plans": "\(plans)", "number": order.number])
            return try OrderStore.get(orderID, asOf: asOf, scope: actor, on: connection)
        }
    }

    public func withdraw(planID: UUID, reason: String, actor: Principal) async throws -> PlanRecord {
        let reason = try Self.reason(reason)
        try OrganizationStore.require(AccessPolicy(actor).may(.withdrawPlans))
        return try await database.transaction { connection in
            let plan = try Self.lockPlan(planID, on: connection)
            if let when = plan.withdrawnAt {
                throw UseCaseError.conflict("The plan was already withdrawn on \(CommitteeClock().today(now: when).iso).")
            }
            try connection.execute("UPDATE plans SET withdrawn_at = now(), updated_at = now() WHERE id = \(planID)")
            try EventLog.record(connection, actor: actor, entityType: "plan", entityID: planID, event: "withdrawn",
                                reason: reason, data: ["title": plan.name, "assignments": "\(plan.assignments)"])
            return try Self.plan(planID, on: connection)
        }
    }

    public func restore(planID: UUID, reason: String?, actor: Principal) async throws -> PlanRecord {
        let reason = try TypedText.field(reason, "reason").flatMap { $0.isEmpty ? nil : $0 }
        try OrganizationStore.require(AccessPolicy(actor).may(.restorePlans))
        return try await database.transaction { connection in
            let plan = try Self.lockPlan(planID, on: connection)
            guard plan.withdrawnAt != nil else { throw UseCaseError.conflict("The plan is not withdrawn.") }
            if let orderID = plan.orderID,
               try connection.query("SELECT 1 FROM orders WHERE id = \(orderID) AND withdrawn_at IS NOT NULL").first != nil {
                throw UseCaseError.conflict("The plan's order № \(plan.orderNumber ?? "") is withdrawn; restore the order.")
            }
            try connection.execute("UPDATE plans SET withdrawn_at = NULL, updated_at = now() WHERE id = \(planID)")
            try EventLog.record(connection, actor: actor, entityType: "plan", entityID: planID, event: "restored",
                                reason: reason, data: ["title": plan.name])
            return try Self.plan(planID, on: connection)
        }
    }

    /// One plan (the committee's staff only: a school has no use for a plan as a whole).
    public func plan(_ id: UUID, actor: Principal) async throws -> PlanRecord {
        guard actor.role.seesEverything else { throw UseCaseError.notFound(entity: "plan", id: id.lowercased) }
        return try await database.withConnection { connection in try Self.plan(id, on: connection) }
    }

    /// What an administrator may restore, and what may be withdrawn without an order page:
    /// withdrawn orders' plans and withdrawn plans, and plans imported with no order, newest
    /// first (the committee's staff only).
    public func plans(withdrawn: Bool, limit: Int = 100, actor: Principal) async throws -> [PlanRecord] {
        guard actor.role.seesEverything else { return [] }
        let condition: SQL = withdrawn ? "p.withdrawn_at IS NOT NULL" : "p.withdrawn_at IS NULL AND p.order_id IS NULL"
        return try await database.withConnection { connection in
            try connection.query("\(PlanRecord.select) WHERE \(condition) ORDER BY coalesce(p.withdrawn_at, p.created_at) DESC, p.id LIMIT \(limit)")
                .rows.map(PlanRecord.init(row:))
        }
    }

    static func reason(_ text: String) throws -> String {
        let reason = try TypedText.field(text, "reason")
        guard !reason.isEmpty else { throw UseCaseError.invalid(field: "reason", reason: "say why it is withdrawn") }
        return reason
    }

    static func lockOrder(_ id: UUID, on connection: PostgresConnection) throws -> (number: String, withdrawnAt: Date?) {
        guard let row = try connection.query("SELECT number, withdrawn_at FROM orders WHERE id = \(id) FOR UPDATE").first else {
            throw UseCaseError.notFound(entity: "order", id: id.lowercased)
        }
        return (try row.decode(String.self, "number"), try row.decode(Date?.self, "withdrawn_at"))
    }

    static func lockPlan(_ id: UUID, on connection: PostgresConnection) throws -> PlanRecord {
        guard try connection.query("SELECT 1 FROM plans WHERE id = \(id) FOR UPDATE").first != nil else {
            throw UseCaseError.notFound(entity: "plan", id: id.lowercased)
        }
        return try plan(id, on: connection)
    }

    static func plan(_ id: UUID, on connection: PostgresConnection) throws -> PlanRecord {
        guard let row = try connection.query("\(PlanRecord.select) WHERE p.id = \(id)").first else {
            throw UseCaseError.notFound(entity: "plan", id: id.lowercased)
        }
        return try PlanRecord(row: row)
    }
}
