import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The order page's one use case (`OrderBoardRecord`): the plan with each action's counts
/// under the filter, the late executors first, and the deadlines by month. The committee's
/// counts come from the kept roll-ups, so the page costs the plan's actions and the rows it
/// shows, whatever the number of schools.
public struct OrderBoardStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// One page of the order's board: `OrderBoardRecord.pageSize` actions after `after` (an
    /// action of the previous page; nil or unknown: the first page), with the goals above
    /// them and counts over the whole order.
    public func board(
        orderID: UUID, filter: OrderBoardRecord.Filter, after: UUID? = nil, asOf: CalendarDate, scope: Principal
    ) async throws -> OrderBoardRecord {
        try await database.withConnection { connection in
            // The committee's board reads the plans' kept counts once, by month: the months'
            // bar and, added up, the order's counts.
            let wholePlans = scope.role.seesEverything && filter.executorID == nil && filter.executorName == nil
            var order = try OrderStore.get(orderID, asOf: asOf, scope: scope, countingRollup: !scope.role.seesEverything, on: connection)
            let plans = try connection.query(.prepared("""
                SELECT id FROM plans p WHERE p.order_id = \(orderID) AND \(Withdrawal.planInForce()) ORDER BY p.position
                """)).rows.map { try $0.decode(UUID.self, "id") }

            // The executor: by id, or by name among the order's executors.
            var filter = filter
            var executor: OrderBoardRecord.Organization?
            var candidates: [OrderBoardRecord.Organization] = []
            var unknown = false
            if !scope.role.seesEverything {
                filter.executorID = nil
                filter.executorName = nil
            }
            if let id = filter.executorID {
                executor = try Self.executors(of: plans, matching: "o.id = \(id)", limit: 1, on: connection).first
                if executor == nil { filter.executorID = nil }
            } else if let name = filter.executorName?.trimmingCharacters(in: .whitespaces), !name.isEmpty,
                      let matching = OrganizationStore.nameMatches(name) {
                let found = try Self.executors(of: plans, matching: matching, limit: 11, on: connection)
                if found.count == 1 {
                    executor = found[0]
                    filter.executorID = found[0].id
                } else {
                    candidates = found
                    unknown = found.isEmpty
                }
            }

            let goalRows = try connection.query(.prepared("""
                SELECT g.id, g.plan_id, g.position, g.title FROM goals g WHERE g.plan_id = ANY(\(plans))
                ORDER BY array_position(\(plans)::uuid[], g.plan_id), g.position
                """)).rows
            let goalIDs = try goalRows.map { try $0.decode(UUID.self, "id") }
            // The committee's whole plan, unfiltered: PostgreSQL cuts the page from the plan order
            // and counts the rest, so the page reads its 50 actions, not the plan's thousand.
            // Every filter below needs each action's place; the committee's counts for one school
            // or one month come with the places of the actions they count, and need no other.
            let wholeBoard = scope.role.seesEverything && filter.executorID == nil && filter.month == nil && !filter.overdueOnly
            let placedWithCounts = scope.role.seesEverything && (filter.executorID != nil || filter.month != nil)
            let places = wholeBoard || placedWithCounts ? [] : try Self.places(goals: goalIDs, scope: scope, on: connection)
            let allIDs = places.map(\.id)

            var monthCondition: SQL = "TRUE"
            if let first = filter.month?.firstOfMonth, let next = first.firstOfNextMonth {
                monthCondition = "s.due_on >= \(first) AND s.due_on < \(next)"
            }
            // Which actions the filter keeps. A month or an executor needs every action's counts
            // under it; «only overdue» reads each action's earliest open due day; no filter
            // keeps them all. Counts are then read for the goals on this page only.
            let narrowed = filter.executorID != nil || filter.month != nil
            var rollups: [UUID: Rollup] = [:]
            var executorMonths: [CalendarDate: Rollup]?
            let kept: [(id: UUID, goal: UUID, position: Int)]
            // Under a filter, each kept action comes with its counts, in plan order, so a goal's
            // counts are added up without looking every action up again.
            var keptRollups: [Rollup] = []
            if narrowed {
                let counted: [(place: (id: UUID, goal: UUID, position: Int), rollup: Rollup)]
                if let executorID = filter.executorID {
                    // One school's assignments read once, for its actions' counts and its months.
                    let parts = try RollupQuery.executorActions(
                        executorID, goals: goalIDs, month: filter.month?.firstOfMonth, asOf: asOf, on: connection)
                    executorMonths = parts.months
                    counted = parts.actions
                } else if scope.role.seesEverything, let first = filter.month?.firstOfMonth, let next = first.firstOfNextMonth {
                    let due = try RollupQuery.actionsDue(goals: goalIDs, from: first, before: next, asOf: asOf, on: connection)
                    counted = Self.inPlanOrder(due.places, goals: goalIDs).map { ($0, due.rollups[$0.id] ?? .empty) }
                } else {
                    // By the goals rather than a thousand action ids: PostgreSQL plans a long list
                    // of ids element by element, which cost more than the counting.
                    let counts = try RollupQuery.rollups(
                        key: "s.action_id", filter: "ac.goal_id = ANY(\(goalIDs)) AND \(monthCondition)",
                        scope: scope, asOf: asOf, on: connection)
                    counted = places.map { ($0, counts[$0.id] ?? .empty) }
                }
                let keptPairs = counted.filter { $0.rollup.total > 0 && (!filter.overdueOnly || $0.rollup.overdue > 0) }
                kept = keptPairs.map(\.place)
                keptRollups = keptPairs.map(\.rollup)
            } else if filter.overdueOnly {
                // An action has overdue work when its earliest open due day is past: for the
                // committee one kept row per action; for a school, its own open work.
                let late = Set(try connection.query(.prepared(scope.role.seesEverything ? """
                    SELECT e.action_id AS id FROM action_earliest_open e
                    WHERE e.goal_id = ANY(\(goalIDs)) AND e.due_on < \(asOf)
                    """ : """
                    SELECT ac.id FROM actions ac
                    WHERE ac.goal_id = ANY(\(goalIDs))
                      AND EXISTS (SELECT 1 FROM assignments s
                                  WHERE s.action_id = ac.id AND analytics.is_overdue(s.status, s.due_on, \(asOf))
                                    AND s.executor_id = \(scope.organizationID))
                    """)).rows.map { try $0.decode(UUID.self, "id") })
                kept = places.filter { late.contains($0.id) }
            } else {
                kept = places
            }
            let months: [CalendarDate: Rollup]
            if wholePlans {
                let read = try RollupQuery.planMonths(plans, asOf: asOf, on: connection)
                months = read.months
                order.rollup = read.whole
            } else {
                if scope.role.seesEverything {
                    // Asked for one executor, the order's own counts are still its plans' whole,
                    // read from the plans in force already found: `RollupQuery.orders` finds them
                    // again, and PostgreSQL planned it afresh at every call (1.1 of its 1.3 ms).
                    order.rollup = try RollupQuery.planMonths(plans, asOf: asOf, on: connection).whole
                }
                months = try executorMonths ?? RollupQuery.monthly(
                    filter: scope.role.seesEverything ? "ac.goal_id = ANY(\(goalIDs))" : "s.action_id = ANY(\(allIDs))",
                    scope: scope, asOf: asOf, executorID: filter.executorID, plans: plans,
                    on: connection)
            }
            let cut: PlanCut
            if wholeBoard {
                cut = try Self.cut(goals: goalIDs, after: after, scope: scope, on: connection)
            } else {
                let start = after.flatMap { id in kept.firstIndex { $0.id == id }.map { $0 + 1 } } ?? 0
                cut = PlanCut(
                    page: Array(kept[start...].prefix(OrderBoardRecord.pageSize)), start: start, count: kept.count,
                    goalsWithActions: Set(kept.map(\.goal)))
            }
            let (page, start) = (cut.page, cut.start)
            let pageIDs = page.map(\.id)
            let pageGoals = Set(page.map(\.goal))
            // A goal's counts are over all its kept actions, on this page or not: summed by
            // PostgreSQL, so a goal of a thousand actions costs one row, not a thousand.
            var goalRollups: [UUID: Rollup] = [:]
            if narrowed {
                // The page's few goals found by comparing, not hashing, for each kept action.
                let goalsHere = goalIDs.filter { pageGoals.contains($0) }
                var sums = [Rollup](repeating: .empty, count: goalsHere.count)
                for (place, rollup) in zip(kept, keptRollups) {
                    if let index = goalsHere.firstIndex(of: place.goal) { sums[index] = sums[index] + rollup }
                }
                goalRollups = Dictionary(uniqueKeysWithValues: zip(goalsHere, sums))
                for (place, rollup) in zip(page, keptRollups[start..<(start + page.count)]) { rollups[place.id] = rollup }
            } else if !page.isEmpty {
                rollups = try RollupQuery.rollups(
                    of: page.map { ($0.id, $0.goal) }, byGoal: false, scope: scope, asOf: asOf, on: connection)
                let inPageGoals = kept.filter { pageGoals.contains($0.goal) }.map { ($0.id, $0.goal) }
                let keptIDs = Set(kept.map(\.id))
                let onTime = places.filter { pageGoals.contains($0.goal) && !keptIDs.contains($0.id) }.map { ($0.id, $0.goal) }
                if scope.role.seesEverything, onTime.count <= inPageGoals.count {
                    // The goals' own counts (kept per goal) without the few actions left out, which
                    // have nothing overdue: a goal of a thousand actions costs its few rows.
                    let whole = try RollupQuery.goals(Array(pageGoals), asOf: asOf, on: connection)
                    let left = try RollupQuery.rollups(of: onTime, byGoal: true, scope: scope, asOf: asOf, on: connection)
                    for goal in pageGoals {
                        goalRollups[goal] = (whole[goal] ?? .empty).removing(onTime: left[goal] ?? .empty)
                    }
                }
                if goalRollups.count < pageGoals.count {
                    // Each kept action of the page's goals counted under its goal: PostgreSQL reads
                    // their counts through the index, and sums them into one row per goal.
                    goalRollups = try RollupQuery.rollups(of: inPageGoals, byGoal: true, scope: scope, asOf: asOf, on: connection)
                }
            }

            // The page's actions, naming their persons (organisations are in `shown`).
            // The board shows each action's counts under its filter, and the records carry them.
            let actions = try ActionRecord.load(
                filter: "ac.id = ANY(\(pageIDs))", scope: scope, asOf: asOf, executorLimit: 0, rollups: rollups, on: connection)
            let byID = Dictionary(uniqueKeysWithValues: actions.map { ($0.id, $0) })
            var shown: [UUID: [AssignmentRecord]] = [:]
            if let executorID = filter.executorID {
                let records = try connection.query(.prepared("""
                    \(AssignmentRecord.select)
                    WHERE s.action_id = ANY(\(pageIDs)) AND s.executor_id = \(executorID) AND \(monthCondition)
                    ORDER BY s.due_on NULLS LAST, s.id
                    """)).rows.map { try AssignmentRecord(row: $0, asOf: asOf) }
                shown = Dictionary(grouping: records, by: \.actionID)
            } else {
                shown = try Self.lateFirst(
                    actions: actions, rollups: rollups, monthCondition: monthCondition, underMonth: filter.month != nil,
                    overdueOnly: filter.overdueOnly,
                    scope: scope, asOf: asOf, on: connection)
            }

            let tasks = try connection.query(.prepared("""
                SELECT id, goal_id, position, title, expected_result, version FROM tasks WHERE goal_id = ANY(\(goalIDs))
                ORDER BY goal_id, position
                """)).rows
            let seenTasks = scope.role.seesEverything ? [] : Set(try connection.query("""
                SELECT t.task_id FROM action_tasks t WHERE t.action_id = ANY(\(allIDs))
                """).rows.map { try $0.decode(UUID.self, "task_id") })
            var tasksByGoal: [UUID: [PlanTreeRecord.Task]] = [:]
            for row in tasks {
                let id = try row.decode(UUID.self, "id")
                guard scope.role.seesEverything || seenTasks.contains(id) else { continue }
                tasksByGoal[try row.decode(UUID.self, "goal_id"), default: []].append(.init(
                    id: id, position: try row.decode(Int.self, "position"), title: try row.decode(String.self, "title"),
                    expectedResult: try row.decode(String?.self, "expected_result"), version: try row.decode(Int.self, "version"),
                    rollup: .empty))
            }

            let pageByGoal = Dictionary(grouping: page, by: \.goal)
            var goals: [OrderBoardRecord.Goal] = []
            for row in goalRows {
                let id = try row.decode(UUID.self, "id")
                let onPage = (pageByGoal[id] ?? []).compactMap { place in
                    byID[place.id].map { OrderBoardRecord.Action(record: $0, rollup: rollups[place.id] ?? .empty, shown: shown[place.id] ?? []) }
                }
                // A goal stands on the pages of its actions; one with none, on the first page of
                // the committee's unfiltered board only.
                let emptyGoalHere = !cut.goalsWithActions.contains(id) && start == 0 && filter.isEmpty && scope.role.seesEverything
                guard !onPage.isEmpty || emptyGoalHere else { continue }
                goals.append(OrderBoardRecord.Goal(
                    id: id, position: try row.decode(Int.self, "position"), title: try row.decode(String.self, "title"),
                    rollup: goalRollups[id] ?? .empty,
                    tasks: tasksByGoal[id] ?? [], actions: onPage))
            }
            let more = start + page.count < cut.count
            return OrderBoardRecord(
                order: order, filter: filter, executor: executor, executorCandidates: candidates, executorUnknown: unknown,
                goals: goals, months: months.keys.sorted().map { OrderBoardRecord.Month(first: $0, rollup: months[$0] ?? .empty) },
                actionCount: cut.count, firstShown: page.isEmpty ? 0 : start + 1, lastShown: start + page.count,
                nextAfter: more ? page.last?.id : nil)
        }
    }

    /// Every action of `goals` (in their order) that `scope` sees, in plan order: cheap, a
    /// page is cut from this list.
    static func places(goals: [UUID], scope: Principal, on connection: PostgresConnection) throws -> [(id: UUID, goal: UUID, position: Int)] {
        inPlanOrder(try connection.query(.prepared("""
            SELECT ac.id, ac.goal_id, ac.position FROM actions ac
            WHERE ac.goal_id = ANY(\(goals)) AND \(RollupQuery.actionVisible(to: scope))
            """)).rows.map { (id: try $0.decode(UUID.self, "id"), goal: try $0.decode(UUID.self, "goal_id"), position: try $0.decode(Int.self, "position")) },
            goals: goals)
    }

    /// `places` in plan order: by their goal's place in `goals`, then by position. Each place's
    /// goal is looked up once: looked up in every comparison, sorting a school's thousand
    /// actions hashed twenty thousand ids (a fifth of the one-school page's CPU).
    static func inPlanOrder(
        _ places: [(id: UUID, goal: UUID, position: Int)], goals: [UUID]
    ) -> [(id: UUID, goal: UUID, position: Int)] {
        let goalOrder = Dictionary(uniqueKeysWithValues: goals.enumerated().map { ($1, $0) })
        return places.indices
            .map { (goal: goalOrder[places[$0].goal] ?? 0, position: places[$0].position, index: $0) }
            .sorted { ($0.goal, $0.position, $0.index) < ($1.goal, $1.position, $1.index) }
            .map { places[$0.index] }
    }

    /// A page of the plan's actions: those shown, how many come before them and in all, and
    /// the goals that have any.
    struct PlanCut {
        let page: [(id: UUID, goal: UUID, position: Int)]
        let start: Int
        let count: Int
        let goalsWithActions: Set<UUID>
    }

    /// The page of `goals`' actions (in plan order) after `after` (nil or not among them: from
    /// the first), cut by PostgreSQL through the index of each goal's actions by position: the
    /// page's rows and a count per goal come back, not every action's place. `including` starts
    /// the page at the anchor itself (the matrix's first column), if `scope` sees it; `size`
    /// is how many come back.
    static func cut(
        goals: [UUID], after: UUID?, including: Bool = false, size: Int = OrderBoardRecord.pageSize,
        scope: Principal, on connection: PostgresConnection
    ) throws -> PlanCut {
        let visible = RollupQuery.actionVisible(to: scope)
        let anchor = anchor(after, goals: goals, including: including, scope: scope)
        let counts = try connection.query(.prepared("""
            \(anchor)
            SELECT gs.goal_id, gs.g::int AS g,
                   (SELECT count(*) FROM actions ac WHERE ac.goal_id = gs.goal_id AND \(visible))::int AS n,
                   (SELECT count(*) FROM actions ac, a
                    WHERE ac.goal_id = gs.goal_id AND a.g = gs.g AND ac.position <= a.position AND \(visible))::int AS upto
            FROM unnest(\(goals)::uuid[]) WITH ORDINALITY AS gs(goal_id, g)
            """)).rows.map { (goal: try $0.decode(UUID.self, "goal_id"), g: try $0.decode(Int.self, "g"),
                              n: try $0.decode(Int.self, "n"), upto: try $0.decode(Int.self, "upto")) }
        // Each goal's actions after the anchor's place: none of a goal before it, those after
        // its position in its own goal (from it, `including`), all of a goal after it; at most
        // a page from each.
        let page = try connection.query(.prepared("""
            \(anchor)
            SELECT x.id, gs.goal_id, x.position FROM unnest(\(goals)::uuid[]) WITH ORDINALITY AS gs(goal_id, g)
            CROSS JOIN LATERAL (
                SELECT ac.id, ac.position FROM actions ac
                WHERE ac.goal_id = gs.goal_id AND \(visible)
                  AND ac.position > coalesce((SELECT CASE WHEN gs.g < a.g THEN 2147483647 WHEN gs.g = a.g THEN a.position - \(including ? 1 : 0)
                                                          ELSE -2147483648 END FROM a), -2147483648)
                ORDER BY ac.position LIMIT \(size)) x
            ORDER BY gs.g, x.position LIMIT \(size)
            """)).rows.map { (id: try $0.decode(UUID.self, "id"), goal: try $0.decode(UUID.self, "goal_id"), position: try $0.decode(Int.self, "position")) }
        let start = counts.first { $0.upto > 0 }.map { anchored in
            counts.filter { $0.g < anchored.g }.reduce(anchored.upto - (including ? 1 : 0)) { $0 + $1.n }
        } ?? 0
        return PlanCut(
            page: page, start: start, count: counts.reduce(0) { $0 + $1.n },
            goalsWithActions: Set(counts.filter { $0.n > 0 }.map(\.goal)))
    }

    /// The first of the `size` actions of `goals` (in plan order) that come before `anchor`
    /// (the first of all when fewer do; nil when the anchor is not among them): where the
    /// page before a page that starts at `anchor` starts. Read backwards through the index of
    /// each goal's actions by position, at most `size` from each.
    static func start(
        ofPageBefore anchor: UUID, size: Int, goals: [UUID], scope: Principal, on connection: PostgresConnection
    ) throws -> UUID? {
        let visible = RollupQuery.actionVisible(to: scope)
        return try connection.query(.prepared("""
            \(Self.anchor(anchor, goals: goals, including: false, scope: scope))
            SELECT x.id FROM a, unnest(\(goals)::uuid[]) WITH ORDINALITY AS gs(goal_id, g)
            CROSS JOIN LATERAL (
                SELECT ac.id, ac.position FROM actions ac
                WHERE ac.goal_id = gs.goal_id AND \(visible)
                  AND ac.position < CASE WHEN gs.g > a.g THEN -2147483648 WHEN gs.g = a.g THEN a.position ELSE 2147483647 END
                ORDER BY ac.position DESC LIMIT \(size)) x
            WHERE gs.g <= a.g
            ORDER BY gs.g DESC, x.position DESC LIMIT \(size)
            """)).rows.last.map { try $0.decode(UUID.self, "id") }
    }

    /// The action a page is cut from, and its goal's place in `goals` (`a`: g, position). A page
    /// that starts at its anchor (`including`) treats an action `scope` does not see as unknown,
    /// so its count of the actions before it stays right.
    private static func anchor(_ id: UUID?, goals: [UUID], including: Bool, scope: Principal) -> SQL {
        """
        WITH a AS (SELECT array_position(\(goals)::uuid[], ac.goal_id) AS g, ac.position FROM actions ac
                   WHERE ac.id = \(id) AND ac.goal_id = ANY(\(goals)) AND \(including ? RollupQuery.actionVisible(to: scope) : "TRUE"))
        """
    }

    /// Organisations (`o`) matching `condition` that execute something in `plans`.
    static func executors(of plans: [UUID], matching condition: SQL, limit: Int, on connection: PostgresConnection) throws -> [OrderBoardRecord.Organization] {
        try connection.query("""
            SELECT o.id, o.name FROM organizations o
            WHERE \(condition) AND EXISTS (
                SELECT 1 FROM plan_executors pe WHERE pe.organization_id = o.id AND pe.plan_id = ANY(\(plans)) AND pe.actions > 0)
            ORDER BY o.name, o.id LIMIT \(limit)
            """).rows.map { OrderBoardRecord.Organization(id: try $0.decode(UUID.self, "id"), name: try $0.decode(String.self, "name")) }
    }

    /// The assignments shown beside each action: all of them when the action has few (late
    /// first), else its late ones by deadline, `lateShown` per action, each read through
    /// the index of open work by action and due day (under a month, the few are read through
    /// it and its twin of closed work).
    static func lateFirst(
        actions: [ActionRecord], rollups: [UUID: Rollup], monthCondition: SQL, underMonth: Bool, overdueOnly: Bool,
        scope: Principal, asOf: CalendarDate, on connection: PostgresConnection
    ) throws -> [UUID: [AssignmentRecord]] {
        let fewIDs = actions.filter { (rollups[$0.id]?.total ?? 0) <= OrderBoardRecord.allShownUpTo && !overdueOnly }.map(\.id)
        let late = actions.filter { (rollups[$0.id]?.overdue ?? 0) > 0 && !fewIDs.contains($0.id) }.map(\.id)
        let own: SQL = scope.role.seesEverything ? "TRUE" : "s.executor_id = \(scope.organizationID)"
        // Action by action through the index of its assignments, each joined to its action and
        // executor by key: asked for all the actions at once under a month, PostgreSQL scanned
        // the month's assignments of every order, and the records fetched by id afterwards
        // were joined with every action and organisation stored. The action with its goal and
        // plan is read by key too (LIMIT 1 keeps that join inside): joined as a whole, it was
        // hashed against a scan of every action stored (1.4 of 3 ms on the region's largest order).
        func picked(_ actions: [UUID], _ rows: SQL) throws -> [AssignmentRecord] {
            guard !actions.isEmpty else { return [] }
            return try connection.query(.prepared("""
                SELECT \(AssignmentRecord.columns)
                FROM unnest(\(actions)::uuid[]) AS a(id)
                CROSS JOIN LATERAL (
                    SELECT ac.title, ac.deadline_text, p.order_id, p.withdrawn_at
                    FROM actions ac JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
                    WHERE ac.id = a.id LIMIT 1) AS ac
                CROSS JOIN LATERAL (SELECT ac.order_id, ac.withdrawn_at) AS p
                CROSS JOIN LATERAL (\(rows)) s
                JOIN organizations o ON o.id = s.executor_id
                """)).rows.map { try AssignmentRecord(row: $0, asOf: asOf) }
        }
        // A few assignments of an action in a month: its open work and its closed work, each
        // through its own index by action and due day. Through the action's index of all its
        // work, every one of its assignments was read to keep the month's few (8,910 read for
        // 82 on the region's largest order, 2.2 ms); asked as one range over every status,
        // PostgreSQL's generic plan ANDed each action's rows with the month's rows of every
        // order (55 ms).
        let few: SQL = underMonth ? """
            SELECT s.* FROM assignments s
            WHERE s.action_id = a.id AND s.status NOT IN ('done', 'cancelled') AND \(monthCondition) AND \(own)
            UNION ALL
            SELECT s.* FROM assignments s
            WHERE s.action_id = a.id AND s.status IN ('done', 'cancelled') AND \(monthCondition) AND \(own)
            """ : "SELECT s.* FROM assignments s WHERE s.action_id = a.id AND \(own)"
        let records = try picked(late, """
            SELECT s.* FROM assignments s
            WHERE s.action_id = a.id AND analytics.is_overdue(s.status, s.due_on, \(asOf)) AND \(monthCondition) AND \(own)
            ORDER BY s.due_on, s.id LIMIT \(OrderBoardRecord.lateShown)
            """) + picked(fewIDs, few)
        return Dictionary(grouping: records, by: \.actionID).mapValues { items in
            items.sorted { lhs, rhs in
                if lhs.overdue != rhs.overdue { return lhs.overdue }
                switch (lhs.dueOn, rhs.dueOn) {
                case let (left?, right?) where left != right: return left < right
                case (_?, nil): return true
                case (nil, _?): return false
                default: break
                }
                return lhs.executorName < rhs.executorName
            }
        }
    }
}
