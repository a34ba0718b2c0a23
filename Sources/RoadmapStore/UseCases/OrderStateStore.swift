import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The use case of an order's state at the end of a past day (`OrderStateRecord`), rebuilt
/// from the history of its assignments by `AssignmentReplay`. The committee sees every
/// executor; a school its own work, as on the order's page.
public struct OrderStateStore: Sendable {
    let database: Database
    let clock: CommitteeClock

    public init(database: Database, clock: CommitteeClock = CommitteeClock()) {
        self.database = database
        self.clock = clock
    }

    /// The state at the end of `day` in the committee's zone, with `actionID`'s executors.
    /// A day that has not ended yet is refused (`on`): the state of today is the order's page.
    public func state(orderID: UUID, on day: CalendarDate, actionID: UUID? = nil, scope: Principal) async throws -> OrderStateRecord {
        guard day <= clock.today() else {
            throw UseCaseError.invalid(field: "on", reason: "is after today: the state of a day is known once it has passed")
        }
        return try await state(orderID: orderID, at: clock.end(of: day), day: day, actionID: actionID, scope: scope)
    }

    /// The state at `moment`, with overdue judged as of `day`.
    public func state(orderID: UUID, at moment: Date, day: CalendarDate, actionID: UUID? = nil, scope: Principal) async throws -> OrderStateRecord {
        let today = clock.today()
        return try await database.withConnection { connection in
            let order = try OrderStore.get(orderID, asOf: today, scope: scope, on: connection)
            // Plans in force then: not yet withdrawn at the moment.
            let inForceThen: SQL = "(p.withdrawn_at IS NULL OR p.withdrawn_at > \(moment))"
            let goalRows = try connection.query("""
                SELECT g.id, g.position, g.title FROM goals g JOIN plans p ON p.id = g.plan_id
                WHERE p.order_id = \(orderID) AND \(inForceThen)
                ORDER BY p.position, g.position
                """).rows
            let goalIDs = try goalRows.map { try $0.decode(UUID.self, "id") }
            let own: SQL = scope.role.seesEverything ? "TRUE" : "s.executor_id = \(scope.organizationID)"
            let visible: SQL = scope.role.seesEverything ? "TRUE" : "EXISTS (SELECT 1 FROM assignments s WHERE s.action_id = ac.id AND \(own))"
            let actionRows = try connection.query("""
                SELECT ac.id, ac.goal_id, ac.position, ac.title, ac.deadline_text, ac.created_at <= \(moment) AS existed
                FROM actions ac WHERE ac.goal_id = ANY(\(goalIDs))
                  AND \(visible)
                ORDER BY ac.goal_id, ac.position
                """).rows
            let recordedSince = try connection.query("""
                SELECT min(ac.created_at) AS since FROM actions ac WHERE ac.goal_id = ANY(\(goalIDs))
                """).first?.decode(Date?.self, "since")
            var existing = try actionRows.filter { try $0.decode(Bool.self, "existed") }
            var actionIDs = try existing.map { try $0.decode(UUID.self, "id") }
            let statusEvents = Array(AssignmentReplay.statusEvents.keys)
            // Each assignment recorded by the moment, with the last change of status before it,
            // the first after it, and the day the first later move of its due day started from.
            let rows = try connection.query("""
                SELECT s.id, s.action_id, s.executor_id, s.occurrence, s.status, s.due_on,
                       (SELECT e.event FROM events e WHERE e.entity_type = 'assignment' AND e.entity_id = s.id
                          AND e.event = ANY(\(statusEvents)) AND e.occurred_at < \(moment) ORDER BY e.id DESC LIMIT 1) AS last_before,
                       (SELECT e.event FROM events e WHERE e.entity_type = 'assignment' AND e.entity_id = s.id
                          AND e.event = ANY(\(statusEvents)) AND e.occurred_at >= \(moment) ORDER BY e.id LIMIT 1) AS first_after,
                       (SELECT coalesce(e.data->>'from', '') FROM events e WHERE e.entity_type = 'assignment' AND e.entity_id = s.id
                          AND e.event = \(AssignmentReplay.deadlineMoved) AND e.occurred_at >= \(moment) ORDER BY e.id LIMIT 1) AS moved_from
                FROM assignments s
                WHERE s.action_id = ANY(\(actionIDs)) AND s.created_at < \(moment) AND \(own)
                """).rows
            var then: [UUID: Rollup] = [:]
            var now: [UUID: Rollup] = [:]
            var detailRows: [(id: UUID, executor: UUID, occurrence: Int, statusThen: AssignmentStatus, dueThen: CalendarDate?,
                              statusNow: AssignmentStatus, dueNow: CalendarDate?)] = []
            for row in rows {
                let statusText = try row.decode(String.self, "status")
                guard let current = AssignmentStatus(rawValue: statusText) else {
                    throw UseCaseError.conflict("assignment \(try row.decode(UUID.self, "id")) has an unknown status «\(statusText)»")
                }
                let action = try row.decode(UUID.self, "action_id")
                let dueNow = try row.decode(CalendarDate?.self, "due_on")
                let statusThen = AssignmentReplay.status(
                    current: current, lastBefore: try row.decode(String?.self, "last_before"),
                    firstAfter: try row.decode(String?.self, "first_after"))
                let dueThen = AssignmentReplay.dueDay(current: dueNow, firstMoveAfterFrom: try row.decode(String?.self, "moved_from"))
                then[action, default: .empty].add(AssignmentFact(status: statusThen, dueDay: dueThen), asOf: day)
                now[action, default: .empty].add(AssignmentFact(status: current, dueDay: dueNow), asOf: today)
                if action == actionID {
                    detailRows.append((try row.decode(UUID.self, "id"), try row.decode(UUID.self, "executor_id"),
                                       try row.decode(Int.self, "occurrence"), statusThen, dueThen, current, dueNow))
                }
            }
            // A school saw an action then only where it had work on it then.
            if !scope.role.seesEverything {
                existing = try existing.filter { then[try $0.decode(UUID.self, "id")] != nil }
                actionIDs = actionIDs.filter { then[$0] != nil }
            }
            // Assignments added after the moment count today but were not there then.
            for (action, rollup) in try RollupQuery.rollups(
                key: "s.action_id", filter: "s.action_id = ANY(\(actionIDs))", scope: scope, asOf: today, on: connection) {
                now[action] = rollup
            }
            let names = Dictionary(uniqueKeysWithValues: try connection.query("""
                SELECT id, name FROM organizations WHERE id = ANY(\(detailRows.map(\.executor)))
                """).rows.map { (try $0.decode(UUID.self, "id"), try $0.decode(String.self, "name")) })
            let lines = detailRows.map { row in
                OrderStateRecord.Line(
                    assignmentID: row.id, executorID: row.executor, executorName: names[row.executor] ?? "", occurrence: row.occurrence,
                    statusThen: row.statusThen, dueThen: row.dueThen, overdueThen: row.statusThen.isOverdue(dueDay: row.dueThen, asOf: day),
                    statusNow: row.statusNow, dueNow: row.dueNow, overdueNow: row.statusNow.isOverdue(dueDay: row.dueNow, asOf: today))
            }.sorted { ($0.executorName, $0.occurrence) < ($1.executorName, $1.occurrence) }

            let positions = Dictionary(uniqueKeysWithValues: try goalRows.map {
                (try $0.decode(UUID.self, "id"), try $0.decode(Int.self, "position"))
            })
            var actionsByGoal: [UUID: [OrderStateRecord.Action]] = [:]
            for row in existing {
                let id = try row.decode(UUID.self, "id")
                let goal = try row.decode(UUID.self, "goal_id")
                actionsByGoal[goal, default: []].append(OrderStateRecord.Action(
                    id: id, number: "\(positions[goal] ?? 0).\(try row.decode(Int.self, "position"))",
                    title: try row.decode(String.self, "title"), deadlineText: try row.decode(String.self, "deadline_text"),
                    then: then[id] ?? .empty, now: now[id] ?? .empty, lines: id == actionID ? lines : []))
            }
            let goals = try goalRows.compactMap { row -> OrderStateRecord.Goal? in
                let id = try row.decode(UUID.self, "id")
                let actions = actionsByGoal[id] ?? []
                guard scope.role.seesEverything || !actions.isEmpty else { return nil }
                return OrderStateRecord.Goal(id: id, position: try row.decode(Int.self, "position"), title: try row.decode(String.self, "title"),
                                             actions: actions)
            }
            return OrderStateRecord(
                order: order, day: day, moment: moment, today: today, recordedSince: recordedSince, goals: goals,
                addedLater: actionRows.count - existing.count,
                detailed: actionID.flatMap { actionIDs.contains($0) ? $0 : nil })
        }
    }
}
