import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The use case of an organisation's page (`OrganizationOverviewRecord`): the committee's
/// staff read any organisation's, a school its own; another school's is not found.
public struct OrganizationOverviewStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func overview(_ id: UUID, asOf: CalendarDate, scope: Principal) async throws -> OrganizationOverviewRecord {
        guard AccessPolicy(scope).read(ownedBy: id) == .allowed else {
            throw UseCaseError.notFound(entity: "organization", id: id.lowercased)
        }
        return try await database.withConnection { connection in
            let organization = try OrganizationStore.get(id, on: connection)
            let orderRows = try connection.query("""
                SELECT p.order_id, o.number, o.issued_on, o.title,
                       analytics.outcome(s.status, s.due_on, s.done_on, \(asOf)) AS outcome, count(*)::int AS n
                FROM assignments s
                JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
                JOIN orders o ON o.id = p.order_id
                WHERE s.executor_id = \(id) AND \(Withdrawal.planInForce())
                GROUP BY 1, 2, 3, 4, 5
                """).rows
            var orders: [UUID: OrganizationOverviewRecord.OrderLine] = [:]
            for row in orderRows {
                guard let outcome = ExecutionOutcome(rawValue: try row.decode(String.self, "outcome")) else { continue }
                let orderID = try row.decode(UUID.self, "order_id")
                let count = try row.decode(Int.self, "n")
                let tally = (orders[orderID]?.tally ?? .empty) + ExecutionTally(repeatElement(outcome, count: count))
                orders[orderID] = OrganizationOverviewRecord.OrderLine(
                    id: orderID, number: try row.decode(String.self, "number"), date: try row.decode(CalendarDate.self, "issued_on"),
                    title: try row.decode(String.self, "title"), tally: tally)
            }
            let overdueFilter: SQL = """
                s.executor_id = \(id) AND analytics.is_overdue(s.status, s.due_on, \(asOf)) AND \(Withdrawal.planInForce())
                """
            let overdue = try connection.query("""
                \(AssignmentRecord.select)
                WHERE \(overdueFilter)
                ORDER BY s.due_on, s.id LIMIT \(OrganizationOverviewRecord.overdueShown)
                """).rows.map { try AssignmentRecord(row: $0, asOf: asOf) }
            let overdueCount = try connection.query("""
                SELECT count(*)::int AS n FROM assignments s JOIN actions ac ON ac.id = s.action_id
                JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
                WHERE \(overdueFilter)
                """).first?.decode(Int.self, "n") ?? overdue.count
            let reports = try connection.query("""
                SELECT r.id, r.assignment_id, ac.title, o.number, r.done_on, r.created_at, r.status, r.text
                FROM reports r JOIN assignments s ON s.id = r.assignment_id JOIN actions ac ON ac.id = s.action_id
                JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id LEFT JOIN orders o ON o.id = p.order_id
                WHERE s.executor_id = \(id) AND \(Withdrawal.planInForce())
                ORDER BY r.created_at DESC, r.id LIMIT \(OrganizationOverviewRecord.reportsShown)
                """).rows.map { row in
                    OrganizationOverviewRecord.ReportLine(
                        id: try row.decode(UUID.self, "id"), assignmentID: try row.decode(UUID.self, "assignment_id"),
                        actionTitle: try row.decode(String.self, "title"), orderNumber: try row.decode(String?.self, "number"),
                        doneOn: try row.decode(CalendarDate.self, "done_on"), submittedAt: try row.decode(Date.self, "created_at"),
                        status: try Self.reportStatus(try row.decode(String.self, "status")),
                        text: try row.decode(String.self, "text"))
                }
            return OrganizationOverviewRecord(
                organization: organization, asOf: asOf,
                orders: orders.values.sorted { ($0.date, $0.number) > ($1.date, $1.number) },
                overdue: overdue, overdueCount: overdueCount, reports: reports)
        }
    }

    static func reportStatus(_ text: String) throws -> ReportStatus {
        guard let status = ReportStatus(rawValue: text) else {
            throw PostgresError(.unexpected, message: "a report's status is «\(text)», which this service does not know")
        }
        return status
    }
}
