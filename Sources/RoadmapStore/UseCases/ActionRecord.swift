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
    public let executors: [Executor]
    public let taskIDs: [UUID]
    public let version: Int
    public let rollup: Rollup

    static let columns: SQL = """
        ac.id, ac.goal_id, ac.position, ac.title, ac.expected_result, ac.venue, ac.deadline_text, ac.deadline_kind,
        ac.deadline_parsed, ac.deadline_period, ac.deadline_recurrence, ac.version, ac.section
        """

    /// Loads the actions `filter` selects (over `ac`) that `scope` may see, with the
    /// executors it may see and the tasks, in two more round trips.
    static func load(filter: SQL, scope: Principal, asOf: CalendarDate, on connection: PostgresConnection) throws -> [ActionRecord] {
        let rows = try connection.query("""
            SELECT \(columns) FROM actions ac WHERE \(filter) AND \(RollupQuery.actionVisible(to: scope))
            ORDER BY ac.goal_id, ac.position
            """).rows
        let ids = try rows.map { try $0.decode(UUID.self, "id") }
        guard !ids.isEmpty else { return [] }
        var executors: [UUID: [Executor]] = [:]
        for row in try connection.query("""
            SELECT e.action_id, e.organization_id, coalesce(o.name, e.person_role) AS name, e.person_role, e.responsibility
            FROM action_executors e LEFT JOIN organizations o ON o.id = e.organization_id
            WHERE e.action_id = ANY(\(ids)) AND \(RollupQuery.executorVisible(to: scope))
            ORDER BY e.action_id, e.position, e.id
            """).rows {
            executors[try row.decode(UUID.self, "action_id"), default: []].append(Executor(
                organizationID: try row.decode(UUID?.self, "organization_id"), name: try row.decode(String.self, "name"),
                personRole: try row.decode(String?.self, "person_role"), responsibility: try row.decode(String.self, "responsibility")))
        }
        var tasks: [UUID: [UUID]] = [:]
        for row in try connection.query("""
            SELECT t.action_id, t.task_id FROM action_tasks t JOIN tasks k ON k.id = t.task_id
            WHERE t.action_id = ANY(\(ids)) ORDER BY k.position
            """).rows {
            tasks[try row.decode(UUID.self, "action_id"), default: []].append(try row.decode(UUID.self, "task_id"))
        }
        let rollups = try RollupQuery.rollups(key: "s.action_id", filter: "s.action_id = ANY(\(ids))", scope: scope, asOf: asOf, on: connection)
        return try rows.map { row in
            let id = try row.decode(UUID.self, "id")
            return ActionRecord(
                id: id, goalID: try row.decode(UUID.self, "goal_id"), position: try row.decode(Int.self, "position"),
                title: try row.decode(String.self, "title"), expectedResult: try row.decode(String?.self, "expected_result"),
                venue: try row.decode(String?.self, "venue"), section: try row.decode(String?.self, "section"), deadlineText: try row.decode(String.self, "deadline_text"),
                deadlineKind: try row.decode(String.self, "deadline_kind"), deadlineParsed: try row.decode(Bool.self, "deadline_parsed"),
                deadlinePeriod: try row.decode(DatePeriod?.self, "deadline_period"),
                deadlineRecurrence: try row.decode(String?.self, "deadline_recurrence"),
                executors: executors[id] ?? [], taskIDs: tasks[id] ?? [], version: try row.decode(Int.self, "version"),
                rollup: rollups[id] ?? .empty)
        }
    }
}
