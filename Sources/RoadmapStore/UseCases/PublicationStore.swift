import Foundation
import RoadmapDomain
import RoadmapPostgres

/// An order's public progress page (#17): the committee's staff publish an order and mark
/// accepted reports' texts public; anybody, signed in or not, reads what is published
/// (`PublicOrderRecord`), which names organisations and never a person.
public struct PublicationStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Puts the order's progress on its public page, or takes it off; doing what is already
    /// done changes nothing and records nothing.
    public func publish(orderID: UUID, published: Bool, asOf: CalendarDate, actor: Principal) async throws -> OrderRecord {
        try OrganizationStore.require(AccessPolicy(actor).may(.publishProgress))
        return try await database.transaction { connection in
            guard let row = try connection.query("""
                SELECT published_at, withdrawn_at FROM orders WHERE id = \(orderID) FOR UPDATE
                """).first else {
                throw UseCaseError.notFound(entity: "order", id: orderID.lowercased)
            }
            let current = try row.decode(Date?.self, "published_at") != nil
            if published, try row.decode(Date?.self, "withdrawn_at") != nil {
                throw UseCaseError.conflict("A withdrawn order is not published; restore it first.")
            }
            if current != published {
                try connection.execute(published
                    ? "UPDATE orders SET published_at = now(), updated_at = now() WHERE id = \(orderID)"
                    : "UPDATE orders SET published_at = NULL, updated_at = now() WHERE id = \(orderID)")
                try EventLog.record(connection, actor: actor, entityType: "order", entityID: orderID,
                                    event: published ? "published" : "unpublished")
            }
            return try OrderStore.get(orderID, asOf: asOf, scope: actor, on: connection)
        }
    }

    /// Marks an accepted report's text for the public page, or unmarks it.
    public func setReportPublic(_ reportID: UUID, isPublic: Bool, actor: Principal) async throws -> ReportRecord {
        try OrganizationStore.require(AccessPolicy(actor).may(.publishProgress))
        return try await database.transaction { connection in
            let report = try ReportStore.get(reportID, scope: actor, forUpdate: true, on: connection)
            guard report.status == .accepted || !isPublic else {
                throw UseCaseError.conflict("Only an accepted report's text may be made public; this one is \(report.status.rawValue).")
            }
            if report.isPublic != isPublic {
                try connection.execute("UPDATE reports SET public = \(isPublic) WHERE id = \(reportID)")
                try EventLog.record(connection, actor: actor, entityType: "report", entityID: reportID,
                                    event: isPublic ? "made_public" : "made_private")
            }
            return try ReportStore.get(reportID, scope: actor, on: connection)
        }
    }

    /// The orders whose progress is public, newest order first.
    public func published(limit: Int = 200) async throws -> [PublishedOrderRecord] {
        try await database.withConnection { connection in
            try connection.query("""
                SELECT o.id, o.number, o.issued_on, o.title, i.name AS issuer_name, o.published_at
                FROM orders o JOIN organizations i ON i.id = o.issuer_id
                WHERE o.published_at IS NOT NULL AND o.withdrawn_at IS NULL
                ORDER BY o.issued_on DESC, o.number, o.id LIMIT \(limit)
                """).rows.map { row in
                PublishedOrderRecord(
                    id: try row.decode(UUID.self, "id"), number: try row.decode(String.self, "number"),
                    date: try row.decode(CalendarDate.self, "issued_on"), title: try row.decode(String.self, "title"),
                    issuerName: try row.decode(String.self, "issuer_name"), publishedAt: try row.decode(Date.self, "published_at"))
            }
        }
    }

    /// A published order's public view as of `asOf`; an order not published (or withdrawn)
    /// is not found, whoever asks.
    public func publicOrder(_ orderID: UUID, asOf: CalendarDate) async throws -> PublicOrderRecord {
        try await database.withConnection { connection in
            guard let order = try connection.query("""
                SELECT o.id, o.number, o.issued_on, o.title, i.name AS issuer_name, o.published_at
                FROM orders o JOIN organizations i ON i.id = o.issuer_id
                WHERE o.id = \(orderID) AND o.published_at IS NOT NULL AND o.withdrawn_at IS NULL
                """).first else {
                throw UseCaseError.notFound(entity: "order", id: orderID.lowercased)
            }
            let goalRows = try connection.query("""
                SELECT g.id, g.position, g.title FROM goals g JOIN plans p ON p.id = g.plan_id
                WHERE p.order_id = \(orderID) AND \(Withdrawal.planInForce())
                ORDER BY p.position, g.position
                """).rows
            let goalIDs = try goalRows.map { try $0.decode(UUID.self, "id") }
            let actionRows = try connection.query("""
                SELECT ac.id, ac.goal_id, ac.position, ac.title, ac.expected_result, ac.deadline_text
                FROM actions ac WHERE ac.goal_id = ANY(\(goalIDs)) ORDER BY ac.goal_id, ac.position
                """).rows
            let actionIDs = try actionRows.map { try $0.decode(UUID.self, "id") }
            // Organisations only: persons are never assignments' executors. A report's text
            // comes only from an accepted report marked public.
            let lineRows = try connection.query("""
                SELECT s.action_id, s.executor_id, o.name, s.occurrence, s.due_on, s.status, s.done_on,
                       (SELECT r.text FROM reports r WHERE r.assignment_id = s.id AND r.status = 'accepted' AND r.public
                        ORDER BY r.created_at DESC LIMIT 1) AS public_text
                FROM assignments s JOIN organizations o ON o.id = s.executor_id
                WHERE s.action_id = ANY(\(actionIDs)) AND s.status <> 'cancelled'
                ORDER BY s.action_id, o.name, s.occurrence, s.id
                """).rows
            var lines: [UUID: [PublicOrderRecord.Line]] = [:]
            for row in lineRows {
                let statusText = try row.decode(String.self, "status")
                guard let status = AssignmentStatus(rawValue: statusText) else {
                    throw UseCaseError.conflict("an assignment has an unknown status «\(statusText)»")
                }
                let dueOn = try row.decode(CalendarDate?.self, "due_on")
                let doneOn = try row.decode(CalendarDate?.self, "done_on")
                lines[try row.decode(UUID.self, "action_id"), default: []].append(PublicOrderRecord.Line(
                    organizationID: try row.decode(UUID.self, "executor_id"), organizationName: try row.decode(String.self, "name"),
                    occurrence: try row.decode(Int.self, "occurrence"), dueOn: dueOn,
                    outcome: ExecutionOutcome(status: status, dueOn: dueOn, doneOn: doneOn, asOf: asOf), doneOn: doneOn,
                    publicReport: try row.decode(String?.self, "public_text")))
            }
            let positions = Dictionary(uniqueKeysWithValues: try goalRows.map {
                (try $0.decode(UUID.self, "id"), try $0.decode(Int.self, "position"))
            })
            var actionsByGoal: [UUID: [PublicOrderRecord.Action]] = [:]
            for row in actionRows {
                let id = try row.decode(UUID.self, "id")
                let goal = try row.decode(UUID.self, "goal_id")
                actionsByGoal[goal, default: []].append(PublicOrderRecord.Action(
                    number: "\(positions[goal] ?? 0).\(try row.decode(Int.self, "position"))", title: try row.decode(String.self, "title"),
                    expectedResult: try row.decode(String?.self, "expected_result"), deadlineText: try row.decode(String.self, "deadline_text"),
                    lines: lines[id] ?? []))
            }
            return PublicOrderRecord(
                id: orderID, number: try order.decode(String.self, "number"), date: try order.decode(CalendarDate.self, "issued_on"),
                title: try order.decode(String.self, "title"), issuerName: try order.decode(String.self, "issuer_name"),
                publishedAt: try order.decode(Date.self, "published_at"), asOf: asOf,
                goals: try goalRows.map { row in
                    PublicOrderRecord.Goal(position: try row.decode(Int.self, "position"), title: try row.decode(String.self, "title"),
                                           actions: actionsByGoal[try row.decode(UUID.self, "id")] ?? [])
                })
        }
    }
}
