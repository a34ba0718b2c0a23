import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Roll-ups computed by PostgreSQL: assignments counted per status, overdue and earliest
/// open due day, grouped by one key (an action, an order); the domain adds them up the tree.
enum RollupQuery {
    /// Roll-ups keyed by `key` (an SQL expression over `s` (assignments), `ac` (actions),
    /// `g` (goals) and `p` (plans)), for the assignments `filter` selects; an executor's
    /// roll-ups count its own assignments only, and nobody's count a withdrawn plan.
    ///
    /// The committee's come from `action_rollups` (kept by the assignments' triggers), so
    /// they cost the actions counted, not their assignments; `s` is then a row of counts
    /// per action, status and due day, and `filter` and `key` may use only those columns.
    /// An executor's are counted from its own assignments.
    static func rollups(
        key: SQL, filter: SQL, scope: Principal, asOf: CalendarDate, executorID: UUID? = nil, on connection: PostgresConnection
    ) throws -> [UUID: Rollup] {
        let (source, own, count) = counted(scope: scope, executorID: executorID)
        let rows = try connection.query("""
            SELECT \(key) AS key, \(perStatus(count: count, asOf: asOf))
            FROM \(source) s
            JOIN actions ac ON ac.id = s.action_id
            JOIN goals g ON g.id = ac.goal_id
            JOIN plans p ON p.id = g.plan_id
            WHERE \(filter) AND \(own) AND \(Withdrawal.planInForce())
            GROUP BY 1
            """).rows
        return try collectPerStatus(rows) { try $0.decode(UUID.self, "key") }
    }

    /// Roll-ups of `actions` (each with its goal, as the caller read it), added up per action,
    /// or per goal when `byGoal`; counted as `rollups` counts them. The plan is found through
    /// the goal given, so PostgreSQL reads only these actions' counts, through their index,
    /// instead of joining them with every action stored.
    static func rollups(
        of actions: [(id: UUID, goal: UUID)], byGoal: Bool, scope: Principal, asOf: CalendarDate, on connection: PostgresConnection
    ) throws -> [UUID: Rollup] {
        guard !actions.isEmpty else { return [:] }
        let (source, own, count) = counted(scope: scope, executorID: nil)
        // Each action counted by itself, through its own index entries: joined as a whole,
        // PostgreSQL hashed every kept count stored (84,571 rows on the region) to keep the
        // 30,145 of a plan of 1,000 actions (40 ms against 18).
        let columns: SQL = byGoal ? "m.goal_id AS key, \(perStatusTotals("c"))" : "m.action_id AS key, c.*"
        let grouped: SQL = byGoal ? "GROUP BY 1" : ""
        let rows = try connection.query(.prepared("""
            SELECT \(columns)
            FROM unnest(\(actions.map(\.id))::uuid[], \(actions.map(\.goal))::uuid[]) AS m(action_id, goal_id)
            JOIN goals g ON g.id = m.goal_id
            JOIN plans p ON p.id = g.plan_id
            CROSS JOIN LATERAL (
                SELECT \(perStatus(count: count, asOf: asOf)) FROM \(source) s WHERE s.action_id = m.action_id AND \(own)) c
            WHERE \(Withdrawal.planInForce())
            \(grouped)
            """)).rows
        return try collectPerStatus(rows) { try $0.decode(UUID.self, "key") }
    }

    /// Roll-ups of whole orders: the committee's from the plans' counts kept per month (a few
    /// rows per plan, status and month; `asOf`'s own month read by day, see `overdueByMonth`),
    /// with each order's earliest open due day from its goals' actions' kept ones (one index
    /// probe per goal); an executor's from its own assignments.
    static func orders(_ ids: [UUID], scope: Principal, asOf: CalendarDate, on connection: PostgresConnection) throws -> [UUID: Rollup] {
        guard scope.role.seesEverything else {
            return try rollups(key: "p.order_id", filter: "p.order_id = ANY(\(ids))", scope: scope, asOf: asOf, on: connection)
        }
        let plans: SQL = "ARRAY(SELECT p.id FROM plans p WHERE p.order_id = ANY(\(ids)) AND \(Withdrawal.planInForce()))"
        // The earliest day once per order, joined to its counts (asked per count, it was asked
        // 298 times for a page of 50 orders: 25 ms).
        let rows = try connection.query(.prepared("""
            WITH earliest AS (
                SELECT p.order_id, min(e.due_on) AS due_on FROM plans p JOIN goals g ON g.plan_id = p.id
                CROSS JOIN LATERAL (SELECT e.due_on FROM action_earliest_open e
                                    WHERE e.goal_id = g.id AND e.due_on IS NOT NULL ORDER BY e.due_on LIMIT 1) e
                WHERE p.order_id = ANY(\(ids)) AND \(Withdrawal.planInForce())
                GROUP BY 1)
            SELECT c.key, c.status, c.n, c.overdue, earliest.due_on AS earliest
            FROM (SELECT p.order_id AS key, x.status, sum(x.n)::int AS n, sum(x.overdue)::int AS overdue
                  FROM (\(overdueByMonth(key: "plan_id", months: "plan_month_rollups", days: "plan_rollups",
                                         keys: plans, asOf: asOf, month: asOf.firstOfMonth))) x
                  JOIN plans p ON p.id = x.key
                  GROUP BY 1, 2) c
            LEFT JOIN earliest ON earliest.order_id = c.key
            """)).rows
        return try collect(rows) { try $0.decode(UUID.self, "key") }
    }

    /// Roll-ups of whole goals as the committee sees them, whatever the number of their actions
    /// and assignments: counts from `goal_month_rollups` (a few rows per goal, status and
    /// month), overdue work as of `asOf` from them too but for `asOf`'s own month, read by day
    /// from `goal_rollups` (see `overdueByMonth`), and the earliest open due day from the
    /// actions' kept ones.
    static func goals(_ ids: [UUID], asOf: CalendarDate, on connection: PostgresConnection) throws -> [UUID: Rollup] {
        guard !ids.isEmpty else { return [:] }
        let month = asOf.firstOfMonth
        let rows = try connection.query(.prepared("""
            SELECT x.key, x.status, sum(x.n)::int AS n, sum(x.overdue)::int AS overdue,
                   (SELECT min(e.due_on) FROM action_earliest_open e WHERE e.goal_id = x.key) AS earliest
            FROM (\(overdueByMonth(key: "goal_id", months: "goal_month_rollups", days: "goal_rollups",
                                   keys: "\(ids)", asOf: asOf, month: month))) x
            GROUP BY 1, 2
            """)).rows
        return try collect(rows) { try $0.decode(UUID.self, "key") }
    }

    /// Rows of (key, month, status, n, overdue) from a table of counts kept per month (`months`)
    /// and its table kept per due day (`days`), for `keys` (an array of the column `key`), to be
    /// added up by the caller. Work due in a month before `asOf`'s is overdue when open; in a
    /// month after it, not yet; so only `asOf`'s own month is read by day, for its open work due
    /// before `asOf`, and counted as overdue alone (its rows' `n` is 0: the month's counts are in
    /// its monthly row). One statement, so both tables are read from one snapshot.
    private static func overdueByMonth(key: SQL, months: SQL, days: SQL, keys: SQL, asOf: CalendarDate, month: CalendarDate) -> SQL {
        """
        SELECT r.\(key) AS key, r.month, r.status, r.n,
               CASE WHEN analytics.is_open(r.status) AND r.month < \(month) THEN r.n ELSE 0 END AS overdue
        FROM \(months) r WHERE r.\(key) = ANY(\(keys)) AND r.n > 0
        UNION ALL
        SELECT d.\(key), \(month), d.status, 0, d.n
        FROM \(days) d
        WHERE d.\(key) = ANY(\(keys)) AND d.n > 0 AND analytics.is_open(d.status) AND d.due_on >= \(month) AND d.due_on < \(asOf)
        """
    }

    /// Roll-ups per month of the due day (keyed by the month's first day) for the assignments
    /// `filter` selects, counted as `rollups` counts them; assignments with no due day are left out.
    ///
    /// For the committee's view of whole plans (`plans`), the plans' kept monthly counts are
    /// read (`planMonths`: no earliest open due day).
    static func monthly(
        filter: SQL, scope: Principal, asOf: CalendarDate, executorID: UUID? = nil, plans: [UUID]? = nil,
        on connection: PostgresConnection
    ) throws -> [CalendarDate: Rollup] {
        if let plans, scope.role.seesEverything, executorID == nil {
            return try planMonths(plans, asOf: asOf, on: connection).months
        }
        let (source, own, count) = counted(scope: scope, executorID: executorID)
        let rows = try connection.query("""
            SELECT date_trunc('month', s.due_on::timestamp)::date AS first, s.status, sum(\(count))::int AS n,
                   (sum(\(count)) FILTER (WHERE analytics.is_overdue(s.status, s.due_on, \(asOf))))::int AS overdue,
                   min(s.due_on) FILTER (WHERE analytics.is_open(s.status)) AS earliest
            FROM \(source) s
            JOIN actions ac ON ac.id = s.action_id
            JOIN goals g ON g.id = ac.goal_id
            JOIN plans p ON p.id = g.plan_id
            WHERE \(filter) AND \(own) AND s.due_on IS NOT NULL AND \(Withdrawal.planInForce())
            GROUP BY 1, 2
            """).rows
        return try collect(rows) { try $0.decode(CalendarDate.self, "first") }
    }

    /// The committee's roll-ups of whole plans per month of the due day, and of the plans as a
    /// whole (their work with no due day too), from the plans' counts kept per month (a few rows
    /// per plan, status and month; `asOf`'s own month read by day, see `overdueByMonth`): the
    /// order page's months and the order's own counts. The months carry counts and overdue work,
    /// not the earliest open due day, which no month shows; the whole has it, from the goals'
    /// earliest kept per action (one index probe per goal).
    static func planMonths(_ plans: [UUID], asOf: CalendarDate, on connection: PostgresConnection) throws
        -> (months: [CalendarDate: Rollup], whole: Rollup) {
        guard !plans.isEmpty else { return ([:], .empty) }
        let rows = try connection.query(.prepared("""
            SELECT x.month AS first, x.status, sum(x.n)::int AS n, sum(x.overdue)::int AS overdue, NULL::date AS earliest,
                   (SELECT min(e.due_on) FROM goals g
                    CROSS JOIN LATERAL (SELECT e.due_on FROM action_earliest_open e
                                        WHERE e.goal_id = g.id AND e.due_on IS NOT NULL ORDER BY e.due_on LIMIT 1) e
                    WHERE g.plan_id = ANY(\(plans))) AS whole_earliest
            FROM (\(overdueByMonth(key: "plan_id", months: "plan_month_rollups", days: "plan_rollups",
                                   keys: "\(plans)", asOf: asOf, month: asOf.firstOfMonth))) x
            GROUP BY 1, 2
            """)).rows
        let dated = try collect(try rows.filter { try !$0.isNull("first") }) { try $0.decode(CalendarDate.self, "first") }
        let counts = try collect(rows) { _ in 0 }[0] ?? .empty
        let whole = Rollup(
            counts: counts.counts, overdue: counts.overdue,
            earliestOpenDeadline: try rows.first?.decode(CalendarDate?.self, "whole_earliest"))
        return (dated, whole)
    }

    /// The committee's roll-ups of the actions of `goals` (of plans in force) counting only what
    /// is due from `first` to before `next`, from the kept counts: the month's rows read from
    /// the index of due days alone, whatever the number of schools. The actions counted come
    /// with their goal and position, so the page is cut from them without reading every action.
    static func actionsDue(
        goals: [UUID], from first: CalendarDate, before next: CalendarDate, asOf: CalendarDate, on connection: PostgresConnection
    ) throws -> (rollups: [UUID: Rollup], places: [(id: UUID, goal: UUID, position: Int)]) {
        // One row per action, each status's count in a column of its own: a row per action
        // and status came to 1,125 rows for 264 actions of a month on the region's largest
        // order, and decoding them cost the server more than PostgreSQL took to count them.
        // Planned with the month's dates each time: the generic plan sorted the month's rows
        // to group them (2.5 ms against 1.2 ms hashed, more than its planning saves).
        let rows = try connection.query("""
            SELECT ac.id AS key, ac.goal_id, ac.position, \(perStatus(count: "s.n", asOf: asOf))
            FROM action_rollups s
            JOIN actions ac ON ac.id = s.action_id
            WHERE ac.goal_id = ANY(\(goals)) AND s.due_on >= \(first) AND s.due_on < \(next) AND s.n > 0
            GROUP BY ac.id
            """).rows
        var places: [(id: UUID, goal: UUID, position: Int)] = []
        places.reserveCapacity(rows.count)
        let rollups = try collectPerStatus(rows) { row in
            let id = try row.decode(UUID.self, at: 0)
            places.append((id, try row.decode(UUID.self, at: 1), try row.decode(Int.self, at: 2)))
            return id
        }
        return (rollups, places)
    }

    /// One executor's roll-ups in the goals `goals` (of plans in force, the board's own), read
    /// once from its assignments: each action it executes, in plan order, counted under `month`
    /// (nil: all its work), and its work per month of the due day. The order page for one school
    /// takes its actions' places and counts and its months from these.
    ///
    /// PostgreSQL returns each action's rows together (by action, as it groups them) with its
    /// goal's place in `goals`, so they are added up as they come and sorted by two numbers:
    /// kept in dictionaries by action, a school's thousand actions cost more of the server's time
    /// hashing ids than PostgreSQL took to count them (ordered by plan by PostgreSQL instead,
    /// its two sorts cost as much). Joined to their plans again, the prepared statement's
    /// generic plan looked up a goal and a plan for each of the school's thousand assignments.
    static func executorActions(
        _ executorID: UUID, goals: [UUID], month: CalendarDate?, asOf: CalendarDate, on connection: PostgresConnection
    ) throws -> (actions: [(place: (id: UUID, goal: UUID, position: Int), rollup: Rollup)], months: [CalendarDate: Rollup]) {
        let rows = try connection.query(.prepared("""
            SELECT ac.id AS action_id, ac.goal_id, ac.position, date_trunc('month', s.due_on::timestamp)::date AS first,
                   s.status, count(*)::int AS n,
                   (count(*) FILTER (WHERE analytics.is_overdue(s.status, s.due_on, \(asOf))))::int AS overdue,
                   min(s.due_on) FILTER (WHERE analytics.is_open(s.status)) AS earliest,
                   array_position(\(goals)::uuid[], ac.goal_id) AS goal_index
            FROM assignments s
            JOIN actions ac ON ac.id = s.action_id
            WHERE s.executor_id = \(executorID) AND ac.goal_id = ANY(\(goals))
            GROUP BY ac.id, first, s.status
            ORDER BY ac.id
            """)).rows
        var actions: [(place: (id: UUID, goal: UUID, position: Int), rollup: Rollup)] = []
        var goalIndex: [Int] = []
        actions.reserveCapacity(rows.count)
        // A school's months are few: found by comparing, not hashing, for each of its rows.
        var months: [(first: CalendarDate, rollup: Rollup)] = []
        for row in rows {
            // By position: a school's thousand rows are decoded on every one-school page.
            guard let status = AssignmentStatus(rawValue: try row.decode(String.self, at: 4)) else { continue }
            var part = Rollup(
                counts: [:], overdue: try row.decode(Int.self, at: 6), earliestOpenDeadline: try row.decode(CalendarDate?.self, at: 7))
            part.add(try row.decode(Int.self, at: 5), in: status)
            let id = try row.decode(UUID.self, at: 0)
            if actions.last?.place.id != id {
                actions.append(((id, try row.decode(UUID.self, at: 1), try row.decode(Int.self, at: 2)), .empty))
                goalIndex.append(try row.decode(Int.self, at: 8))
            }
            let first = try row.decode(CalendarDate?.self, at: 3)
            if let first {
                if let index = months.firstIndex(where: { $0.first == first }) {
                    months[index].rollup = months[index].rollup + part
                } else {
                    months.append((first, part))
                }
            }
            if month == nil || first == month {
                actions[actions.count - 1].rollup = actions[actions.count - 1].rollup + part
            }
        }
        let planOrder = actions.indices.sorted {
            (goalIndex[$0], actions[$0].place.position) < (goalIndex[$1], actions[$1].place.position)
        }
        return (planOrder.map { actions[$0] }, Dictionary(uniqueKeysWithValues: months.map { ($0.first, $0.rollup) }))
    }

    /// The aggregates of one row per key for `collectPerStatus`, over `s` grouped by the key:
    /// each status's count (`count` summed) in a column of its own (`n_planned`, …), overdue
    /// work as of `asOf` and the earliest open due day. A plan of a thousand actions then
    /// comes back as a thousand rows, not one per action and status to be added up here
    /// (a fifth of the plan API's time went to decoding and adding those).
    static func perStatus(count: SQL, asOf: CalendarDate) -> SQL {
        let counts = AssignmentStatus.allCases.map { status -> SQL in
            """
            (sum(\(count)) FILTER (WHERE s.status = \(unescaped: SQL.quoteLiteral(status.rawValue))))::int \
            AS \(identifier: "n_" + status.rawValue)
            """
        }
        return SQL.joined(counts, separator: ", ") + """
            , (sum(\(count)) FILTER (WHERE analytics.is_overdue(s.status, s.due_on, \(asOf))))::int AS overdue,
            min(s.due_on) FILTER (WHERE analytics.is_open(s.status)) AS earliest
            """
    }

    /// `perStatus`'s columns of the rows `alias`, added up (under a GROUP BY).
    static func perStatusTotals(_ alias: String) -> SQL {
        let counts = AssignmentStatus.allCases.map { status -> SQL in
            "sum(\(unescaped: alias).\(identifier: "n_" + status.rawValue))::int AS \(identifier: "n_" + status.rawValue)"
        }
        return SQL.joined(counts, separator: ", ")
            + ", sum(\(unescaped: alias).overdue)::int AS overdue, min(\(unescaped: alias).earliest) AS earliest"
    }

    /// `perStatus`'s column of each status, named once rather than for every row read.
    private static let countColumns = AssignmentStatus.allCases.map { ($0, "n_" + $0.rawValue) }

    /// Rows of `perStatus` (a key, a count per status, overdue, earliest), one roll-up each;
    /// a row that counts nothing (a key with no assignment) is left out.
    static func collectPerStatus<Key: Hashable>(_ rows: [PostgresRow], key: (PostgresRow) throws -> Key) throws -> [Key: Rollup] {
        var result: [Key: Rollup] = [:]
        result.reserveCapacity(rows.count)
        for row in rows {
            var part = Rollup(
                counts: [:], overdue: try row.decode(Int?.self, "overdue") ?? 0,
                earliestOpenDeadline: try row.decode(CalendarDate?.self, "earliest"))
            for (status, column) in countColumns { part.add(try row.decode(Int?.self, column) ?? 0, in: status) }
            guard part != .empty else { continue }
            let id = try key(row)
            result[id] = result[id].map { $0 + part } ?? part
        }
        return result
    }

    /// Rows of (key, status, n, overdue, earliest) added up into one roll-up per key.
    static func collect<Key: Hashable>(_ rows: [PostgresRow], key: (PostgresRow) throws -> Key) throws -> [Key: Rollup] {
        var result: [Key: Rollup] = [:]
        result.reserveCapacity(rows.count)
        for row in rows {
            guard let status = AssignmentStatus(rawValue: try row.decode(String.self, "status")) else { continue }
            var part = Rollup(
                counts: [:], overdue: try row.decode(Int?.self, "overdue") ?? 0,
                earliestOpenDeadline: try row.decode(CalendarDate?.self, "earliest"))
            part.add(try row.decode(Int.self, "n"), in: status)
            let id = try key(row)
            result[id] = (result[id] ?? .empty) + part
        }
        return result
    }

    /// What the roll-ups count: the kept counts for the committee; an executor's own
    /// assignments for an executor; one executor's when the committee asks for one.
    private static func counted(scope: Principal, executorID: UUID?) -> (source: SQL, own: SQL, count: SQL) {
        if !scope.role.seesEverything { return ("assignments", "s.executor_id = \(scope.organizationID)", "1") }
        if let executorID { return ("assignments", "s.executor_id = \(executorID)", "1") }
        return ("action_rollups", "s.n > 0", "s.n")
    }

    /// The actions `scope` may see, as a predicate over `ac` (actions): all of them for
    /// the committee; for an executor only those it executes, so a plan shared by many
    /// schools shows each school its own part and nothing of the others'.
    static func actionVisible(to scope: Principal) -> SQL {
        if scope.role.seesEverything { return "TRUE" }
        return """
            EXISTS (SELECT 1 FROM assignments vs WHERE vs.action_id = ac.id AND vs.executor_id = \(scope.organizationID))
            AND \(Withdrawal.actionInForce())
            """
    }

    /// The executors of an action `scope` may see, as a predicate over `e`
    /// (action_executors): all of them for the committee; for an executor its own
    /// organisation and the persons named, never another organisation.
    static func executorVisible(to scope: Principal) -> SQL {
        if scope.role.seesEverything { return "TRUE" }
        return "(e.organization_id IS NULL OR e.organization_id = \(scope.organizationID))"
    }

    /// Whether an executor has any assignment in force under `filter` (always true for other roles).
    static func visible(filter: SQL, scope: Principal, on connection: PostgresConnection) throws -> Bool {
        if scope.role.seesEverything { return true }
        return try connection.query("""
            SELECT 1 FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id
            JOIN plans p ON p.id = g.plan_id
            WHERE \(filter) AND s.executor_id = \(scope.organizationID) AND \(Withdrawal.planInForce()) LIMIT 1
            """).first != nil
    }
}
