import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The counts kept for pages (`action_rollups`, `plan_rollups`, `action_executor_counts`,
/// `executor_open_months`, migration 0021; `plan_executors`, 0022; `goal_rollups` and
/// `action_earliest_open`, 0029; `goal_month_rollups` and `plan_month_rollups`, 0032;
/// `plan_executor_open_months`, 0033; `executor_open_before`, 0034),
/// checked against a count made from scratch, and rebuilt when they differ. The triggers
/// keep them in the transaction of each change, so a difference means a bug or a hand edit
/// made with the triggers off; the check says which action and by how much.
public struct RollupStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Difference: Sendable, Hashable {
        /// The action counted; the goal, the plan, or the executor for its open work by month.
        public let actionID: UUID
        /// «status due_on» for a roll-up; «organizations» or «persons» for an executor count.
        public let what: String
        public let kept: Int
        public let counted: Int
    }

    public struct Outcome: Sendable {
        /// The first differences found (at most 100), and how many there were in all.
        public let differences: [Difference]
        public let differenceCount: Int
        /// What was compared: actions with kept counts, and assignments counted.
        public let actions: Int
        public let assignments: Int
        public let repaired: Bool
    }

    /// Compares the kept counts with a fresh count; with `repair`, rewrites the kept counts
    /// from the fresh one in the same transaction (locking out changes to assignments and
    /// executors meanwhile) and reports what was wrong before.
    public func check(repair: Bool, actor: Principal) async throws -> Outcome {
        try OrganizationStore.require(AccessPolicy(actor).may(.maintainCounts))
        return try await database.transaction { connection in
            if repair {
                // A change committed between the count and the rewrite would be lost.
                try connection.execute("LOCK TABLE assignments, action_persons IN SHARE MODE")
            }
            var differences = try Self.statusDifferences("rollup_differences", key: "action_id", label: "", on: connection)
            for row in try connection.query("SELECT * FROM executor_count_differences() ORDER BY 1").rows {
                let id = try row.decode(UUID.self, "action_id")
                for kind in ["organizations", "persons"] {
                    let kept = try row.decode(Int.self, "kept_\(kind)")
                    let counted = try row.decode(Int.self, "counted_\(kind)")
                    if kept != counted { differences.append(Difference(actionID: id, what: kind, kept: kept, counted: counted)) }
                }
            }
            differences += try Self.statusDifferences("plan_rollup_differences", key: "plan_id", label: "plan: ", on: connection)
            differences += try Self.statusDifferences("goal_rollup_differences", key: "goal_id", label: "goal: ", on: connection)
            differences += try Self.statusDifferences(
                "plan_month_rollup_differences", key: "plan_id", day: "month", label: "plan month: ", on: connection)
            differences += try Self.statusDifferences(
                "goal_month_rollup_differences", key: "goal_id", day: "month", label: "goal month: ", on: connection)
            for row in try connection.query("SELECT * FROM earliest_open_differences() ORDER BY 1").rows {
                // The days as numbers, 20190315 for 15 March 2019, 0 for none.
                func number(_ day: CalendarDate?) -> Int { day.flatMap { Int($0.iso.filter(\.isNumber)) } ?? 0 }
                let kept = try row.decode(CalendarDate?.self, "kept")
                let counted = try row.decode(CalendarDate?.self, "counted")
                differences.append(Difference(
                    actionID: try row.decode(UUID.self, "action_id"), what: "earliest open due day",
                    kept: number(kept), counted: number(counted)))
            }
            for row in try connection.query("SELECT * FROM executor_month_differences() ORDER BY 1, 2").rows {
                let month = try row.decode(CalendarDate.self, "month")
                differences.append(Difference(
                    actionID: try row.decode(UUID.self, "executor_id"), what: "open work of the executor due in \(month.iso.prefix(7))",
                    kept: try row.decode(Int.self, "kept"), counted: try row.decode(Int.self, "counted")))
            }
            for row in try connection.query("SELECT * FROM plan_executor_month_differences() ORDER BY 1, 2, 3").rows {
                let month = try row.decode(CalendarDate.self, "month")
                let executor = try row.decode(UUID.self, "executor_id").lowercased
                differences.append(Difference(
                    actionID: try row.decode(UUID.self, "plan_id"),
                    what: "plan's open work of organisation \(executor) due in \(month.iso.prefix(7))",
                    kept: try row.decode(Int.self, "kept"), counted: try row.decode(Int.self, "counted")))
            }
            for row in try connection.query("SELECT * FROM executor_open_before_differences() ORDER BY 1").rows {
                // No month when its one row was deleted: the repair puts the current month back.
                let month = try row.decode(CalendarDate?.self, "month").map { String($0.iso.prefix(7)) } ?? "the kept month (missing)"
                differences.append(Difference(
                    actionID: try row.decode(UUID.self, "executor_id"), what: "open work of the executor due before \(month)",
                    kept: try row.decode(Int.self, "kept"), counted: try row.decode(Int.self, "counted")))
            }
            for row in try connection.query("SELECT * FROM plan_executor_differences() ORDER BY 1, 2").rows {
                differences.append(Difference(
                    actionID: try row.decode(UUID.self, "plan_id"),
                    what: "plan's actions executed by organisation \(try row.decode(UUID.self, "organization_id").lowercased)",
                    kept: try row.decode(Int.self, "kept"), counted: try row.decode(Int.self, "counted")))
            }
            let facts = try connection.query("""
                SELECT (SELECT count(DISTINCT action_id) FROM action_rollups)::int AS actions,
                       (SELECT coalesce(sum(n), 0) FROM action_rollups)::int AS assignments
                """).first
            if repair, !differences.isEmpty {
                // In key order: written in a hash aggregate's order, each action's kept rows lay
                // spread over the table, and the plan through the API, which reads 30,000 of them
                // by key on the region, took 131 ms instead of 101 (p50, before and after CLUSTER).
                try connection.execute(script: """
                    DELETE FROM action_rollups;
                    INSERT INTO action_rollups (action_id, status, due_on, n)
                        SELECT action_id, status, due_on, count(*)::int FROM assignments GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
                    DELETE FROM goal_rollups;
                    INSERT INTO goal_rollups (goal_id, status, due_on, n)
                        SELECT a.goal_id, s.status, s.due_on, count(*)::int
                        FROM assignments s JOIN actions a ON a.id = s.action_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
                    DELETE FROM goal_month_rollups;
                    INSERT INTO goal_month_rollups (goal_id, status, month, n)
                        SELECT goal_id, status, date_trunc('month', due_on::timestamp)::date, sum(n)::int
                        FROM goal_rollups GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
                    DELETE FROM action_earliest_open;
                    INSERT INTO action_earliest_open (action_id, goal_id, due_on)
                        SELECT a.id, a.goal_id, min(s.due_on) FROM assignments s JOIN actions a ON a.id = s.action_id
                        WHERE analytics.is_open(s.status) AND s.due_on IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2;
                    DELETE FROM plan_rollups;
                    INSERT INTO plan_rollups (plan_id, status, due_on, n)
                        SELECT g.plan_id, s.status, s.due_on, count(*)::int
                        FROM assignments s JOIN actions a ON a.id = s.action_id JOIN goals g ON g.id = a.goal_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
                    DELETE FROM plan_month_rollups;
                    INSERT INTO plan_month_rollups (plan_id, status, month, n)
                        SELECT plan_id, status, date_trunc('month', due_on::timestamp)::date, sum(n)::int
                        FROM plan_rollups GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
                    DELETE FROM executor_open_months;
                    INSERT INTO executor_open_months (executor_id, month, n)
                        SELECT executor_id, date_trunc('month', due_on)::date, count(*)::int FROM assignments
                        WHERE analytics.is_open(status) AND due_on IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2;
                    INSERT INTO executor_open_before_month (month) VALUES (date_trunc('month', current_date::timestamp)::date)
                        ON CONFLICT (single) DO NOTHING;
                    DELETE FROM executor_open_before;
                    INSERT INTO executor_open_before (executor_id, n)
                        SELECT s.executor_id, count(*)::int FROM assignments s
                        WHERE analytics.is_open(s.status) AND s.due_on < (SELECT month FROM executor_open_before_month)
                        GROUP BY 1 ORDER BY 1;
                    DELETE FROM plan_executor_open_months;
                    INSERT INTO plan_executor_open_months (plan_id, executor_id, month, n)
                        SELECT g.plan_id, s.executor_id, date_trunc('month', s.due_on::timestamp)::date, count(*)::int
                        FROM assignments s JOIN actions a ON a.id = s.action_id JOIN goals g ON g.id = a.goal_id
                        WHERE analytics.is_open(s.status) AND s.due_on IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
                    DELETE FROM action_executor_counts;
                    INSERT INTO action_executor_counts (action_id, organizations, persons)
                        SELECT action_id, count(organization_id)::int, count(person_role)::int FROM action_executors GROUP BY 1 ORDER BY 1;
                    DELETE FROM plan_executors;
                    INSERT INTO plan_executors (plan_id, organization_id, actions)
                        SELECT g.plan_id, e.organization_id, count(*)::int
                        FROM action_executors e JOIN actions a ON a.id = e.action_id JOIN goals g ON g.id = a.goal_id
                        WHERE e.organization_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2;
                    """)
            }
            return Outcome(
                differences: Array(differences.prefix(100)), differenceCount: differences.count,
                actions: try facts?.decode(Int.self, "actions") ?? 0, assignments: try facts?.decode(Int.self, "assignments") ?? 0,
                repaired: repair && !differences.isEmpty)
        }
    }

    /// The differences a check function of counts per status and due day (or month) returns
    /// (`key`, status, `day`, kept, counted), each told as «`label`status day».
    private static func statusDifferences(
        _ function: String, key: String, day: String = "due_on", label: String, on connection: PostgresConnection
    ) throws -> [Difference] {
        try connection.query("SELECT * FROM \(unescaped: function)() ORDER BY 1, 2, 3").rows.map { row in
            let due = try row.decode(CalendarDate?.self, day)
            return Difference(
                actionID: try row.decode(UUID.self, key),
                what: "\(label)\(try row.decode(String.self, "status")) \(due?.iso ?? "без срока")",
                kept: try row.decode(Int.self, "kept"), counted: try row.decode(Int.self, "counted"))
        }
    }
}
