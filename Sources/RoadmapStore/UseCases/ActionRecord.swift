import Foundation
import RoadmapDomain
import RoadmapPostgres

/// A planned action with its deadline as written and as read, its executors and roll-up.
public struct ActionRecord: Sendable {
    public struct Executor: Sendable, Hashable {
        public let organizationID: UUID?
        public let name: String
        public let personRole: String?
        public let responsibility: String
    }

    public let id: UUID
    public let goalID: UUID
    /// The order its plan belongs to; nil for a plan of no order.
    public let orderID: UUID?
    public let position: Int
    public let title: String
    public let expectedResult: String?
    public let venue: String?
    /// The section heading the action stands under, when its plan table has sections.
    public let section: String?
    public let deadlineText: String
    public let deadlineKind: String
    public let deadlineParsed: Bool
    public let deadlinePeriod: DatePeriod?
    public let deadlineRecurrence: String?
    /// The executors, in the plan's order: every person, and the organisations unless the
    /// load was capped and the action has more than the cap.
    public let executors: [Executor]
    /// How many organisations execute the action in all (those `scope` may see).
    public let organizationCount: Int
    public let taskIDs: [UUID]
    public let version: Int
    public let rollup: Rollup

    static let columns: SQL = """
        ac.id, ac.goal_id, ac.position, ac.title, ac.expected_result, ac.venue, ac.deadline_text, ac.deadline_kind,
        ac.deadline_parsed, ac.deadline_period, ac.deadline_recurrence, ac.version, ac.section, ap.order_id
        """

    /// The actions with their plan (for the order), joined once rather than looked up per row:
    /// for the 1,000 actions of a plan the lookup scanned the plans a thousand times.
    static let source: SQL = """
        actions ac JOIN goals ag ON ag.id = ac.goal_id JOIN plans ap ON ap.id = ag.plan_id
        """

    /// Loads the actions `filter` selects (over `ac`) that `scope` may see, with the
    /// executors it may see and the tasks, in a few more round trips. With `executorLimit`,
    /// an action names its organisations only when it has at most that many (every person
    /// is always named), so a plan of 1,000 actions for 500 schools does not read half a
    /// million names; `organizationCount` says how many there are. `rollups`, when the
    /// caller has already counted these actions for `scope`, are used instead of counting again.
    static func load(
        filter: SQL, scope: Principal, asOf: CalendarDate, executorLimit: Int? = nil, rollups known: [UUID: Rollup]? = nil,
        on connection: PostgresConnection
    ) throws -> [ActionRecord] {
        // Prepared: every caller's filter is by key (ids, goals), so one plan serves all values.
        let rows = try connection.query(.prepared("""
            SELECT \(columns) FROM \(source) WHERE \(filter) AND \(RollupQuery.actionVisible(to: scope))
            ORDER BY ac.goal_id, ac.position
            """)).rows
        let ids = try rows.map { try $0.decode(UUID.self, "id") }
        guard !ids.isEmpty else { return [] }
        var counts: [UUID: Int] = [:]
        for row in try connection.query(.prepared("""
            SELECT action_id, organizations FROM action_executor_counts WHERE action_id = ANY(\(ids))
            """)).rows {
            counts[try row.decode(UUID.self, "action_id")] = try row.decode(Int.self, "organizations")
        }
        let named = executorLimit.map { limit in ids.filter { (counts[$0] ?? 0) <= limit } } ?? ids
        var executors: [UUID: [Executor]] = [:]
        // With no organisation to name (the order page's), only the actions' persons: through
        // the view of all executors, the generic plan expected thousands of assignments and
        // PostgreSQL planned the statement afresh on every page (0.2 ms, to find a few rows).
        let executorRows: SQL = named.isEmpty ? """
            SELECT e.action_id, NULL::uuid AS organization_id, e.person_role AS name, e.person_role, e.responsibility
            FROM action_persons e
            WHERE e.action_id = ANY(\(ids))
            ORDER BY e.action_id, e.position, e.id
            """ : """
            SELECT e.action_id, e.organization_id, coalesce(o.name, e.person_role) AS name, e.person_role, e.responsibility
            FROM action_executors e LEFT JOIN organizations o ON o.id = e.organization_id
            WHERE (e.action_id = ANY(\(named)) OR (e.person_role IS NOT NULL AND e.action_id = ANY(\(ids))))
              AND \(RollupQuery.executorVisible(to: scope))
            ORDER BY e.action_id, e.position, e.id
            """
        for row in try connection.query(.prepared(executorRows)).rows {
            executors[try row.decode(UUID.self, "action_id"), default: []].append(Executor(
                organizationID: try row.decode(UUID?.self, "organization_id"), name: try row.decode(String.self, "name"),
                personRole: try row.decode(String?.self, "person_role"), responsibility: try row.decode(String.self, "responsibility")))
        }
        if !scope.role.seesEverything {
            // An executor sees its own organisation among the executors, and no other.
            counts = Dictionary(uniqueKeysWithValues: ids.map { id in
                (id, (executors[id] ?? []).filter { $0.organizationID != nil }.count)
            })
        }
        var tasks: [UUID: [UUID]] = [:]
        for row in try connection.query(.prepared("""
            SELECT t.action_id, t.task_id FROM action_tasks t JOIN tasks k ON k.id = t.task_id
            WHERE t.action_id = ANY(\(ids)) ORDER BY k.position
            """)).rows {
            tasks[try row.decode(UUID.self, "action_id"), default: []].append(try row.decode(UUID.self, "task_id"))
        }
        // Counted through each action's index entries, its goal given: joined with every action
        // stored instead, PostgreSQL read all the kept counts for a plan of 1,000 actions.
        let rollups = try known ?? RollupQuery.rollups(
            of: try rows.map { (try $0.decode(UUID.self, "id"), try $0.decode(UUID.self, "goal_id")) }, byGoal: false,
            scope: scope, asOf: asOf, on: connection)
        return try rows.map { row in
            let id = try row.decode(UUID.self, "id")
            return ActionRecord(
                id: id, goalID: try row.decode(UUID.self, "goal_id"), orderID: try row.decode(UUID?.self, "order_id"), position: try row.decode(Int.self, "position"),
                title: try row.decode(String.self, "title"), expectedResult: try row.decode(String?.self, "expected_result"),
                venue: try row.decode(String?.self, "venue"), section: try row.decode(String?.self, "section"), deadlineText: try row.decode(String.self, "deadline_text"),
                deadlineKind: try row.decode(String.self, "deadline_kind"), deadlineParsed: try row.decode(Bool.self, "deadline_parsed"),
                deadlinePeriod: try row.decode(DatePeriod?.self, "deadline_period"),
                deadlineRecurrence: try row.decode(String?.self, "deadline_recurrence"),
                executors: executors[id] ?? [], organizationCount: counts[id] ?? 0, taskIDs: tasks[id] ?? [], version: try row.decode(Int.self, "version"),
                rollup: rollups[id] ?? .empty)
        }
    }
}
