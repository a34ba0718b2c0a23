import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The use case of an order's progress over time (`ProgressRecord`). What falls due each
/// month comes from the kept counts for the committee (a school counts its own); what was
/// done each month from the work days of accepted reports, kept on the assignments.
public struct ProgressStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func progress(orderID: UUID, asOf: CalendarDate, scope: Principal) async throws -> ProgressRecord {
        try await database.withConnection { connection in
            let order = try OrderStore.get(orderID, asOf: asOf, scope: scope, on: connection)
            let plans = try connection.query("""
                SELECT id FROM plans p WHERE p.order_id = \(orderID) AND \(Withdrawal.planInForce())
                """).rows.map { try $0.decode(UUID.self, "id") }
            let months = try RollupQuery.monthly(filter: "p.id = ANY(\(plans))", scope: scope, asOf: asOf, plans: plans, on: connection)
            let due = months.mapValues { $0.total - $0.count(.cancelled) }.filter { $0.value > 0 }
            let own: SQL = scope.role.seesEverything ? "TRUE" : "s.executor_id = \(scope.organizationID)"
            let done = Dictionary(uniqueKeysWithValues: try connection.query("""
                SELECT date_trunc('month', s.done_on)::date AS month, count(*)::int AS n
                FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id
                WHERE g.plan_id = ANY(\(plans)) AND s.status = 'done' AND s.done_on <= \(asOf) AND \(own)
                GROUP BY 1
                """).rows.map { (try $0.decode(CalendarDate.self, "month"), try $0.decode(Int.self, "n")) })
            return ProgressRecord(order: order, asOf: asOf, burnUp: BurnUp(due: due, done: done, asOf: asOf))
        }
    }
}
