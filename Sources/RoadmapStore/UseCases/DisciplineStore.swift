import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The use case of «исполнительская дисциплина» (`DisciplineRecord`), for the committee's
/// staff only. Outcomes follow `ExecutionOutcome` through `analytics.outcome`, the same rule
/// in SQL (a test holds the two together), so the ranking is counted where the rows are.
public struct DisciplineStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Work due from `from` to `to` (inclusive), in every order in force or in `orderID`'s,
    /// judged as of `asOf`.
    public func discipline(
        from: CalendarDate, to: CalendarDate, orderID: UUID? = nil, asOf: CalendarDate, scope: Principal
    ) async throws -> DisciplineRecord {
        try OrganizationStore.require(AccessPolicy(scope).compareOrganizations())
        guard from <= to else {
            throw UseCaseError.invalid(field: "from", reason: "the period starts after it ends (\(from.iso) > \(to.iso))")
        }
        return try await database.withConnection { connection in
            let order = try orderID.map { try OrderStore.get($0, asOf: asOf, scope: scope, on: connection) }
            let inOrder: SQL = orderID.map { "p.order_id = \($0)" } ?? "TRUE"
            let rows = try connection.query("""
                WITH due AS (
                    SELECT s.executor_id, s.due_on, s.done_on, analytics.outcome(s.status, s.due_on, s.done_on, \(asOf)) AS outcome
                    FROM assignments s
                    JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
                    WHERE s.due_on BETWEEN \(from) AND \(to) AND \(Withdrawal.planInForce()) AND \(inOrder))
                SELECT d.executor_id, o.name, d.outcome, count(*)::int AS n,
                       sum(CASE d.outcome WHEN 'done_late' THEN d.done_on - d.due_on
                                          WHEN 'overdue' THEN \(asOf)::date - d.due_on END)::int AS delay
                FROM due d JOIN organizations o ON o.id = d.executor_id
                GROUP BY 1, 2, 3
                """).rows
            var tallies: [UUID: (name: String, tally: ExecutionTally, delay: Int)] = [:]
            for row in rows {
                guard let outcome = ExecutionOutcome(rawValue: try row.decode(String.self, "outcome")) else { continue }
                let id = try row.decode(UUID.self, "executor_id")
                let name = try row.decode(String.self, "name")
                let count = try row.decode(Int.self, "n")
                var entry = tallies[id] ?? (name, .empty, 0)
                entry.tally = entry.tally + ExecutionTally(repeatElement(outcome, count: count))
                entry.delay += try row.decode(Int?.self, "delay") ?? 0
                tallies[id] = entry
            }
            let ranked = tallies.map { id, entry in
                let late = entry.tally.count(.doneLate) + entry.tally.count(.overdue)
                return DisciplineRecord.Row(
                    organization: .init(id: id, name: entry.name), tally: entry.tally,
                    averageDelay: late == 0 ? nil : Double(entry.delay) / Double(late))
            }.sorted { lhs, rhs in
                if ExecutionTally.isFurtherBehind(lhs.tally, than: rhs.tally) { return true }
                if ExecutionTally.isFurtherBehind(rhs.tally, than: lhs.tally) { return false }
                return (lhs.organization.name, lhs.organization.id.uuidString) < (rhs.organization.name, rhs.organization.id.uuidString)
            }

            // Work already due (in the period, before the as-of day) with no report at all.
            let silentRows = try connection.query("""
                SELECT s.executor_id, o.name, count(*)::int AS n, min(s.due_on) AS first_due,
                       ARRAY(SELECT coalesce(u.display_name, u.login) || coalesce(' <' || u.email || '>', '')
                             FROM users u WHERE u.organization_id = s.executor_id AND u.disabled_at IS NULL
                             ORDER BY u.is_head DESC, u.login) AS contacts
                FROM assignments s
                JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
                JOIN organizations o ON o.id = s.executor_id
                WHERE s.due_on BETWEEN \(from) AND \(to) AND s.due_on < \(asOf) AND s.status IN ('planned', 'in_progress')
                  AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.assignment_id = s.id)
                  AND \(Withdrawal.planInForce()) AND \(inOrder)
                GROUP BY s.executor_id, o.name
                ORDER BY count(*) DESC, o.name
                """).rows
            let silent = try silentRows.map { row in
                DisciplineRecord.Silent(
                    organization: .init(id: try row.decode(UUID.self, "executor_id"), name: try row.decode(String.self, "name")),
                    unreported: try row.decode(Int.self, "n"), firstDueOn: try row.decode(CalendarDate.self, "first_due"),
                    contacts: try row.decode([String].self, "contacts"))
            }
            return DisciplineRecord(from: from, to: to, asOf: asOf, order: order, rows: ranked, silent: silent)
        }
    }
}
