import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// The order as a table of schools by actions (#16): one mark per school and action, the
/// schools by name after a keyset cursor, the actions a page of columns at a time, the
/// filters, and a school that sees only its own row.
@Suite("Order matrix")
struct OrderMatrixTests {
    typealias Crowd = OrderBoardTests.Crowd

    private func marks(_ matrix: OrderMatrixRecord, _ name: String) -> [ProgressMark?] {
        matrix.rows.first { $0.organization.name == name }?.cells.map { $0?.mark } ?? []
    }

    @Test func theCommitteeSeesEverySchoolByEveryAction() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            let matrices = OrderMatrixStore(database: world.database)
            let matrix = try await matrices.matrix(orderID: world.orderID, filter: .init(), asOf: world.today, scope: world.coordinator)
            #expect(matrix.columns.map(\.id) == [world.sharedAction, world.onlyB, crowd.action])
            #expect(matrix.columns.map(\.number) == ["1.1", "1.2", "1.3"])
            #expect(matrix.columnCount == 3 && matrix.firstColumn == 1)
            #expect(matrix.previousColumnsFrom == nil && matrix.nextColumnsFrom == nil)
            #expect(matrix.rows.count == 32, "30 gymnasiums and the two schools")
            #expect(matrix.rows.first?.organization.name == "Гимназия № 101")
            #expect(matrix.nextRowsAfter == nil)
            // Accepted, reported after its deadline, not reported at all.
            #expect(marks(matrix, "Гимназия № 101") == [nil, nil, .done])
            #expect(marks(matrix, "Гимназия № 104") == [nil, nil, .overdue], "a report still waiting when the deadline passed is late")
            #expect(marks(matrix, "Гимназия № 130") == [nil, nil, .overdue])
            #expect(marks(matrix, "МАОУ СОШ № 5") == [.overdue, nil, nil])
            #expect(marks(matrix, "МБОУ Лицей № 14") == [.overdue, .planned, nil], "April's olympiad is not late on 15 April")
            let lyceum = try #require(matrix.rows.first { $0.organization.id == world.schoolBID })
            #expect(lyceum.overdue == 1)
            #expect(lyceum.cells[0]?.assignmentID == world.assignmentB, "one assignment: the cell links to it")
            #expect(matrix.rows.first { $0.organization.name == "Гимназия № 101" }?.overdue == 0)
        }
    }

    /// A cell of a recurring action holds all the school's occurrences: counted by status,
    /// overdue and earliest open day as a count from scratch has them, and linking to none.
    @Test func aCellOfManyOccurrencesCountsThemAll() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            let goal = try await PlanStore(database: world.database).createGoal(orderID: world.orderID, title: "Отчёты", actor: world.coordinator)
            let action = try await PlanStore(database: world.database).createAction(
                goalID: goal.id, ActionChange(title: "Ежемесячный отчёт", deadline: "ежемесячно", executorIDs: [world.schoolAID]),
                asOf: world.today, actor: world.coordinator).id
            let matrix = try await OrderMatrixStore(database: world.database).matrix(
                orderID: world.orderID, filter: .init(), asOf: world.today, scope: world.coordinator)
            let column = try #require(matrix.columns.firstIndex { $0.id == action })
            let cell = try #require(matrix.rows.first { $0.organization.id == world.schoolAID }?.cells[column])
            let facts = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT status, due_on FROM assignments WHERE action_id = \(action)").rows.map {
                    AssignmentFact(status: try #require(AssignmentStatus(rawValue: try $0.decode(String.self, "status"))),
                                   dueDay: try $0.decode(CalendarDate?.self, "due_on"))
                }
            }
            #expect(facts.count > 1, "ежемесячно: one assignment per month of the plan")
            #expect(cell.rollup == Rollup(facts, asOf: world.today))
            #expect(cell.rollup.overdue > 0, "the months before 15 April are late")
            #expect(cell.assignmentID == nil, "a cell of many links to none of them")
            #expect(matrix.rows.filter { $0.organization.id != world.schoolAID }.allSatisfy { $0.cells[column] == nil })
        }
    }

    /// More actions than a page of columns, over two goals: twelve at a time in plan order,
    /// each page linking to the first of the pages before and after it, numbered by goal and
    /// position; a school pages through its own actions only.
    @Test func columnsPageInPlanOrderAcrossGoals() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            let plans = PlanStore(database: world.database)
            let second = try await plans.createGoal(orderID: world.orderID, title: "Вторая цель", actor: world.coordinator)
            var added: [UUID] = []
            for number in 1...14 {
                added.append(try await plans.createAction(
                    goalID: second.id,
                    ActionChange(title: "Мероприятие \(number)", deadline: "Май 2019", executorIDs: number.isMultiple(of: 2) ? [world.schoolAID] : [world.schoolBID]),
                    asOf: world.today, actor: world.coordinator).id)
            }
            let order = [world.sharedAction, world.onlyB, crowd.action] + added
            let size = OrderMatrixRecord.columnsPerPage
            let matrices = OrderMatrixStore(database: world.database)
            let first = try await matrices.matrix(orderID: world.orderID, filter: .init(), asOf: world.today, scope: world.coordinator)
            #expect(first.columns.map(\.id) == Array(order.prefix(size)))
            #expect(first.columns.map(\.number).suffix(2) == ["2.8", "2.9"])
            #expect((first.columnCount, first.firstColumn) == (17, 1))
            #expect(first.previousColumnsFrom == nil && first.nextColumnsFrom == order[size])
            let rest = try await matrices.matrix(
                orderID: world.orderID, filter: .init(), columnsFrom: first.nextColumnsFrom, asOf: world.today, scope: world.coordinator)
            #expect(rest.columns.map(\.id) == Array(order[size...]))
            #expect(rest.columns.map(\.title).last == "Мероприятие 14")
            #expect((rest.firstColumn, rest.previousColumnsFrom, rest.nextColumnsFrom) == (size + 1, order[0], nil))
            let fifth = try await matrices.matrix(
                orderID: world.orderID, filter: .init(), columnsFrom: order[4], asOf: world.today, scope: world.coordinator)
            #expect(fifth.columns.map(\.id) == Array(order[4..<(4 + size)]))
            #expect((fifth.firstColumn, fifth.previousColumnsFrom, fifth.nextColumnsFrom) == (5, order[0], order[4 + size]))
            // A page whose previous page starts in the middle of the first goal's actions.
            let last = try await matrices.matrix(
                orderID: world.orderID, filter: .init(), columnsFrom: order[14], asOf: world.today, scope: world.coordinator)
            #expect(last.columns.map(\.id) == Array(order[14...]))
            #expect((last.firstColumn, last.columnCount, last.previousColumnsFrom, last.nextColumnsFrom) == (15, 17, order[2], nil))
            // School B's own actions: the shared one, its own, and the seven odd ones of the second goal.
            let asB = try await matrices.matrix(orderID: world.orderID, filter: .init(), asOf: world.today, scope: world.schoolB)
            let ownOfB = [world.sharedAction, world.onlyB] + added.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element)
            #expect(asB.columns.map(\.id) == ownOfB)
            #expect((asB.columnCount, asB.nextColumnsFrom) == (9, nil))
            let fromFourth = try await matrices.matrix(
                orderID: world.orderID, filter: .init(), columnsFrom: ownOfB[3], asOf: world.today, scope: world.schoolB)
            #expect(fromFourth.columns.map(\.id) == Array(ownOfB[3...]))
            #expect((fromFourth.firstColumn, fromFourth.columnCount, fromFourth.previousColumnsFrom) == (4, 9, ownOfB[0]))
            // An action school B does not execute starts its matrix from the first, as an unknown one.
            let notOwn = try await matrices.matrix(
                orderID: world.orderID, filter: .init(), columnsFrom: added[1], asOf: world.today, scope: world.schoolB)
            #expect(notOwn.columns.map(\.id) == ownOfB && notOwn.firstColumn == 1 && notOwn.previousColumnsFrom == nil)
        }
    }

    @Test func pagesFiltersAndForgedCursors() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            let matrices = OrderMatrixStore(database: world.database)
            let all = try await matrices.matrix(orderID: world.orderID, filter: .init(), asOf: world.today, scope: world.coordinator)
            let last = try #require(all.rows.first { $0.organization.name == "Гимназия № 130" })

            // Rows after a school: by name, then id.
            let after = try await matrices.matrix(
                orderID: world.orderID, filter: .init(), rowsAfter: last.organization.id, asOf: world.today, scope: world.coordinator)
            #expect(after.rows.map(\.organization.name) == ["МАОУ СОШ № 5", "МБОУ Лицей № 14"])
            // Columns from the third action: the previous page starts at the first.
            let third = try await matrices.matrix(
                orderID: world.orderID, filter: .init(), columnsFrom: crowd.action, asOf: world.today, scope: world.coordinator)
            #expect(third.columns.map(\.id) == [crowd.action])
            #expect(third.firstColumn == 3 && third.previousColumnsFrom == world.sharedAction)
            #expect(third.rows.count == 32, "every school stays a row, even with no work in these columns")

            // Forged cursors start from the first page; they never empty it.
            let forged = try await matrices.matrix(
                orderID: world.orderID, filter: .init(), columnsFrom: UUID(), rowsAfter: UUID(), asOf: world.today, scope: world.coordinator)
            #expect(forged.rows.count == 32 && forged.firstColumn == 1)

            // Only schools with overdue work: the three gymnasiums accepted in time drop out.
            let late = try await matrices.matrix(orderID: world.orderID, filter: .init(overdueOnly: true), asOf: world.today, scope: world.coordinator)
            #expect(late.rows.count == 29)
            #expect(!late.rows.contains { ["Гимназия № 101", "Гимназия № 102", "Гимназия № 103"].contains($0.organization.name) })
            // By name (or alias), as words.
            let lyceum = try await matrices.matrix(
                orderID: world.orderID, filter: .init(executorName: "лицей 14"), asOf: world.today, scope: world.coordinator)
            #expect(lyceum.rows.map(\.organization.id) == [world.schoolBID])
            let nobody = try await matrices.matrix(
                orderID: world.orderID, filter: .init(executorName: "детский сад"), asOf: world.today, scope: world.coordinator)
            #expect(nobody.rows.isEmpty)
        }
    }

    @Test func aSchoolSeesOnlyItsOwnRowAndColumns() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            let matrices = OrderMatrixStore(database: world.database)
            for (school, id, columns) in [(world.schoolA, world.schoolAID, [world.sharedAction]),
                                          (world.schoolB, world.schoolBID, [world.sharedAction, world.onlyB])] {
                // A school cannot widen its view with a name.
                let matrix = try await matrices.matrix(
                    orderID: world.orderID, filter: .init(executorName: "гимназия"), asOf: world.today, scope: school)
                #expect(matrix.rows.isEmpty, "the name filter narrows the school's own row, it cannot show others")
                let own = try await matrices.matrix(orderID: world.orderID, filter: .init(), asOf: world.today, scope: school)
                #expect(own.rows.map(\.organization.id) == [id])
                #expect(own.columns.map(\.id) == columns)
            }
            // The viewer sees what the committee sees; an unknown order is not found.
            let viewed = try await matrices.matrix(orderID: world.orderID, filter: .init(), asOf: world.today, scope: world.viewer)
            #expect(viewed.rows.count == 32)
            await #expect(throws: UseCaseError.self) {
                _ = try await matrices.matrix(orderID: UUID(), filter: .init(), asOf: world.today, scope: world.coordinator)
            }
        }
    }

    /// Each school's overdue work in the order is added up from counts kept per plan, school
    /// and month, the asked day's own month counted by day. On days before, inside and after a
    /// month with work due on both sides of the day, with the same schools late in another
    /// order, it equals a count from scratch, and «только просроченные» keeps exactly the
    /// schools with a count.
    @Test func eachSchoolsOverdueWorkEqualsACountFromScratchOnAnyDay() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            // Work due on 10 and 20 March besides the action's 31 March.
            try await crowd.moveThreeToMarchDays()
            // Another order, late for every gymnasium since February.
            let other = try await OrderStore(database: world.database).create(
                OrderChange(number: "771", date: CalendarDate(iso: "2018-12-20"), issuerID: world.committeeID, title: "Другой приказ"),
                actor: world.coordinator)
            let plans = PlanStore(database: world.database)
            let goal = try await plans.createGoal(orderID: other.id, title: "Другая цель", actor: world.coordinator)
            _ = try await plans.createAction(
                goalID: goal.id, ActionChange(title: "Отчёт", deadline: "Февраль 2019", executorIDs: crowd.schools),
                asOf: world.today, actor: world.coordinator)

            let matrices = OrderMatrixStore(database: world.database)
            for iso in ["2019-02-15", "2019-03-01", "2019-03-10", "2019-03-11", "2019-03-20", "2019-03-21", "2019-03-31",
                        "2019-04-01", "2019-04-15", "2019-05-01", "2020-01-01"] {
                let day = try #require(CalendarDate(iso: iso))
                let counted = try await lease.pool.withConnection { (connection) throws in
                    Dictionary(uniqueKeysWithValues: try connection.query("""
                        SELECT s.executor_id, count(*)::int AS n
                        FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id
                        JOIN plans p ON p.id = g.plan_id
                        WHERE p.order_id = \(world.orderID) AND analytics.is_overdue(s.status, s.due_on, \(day)) GROUP BY 1
                        """).rows.map { (try $0.decode(UUID.self, "executor_id"), try $0.decode(Int.self, "n")) })
                }
                let matrix = try await matrices.matrix(orderID: world.orderID, filter: .init(), asOf: day, scope: world.coordinator)
                #expect(matrix.rows.count == 32)
                for row in matrix.rows {
                    #expect(row.overdue == counted[row.organization.id] ?? 0, "\(row.organization.name) as of \(iso)")
                }
                let late = try await matrices.matrix(
                    orderID: world.orderID, filter: .init(overdueOnly: true), asOf: day, scope: world.coordinator)
                #expect(Set(late.rows.map(\.organization.id)) == Set(counted.filter { $0.value > 0 }.keys), "only overdue as of \(iso)")
            }
        }
    }
}
