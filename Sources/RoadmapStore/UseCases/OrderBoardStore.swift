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

    public func board(orderID: UUID, filter: OrderBoardRecord.Filter, asOf: CalendarDate, scope: Principal) async throws -> OrderBoardRecord {
        try await database.withConnection { connection in
            let order = try OrderStore.get(orderID, asOf: asOf, scope: scope, on: connection)
            let plans = try connection.query("""
                SELECT id FROM plans p WHERE p.order_id = \(orderID) AND \(Withdrawal.planInForce()) ORDER BY p.position
                """).rows.map { try $0.decode(UUID.self, "id") }

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

            let goalRows = try connection.query("""
                SELECT g.id, g.plan_id, g.position, g.title FROM goals g WHERE g.plan_id = ANY(\(plans))
                ORDER BY array_position(\(plans)::uuid[], g.plan_id), g.position
                """).rows
            let goalIDs = try goalRows.map { try $0.decode(UUID.self, "id") }
            let actions = try ActionRecord.load(
                filter: "ac.goal_id = ANY(\(goalIDs))", scope: scope, asOf: asOf,
                executorLimit: PlanTreeRecord.executorsPerAction, on: connection)
            let actionIDs = actions.map(\.id)

            var monthCondition: SQL = "TRUE"
            if let first = filter.month?.firstOfMonth, let next = first.firstOfNextMonth {
                monthCondition = "s.due_on >= \(first) AND s.due_on < \(next)"
            }

            // Counts per action and shown assignments, under the filter.
            var rollups: [UUID: Rollup]
            var shown: [UUID: [AssignmentRecord]] = [:]
            var months: [CalendarDate: Rollup] = [:]
            if let executorID = filter.executorID {
                // One executor: its own assignments, few enough to read and count here.
                let records = try connection.query("""
                    \(AssignmentRecord.select)
                    WHERE s.action_id = ANY(\(actionIDs)) AND s.executor_id = \(executorID) AND \(monthCondition)
                    ORDER BY s.due_on NULLS LAST, s.id
                    """).rows.map { try AssignmentRecord(row: $0, asOf: asOf) }
                shown = Dictionary(grouping: records, by: \.actionID)
                rollups = shown.mapValues { Rollup($0.map(\.fact), asOf: asOf) }
                for record in records {
                    guard let first = record.dueOn?.firstOfMonth else { continue }
                    months[first, default: .empty] = months[first, default: .empty] + Rollup([record.fact], asOf: asOf)
                }
            } else {
                rollups = try RollupQuery.rollups(
                    key: "s.action_id", filter: "s.action_id = ANY(\(actionIDs)) AND \(monthCondition)",
                    scope: scope, asOf: asOf, on: connection)
                months = try RollupQuery.monthly(filter: "s.action_id = ANY(\(actionIDs))", scope: scope, asOf: asOf, on: connection)
                shown = try Self.lateFirst(
                    actions: actions, rollups: rollups, monthCondition: monthCondition, overdueOnly: filter.overdueOnly,
                    scope: scope, asOf: asOf, on: connection)
            }

            let tasks = try connection.query("""
                SELECT id, goal_id, position, title, expected_result, version FROM tasks WHERE goal_id = ANY(\(goalIDs))
                ORDER BY goal_id, position
                """).rows
            let seenTasks = Set(actions.flatMap(\.taskIDs))
            var tasksByGoal: [UUID: [PlanTreeRecord.Task]] = [:]
            for row in tasks {
                let id = try row.decode(UUID.self, "id")
                guard scope.role.seesEverything || seenTasks.contains(id) else { continue }
                tasksByGoal[try row.decode(UUID.self, "goal_id"), default: []].append(.init(
                    id: id, position: try row.decode(Int.self, "position"), title: try row.decode(String.self, "title"),
                    expectedResult: try row.decode(String?.self, "expected_result"), version: try row.decode(Int.self, "version"),
                    rollup: .empty))
            }

            let narrowed = filter.executorID != nil || filter.month != nil
            let actionsByGoal = Dictionary(grouping: actions, by: \.goalID)
            var goals: [OrderBoardRecord.Goal] = []
            for row in goalRows {
                let id = try row.decode(UUID.self, "id")
                let boardActions = (actionsByGoal[id] ?? []).compactMap { action -> OrderBoardRecord.Action? in
                    let rollup = rollups[action.id] ?? .empty
                    if filter.overdueOnly, rollup.overdue == 0 { return nil }
                    if narrowed, rollup.total == 0 { return nil }
                    return OrderBoardRecord.Action(record: action, rollup: rollup, shown: shown[action.id] ?? [])
                }
                // An executor sees only the goals above its own actions; a filter leaves out empty goals.
                if boardActions.isEmpty, !filter.isEmpty || !scope.role.seesEverything { continue }
                goals.append(OrderBoardRecord.Goal(
                    id: id, position: try row.decode(Int.self, "position"), title: try row.decode(String.self, "title"),
                    rollup: Rollup.combining(boardActions.map(\.rollup)), tasks: tasksByGoal[id] ?? [], actions: boardActions))
            }
            return OrderBoardRecord(
                order: order, filter: filter, executor: executor, executorCandidates: candidates, executorUnknown: unknown,
                goals: goals, months: months.keys.sorted().map { OrderBoardRecord.Month(first: $0, rollup: months[$0] ?? .empty) })
        }
    }

    /// Organisations (`o`) matching `condition` that execute something in `plans`.
    static func executors(of plans: [UUID], matching condition: SQL, limit: Int, on connection: PostgresConnection) throws -> [OrderBoardRecord.Organization] {
        try connection.query("""
            SELECT o.id, o.name FROM organizations o
            WHERE \(condition) AND EXISTS (
                SELECT 1 FROM action_executors e JOIN actions ac ON ac.id = e.action_id JOIN goals g ON g.id = ac.goal_id
                WHERE e.organization_id = o.id AND g.plan_id = ANY(\(plans)))
            ORDER BY o.name, o.id LIMIT \(limit)
            """).rows.map { OrderBoardRecord.Organization(id: try $0.decode(UUID.self, "id"), name: try $0.decode(String.self, "name")) }
    }

    /// The assignments shown beside each action: all of them when the action has few (late
    /// first), else its late ones by deadline, `lateShown` per action, each read through
    /// the index of open work by action and due day.
    static func lateFirst(
        actions: [ActionRecord], rollups: [UUID: Rollup], monthCondition: SQL, overdueOnly: Bool,
        scope: Principal, asOf: CalendarDate, on connection: PostgresConnection
    ) throws -> [UUID: [AssignmentRecord]] {
        let few = actions.filter { (rollups[$0.id]?.total ?? 0) <= OrderBoardRecord.allShownUpTo && !overdueOnly }.map(\.id)
        let late = actions.filter { (rollups[$0.id]?.overdue ?? 0) > 0 && !few.contains($0.id) }.map(\.id)
        let own: SQL = scope.role.seesEverything ? "TRUE" : "s.executor_id = \(scope.organizationID)"
        var ids: [UUID] = []
        if !late.isEmpty {
            ids += try connection.query("""
                SELECT x.id FROM unnest(\(late)::uuid[]) AS a(id)
                CROSS JOIN LATERAL (
                    SELECT s.id FROM assignments s
                    WHERE s.action_id = a.id AND analytics.is_overdue(s.status, s.due_on, \(asOf)) AND \(monthCondition) AND \(own)
                    ORDER BY s.due_on, s.id LIMIT \(OrderBoardRecord.lateShown)) x
                """).rows.map { try $0.decode(UUID.self, "id") }
        }
        var records: [AssignmentRecord] = []
        if !ids.isEmpty || !few.isEmpty {
            records = try connection.query("""
                \(AssignmentRecord.select)
                WHERE (s.id = ANY(\(ids)) OR (s.action_id = ANY(\(few)) AND \(monthCondition) AND \(own)))
                """).rows.map { try AssignmentRecord(row: $0, asOf: asOf) }
        }
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
