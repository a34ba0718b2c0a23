import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The use case of «сводка об исполнении» (`ExecutionSummaryRecord`) for the page, the API,
/// the CLI and the spreadsheet alike. The committee sees every executor; a school its own
/// lines only, as on the order's page.
public struct ExecutionSummaryStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func summary(orderID: UUID, asOf: CalendarDate, scope: Principal) async throws -> ExecutionSummaryRecord {
        try await database.withConnection { connection in
            let order = try OrderStore.get(orderID, asOf: asOf, scope: scope, on: connection)
            let goalRows = try connection.query("""
                SELECT g.id, g.position, g.title FROM goals g JOIN plans p ON p.id = g.plan_id
                WHERE p.order_id = \(orderID) AND \(Withdrawal.planInForce())
                ORDER BY p.position, g.position
                """).rows
            let goalIDs = try goalRows.map { try $0.decode(UUID.self, "id") }
            let taskRows = try connection.query("""
                SELECT id, goal_id, position, title FROM tasks WHERE goal_id = ANY(\(goalIDs)) ORDER BY goal_id, position
                """).rows
            let actionRows = try connection.query("""
                SELECT ac.id, ac.goal_id, ac.position, ac.title, ac.deadline_text,
                       ARRAY(SELECT t.task_id FROM action_tasks t WHERE t.action_id = ac.id) AS task_ids
                FROM actions ac WHERE ac.goal_id = ANY(\(goalIDs)) AND \(RollupQuery.actionVisible(to: scope))
                ORDER BY ac.goal_id, ac.position
                """).rows
            let actionIDs = try actionRows.map { try $0.decode(UUID.self, "id") }
            let own: SQL = scope.role.seesEverything ? "TRUE" : "s.executor_id = \(scope.organizationID)"
            // Each assignment with the work day of its accepted report (kept on it) and its latest report.
            let lineRows = try connection.query("""
                SELECT s.id, s.action_id, s.executor_id, o.name AS executor_name, s.occurrence, s.due_on, s.status,
                       s.done_on AS accepted_on, latest.done_on AS latest_on, latest.text, latest.status AS report_status
                FROM assignments s JOIN organizations o ON o.id = s.executor_id
                LEFT JOIN LATERAL (
                    SELECT r.done_on, r.text, r.status FROM reports r WHERE r.assignment_id = s.id
                    ORDER BY r.created_at DESC LIMIT 1) latest ON TRUE
                WHERE s.action_id = ANY(\(actionIDs)) AND \(own)
                ORDER BY s.action_id, o.name, s.occurrence, s.id
                """).rows
            var lines: [UUID: [ExecutionSummaryRecord.Line]] = [:]
            for row in lineRows {
                guard let status = AssignmentStatus(rawValue: try row.decode(String.self, "status")) else { continue }
                let dueOn = try row.decode(CalendarDate?.self, "due_on")
                let acceptedOn = try row.decode(CalendarDate?.self, "accepted_on")
                let latestOn = try row.decode(CalendarDate?.self, "latest_on")
                lines[try row.decode(UUID.self, "action_id"), default: []].append(ExecutionSummaryRecord.Line(
                    assignmentID: try row.decode(UUID.self, "id"), executorID: try row.decode(UUID.self, "executor_id"),
                    executorName: try row.decode(String.self, "executor_name"), occurrence: try row.decode(Int.self, "occurrence"),
                    dueOn: dueOn, outcome: ExecutionOutcome(status: status, dueOn: dueOn, doneOn: acceptedOn, asOf: asOf),
                    doneOn: acceptedOn ?? latestOn,
                    reportText: try row.decode(String?.self, "text"),
                    reportStatus: try row.decode(String?.self, "report_status").flatMap(ReportStatus.init(rawValue:))))
            }

            var actionsByGoal: [UUID: [ExecutionSummaryRecord.Action]] = [:]
            let goalPositions = Dictionary(uniqueKeysWithValues: try goalRows.map {
                (try $0.decode(UUID.self, "id"), try $0.decode(Int.self, "position"))
            })
            for row in actionRows {
                let id = try row.decode(UUID.self, "id")
                let goal = try row.decode(UUID.self, "goal_id")
                actionsByGoal[goal, default: []].append(ExecutionSummaryRecord.Action(
                    id: id, number: "\(goalPositions[goal] ?? 0).\(try row.decode(Int.self, "position"))",
                    title: try row.decode(String.self, "title"), deadlineText: try row.decode(String.self, "deadline_text"),
                    taskIDs: try row.decode([UUID].self, "task_ids"), lines: lines[id] ?? []))
            }
            var goals: [ExecutionSummaryRecord.Goal] = []
            for row in goalRows {
                let id = try row.decode(UUID.self, "id")
                let position = try row.decode(Int.self, "position")
                let actions = actionsByGoal[id] ?? []
                // A school sees a goal only where it has work.
                guard scope.role.seesEverything || !actions.isEmpty else { continue }
                let tasks = try taskRows.filter { try $0.decode(UUID.self, "goal_id") == id }.map { task in
                    let taskID = try task.decode(UUID.self, "id")
                    return ExecutionSummaryRecord.Task(
                        id: taskID, number: "\(position).\(try task.decode(Int.self, "position"))",
                        title: try task.decode(String.self, "title"),
                        tally: actions.filter { $0.taskIDs.contains(taskID) }.reduce(.empty) { $0 + $1.tally })
                }
                goals.append(ExecutionSummaryRecord.Goal(
                    id: id, position: position, title: try row.decode(String.self, "title"),
                    tasks: scope.role.seesEverything ? tasks : tasks.filter { $0.tally.total + $0.tally.count(.cancelled) > 0 },
                    actions: actions))
            }
            return ExecutionSummaryRecord(order: order, asOf: asOf, goals: goals)
        }
    }
}
