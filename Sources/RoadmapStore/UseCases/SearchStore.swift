import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Search by words: actions and orders by PostgreSQL's full-text search with the Russian
/// configuration (each word a prefix, all required), organisations by trigram similarity of
/// their normalised names and aliases. An executor finds only what it may see: the actions
/// it executes and their orders; nobody finds what was withdrawn.
public struct SearchStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func search(_ text: String, limit: Int = 20, scope: Principal) async throws -> SearchResults {
        let query: SearchQuery
        do {
            query = try SearchQuery(text)
        } catch {
            throw UseCaseError.invalid(field: "q", reason: error.description)
        }
        let limit = min(max(limit, 1), 50)
        let tsquery = query.prefixQuery
        let name = OrganizationName(query.text).key
        let pattern = "%" + name.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
        return try await database.withConnection { connection in
            let actions = try connection.query("""
                SELECT ac.id, ac.title, ac.section, ac.deadline_text, p.order_id, o.number, o.issued_on
                FROM actions ac JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
                LEFT JOIN orders o ON o.id = p.order_id
                WHERE ac.search @@ to_tsquery('russian', \(tsquery)) AND \(Withdrawal.planInForce())
                  AND \(RollupQuery.actionVisible(to: scope))
                ORDER BY ts_rank(ac.search, to_tsquery('russian', \(tsquery))) DESC, o.issued_on DESC NULLS LAST, ac.id
                LIMIT \(limit)
                """).rows.map { row in
                SearchResults.ActionHit(
                    id: try row.decode(UUID.self, "id"), title: try row.decode(String.self, "title"),
                    section: try row.decode(String?.self, "section"), deadlineText: try row.decode(String.self, "deadline_text"),
                    orderID: try row.decode(UUID?.self, "order_id"), orderNumber: try row.decode(String?.self, "number"),
                    orderDate: try row.decode(CalendarDate?.self, "issued_on"))
            }
            let orders = try connection.query("""
                SELECT o.id, o.number, o.issued_on, o.title FROM orders o
                WHERE o.search @@ (to_tsquery('simple', \(tsquery)) || to_tsquery('russian', \(tsquery)))
                  AND o.withdrawn_at IS NULL AND \(OrderStore.visible(to: scope))
                ORDER BY ts_rank(o.search, to_tsquery('russian', \(tsquery))) DESC, o.issued_on DESC, o.id
                LIMIT \(limit)
                """).rows.map { row in
                SearchResults.OrderHit(
                    id: try row.decode(UUID.self, "id"), number: try row.decode(String.self, "number"),
                    date: try row.decode(CalendarDate.self, "issued_on"), title: try row.decode(String.self, "title"))
            }
            var organizations: [SearchResults.OrganizationHit] = []
            if !name.isEmpty {
                organizations = try connection.query("""
                    SELECT o.id, o.name, o.kind, greatest(similarity(o.normalized_name, \(name)),
                           coalesce((SELECT max(similarity(a.normalized_alias, \(name))) FROM organization_aliases a
                                     WHERE a.organization_id = o.id), 0)) AS score
                    FROM organizations o
                    WHERE o.normalized_name % \(name) OR o.normalized_name LIKE \(pattern)
                       OR o.id IN (SELECT a.organization_id FROM organization_aliases a
                                   WHERE a.normalized_alias % \(name) OR a.normalized_alias LIKE \(pattern))
                    ORDER BY score DESC, o.name, o.id
                    LIMIT \(limit)
                    """).rows.map { row in
                    SearchResults.OrganizationHit(
                        id: try row.decode(UUID.self, "id"), name: try row.decode(String.self, "name"), kind: try row.decode(String.self, "kind"))
                }
            }
            return SearchResults(query: query.text, actions: actions, orders: orders, organizations: organizations)
        }
    }
}
