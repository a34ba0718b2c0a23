import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The plan of an order: the tree with roll-ups, and adding goals, tasks and actions.
/// An action's deadline text is parsed by the domain in the plan's context, and each
/// executor organisation gets one assignment per occurrence.
public struct PlanStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The tree with roll-ups; each action names its persons and its first `executorLimit`
    /// organisations (nil: all of them, for a whole-plan export).
    public func tree(
        orderID: UUID, asOf: CalendarDate, scope: Principal, executorLimit: Int? = PlanTreeRecord.executorsPerAction
    ) async throws -> PlanTreeRecord {
        try await database.withConnection { connection in
            let order = try OrderStore.get(orderID, asOf: asOf, scope: scope, on: connection)
            let plans = try connection.query("SELECT id, title, academic_year FROM plans WHERE order_id = \(orderID) ORDER BY position").rows
            let planIDs = try plans.map { try $0.decode(UUID.self, "id") }
            let allGoals = try connection.query("""
                SELECT id, plan_id, position, title, version FROM goals WHERE plan_id = ANY(\(planIDs)) ORDER BY plan_id, position
                """).rows
            let goalIDs = try allGoals.map { try $0.decode(UUID.self, "id") }
            let allTasks = try connection.query("""
                SELECT id, goal_id, position, title, expected_result, version FROM tasks WHERE goal_id = ANY(\(goalIDs)) ORDER BY goal_id, position
                """).rows
            let actions = try ActionRecord.load(
                filter: "ac.goal_id = ANY(\(goalIDs))", scope: scope, asOf: asOf, executorLimit: executorLimit, on: connection)
            let actionsByGoal = Dictionary(grouping: actions, by: \.goalID)
            // An executor sees the goals and tasks above its own actions, and nothing else.
            let seenTasks = Set(actions.flatMap(\.taskIDs))
            let tasks = scope.role.seesEverything ? allTasks : try allTasks.filter { seenTasks.contains(try $0.decode(UUID.self, "id")) }
            let goals = scope.role.seesEverything ? allGoals : try allGoals.filter { actionsByGoal[try $0.decode(UUID.self, "id")] != nil }
            var taskRollups: [UUID: Rollup] = [:]
            for action in actions {
                for taskID in action.taskIDs { taskRollups[taskID] = (taskRollups[taskID] ?? .empty) + action.rollup }
            }
            var tasksByGoal: [UUID: [PlanTreeRecord.Task]] = [:]
            for row in tasks {
                let id = try row.decode(UUID.self, "id")
                tasksByGoal[try row.decode(UUID.self, "goal_id"), default: []].append(.init(
                    id: id, position: try row.decode(Int.self, "position"), title: try row.decode(String.self, "title"),
                    expectedResult: try row.decode(String?.self, "expected_result"), version: try row.decode(Int.self, "version"),
                    rollup: taskRollups[id] ?? .empty))
            }
            var goalsByPlan: [UUID: [PlanTreeRecord.Goal]] = [:]
            for row in goals {
                let id = try row.decode(UUID.self, "id")
                let goalActions = actionsByGoal[id] ?? []
                goalsByPlan[try row.decode(UUID.self, "plan_id"), default: []].append(.init(
                    id: id, position: try row.decode(Int.self, "position"), title: try row.decode(String.self, "title"),
                    version: try row.decode(Int.self, "version"), rollup: Rollup.combining(goalActions.map(\.rollup)),
                    tasks: tasksByGoal[id] ?? [], actions: goalActions))
            }
            let planNodes = try plans.map { row in
                let id = try row.decode(UUID.self, "id")
                let planGoals = goalsByPlan[id] ?? []
                return PlanTreeRecord.Plan(
                    id: id, title: try row.decode(String.self, "title"), academicYear: try row.decode(Int?.self, "academic_year"),
                    rollup: Rollup.combining(planGoals.map(\.rollup)), goals: planGoals)
            }
            return PlanTreeRecord(orderID: order.id, rollup: order.rollup, plans: planNodes)
        }
    }

    public func createGoal(orderID: UUID, title: String, actor: Principal) async throws -> PlanItemRecord {
        let title = try TypedText.field(title, "title")
        guard !title.isEmpty else { throw UseCaseError.invalid(field: "title", reason: "must not be empty") }
        return try await database.transaction { connection in
            guard try connection.query("SELECT 1 FROM orders WHERE id = \(orderID) FOR UPDATE").first != nil,
                  try RollupQuery.visible(filter: "p.order_id = \(orderID)", scope: actor, on: connection) else {
                throw UseCaseError.notFound(entity: "order", id: orderID.lowercased)
            }
            try OrganizationStore.require(AccessPolicy(actor).may(.managePlans))
            try Withdrawal.refuseChange(under: "p.order_id = \(orderID)", on: connection)
            var planID = try connection.query("SELECT id FROM plans WHERE order_id = \(orderID) ORDER BY position LIMIT 1").first?.decode(UUID.self, "id")
            if planID == nil {
                planID = try connection.query("INSERT INTO plans (order_id, title) SELECT id, title FROM orders WHERE id = \(orderID) RETURNING id")
                    .first?.decode(UUID.self, "id")
            }
            guard let planID else { throw PostgresError(.unexpected, message: "no plan for the order") }
            let row = try connection.query("""
                INSERT INTO goals (plan_id, position, title)
                VALUES (\(planID), (SELECT coalesce(max(position), 0) + 1 FROM goals WHERE plan_id = \(planID)), \(title))
                RETURNING id, position, version
                """).first
            guard let row else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no row") }
            let id = try row.decode(UUID.self, "id")
            try EventLog.record(connection, actor: actor, entityType: "goal", entityID: id, event: "created", data: ["title": title])
            return PlanItemRecord(id: id, parentID: planID, orderID: orderID, position: try row.decode(Int.self, "position"),
                                  title: title, expectedResult: nil, version: try row.decode(Int.self, "version"))
        }
    }

    public func createTask(goalID: UUID, title: String, expectedResult: String?, actor: Principal) async throws -> PlanItemRecord {
        let title = try TypedText.field(title, "title")
        let expectedResult = try TypedText.field(expectedResult, "expected_result")
        guard !title.isEmpty else { throw UseCaseError.invalid(field: "title", reason: "must not be empty") }
        return try await database.transaction { connection in
            try Self.lockGoal(goalID, actor: actor, on: connection)
            let row = try connection.query("""
                INSERT INTO tasks (goal_id, position, title, expected_result)
                VALUES (\(goalID), (SELECT coalesce(max(position), 0) + 1 FROM tasks WHERE goal_id = \(goalID)), \(title), \(expectedResult))
                RETURNING id, position, version
                """).first
            guard let row else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no row") }
            let id = try row.decode(UUID.self, "id")
            try EventLog.record(connection, actor: actor, entityType: "task", entityID: id, event: "created", data: ["title": title])
            return PlanItemRecord(id: id, parentID: goalID, orderID: nil, position: try row.decode(Int.self, "position"),
                                  title: title, expectedResult: expectedResult, version: try row.decode(Int.self, "version"))
        }
    }

    /// Locks the goal for a change: not found when it does not exist or the actor may not
    /// see it, forbidden when the actor may not change plans.
    static func lockGoal(_ goalID: UUID, actor: Principal, on connection: PostgresConnection) throws {
        guard try connection.query("SELECT 1 FROM goals WHERE id = \(goalID) FOR UPDATE").first != nil,
              try RollupQuery.visible(filter: "g.id = \(goalID)", scope: actor, on: connection) else {
            throw UseCaseError.notFound(entity: "goal", id: goalID.lowercased)
        }
        try OrganizationStore.require(AccessPolicy(actor).may(.managePlans))
        try Withdrawal.refuseChange(under: "g.id = \(goalID)", on: connection)
    }

    /// One action with its roll-up; with `executorLimit`, its first organisations only.
    public func action(_ id: UUID, asOf: CalendarDate, scope: Principal, executorLimit: Int? = nil) async throws -> ActionRecord {
        try await database.withConnection { connection in
            try Self.action(id, asOf: asOf, scope: scope, executorLimit: executorLimit, on: connection)
        }
    }

    static func action(
        _ id: UUID, asOf: CalendarDate, scope: Principal, executorLimit: Int? = nil, on connection: PostgresConnection
    ) throws -> ActionRecord {
        guard try RollupQuery.visible(filter: "ac.id = \(id)", scope: scope, on: connection),
              let action = try ActionRecord.load(
                filter: "ac.id = \(id)", scope: scope, asOf: asOf, executorLimit: executorLimit, on: connection).first else {
            throw UseCaseError.notFound(entity: "action", id: id.lowercased)
        }
        return action
    }

    public func createAction(goalID: UUID, _ change: ActionChange, asOf: CalendarDate, actor: Principal) async throws -> ActionRecord {
        let change = try change.validated()
        guard let title = change.title.map(OrganizationStore.clean), !title.isEmpty else {
            throw UseCaseError.invalid(field: "title", reason: "must not be empty")
        }
        return try await database.transaction { connection in
            try Self.lockGoal(goalID, actor: actor, on: connection)
            let deadline = try Self.parseDeadline(change.deadline ?? "", goalID: goalID, on: connection)
            let row = try connection.query("""
                INSERT INTO actions (goal_id, position, title, expected_result, venue, deadline_text, deadline_kind,
                                     deadline_period, deadline_recurrence, deadline_parsed)
                VALUES (\(goalID), (SELECT coalesce(max(position), 0) + 1 FROM actions WHERE goal_id = \(goalID)), \(title),
                        \(change.expectedResult), \(change.venue), \(deadline.text), \(deadline.kind.rawValue), \(deadline.period),
                        \(deadline.recurrence?.rawValue), \(deadline.isParsed))
                RETURNING id
                """).first
            guard let id = try row?.decode(UUID.self, "id") else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no row") }
            try Self.setTasks(change.taskIDs ?? [], of: id, goalID: goalID, on: connection)
            let executorIDs = try Self.executors(change.executorIDs ?? [], kinds: change.executorKinds ?? [], lists: change.executorListIDs ?? [],
                                                 on: connection)
            try Self.setExecutors(executorIDs, of: id, deadline: deadline, actor: actor, on: connection)
            try EventLog.record(connection, actor: actor, entityType: "action", entityID: id, event: "created",
                                data: ["title": title, "deadline": deadline.text])
            return try Self.action(id, asOf: asOf, scope: actor, on: connection)
        }
    }

    public func updateAction(_ id: UUID, _ change: ActionChange, ifVersion: Int?, asOf: CalendarDate, actor: Principal) async throws -> ActionRecord {
        let change = try change.validated()
        if let title = change.title, OrganizationStore.clean(title).isEmpty {
            throw UseCaseError.invalid(field: "title", reason: "must not be empty")
        }
        return try await database.transaction { connection in
            guard try connection.query("SELECT 1 FROM actions WHERE id = \(id) FOR UPDATE").first != nil else {
                throw UseCaseError.notFound(entity: "action", id: id.lowercased)
            }
            let current = try Self.action(id, asOf: asOf, scope: actor, on: connection)
            try OrganizationStore.require(AccessPolicy(actor).may(.managePlans))
            try UseCaseError.check(version: current.version, expected: ifVersion, entity: "action")
            try Withdrawal.refuseChange(under: "ac.id = \(id)", on: connection)
            var deadline: Deadline?
            if let text = change.deadline, text != current.deadlineText {
                deadline = try Self.parseDeadline(text, goalID: current.goalID, on: connection)
            }
            try connection.execute("""
                UPDATE actions SET title = \(change.title.map(OrganizationStore.clean) ?? current.title),
                    expected_result = \(change.expectedResult ?? current.expectedResult), venue = \(change.venue ?? current.venue),
                    deadline_text = \(deadline?.text ?? current.deadlineText),
                    deadline_kind = \(deadline?.kind.rawValue ?? current.deadlineKind),
                    deadline_period = \(deadline.map { $0.period } ?? current.deadlinePeriod),
                    deadline_recurrence = \(deadline.map { $0.recurrence?.rawValue } ?? current.deadlineRecurrence),
                    deadline_parsed = \(deadline?.isParsed ?? current.deadlineParsed),
                    version = version + 1, updated_at = now()
                WHERE id = \(id)
                """)
            if let taskIDs = change.taskIDs { try Self.setTasks(taskIDs, of: id, goalID: current.goalID, on: connection) }
            if let deadline, deadline.period != current.deadlinePeriod || deadline.recurrence?.rawValue != current.deadlineRecurrence,
               change.reason == nil, current.rollup.total - current.rollup.count(.done) - current.rollup.count(.cancelled) > 0 {
                throw UseCaseError.invalid(field: "reason", reason: "the new deadline moves open assignments: say why")
            }
            if change.executorIDs != nil || change.executorKinds != nil || change.executorListIDs != nil || deadline != nil {
                let executorIDs = try Self.executors(change.executorIDs ?? current.executors.compactMap(\.organizationID),
                                                     kinds: change.executorKinds ?? [], lists: change.executorListIDs ?? [], on: connection)
                let effective = try deadline ?? Self.parseDeadline(current.deadlineText, goalID: current.goalID, on: connection)
                try Self.setExecutors(executorIDs, of: id, deadline: effective, actor: actor, on: connection)
            }
            var data: [String: String] = [:]
            if let title = change.title { data["title"] = title }
            if let deadline { data["deadline"] = deadline.text; data["previous_deadline"] = current.deadlineText }
            if let kinds = change.executorKinds, !kinds.isEmpty { data["executor_kinds"] = kinds.joined(separator: ",") }
            if let lists = change.executorListIDs, !lists.isEmpty { data["executor_lists"] = "\(lists.count)" }
            if let executorIDs = change.executorIDs { data["executors"] = "\(Set(executorIDs).count)" }
            try EventLog.record(connection, actor: actor, entityType: "action", entityID: id, event: "updated", reason: change.reason, data: data)
            return try Self.action(id, asOf: asOf, scope: actor, on: connection)
        }
    }

    /// The executors named, then every organisation of the kinds named, then the members of
    /// the saved lists named, once each.
    static func executors(_ ids: [UUID], kinds: [String], lists: [UUID], on connection: PostgresConnection) throws -> [UUID] {
        guard !kinds.isEmpty || !lists.isEmpty else { return ids }
        let known = Set(try connection.query("SELECT id FROM organization_lists WHERE id = ANY(\(lists))").rows.map { try $0.decode(UUID.self, "id") })
        if let missing = lists.first(where: { !known.contains($0) }) {
            throw UseCaseError.invalid(field: "executor_list_ids", reason: "no saved list with id \(missing.lowercased)")
        }
        let members = try connection.query("""
            SELECT o.id FROM organizations o
            WHERE o.kind = ANY(\(kinds)) OR o.id IN (SELECT organization_id FROM organization_list_members WHERE list_id = ANY(\(lists)))
            ORDER BY o.name, o.id
            """).rows.map { try $0.decode(UUID.self, "id") }
        var seen = Set<UUID>()
        return (ids + members).filter { seen.insert($0).inserted }
    }

    /// Parses a deadline in its plan's context: the plan's period, its academic year, or the
    /// order's calendar year. Text that cannot be read is kept, marked unparsed.
    static func parseDeadline(_ text: String, goalID: UUID, on connection: PostgresConnection) throws -> Deadline {
        let row = try connection.query("""
            SELECT p.period, p.academic_year, o.issued_on FROM goals g JOIN plans p ON p.id = g.plan_id
            LEFT JOIN orders o ON o.id = p.order_id WHERE g.id = \(goalID)
            """).first
        var context = DeadlineContext.none
        if let row {
            if let period = try row.decode(DatePeriod?.self, "period") {
                context = .planPeriod(period)
            } else if let year = try row.decode(Int?.self, "academic_year") {
                context = .academicYear(startingIn: year)
            } else if let issued = try row.decode(CalendarDate?.self, "issued_on") {
                context = .calendarYear(issued.year)
            }
        }
        // «В течение 10 рабочих дней после утверждения» is counted from the order's day.
        if let issued = try row?.decode(CalendarDate?.self, "issued_on"),
           let relative = RelativeDeadline.deadline(text, approvedOn: issued, calendar: try WorkingCalendarStore.calendar(around: issued, on: connection)) {
            return relative
        }
        do {
            return try DeadlineParser().parse(text, in: context)
        } catch {
            throw UseCaseError.invalid(field: "deadline", reason: "«\(text)»: \(error)")
        }
    }

    static func setTasks(_ taskIDs: [UUID], of actionID: UUID, goalID: UUID, on connection: PostgresConnection) throws {
        let wanted = Array(Set(taskIDs))
        let known = try connection.query("SELECT id FROM tasks WHERE goal_id = \(goalID) AND id = ANY(\(wanted))").rows.map { try $0.decode(UUID.self, "id") }
        if let missing = wanted.first(where: { !known.contains($0) }) {
            throw UseCaseError.invalid(field: "task_ids", reason: "no task \(missing.lowercased) in this goal")
        }
        try connection.execute("DELETE FROM action_tasks WHERE action_id = \(actionID) AND NOT (task_id = ANY(\(wanted)))")
        try connection.execute("""
            INSERT INTO action_tasks (action_id, task_id) SELECT \(actionID), unnest(\(wanted)::uuid[]) ON CONFLICT DO NOTHING
            """)
    }

    /// Sets the executor organisations of an action: new ones get an assignment per
    /// occurrence, removed ones have their open assignments cancelled (reports stay), and a
    /// changed deadline moves the planned due days of the assignments that remain.
    static func setExecutors(_ executorIDs: [UUID], of actionID: UUID, deadline: Deadline, actor: Principal, on connection: PostgresConnection) throws {
        var seen = Set<UUID>()
        let wanted = executorIDs.filter { seen.insert($0).inserted }
        let known = try connection.query("SELECT id FROM organizations WHERE id = ANY(\(wanted))").rows.map { try $0.decode(UUID.self, "id") }
        if let missing = wanted.first(where: { !known.contains($0) }) {
            throw UseCaseError.invalid(field: "executor_ids", reason: "no organisation with id \(missing.lowercased)")
        }
        // An organisation is the action's executor through its first assignment, `listed`
        // while the plan names it; one removed keeps its assignments, cancelled below.
        let previous = Set(try connection.query("""
            SELECT executor_id FROM assignments WHERE action_id = \(actionID) AND occurrence = 1 AND listed
            """).rows.map { try $0.decode(UUID.self, "executor_id") })
        let added = wanted.filter { !previous.contains($0) }
        try connection.execute("""
            UPDATE assignments SET listed = false
            WHERE action_id = \(actionID) AND occurrence = 1 AND listed AND NOT (executor_id = ANY(\(wanted)))
            """)
        // Named again, or moved in the list: a new executor is the lead when it comes first.
        try connection.execute("""
            UPDATE assignments a SET listed = true, executor_position = w.position,
                responsibility = CASE WHEN a.listed THEN a.responsibility WHEN w.position = 1 THEN 'lead' ELSE 'co' END
            FROM unnest(\(wanted)::uuid[]) WITH ORDINALITY AS w(executor_id, position)
            WHERE a.action_id = \(actionID) AND a.occurrence = 1 AND a.executor_id = w.executor_id
              AND (NOT a.listed OR a.executor_position <> w.position)
            """)
        let occurrences: [DatePeriod?] = deadline.occurrences.isEmpty ? [nil] : deadline.occurrences
        var executorColumn: [UUID] = []
        var occurrenceColumn: [Int] = []
        var periodColumn: [String?] = []
        for executorID in wanted {
            for (index, period) in occurrences.enumerated() {
                executorColumn.append(executorID)
                occurrenceColumn.append(index + 1)
                periodColumn.append(period.map { "[\($0.first.iso),\($0.last.iso)]" })
            }
        }
        let periods = periodColumn.map { $0 ?? "" }
        // The wanted (executor, occurrence, period) rows, as one set.
        let wantedRows: SQL = """
            SELECT w.executor_id, w.occurrence, nullif(w.period, '')::daterange AS period
            FROM unnest(\(executorColumn)::uuid[], \(occurrenceColumn)::int[], \(periods)::text[]) AS w(executor_id, occurrence, period)
            """
        let cancelled = try connection.query("""
            UPDATE assignments a SET status = 'cancelled', status_changed_at = now(), version = version + 1, updated_at = now()
            WHERE a.action_id = \(actionID) AND a.status NOT IN ('done', 'cancelled')
              AND NOT EXISTS (SELECT 1 FROM (\(wantedRows)) w WHERE w.executor_id = a.executor_id AND w.occurrence = a.occurrence)
            RETURNING a.id
            """).rows
        for row in cancelled {
            try EventLog.record(connection, actor: actor, entityType: "assignment", entityID: try row.decode(UUID.self, "id"),
                                event: "cancelled", reason: "executor or occurrence removed from the action")
        }
        let moved = try connection.query("""
            WITH old AS (SELECT id, due_on FROM assignments WHERE action_id = \(actionID))
            UPDATE assignments a SET period = w.period, original_due_on = upper(w.period) - 1,
                -- As the importer does: a corrected deadline moves the planned due day; a due
                -- day moved by an approved extension stays where the committee put it.
                due_on = CASE WHEN a.due_on IS DISTINCT FROM a.original_due_on THEN a.due_on ELSE upper(w.period) - 1 END,
                version = version + 1, updated_at = now()
            FROM (\(wantedRows)) w, old
            WHERE a.action_id = \(actionID) AND a.executor_id = w.executor_id AND a.occurrence = w.occurrence
              AND a.period IS DISTINCT FROM w.period AND old.id = a.id
            RETURNING a.id, old.due_on AS old_due, a.due_on AS new_due
            """).rows
        // Each due day the plan moved is in the assignment's history, as a committee's move
        // is: the assignment's page lists it, and the state of a past day is rebuilt from it.
        for row in moved {
            let from = try row.decode(CalendarDate?.self, "old_due")
            let to = try row.decode(CalendarDate?.self, "new_due")
            guard from != to else { continue }
            try EventLog.record(connection, actor: actor, entityType: "assignment", entityID: try row.decode(UUID.self, "id"),
                                event: AssignmentReplay.deadlineMoved, reason: "the action's deadline was changed in the plan",
                                data: ["from": from?.iso ?? "", "to": to?.iso ?? "", "plan": "true"])
        }
        let created = try connection.query("""
            INSERT INTO assignments (action_id, executor_id, occurrence, period, due_on, original_due_on, executor_position, responsibility)
            SELECT \(actionID), w.executor_id, w.occurrence, w.period, upper(w.period) - 1, upper(w.period) - 1,
                   coalesce(array_position(\(wanted)::uuid[], w.executor_id), 1),
                   CASE WHEN w.occurrence = 1 AND w.executor_id <> \(wanted.first) THEN 'co' ELSE 'lead' END
            FROM (\(wantedRows)) w
            WHERE NOT EXISTS (SELECT 1 FROM assignments a WHERE a.action_id = \(actionID) AND a.executor_id = w.executor_id
                              AND a.occurrence = w.occurrence)
            RETURNING id
            """).rows
        for row in created {
            try EventLog.record(connection, actor: actor, entityType: "assignment", entityID: try row.decode(UUID.self, "id"), event: "created")
        }
        // An executor added back after its removal: its cancelled assignments reopen.
        let reopened = try connection.query("""
            UPDATE assignments a SET status = 'planned', status_changed_at = now(), version = version + 1, updated_at = now()
            FROM (\(wantedRows)) w
            WHERE a.action_id = \(actionID) AND a.executor_id = w.executor_id AND a.occurrence = w.occurrence
              AND a.status = 'cancelled' AND a.executor_id = ANY(\(added))
            RETURNING a.id
            """).rows
        for row in reopened {
            try EventLog.record(connection, actor: actor, entityType: "assignment", entityID: try row.decode(UUID.self, "id"),
                                event: "reopened", reason: "executor added back to the action")
        }
        // Schools given new work hear of it from this transaction.
        if !created.isEmpty, let planID = try connection.query("""
            SELECT g.plan_id FROM actions a JOIN goals g ON g.id = a.goal_id WHERE a.id = \(actionID)
            """).first?.decode(UUID.self, "plan_id") {
            try Outbox.newWork(planID: planID, on: connection)
        }
    }
}
