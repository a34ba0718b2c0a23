import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The use case of an order's history: what happened to the order, its plans, goals, tasks
/// and actions (the import, edits, withdrawals), newest first, a page at a time, for the
/// committee's staff.
public struct OrderHistoryStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public static let pageSize = 50

    /// The page of events after `cursor` (the previous page's; nil: the newest). A cursor
    /// this service did not give out is refused (`UseCaseError.invalid`).
    public func history(orderID: UUID, cursor: String?, asOf: CalendarDate, scope: Principal) async throws -> (order: OrderRecord, page: Page<EventRecord>) {
        try OrganizationStore.require(AccessPolicy(scope).readPlanHistory())
        let before = try cursor.map { (text) throws(UseCaseError) -> Int64 in
            guard let id = Int64(try Cursor.decode(text, count: 1)[0]) else {
                throw .invalid(field: "cursor", reason: "is not a cursor this service gave out")
            }
            return id
        }
        return try await database.withConnection { connection in
            let order = try OrderStore.get(orderID, asOf: asOf, scope: scope, on: connection)
            let records = try connection.query("""
                WITH plan AS (SELECT id FROM plans WHERE order_id = \(orderID)),
                     goal AS (SELECT g.id FROM goals g JOIN plan ON plan.id = g.plan_id),
                     parts AS (
                         SELECT 'order'::text AS entity_type, \(orderID)::uuid AS entity_id
                         UNION ALL SELECT 'plan', id FROM plan
                         UNION ALL SELECT 'goal', id FROM goal
                         UNION ALL SELECT 'task', t.id FROM tasks t JOIN goal ON goal.id = t.goal_id
                         UNION ALL SELECT 'action', a.id FROM actions a JOIN goal ON goal.id = a.goal_id
                         -- Goals, tasks and actions removed since: found by the plan their removal names.
                         UNION SELECT r.entity_type, r.entity_id FROM events r
                         WHERE r.event = 'removed' AND r.data->>'plan_id' IN (SELECT id::text FROM plan))
                SELECT e.id, e.occurred_at, e.actor_id, coalesce(u.role, CASE WHEN e.actor_command IS NOT NULL THEN 'admin' END) AS actor_role,
                       e.actor_command, coalesce(u.display_name, u.login) AS actor_name, e.entity_type, e.entity_id, e.event, e.reason, e.data
                FROM parts JOIN events e ON e.entity_type = parts.entity_type AND e.entity_id = parts.entity_id
                LEFT JOIN users u ON u.id = e.actor_id
                WHERE e.id < \(before ?? Int64.max)
                ORDER BY e.id DESC LIMIT \(Self.pageSize + 1)
                """).rows.map(EventRecord.init(row:))
            return (order, OrganizationStore.page(records, limit: Self.pageSize) { [String($0.id)] })
        }
    }
}
