import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Correcting a plan: renaming goals and tasks, putting goals, tasks and actions in another
/// order, and removing them. What has history of a school's work is never removed: an action
/// with a report or an extension request keeps its place (its executors are removed
/// instead, which cancels their open assignments), and a goal keeps its actions.
extension PlanStore {
    /// Which way an item moves among its siblings.
    public enum Direction: String, Sendable {
        case up, down
    }

    /// The three kinds of plan item a coordinator edits in place.
    enum Item {
        case goal, task, action

        var table: String {
            switch self {
            case .goal: "goals"
            case .task: "tasks"
            case .action: "actions"
            }
        }

        var parent: String { self == .goal ? "plan_id" : "goal_id" }
        var entity: String { self == .goal ? "goal" : self == .task ? "task" : "action" }
    }

    public func updateGoal(_ id: UUID, title: String, actor: Principal) async throws -> PlanItemRecord {
        let title = try Self.title(title)
        return try await database.transaction { connection in
            try Self.lockItem(.goal, id, actor: actor, on: connection)
            let row = try connection.query("""
                UPDATE goals SET title = \(title), version = version + 1, updated_at = now() WHERE id = \(id)
                RETURNING plan_id, position, version, (SELECT order_id FROM plans WHERE plans.id = goals.plan_id) AS order_id
                """).first
            guard let row else { throw UseCaseError.notFound(entity: "goal", id: id.lowercased) }
            try EventLog.record(connection, actor: actor, entityType: "goal", entityID: id, event: "updated", data: ["title": title])
            return PlanItemRecord(id: id, parentID: try row.decode(UUID.self, "plan_id"), orderID: try row.decode(UUID?.self, "order_id"),
                                  position: try row.decode(Int.self, "position"),
                                  title: title, expectedResult: nil, version: try row.decode(Int.self, "version"))
        }
    }

    public func updateTask(_ id: UUID, title: String, expectedResult: String?, actor: Principal) async throws -> PlanItemRecord {
        let title = try Self.title(title)
        let expectedResult = try TypedText.field(expectedResult, "expected_result").flatMap { $0.isEmpty ? nil : $0 }
        return try await database.transaction { connection in
            try Self.lockItem(.task, id, actor: actor, on: connection)
            let row = try connection.query("""
                UPDATE tasks SET title = \(title), expected_result = \(expectedResult), version = version + 1, updated_at = now()
                WHERE id = \(id) RETURNING goal_id, position, version
                """).first
            guard let row else { throw UseCaseError.notFound(entity: "task", id: id.lowercased) }
            try EventLog.record(connection, actor: actor, entityType: "task", entityID: id, event: "updated", data: ["title": title])
            return PlanItemRecord(id: id, parentID: try row.decode(UUID.self, "goal_id"), orderID: nil, position: try row.decode(Int.self, "position"),
                                  title: title, expectedResult: expectedResult, version: try row.decode(Int.self, "version"))
        }
    }

    /// Swaps a goal, task or action with its neighbour above or below; at the edge nothing moves.
    public func move(goal id: UUID, _ direction: Direction, actor: Principal) async throws {
        try await move(.goal, id, direction, actor: actor)
    }

    public func move(task id: UUID, _ direction: Direction, actor: Principal) async throws {
        try await move(.task, id, direction, actor: actor)
    }

    public func move(action id: UUID, _ direction: Direction, actor: Principal) async throws {
        try await move(.action, id, direction, actor: actor)
    }

    func move(_ item: Item, _ id: UUID, _ direction: Direction, actor: Principal) async throws {
        try await database.transaction { connection in
            try Self.lockItem(item, id, actor: actor, on: connection)
            let table = SQL(unescaped: item.table)
            let parent = SQL(unescaped: item.parent)
            guard let row = try connection.query("SELECT \(parent) AS parent, position FROM \(table) WHERE id = \(id)").first else {
                throw UseCaseError.notFound(entity: item.entity, id: id.lowercased)
            }
            let parentID = try row.decode(UUID.self, "parent")
            let position = try row.decode(Int.self, "position")
            let neighbour: SQL = direction == .up
                ? "SELECT id, position FROM \(table) WHERE \(parent) = \(parentID) AND position < \(position) ORDER BY position DESC LIMIT 1 FOR UPDATE"
                : "SELECT id, position FROM \(table) WHERE \(parent) = \(parentID) AND position > \(position) ORDER BY position LIMIT 1 FOR UPDATE"
            guard let other = try connection.query(neighbour).first else { return }
            let otherID = try other.decode(UUID.self, "id")
            let otherPosition = try other.decode(Int.self, "position")
            // Positions are unique within the parent: park one above all while they swap.
            try connection.execute("""
                UPDATE \(table) SET position = (SELECT max(position) + 1 FROM \(table) WHERE \(parent) = \(parentID)) WHERE id = \(id)
                """)
            try connection.execute("UPDATE \(table) SET position = \(position), version = version + 1, updated_at = now() WHERE id = \(otherID)")
            try connection.execute("UPDATE \(table) SET position = \(otherPosition), version = version + 1, updated_at = now() WHERE id = \(id)")
            try EventLog.record(connection, actor: actor, entityType: item.entity, entityID: id, event: "moved",
                                data: ["from": "\(position)", "to": "\(otherPosition)"])
        }
    }

    /// Removes an action nobody has reported on or asked to move: its assignments go with it.
    public func removeAction(_ id: UUID, reason: String?, actor: Principal) async throws {
        let reason = try TypedText.field(reason, "reason").flatMap { $0.isEmpty ? nil : $0 }
        try await database.transaction { connection in
            try Self.lockItem(.action, id, actor: actor, on: connection)
            let history = try connection.query("""
                SELECT (SELECT count(*) FROM reports r JOIN assignments s ON s.id = r.assignment_id WHERE s.action_id = \(id))::int AS reports,
                       (SELECT count(*) FROM deadline_extensions e JOIN assignments s ON s.id = e.assignment_id WHERE s.action_id = \(id))::int AS requests
                """).first
            let reports = try history?.decode(Int.self, "reports") ?? 0
            let requests = try history?.decode(Int.self, "requests") ?? 0
            guard reports == 0, requests == 0 else {
                throw UseCaseError.conflict(
                    "Schools have reported on this action or asked to move it (\(reports) reports, \(requests) requests); remove its executors instead, which cancels their open assignments and keeps what was done.")
            }
            let row = try connection.query("""
                SELECT a.title, g.plan_id FROM actions a JOIN goals g ON g.id = a.goal_id WHERE a.id = \(id)
                """).first
            let title = try row?.decode(String.self, "title") ?? ""
            let planID = try row?.decode(UUID.self, "plan_id")
            try connection.execute("DELETE FROM assignments WHERE action_id = \(id)")
            try connection.execute("DELETE FROM actions WHERE id = \(id)")
            try EventLog.record(connection, actor: actor, entityType: "action", entityID: id, event: "removed", reason: reason,
                                data: Self.removed(title: title, planID: planID))
        }
    }

    /// Removes a task; the actions that served it stay.
    public func removeTask(_ id: UUID, actor: Principal) async throws {
        try await database.transaction { connection in
            try Self.lockItem(.task, id, actor: actor, on: connection)
            let row = try connection.query("""
                DELETE FROM tasks WHERE id = \(id) RETURNING title, (SELECT plan_id FROM goals WHERE goals.id = tasks.goal_id) AS plan_id
                """).first
            try EventLog.record(connection, actor: actor, entityType: "task", entityID: id, event: "removed",
                                data: Self.removed(title: try row?.decode(String.self, "title") ?? "", planID: try row?.decode(UUID?.self, "plan_id")))
        }
    }

    /// Removes a goal with no action left under it (its tasks go with it).
    public func removeGoal(_ id: UUID, actor: Principal) async throws {
        try await database.transaction { connection in
            try Self.lockItem(.goal, id, actor: actor, on: connection)
            if try connection.query("SELECT 1 FROM actions WHERE goal_id = \(id) LIMIT 1").first != nil {
                throw UseCaseError.conflict("The goal still has actions; remove or move them first.")
            }
            let row = try connection.query("DELETE FROM goals WHERE id = \(id) RETURNING title, plan_id").first
            try EventLog.record(connection, actor: actor, entityType: "goal", entityID: id, event: "removed",
                                data: Self.removed(title: try row?.decode(String.self, "title") ?? "", planID: try row?.decode(UUID.self, "plan_id")))
        }
    }

    /// A removal's event data: the title, and the plan it was removed from, by which the
    /// order's history finds it once its row is gone.
    static func removed(title: String, planID: UUID?) -> [String: String] {
        var data = ["title": title]
        if let planID { data["plan_id"] = planID.lowercased }
        return data
    }

    /// How a deadline written under a goal reads, before it is saved (the plan's period,
    /// academic year or order year give a month its year).
    public func readDeadline(_ text: String, goalID: UUID, actor: Principal) async throws -> Deadline {
        let text = try TypedText.field(text, "deadline")
        return try await database.withConnection { connection in
            guard try connection.query("SELECT 1 FROM goals WHERE id = \(goalID)").first != nil,
                  try RollupQuery.visible(filter: "g.id = \(goalID)", scope: actor, on: connection) else {
                throw UseCaseError.notFound(entity: "goal", id: goalID.lowercased)
            }
            return try Self.parseDeadline(text, goalID: goalID, on: connection)
        }
    }

    static func title(_ text: String) throws -> String {
        let title = OrganizationStore.clean(try TypedText.field(text, "title"))
        guard !title.isEmpty else { throw UseCaseError.invalid(field: "title", reason: "must not be empty") }
        return title
    }

    /// Locks a goal, task or action for a change by a principal who may change plans, under a
    /// plan in force.
    static func lockItem(_ item: Item, _ id: UUID, actor: Principal, on connection: PostgresConnection) throws {
        let table = SQL(unescaped: item.table)
        let place: SQL = switch item {
        case .goal: "g.id = \(id)"
        case .task: "g.id = (SELECT goal_id FROM tasks WHERE id = \(id))"
        case .action: "ac.id = \(id)"
        }
        guard try connection.query("SELECT 1 FROM \(table) WHERE id = \(id) FOR UPDATE").first != nil,
              try RollupQuery.visible(filter: place, scope: actor, on: connection) else {
            throw UseCaseError.notFound(entity: item.entity, id: id.lowercased)
        }
        try OrganizationStore.require(AccessPolicy(actor).may(.managePlans))
        try Withdrawal.refuseChange(under: place, on: connection)
    }
}
