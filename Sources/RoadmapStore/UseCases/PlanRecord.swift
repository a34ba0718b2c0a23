import Foundation
import RoadmapDomain
import RoadmapPostgres

/// A plan as a whole: what an import wrote, found to be withdrawn or restored.
public struct PlanRecord: Sendable, Hashable {
    public let id: UUID
    /// The order approving it, nil for a plan imported without one.
    public let orderID: UUID?
    /// «№ 770 от 25.06.2018», when the plan has an order.
    public let orderNumber: String?
    public let orderDate: CalendarDate?
    public let title: String
    /// The file it was first imported from, if it came from one.
    public let sourceName: String?
    public let actions: Int
    public let assignments: Int
    public let createdAt: Date
    /// When it was withdrawn (with its order, or alone); nil while in force.
    public let withdrawnAt: Date?

    init(row: PostgresRow) throws {
        id = try row.decode(UUID.self, "id")
        orderID = try row.decode(UUID?.self, "order_id")
        orderNumber = try row.decode(String?.self, "number")
        orderDate = try row.decode(CalendarDate?.self, "issued_on")
        title = try row.decode(String.self, "title")
        sourceName = try row.decode(String?.self, "source_name")
        actions = try row.decode(Int.self, "actions")
        assignments = try row.decode(Int.self, "assignments")
        createdAt = try row.decode(Date.self, "created_at")
        withdrawnAt = try row.decode(Date?.self, "withdrawn_at")
    }

    /// The name people know it by: its title, else its file.
    public var name: String {
        title.isEmpty ? (sourceName ?? "") : title
    }

    static let select: SQL = """
        SELECT p.id, p.order_id, o.number, o.issued_on, p.title, p.source_name, p.created_at, p.withdrawn_at,
               (SELECT count(*)::int FROM goals g JOIN actions ac ON ac.goal_id = g.id WHERE g.plan_id = p.id) AS actions,
               (SELECT count(*)::int FROM goals g JOIN actions ac ON ac.goal_id = g.id JOIN assignments s ON s.action_id = ac.id
                 WHERE g.plan_id = p.id) AS assignments
        FROM plans p LEFT JOIN orders o ON o.id = p.order_id
        """
}
