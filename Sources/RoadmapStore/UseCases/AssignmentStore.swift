import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Assignments: listing by deadline with filters, reading, starting and cancelling.
/// An executor sees its own organisation's assignments only; others are "not found".
public struct AssignmentStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func list(_ filter: AssignmentFilter, asOf: CalendarDate, limit: Int?, cursor: String?, scope: Principal) async throws -> Page<AssignmentRecord> {
        let limit = try Cursor.limit(limit)
        if let from = filter.dueFrom, let to = filter.dueTo, to < from {
            throw UseCaseError.invalid(field: "due_to", reason: "is before due_from")
        }
        let after = try cursor.map { (text) throws(UseCaseError) in try Cursor.decode(text, count: 2) }
        var conditions: [SQL] = [Withdrawal.planInForce()]
        if !scope.role.seesEverything { conditions.append("s.executor_id = \(scope.organizationID)") }
        if let orderID = filter.orderID { conditions.append("p.order_id = \(orderID)") }
        if let actionID = filter.actionID { conditions.append("s.action_id = \(actionID)") }
        if let executorID = filter.executorID { conditions.append("s.executor_id = \(executorID)") }
        if let status = filter.status { conditions.append("s.status = \(status.rawValue)") }
        switch filter.overdue {
        case true?: conditions.append("analytics.is_overdue(s.status, s.due_on, \(asOf))")
        case false?: conditions.append("NOT analytics.is_overdue(s.status, s.due_on, \(asOf))")
        case nil: break
        }
        if filter.openOnly { conditions.append("analytics.is_open(s.status)") }
        if let from = filter.dueFrom { conditions.append("s.due_on >= \(from)") }
        if let to = filter.dueTo { conditions.append("s.due_on <= \(to)") }
        if let after {
            guard let id = UUID(uuidString: after[1]) else {
                throw UseCaseError.invalid(field: "cursor", reason: "is not a cursor this service gave out")
            }
            if let due = CalendarDate(iso: after[0]) {
                conditions.append("(s.due_on IS NULL OR (s.due_on, s.id) > (\(due), \(id)))")
            } else {
                conditions.append("(s.due_on IS NULL AND s.id > \(id))")
            }
        }
        let statement: SQL = """
            \(AssignmentRecord.select) WHERE \(SQL.joined(conditions, separator: " AND "))
            ORDER BY s.due_on NULLS LAST, s.id LIMIT \(limit + 1)
            """
        let records = try await database.withConnection { connection in
            if let actionID = filter.actionID {
                let exists = try connection.query("SELECT 1 FROM actions WHERE id = \(actionID)").first != nil
                guard exists, try RollupQuery.visible(filter: "ac.id = \(actionID)", scope: scope, on: connection) else {
                    throw UseCaseError.notFound(entity: "action", id: actionID.lowercased)
                }
            }
            return try connection.query(statement).rows.map { try AssignmentRecord(row: $0, asOf: asOf) }
        }
        return OrganizationStore.page(records, limit: limit) { [$0.dueOn?.iso ?? "", $0.id.uuidString] }
    }

    /// A school's own open work for «Мои сроки» (`SchoolDeadlinesRecord`): the counts from
    /// one pass over its open assignments, each list read through the index by due day.
    /// Only an executor has one; the committee's page is the dashboard's.
    public func schoolDeadlines(asOf: CalendarDate, scope: Principal) async throws -> SchoolDeadlinesRecord {
        guard scope.role == .executor, let school = scope.organizationID else {
            throw UseCaseError.forbidden("Only a school has its own deadlines.")
        }
        let soonUntil = asOf.adding(days: SchoolDeadlinesRecord.soonDays) ?? asOf
        let own: SQL = "s.executor_id = \(school) AND analytics.is_open(s.status) AND \(Withdrawal.planInForce())"
        let overdue: SQL = "analytics.is_overdue(s.status, s.due_on, \(asOf))"
        let soon: SQL = "s.due_on >= \(asOf) AND s.due_on <= \(soonUntil)"
        return try await database.withConnection { connection in
            let counts = try connection.query("""
                SELECT count(*) FILTER (WHERE \(overdue))::int AS overdue, count(*) FILTER (WHERE \(soon))::int AS soon,
                       count(*) FILTER (WHERE s.status = 'returned')::int AS returned, count(*)::int AS open
                FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id
                JOIN plans p ON p.id = g.plan_id
                WHERE \(own)
                """).first
            func list(_ condition: SQL, limit: Int) throws -> [AssignmentRecord] {
                try connection.query("""
                    \(AssignmentRecord.select) WHERE \(own) AND \(condition)
                    ORDER BY s.due_on NULLS LAST, s.id LIMIT \(limit)
                    """).rows.map { try AssignmentRecord(row: $0, asOf: asOf) }
            }
            return SchoolDeadlinesRecord(
                overdueCount: try counts?.decode(Int.self, "overdue") ?? 0,
                overdue: try list(overdue, limit: SchoolDeadlinesRecord.shown),
                soonCount: try counts?.decode(Int.self, "soon") ?? 0,
                soon: try list(soon, limit: SchoolDeadlinesRecord.shown),
                returnedCount: try counts?.decode(Int.self, "returned") ?? 0,
                returned: try list("s.status = 'returned'", limit: SchoolDeadlinesRecord.shown),
                openCount: try counts?.decode(Int.self, "open") ?? 0,
                open: try list("TRUE", limit: SchoolDeadlinesRecord.openShown))
        }
    }

    /// One assignment in one round trip.
    public func get(_ id: UUID, asOf: CalendarDate, scope: Principal) async throws -> AssignmentRecord {
        try await database.withConnection { connection in try Self.get(id, asOf: asOf, scope: scope, on: connection) }
    }

    static func get(_ id: UUID, asOf: CalendarDate, scope: Principal, forUpdate: Bool = false, on connection: PostgresConnection) throws -> AssignmentRecord {
        let statement: SQL = forUpdate
            ? "\(AssignmentRecord.select) WHERE s.id = \(id) FOR UPDATE OF s"
            : "\(AssignmentRecord.select) WHERE s.id = \(id)"
        guard let row = try connection.query(statement).first else {
            throw UseCaseError.notFound(entity: "assignment", id: id.lowercased)
        }
        let record = try AssignmentRecord(row: row, asOf: asOf)
        guard AccessPolicy(scope).read(ownedBy: record.executorID).isAllowed, !record.withdrawn || scope.role.seesEverything else {
            throw UseCaseError.notFound(entity: "assignment", id: id.lowercased)
        }
        if forUpdate, record.withdrawn {
            throw UseCaseError.conflict("The plan of this assignment is withdrawn; an administrator may restore it first.")
        }
        return record
    }

    /// Starts or cancels an assignment.
    public func update(_ id: UUID, transition: AssignmentTransition, reason: String?, ifVersion: Int?, asOf: CalendarDate, actor: Principal) async throws -> AssignmentRecord {
        let capability: Capability
        switch transition {
        case .start: capability = .startAssignment
        case .cancel: capability = .cancelAssignment
        default: throw UseCaseError.invalid(field: "status", reason: "may be set to in_progress or cancelled only")
        }
        return try await database.transaction { connection in
            let current = try Self.get(id, asOf: asOf, scope: actor, forUpdate: true, on: connection)
            try OrganizationStore.require(AccessPolicy(actor).may(capability, ownedBy: current.executorID))
            try UseCaseError.check(version: current.version, expected: ifVersion, entity: "assignment")
            let target = try Self.transition(current.status, transition)
            try connection.execute("""
                UPDATE assignments SET status = \(target.rawValue), status_changed_at = now(), version = version + 1, updated_at = now()
                WHERE id = \(id)
                """)
            try EventLog.record(connection, actor: actor, entityType: "assignment", entityID: id, event: transition == .start ? "started" : "cancelled",
                                reason: reason, data: ["from": current.status.rawValue, "to": target.rawValue])
            return try Self.get(id, asOf: asOf, scope: actor, on: connection)
        }
    }

    static func transition(_ status: AssignmentStatus, _ transition: AssignmentTransition) throws -> AssignmentStatus {
        do {
            return try status.applying(transition)
        } catch {
            throw UseCaseError.conflict("\(error)")
        }
    }
}
