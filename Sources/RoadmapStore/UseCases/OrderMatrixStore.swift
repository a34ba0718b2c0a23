import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The order as a table of schools by actions (`OrderMatrixRecord`). Schools come by name
/// after a keyset cursor (from the kept `plan_executors`), actions in plan order from a given
/// one; the cells are read for the page's schools and actions only, one probe of the
/// assignments' unique key per cell. Each school's overdue work in the order is added up from
/// the open work kept per plan, school and month (`plan_executor_open_months`), and counted
/// by day only in the asked day's own month.
public struct OrderMatrixStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The page of the matrix whose columns start at `columnsFrom` (an action of the order;
    /// nil or unknown: the first) and whose rows follow `rowsAfter` (a school of the
    /// previous page; nil or unknown: the first). A school sees its own row only.
    public func matrix(
        orderID: UUID, filter: OrderMatrixRecord.Filter, columnsFrom: UUID? = nil, rowsAfter: UUID? = nil,
        asOf: CalendarDate, scope: Principal
    ) async throws -> OrderMatrixRecord {
        try await database.withConnection { connection in
            let order = try OrderStore.get(orderID, asOf: asOf, scope: scope, on: connection)
            let plans = try connection.query(.prepared("""
                SELECT id FROM plans p WHERE p.order_id = \(orderID) AND \(Withdrawal.planInForce()) ORDER BY p.position
                """)).rows.map { try $0.decode(UUID.self, "id") }
            let goalRows = try connection.query(.prepared("""
                SELECT g.id, g.position FROM goals g WHERE g.plan_id = ANY(\(plans))
                ORDER BY array_position(\(plans)::uuid[], g.plan_id), g.position
                """)).rows
            let goalPositions = Dictionary(uniqueKeysWithValues: try goalRows.map {
                (try $0.decode(UUID.self, "id"), try $0.decode(Int.self, "position"))
            })
            let goalIDs = try goalRows.map { try $0.decode(UUID.self, "id") }
            let size = OrderMatrixRecord.columnsPerPage
            let (shown, start, columnCount, previous, next) = try Self.columns(
                from: columnsFrom, goals: goalIDs, size: size, scope: scope, on: connection)
            let shownIDs = shown.map(\.id)
            let titles = Dictionary(uniqueKeysWithValues: try connection.query(.prepared("""
                SELECT id, title FROM actions WHERE id = ANY(\(shownIDs))
                """)).rows.map { (try $0.decode(UUID.self, "id"), try $0.decode(String.self, "title")) })
            let columns = shown.map { place in
                OrderMatrixRecord.Column(
                    id: place.id, number: "\(goalPositions[place.goal] ?? 0).\(place.position)", title: titles[place.id] ?? "")
            }

            // The rows: schools executing something in the order, by name, after the cursor.
            var conditions: [SQL] = [scope.role.seesEverything ? "TRUE" : "o.id = \(scope.organizationID)"]
            if let name = filter.executorName?.trimmingCharacters(in: .whitespaces), !name.isEmpty,
               let matching = OrganizationStore.nameMatches(name) {
                conditions.append(matching)
            }
            // Overdue work in the order: whole months before `asOf`'s from the counts kept per
            // plan, school and month, the days of its own month from the assignments (a school's
            // few, each joined with its plan: a list of the order's 1,000 actions took PostgreSQL
            // longer to plan than the statement took to run).
            let month = asOf.firstOfMonth
            if filter.overdueOnly {
                conditions.append("""
                    (EXISTS (SELECT 1 FROM plan_executor_open_months m
                             WHERE m.plan_id = ANY(\(plans)) AND m.executor_id = o.id AND m.month < \(month) AND m.n > 0)
                     OR EXISTS (SELECT 1 FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id
                                WHERE s.executor_id = o.id AND analytics.is_open(s.status) AND s.due_on >= \(month)
                                  AND s.due_on < \(asOf) AND g.plan_id = ANY(\(plans))))
                    """)
            }
            // An unknown cursor (a forged or stale link) starts from the first school.
            if let rowsAfter, let name = try connection.query("SELECT name FROM organizations WHERE id = \(rowsAfter)").first?
                .decode(String.self, "name") {
                conditions.append("(o.name, o.id) > (\(name), \(rowsAfter))")
            }
            let limit = OrderMatrixRecord.rowsPerPage
            let organizations = try connection.query("""
                SELECT o.id, o.name FROM organizations o
                WHERE \(SQL.joined(conditions, separator: " AND ")) AND EXISTS (
                    SELECT 1 FROM plan_executors pe WHERE pe.organization_id = o.id AND pe.plan_id = ANY(\(plans)) AND pe.actions > 0)
                ORDER BY o.name, o.id LIMIT \(limit + 1)
                """).rows.map { OrderBoardRecord.Organization(id: try $0.decode(UUID.self, "id"), name: try $0.decode(String.self, "name")) }
            let pageRows = Array(organizations.prefix(limit))
            let rowIDs = pageRows.map(\.id)

            // The cells, counted per school, action and status; and each school's overdue work
            // in the whole order. Each action's cells are read through its own index entries,
            // the page's schools in one index condition (OFFSET 0 keeps the subquery per action):
            // both lists in one condition over all the assignments, PostgreSQL's estimates on a
            // freshly analysed region ANDed the actions' 6,000 entries with the 69,000 of the
            // schools' index (11 ms against 1.7), or read the schools' index alone (8 ms).
            // Prepared, as the statements above whose plan the values bound do not change: the
            // cells' statement took PostgreSQL 0.8 ms to plan on the region, half its run (the
            // overdue sums below and the rows above were tried prepared too, and PostgreSQL
            // judged its generic plans dearer and planned them at every call anyway). The
            // cells are counted here by the domain's rule as their rows come: a cell is mostly
            // one assignment, and grouping them in PostgreSQL (a sort of the page's 600 rows and
            // each id made text) cost as much as reading them.
            struct Key: Hashable { let executor: UUID, action: UUID }
            let cellRows = try connection.query(.prepared("""
                SELECT s.executor_id, s.action_id, s.status, s.due_on, s.id
                FROM unnest(\(shownIDs)::uuid[]) AS a(id)
                CROSS JOIN LATERAL (SELECT s.id, s.executor_id, s.action_id, s.status, s.due_on FROM assignments s
                                    WHERE s.action_id = a.id AND s.executor_id = ANY(\(rowIDs)) OFFSET 0) s
                """)).rows
            var rollups: [Key: Rollup] = [:]
            // Each cell's assignment, a link when the cell is one.
            var single: [Key: UUID] = [:]
            rollups.reserveCapacity(cellRows.count)
            single.reserveCapacity(cellRows.count)
            for row in cellRows {
                guard let status = AssignmentStatus(rawValue: try row.decode(String.self, at: 2)) else { continue }
                let key = Key(executor: try row.decode(UUID.self, at: 0), action: try row.decode(UUID.self, at: 1))
                rollups[key, default: .empty].add(AssignmentFact(status: status, dueDay: try row.decode(CalendarDate?.self, at: 3)), asOf: asOf)
                single[key] = try row.decode(UUID.self, at: 4)
            }
            let overdue = Dictionary(uniqueKeysWithValues: try connection.query("""
                SELECT c.executor_id, sum(c.n)::int AS n FROM (
                    SELECT m.executor_id, m.n FROM plan_executor_open_months m
                    WHERE m.plan_id = ANY(\(plans)) AND m.executor_id = ANY(\(rowIDs)) AND m.month < \(month)
                    UNION ALL
                    SELECT s.executor_id, 1 FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id
                    WHERE s.executor_id = ANY(\(rowIDs)) AND analytics.is_open(s.status) AND s.due_on >= \(month)
                      AND s.due_on < \(asOf) AND g.plan_id = ANY(\(plans))) c
                GROUP BY 1
                """).rows.map { (try $0.decode(UUID.self, "executor_id"), try $0.decode(Int.self, "n")) })

            let rows = pageRows.map { organization in
                OrderMatrixRecord.Row(
                    organization: organization, overdue: overdue[organization.id] ?? 0,
                    cells: columns.map { column in
                        let key = Key(executor: organization.id, action: column.id)
                        return rollups[key].map { rollup in
                            OrderMatrixRecord.Cell(rollup: rollup, assignmentID: rollup.total == 1 ? single[key] : nil)
                        }
                    })
            }
            return OrderMatrixRecord(
                order: order, filter: filter, columns: columns, columnCount: columnCount, firstColumn: shown.isEmpty ? 0 : start + 1,
                previousColumnsFrom: previous, nextColumnsFrom: next, rows: rows,
                nextRowsAfter: organizations.count > limit ? pageRows.last?.id : nil)
        }
    }

    /// The page of `size` columns from `first` (nil or not among them: from the first), where it
    /// starts among the `count` actions `scope` sees, and the first columns of the pages before
    /// and after it. The committee's page is cut by PostgreSQL through each goal's actions by
    /// position: the order's thousand actions are not read to show twelve. A school's own
    /// actions are found by probing its assignments for every action of the order, so one read
    /// of their places costs it less than the cut's three statements (on the region's largest
    /// order, 1.5 ms against 1.5 ms for the counts alone and 2.4 ms for the page before).
    private static func columns(
        from first: UUID?, goals: [UUID], size: Int, scope: Principal, on connection: PostgresConnection
    ) throws -> (shown: [(id: UUID, goal: UUID, position: Int)], start: Int, count: Int, previous: UUID?, next: UUID?) {
        guard scope.role.seesEverything else {
            let places = try OrderBoardStore.places(goals: goals, scope: scope, on: connection)
            let start = first.flatMap { id in places.firstIndex { $0.id == id } } ?? 0
            return (Array(places[start...].prefix(size)), start, places.count,
                    start > 0 ? places[max(0, start - size)].id : nil,
                    start + size < places.count ? places[start + size].id : nil)
        }
        let cut = try OrderBoardStore.cut(goals: goals, after: first, including: true, size: size + 1, scope: scope, on: connection)
        let shown = Array(cut.page.prefix(size))
        let previous = try shown.first.flatMap { anchor in
            cut.start > 0 ? try OrderBoardStore.start(ofPageBefore: anchor.id, size: size, goals: goals, scope: scope, on: connection) : nil
        }
        return (shown, cut.start, cut.count, previous, cut.page.count > size ? cut.page[size].id : nil)
    }
}
