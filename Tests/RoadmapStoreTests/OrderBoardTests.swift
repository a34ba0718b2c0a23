import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// The order page for many executors (#16): counts per action from the kept roll-ups, the
/// late executors first, an action's executors paged, the executor and month filters, and the
/// check that recomputes the kept counts.
@Suite("Order board and kept roll-ups")
struct OrderBoardTests {
    typealias World = UseCaseRoleTests.World

    /// The role world plus an action for 30 more schools, due in March 2019 (overdue on
    /// 15 April), of which the first five reported and the first three were accepted.
    struct Crowd {
        let world: World
        let action: UUID
        let schools: [UUID]

        static func make(_ database: Database) async throws -> Crowd {
            let world = try await World.make(database)
            let organizations = OrganizationStore(database: database)
            var schools: [UUID] = []
            for number in 1...30 {
                let school = try await organizations.create(
                    OrganizationChange(name: "Гимназия № \(100 + number)", kind: "school"), actor: world.coordinator)
                schools.append(school.id)
            }
            let users = UserStore(database: database)
            for (index, id) in schools.prefix(5).enumerated() {
                _ = try await users.addUser(login: "g\(index)", role: .executor, organizationID: id, actor: world.admin)
            }
            let action = try await PlanStore(database: database).createAction(
                goalID: world.goalID, ActionChange(title: "Мониторинг", deadline: "Март 2019", executorIDs: schools),
                asOf: world.today, actor: world.coordinator)
            let assignments = AssignmentStore(database: database)
            let reports = ReportStore(database: database)
            for index in 0..<5 {
                let actor = try await users.actor(login: "g\(index)", commandLine: "test")
                let own = try await assignments.list(
                    AssignmentFilter(actionID: action.id), asOf: world.today, limit: 10, cursor: nil, scope: actor).items
                let report = try await reports.submit(
                    assignmentID: try #require(own.first).id,
                    ReportSubmission(doneOn: try #require(CalendarDate(iso: "2019-03-20")), text: "Проведён"),
                    idempotencyKey: nil, actor: actor)
                if index < 3 {
                    _ = try await reports.review(report.report.id, decision: .accept, comment: nil, ifVersion: nil, actor: world.coordinator)
                }
            }
            return Crowd(world: world, action: action.id, schools: schools)
        }

        /// Three planned assignments of the action moved to 10, 20 and 20 March, so the
        /// action's month has work due on both sides of days within it.
        func moveThreeToMarchDays() async throws {
            let open = try await AssignmentStore(database: world.database).list(
                AssignmentFilter(actionID: action, status: .planned), asOf: world.today, limit: 3, cursor: nil,
                scope: world.coordinator).items
            #expect(open.count == 3)
            let moves = DeadlineMoveStore(database: world.database)
            for (assignment, day) in zip(open, ["2019-03-10", "2019-03-20", "2019-03-20"]) {
                _ = try await moves.move(
                    assignmentID: assignment.id, to: try #require(CalendarDate(iso: day)), reason: "Перенос", ifVersion: nil,
                    actor: world.coordinator)
            }
        }
    }

    @Test func anActionForThirtySchoolsShowsItsCountsAndTheLateFirst() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            let boards = OrderBoardStore(database: world.database)
            let board = try await boards.board(orderID: world.orderID, filter: .init(), asOf: world.today, scope: world.coordinator)
            let row = try #require(board.goals.flatMap(\.actions).first { $0.record.id == crowd.action })
            #expect(row.rollup.total == 30)
            #expect(row.rollup.count(.done) == 3)
            #expect(row.rollup.count(.reported) == 2)
            #expect(row.rollup.overdue == 27, "not done by 31 March: reported ones too")
            #expect(row.record.organizationCount == 30)
            #expect(row.shown.count == OrderBoardRecord.lateShown, "three late executors, the rest on the action's page")
            #expect(row.shown.filter { !$0.overdue }.isEmpty)
            // The shared action of two schools shows both, late first.
            let shared = try #require(board.goals.flatMap(\.actions).first { $0.record.id == world.sharedAction })
            #expect(shared.shown.count == 2)
            #expect(board.months.map(\.first.iso) == ["2019-03-01", "2019-04-01"])
            #expect(board.months.first?.rollup.total == 32)
            // The order's counts, read with the months, are the order's own; under any filter too.
            let whole = try await OrderStore(database: world.database).get(world.orderID, asOf: world.today, scope: world.coordinator).rollup
            #expect(whole.total >= 33, "the work due in March and in April")
            #expect(board.order.rollup == whole)
            let forB = try await boards.board(
                orderID: world.orderID, filter: .init(executorID: world.schoolBID), asOf: world.today, scope: world.coordinator)
            #expect(forB.order.rollup == whole)
            // School B's months and actions come from one read of its assignments.
            #expect(forB.months.map(\.first.iso) == ["2019-03-01", "2019-04-01"])
            #expect(forB.months.reduce(0) { $0 + $1.rollup.total } == forB.goals.flatMap(\.actions).reduce(0) { $0 + $1.rollup.total })
            let bInApril = try await boards.board(
                orderID: world.orderID, filter: .init(executorID: world.schoolBID, month: CalendarDate(iso: "2019-04-01")),
                asOf: world.today, scope: world.coordinator)
            #expect(bInApril.goals.flatMap(\.actions).map(\.record.id) == [world.onlyB])
            #expect(bInApril.months == forB.months)

            // «Только просроченные»: the April action of school B is not yet late on 15 April.
            let late = try await boards.board(orderID: world.orderID, filter: .init(overdueOnly: true), asOf: world.today, scope: world.coordinator)
            #expect(Set(late.goals.flatMap(\.actions).map(\.record.id)) == [crowd.action, world.sharedAction])
            // The goal counts its late actions only: its kept counts without the action on time.
            let lateRows = late.goals.flatMap(\.actions).map(\.rollup)
            #expect(late.goals.map(\.rollup) == [Rollup.combining(lateRows)])
            #expect(late.goals.first?.rollup.total == 32)
            #expect(late.goals.first?.rollup.earliestOpenDeadline == Rollup.combining(lateRows).earliestOpenDeadline)

            // A month: only what is due in it, counted for it.
            let april = try await boards.board(
                orderID: world.orderID, filter: .init(month: CalendarDate(iso: "2019-04-01")), asOf: world.today, scope: world.coordinator)
            #expect(april.goals.flatMap(\.actions).map(\.record.id) == [world.onlyB])

            // A school of the thirty counts its own assignment only, on the action and on the goal.
            let schoolLogin = try await UserStore(database: world.database).actor(login: "g0", commandLine: "test")
            let own = try await boards.board(orderID: world.orderID, filter: .init(), asOf: world.today, scope: schoolLogin)
            #expect(own.goals.flatMap(\.actions).map(\.record.id) == [crowd.action])
            #expect(own.goals.flatMap(\.actions).first?.rollup.total == 1)
            #expect(own.goals.flatMap(\.actions).first?.rollup.count(.done) == 1)
            #expect(own.goals.map(\.rollup.total) == [1])
            #expect(board.goals.map(\.rollup.total) == [board.goals.flatMap(\.actions).map(\.rollup.total).reduce(0, +)])

            // A month shows every assignment of an action with few in it, closed work too (read
            // through the indexes of open and of closed work by action and due day).
            let pair = try await PlanStore(database: world.database).createAction(
                goalID: world.goalID, ActionChange(title: "Отчёт пары", deadline: "Март 2019", executorIDs: Array(crowd.schools.prefix(2))),
                asOf: world.today, actor: world.coordinator)
            let mine = try await AssignmentStore(database: world.database).list(
                AssignmentFilter(actionID: pair.id), asOf: world.today, limit: 10, cursor: nil, scope: schoolLogin).items
            let reports = ReportStore(database: world.database)
            let report = try await reports.submit(
                assignmentID: try #require(mine.first).id,
                ReportSubmission(doneOn: try #require(CalendarDate(iso: "2019-03-20")), text: "Проведён"),
                idempotencyKey: nil, actor: schoolLogin)
            _ = try await reports.review(report.report.id, decision: .accept, comment: nil, ifVersion: nil, actor: world.coordinator)
            for month in ["2019-03-01", "2019-04-01"] {
                let board = try await boards.board(
                    orderID: world.orderID, filter: .init(month: CalendarDate(iso: month)), asOf: world.today, scope: world.coordinator)
                let row = board.goals.flatMap(\.actions).first { $0.record.id == pair.id }
                if month == "2019-03-01" {
                    #expect(row?.shown.map(\.status) == [.planned, .done], "the late one first, then the closed one")
                    #expect(row?.shown.first?.overdue == true)
                    #expect(board.goals.flatMap(\.actions).first { $0.record.id == world.sharedAction }?.shown.count == 2)
                } else {
                    #expect(row == nil, "nothing of it is due in April")
                }
            }
        }
    }

    @Test func aLongPlanComesFiftyActionsAPageWithItsGoalsCountedWhole() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let plans = PlanStore(database: world.database)
            let second = try await plans.createGoal(orderID: world.orderID, title: "Вторая цель", actor: world.coordinator)
            var secondIDs: [UUID] = []
            for number in 1...OrderBoardRecord.pageSize {
                secondIDs.append(try await plans.createAction(
                    goalID: second.id, ActionChange(title: "Мероприятие \(number)", deadline: "Май 2019", executorIDs: [world.schoolAID]),
                    asOf: world.today, actor: world.coordinator).id)
            }
            _ = try await plans.createGoal(orderID: world.orderID, title: "Цель без мероприятий", actor: world.coordinator)
            let boards = OrderBoardStore(database: world.database)
            let first = try await boards.board(orderID: world.orderID, filter: .init(), asOf: world.today, scope: world.coordinator)
            #expect(first.actionCount == OrderBoardRecord.pageSize + 2)
            #expect(first.goals.last?.title == "Цель без мероприятий", "a goal with no actions stands on the first page")
            #expect(first.goals.flatMap(\.actions).count == OrderBoardRecord.pageSize)
            #expect((first.firstShown, first.lastShown) == (1, OrderBoardRecord.pageSize))
            let after = try #require(first.nextAfter)
            let rest = try await boards.board(orderID: world.orderID, filter: .init(), after: after, asOf: world.today, scope: world.coordinator)
            #expect(rest.goals.map(\.title) == ["Вторая цель"])
            #expect(rest.goals.flatMap(\.actions).map(\.record.title) == ["Мероприятие 49", "Мероприятие 50"])
            #expect(rest.goals.first?.rollup.total == OrderBoardRecord.pageSize, "a goal is counted over all its actions")
            #expect(rest.nextAfter == nil)
            #expect((rest.firstShown, rest.lastShown, rest.actionCount) == (OrderBoardRecord.pageSize + 1, OrderBoardRecord.pageSize + 2, OrderBoardRecord.pageSize + 2))
            // An unknown place starts from the beginning; a school pages through its own part.
            let unknown = try await boards.board(orderID: world.orderID, filter: .init(), after: UUID(), asOf: world.today, scope: world.coordinator)
            #expect(unknown.firstShown == 1)
            let asB = try await boards.board(orderID: world.orderID, filter: .init(), asOf: world.today, scope: world.schoolB)
            #expect(asB.actionCount == 2)
            #expect(asB.goals.map(\.title) == ["Повышение качества"])

            // «Only overdue» pages the same way. On 1 June every action is late but the first of
            // the second goal, whose one assignment is done: 2 + 49 late actions.
            let own = try await AssignmentStore(database: world.database).list(
                AssignmentFilter(actionID: secondIDs[0]), asOf: world.today, limit: 10, cursor: nil, scope: world.schoolA).items
            let reports = ReportStore(database: world.database)
            let report = try await reports.submit(
                assignmentID: try #require(own.first).id,
                ReportSubmission(doneOn: try #require(CalendarDate(iso: "2019-04-10")), text: "Проведено"),
                idempotencyKey: nil, actor: world.schoolA)
            _ = try await reports.review(report.report.id, decision: .accept, comment: nil, ifVersion: nil, actor: world.coordinator)
            let june = try #require(CalendarDate(iso: "2019-06-01"))
            let late = try await boards.board(orderID: world.orderID, filter: .init(overdueOnly: true), asOf: june, scope: world.coordinator)
            #expect(late.actionCount == OrderBoardRecord.pageSize + 1)
            #expect(late.goals.map(\.title) == ["Повышение качества", "Вторая цель"])
            #expect(late.goals.flatMap(\.actions).count == OrderBoardRecord.pageSize)
            #expect(!late.goals.flatMap(\.actions).contains { $0.record.id == secondIDs[0] })
            #expect(late.goals.first?.rollup.total == 3, "the first goal's three assignments, all late")
            let lateRest = try await boards.board(
                orderID: world.orderID, filter: .init(overdueOnly: true), after: late.nextAfter, asOf: june, scope: world.coordinator)
            #expect(lateRest.goals.flatMap(\.actions).map(\.record.title) == ["Мероприятие 50"])
            #expect((lateRest.firstShown, lateRest.lastShown, lateRest.actionCount)
                == (OrderBoardRecord.pageSize + 1, OrderBoardRecord.pageSize + 1, OrderBoardRecord.pageSize + 1))
            #expect(lateRest.nextAfter == nil)
            // The second goal counts its late actions only, on both pages: not the done one.
            for board in [late, lateRest] {
                let goal = try #require(board.goals.last)
                #expect(goal.rollup.total == OrderBoardRecord.pageSize - 1)
                #expect(goal.rollup.overdue == OrderBoardRecord.pageSize - 1)
                #expect(goal.rollup.count(.done) == 0)
            }
        }
    }

    @Test func theExecutorFilterTakesANameAndOffersTheMatches() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            let boards = OrderBoardStore(database: world.database)
            let one = try await boards.board(
                orderID: world.orderID, filter: .init(executorName: "гимназия 101"), asOf: world.today, scope: world.coordinator)
            #expect(one.executor?.id == crowd.schools[0])
            let rows = one.goals.flatMap(\.actions)
            #expect(rows.map(\.record.id) == [crowd.action], "only the actions it executes")
            #expect(rows.first?.shown.map(\.executorID) == [crowd.schools[0]])
            #expect(rows.first?.rollup.count(.done) == 1)

            let many = try await boards.board(
                orderID: world.orderID, filter: .init(executorName: "гимназия"), asOf: world.today, scope: world.coordinator)
            #expect(many.executor == nil)
            #expect(many.executorCandidates.count == 11, "ten offered and one more to say there are more")
            let none = try await boards.board(
                orderID: world.orderID, filter: .init(executorName: "гимназия 999"), asOf: world.today, scope: world.coordinator)
            #expect(none.executorUnknown)

            // A school sees its own part whatever it asks for.
            let asA = try await boards.board(
                orderID: world.orderID, filter: .init(executorID: world.schoolBID), asOf: world.today, scope: world.schoolA)
            #expect(asA.executor == nil)
            #expect(asA.goals.flatMap(\.actions).map(\.record.id) == [world.sharedAction])
            #expect(asA.goals.flatMap(\.actions).flatMap(\.shown).map(\.executorID) == [world.schoolAID])
            #expect(asA.months.map(\.rollup.total) == [1])
        }
    }

    @Test func anActionsAssignmentsArePagedAndHiddenFromOtherSchools() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            let assignments = AssignmentStore(database: world.database)
            var seen: [UUID] = []
            var cursor: String?
            repeat {
                let page = try await assignments.list(
                    AssignmentFilter(actionID: crowd.action), asOf: world.today, limit: 7, cursor: cursor, scope: world.viewer)
                seen += page.items.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen.count == 30)
            #expect(Set(seen).count == 30)
            let late = try await assignments.list(
                AssignmentFilter(actionID: crowd.action, overdue: true), asOf: world.today, limit: 100, cursor: nil, scope: world.coordinator)
            #expect(late.items.count == 27)

            await #expect(throws: UseCaseError.notFound(entity: "action", id: world.onlyB.uuidString.lowercased())) {
                try await assignments.list(AssignmentFilter(actionID: world.onlyB), asOf: world.today, limit: 10, cursor: nil, scope: world.schoolA)
            }
            let unknown = UUID()
            await #expect(throws: UseCaseError.notFound(entity: "action", id: unknown.uuidString.lowercased())) {
                try await assignments.list(AssignmentFilter(actionID: unknown), asOf: world.today, limit: 10, cursor: nil, scope: world.coordinator)
            }
            let own = try await assignments.list(
                AssignmentFilter(actionID: world.sharedAction), asOf: world.today, limit: 10, cursor: nil, scope: world.schoolA)
            #expect(own.items.map(\.executorID) == [world.schoolAID])

            // The plan's tree counts the thirty and names the two of the shared action.
            let tree = try await PlanStore(database: world.database).tree(orderID: world.orderID, asOf: world.today, scope: world.coordinator)
            let inTree = try #require(tree.plans.flatMap(\.goals).flatMap(\.actions).first { $0.id == crowd.action })
            #expect(inTree.executors.isEmpty)
            #expect(inTree.organizationCount == 30)
            let shared = try #require(tree.plans.flatMap(\.goals).flatMap(\.actions).first { $0.id == world.sharedAction })
            #expect(Set(shared.executors.compactMap(\.organizationID)) == [world.schoolAID, world.schoolBID])
            let single = try await PlanStore(database: world.database).action(crowd.action, asOf: world.today, scope: world.coordinator)
            #expect(single.executors.count == 30)
        }
    }

    /// The committee's view of one school, and of one month, pages in plan order: a long first
    /// goal fills the first page before the second goal's first action.
    @Test func oneSchoolAndOneMonthPageInPlanOrder() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let plans = PlanStore(database: world.database)
            let second = try await plans.createGoal(orderID: world.orderID, title: "Вторая цель", actor: world.coordinator)
            _ = try await plans.createAction(
                goalID: second.id, ActionChange(title: "Первое второй цели", deadline: "Июнь 2019", executorIDs: [world.schoolAID]),
                asOf: world.today, actor: world.coordinator)
            for number in 1...OrderBoardRecord.pageSize {
                _ = try await plans.createAction(
                    goalID: world.goalID, ActionChange(title: "Мероприятие \(number)", deadline: "Июнь 2019", executorIDs: [world.schoolAID]),
                    asOf: world.today, actor: world.coordinator)
            }
            let boards = OrderBoardStore(database: world.database)
            for filter in [OrderBoardRecord.Filter(executorID: world.schoolAID), .init(month: CalendarDate(iso: "2019-06-01"))] {
                let first = try await boards.board(orderID: world.orderID, filter: filter, asOf: world.today, scope: world.coordinator)
                let rest = try await boards.board(
                    orderID: world.orderID, filter: filter, after: first.nextAfter, asOf: world.today, scope: world.coordinator)
                #expect(first.goals.map(\.title) == ["Повышение качества"], "\(filter)")
                #expect(rest.goals.last?.title == "Вторая цель")
                #expect(rest.goals.last?.actions.map(\.record.title) == ["Первое второй цели"])
                let positions = (first.goals + rest.goals).filter { $0.id == world.goalID }.flatMap(\.actions).map(\.record.position)
                #expect(positions == positions.sorted())
                #expect(positions.count == first.actionCount - 1)
                // A goal is counted over all its actions under the filter, on each of its pages.
                let shown = (first.goals + rest.goals).flatMap(\.actions)
                for goal in first.goals + rest.goals {
                    let its = shown.filter { $0.record.goalID == goal.id }.map(\.rollup)
                    #expect(goal.rollup == Rollup.combining(its), "\(goal.title) under \(filter)")
                    #expect(goal.rollup.total == its.count, "one assignment of school A per action")
                }
            }
        }
    }

    /// The board names each action's persons and posts beside its counts, for the committee and
    /// for a school, and names no organisation (those are counted, and shown late first).
    @Test func theBoardNamesAnActionsPersonsAndNoOrganisation() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            _ = try await lease.pool.withConnection { (connection) throws in
                try connection.execute("""
                    INSERT INTO action_persons (action_id, person_role, responsibility, position)
                    VALUES (\(crowd.action), 'Руководители ОО', 'lead', 1), (\(crowd.action), 'Петрова И.И.', 'co', 2),
                           (\(world.sharedAction), 'Методист ЦСОД', 'lead', 1)
                    """)
            }
            let boards = OrderBoardStore(database: world.database)
            let schoolLogin = try await UserStore(database: world.database).actor(login: "g0", commandLine: "test")
            for scope in [world.coordinator, schoolLogin] {
                let board = try await boards.board(orderID: world.orderID, filter: .init(), asOf: world.today, scope: scope)
                let row = try #require(board.goals.flatMap(\.actions).first { $0.record.id == crowd.action })
                #expect(row.record.executors.map(\.name) == ["Руководители ОО", "Петрова И.И."])
                #expect(row.record.executors.map(\.responsibility) == ["lead", "co"])
                #expect(row.record.executors.allSatisfy { $0.organizationID == nil && $0.personRole == $0.name })
                if scope.role.seesEverything {
                    let shared = try #require(board.goals.flatMap(\.actions).first { $0.record.id == world.sharedAction })
                    #expect(shared.record.executors.map(\.name) == ["Методист ЦСОД"])
                    #expect(shared.record.organizationCount == 2)
                }
            }
        }
    }

    /// The committee's ranking of schools by overdue work, on each of `days`, equals a count
    /// made from the order's assignments, most first.
    static func expectRankingFromScratch(_ world: World, on days: [String], _ when: String = "") async throws {
        let all = try await AssignmentStore(database: world.database).list(
            AssignmentFilter(orderID: world.orderID), asOf: world.today, limit: 500, cursor: nil, scope: world.coordinator).items
        for day in days {
            let asOf = try #require(CalendarDate(iso: day))
            var expected: [UUID: Int] = [:]
            for item in all where item.status.isOverdue(dueDay: item.dueOn, asOf: asOf) { expected[item.executorID, default: 0] += 1 }
            let got = try await DashboardStore(database: world.database).overdueBySchool(asOf: asOf, scope: world.coordinator, limit: 100)
            #expect(Dictionary(uniqueKeysWithValues: got.map { ($0.executorID, $0.overdue) }) == expected, "\(when) as of \(day)")
            #expect(got.map(\.overdue) == got.map(\.overdue).sorted(by: >), "most first")
        }
    }

    @Test func theSchoolsWithTheMostOverdueWorkAreCountedFromTheKeptMonthsOnAnyDay() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            let dashboard = DashboardStore(database: world.database)
            // Around the month ends of the deadlines (31 March, 30 April) and inside the months.
            try await Self.expectRankingFromScratch(
                world, on: ["2019-03-15", "2019-03-31", "2019-04-01", "2019-04-02", "2019-04-30", "2019-05-01", "2019-05-17"])
            _ = try await WithdrawalStore(database: world.database).withdraw(
                orderID: world.orderID, reason: "Ошибка", asOf: world.today, actor: world.coordinator)
            let afterWithdrawal = try await dashboard.overdueBySchool(asOf: try #require(CalendarDate(iso: "2019-05-17")), scope: world.coordinator)
            #expect(afterWithdrawal.isEmpty, "a withdrawn order's work is nobody's overdue")
        }
    }

    @Test func theKeptMonthOfOverdueWorkMovesOnAndEveryDayStaysRight() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            let rollups = RollupStore(database: world.database)
            func expectScratch(_ when: String) async throws {
                try await Self.expectRankingFromScratch(
                    world, on: ["2019-02-28", "2019-03-15", "2019-04-01", "2019-04-02", "2019-04-30", "2019-05-17", "2020-01-10"], when)
            }
            func keptMonth() async throws -> CalendarDate? {
                try await lease.pool.withConnection { (connection) throws in
                    try connection.query("SELECT month FROM executor_open_before_month").first?.decode(CalendarDate.self, "month")
                }
            }
            // The migration keeps the current month: the deadlines of 2019 are all before it,
            // and a day of 2019 takes its months back off.
            let current = try #require(try await keptMonth())
            #expect(current.iso.hasSuffix("-01") && current > world.today.firstOfMonth)
            try await expectScratch("kept month current")

            // Kept from the middle of the deadlines (as if the last change were in April
            // 2019): the days before it take months off, the days after it add months.
            _ = try await lease.pool.withConnection { (connection) throws in
                try connection.execute("UPDATE executor_open_before_month SET month = '2019-04-01'")
            }
            #expect(try await rollups.check(repair: true, actor: world.admin).repaired)
            #expect(try await rollups.check(repair: false, actor: world.admin).differenceCount == 0)
            try await expectScratch("kept month April 2019")

            // The first change of open work moves the kept month to the current one, carrying
            // the months between into the kept counts.
            _ = try await lease.pool.withConnection { (connection) throws in
                try connection.execute("""
                    UPDATE assignments SET status = 'cancelled' WHERE id = (
                        SELECT id FROM assignments WHERE analytics.is_open(status) AND due_on < '2019-04-01' ORDER BY id LIMIT 1)
                    """)
            }
            #expect(try await keptMonth() == current)
            let outcome = try await rollups.check(repair: false, actor: world.admin)
            #expect(outcome.differenceCount == 0, "\(outcome.differences)")
            try await expectScratch("after the kept month moved on")

            // Without a kept month every month before the day is added up.
            _ = try await lease.pool.withConnection { (connection) throws in
                try connection.execute("DELETE FROM executor_open_before_month")
            }
            try await expectScratch("no kept month")
            // The check says so, and the repair keeps the current month again.
            let missing = try await rollups.check(repair: true, actor: world.admin)
            #expect(missing.repaired && missing.differences.allSatisfy { $0.what.hasSuffix("the kept month (missing)") })
            #expect(try await keptMonth() == current)
            #expect(try await rollups.check(repair: false, actor: world.admin).differenceCount == 0)
            try await expectScratch("kept month put back")
        }
    }

    @Test func theEarliestOpenDayStaysRightWhenSchoolsAreAcceptedAllAtOnce() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            let users = UserStore(database: world.database)
            let assignments = AssignmentStore(database: world.database)
            let reports = ReportStore(database: world.database)
            // Every school of the thirty reports, each on its own connection at once.
            let schools = Array(crowd.schools.dropFirst(5))
            // Each with a deadline of its own, so that no two decisions below change the same
            // kept count and wait for each other there.
            let moves = DeadlineMoveStore(database: world.database)
            let first = try #require(CalendarDate(iso: "2019-05-01"))
            for (index, id) in schools.enumerated() {
                _ = try await users.addUser(login: "c\(index)", role: .executor, organizationID: id, actor: world.admin)
                let own = try #require(try await assignments.list(
                    AssignmentFilter(actionID: crowd.action, executorID: id), asOf: world.today, limit: 1, cursor: nil,
                    scope: world.coordinator).items.first)
                _ = try await moves.move(
                    assignmentID: own.id, to: try #require(first.adding(days: index)), reason: "Перенос", ifVersion: nil,
                    actor: world.coordinator)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in schools.indices {
                    group.addTask {
                        let actor = try await users.actor(login: "c\(index)", commandLine: "test")
                        let own = try await assignments.list(
                            AssignmentFilter(actionID: crowd.action), asOf: world.today, limit: 10, cursor: nil, scope: actor).items
                        _ = try await reports.submit(
                            assignmentID: try #require(own.first).id,
                            ReportSubmission(doneOn: try #require(CalendarDate(iso: "2019-03-25")), text: "Проведён"),
                            idempotencyKey: nil, actor: actor)
                    }
                }
                try await group.waitForAll()
            }
            // All accepted at once: two decisions that close the last open days each see the
            // other's still open in what they read first; the earliest open day must still end
            // up none.
            let pending = try await ReviewQueueProbe.reported(of: crowd.action, on: lease.pool)
            #expect(pending.count == 27)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for id in pending {
                    group.addTask {
                        _ = try await reports.review(id, decision: .accept, comment: nil, ifVersion: nil, actor: world.coordinator)
                    }
                }
                try await group.waitForAll()
            }
            let earliest = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT due_on FROM action_earliest_open WHERE action_id = \(crowd.action)").first?
                    .decode(CalendarDate?.self, "due_on")
            }
            #expect(earliest == .some(nil), "every assignment of the action is done")
            let outcome = try await RollupStore(database: world.database).check(repair: false, actor: world.admin)
            #expect(outcome.differenceCount == 0, "\(outcome.differences)")
            let late = try await OrderBoardStore(database: world.database).board(
                orderID: world.orderID, filter: .init(overdueOnly: true), asOf: world.today, scope: world.coordinator)
            #expect(late.goals.flatMap(\.actions).map(\.record.id) == [world.sharedAction])
        }
    }

    /// Reports waiting for a decision on an action, read straight from the tables.
    enum ReviewQueueProbe {
        static func reported(of action: UUID, on pool: PostgresPool) async throws -> [UUID] {
            try await pool.withConnection { (connection) throws in
                try connection.query("""
                    SELECT r.id FROM reports r JOIN assignments s ON s.id = r.assignment_id
                    WHERE s.action_id = \(action) AND s.status = 'reported' AND r.status = 'submitted'
                    """).rows.map { try $0.decode(UUID.self, "id") }
            }
        }
    }

    @Test func theKeptCountsFollowEveryChangeAndTheCheckFindsAHandEdit() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            let rollups = RollupStore(database: world.database)
            for (name, principal) in [("coordinator", world.coordinator), ("viewer", world.viewer), ("school A", world.schoolA)] {
                let got = await UseCaseRoleTests.outcome { _ = try await rollups.check(repair: false, actor: principal) }
                #expect(got == .forbidden, "check the counts as \(name)")
            }
            var outcome = try await rollups.check(repair: false, actor: world.admin)
            #expect(outcome.differenceCount == 0, "after reports and decisions: \(outcome.differences)")
            #expect(outcome.assignments == 33)

            // A deadline moved, an assignment cancelled, an action's executors changed, an action removed.
            let plans = PlanStore(database: world.database)
            let assignments = AssignmentStore(database: world.database)
            let first = try #require(try await assignments.list(
                AssignmentFilter(actionID: crowd.action, overdue: true), asOf: world.today, limit: 1, cursor: nil, scope: world.coordinator).items.first)
            _ = try await DeadlineMoveStore(database: world.database).move(
                assignmentID: first.id, to: try #require(CalendarDate(iso: "2019-05-31")), reason: "Перенос", ifVersion: nil, actor: world.coordinator)
            _ = try await plans.updateAction(
                crowd.action, ActionChange(executorIDs: Array(crowd.schools.prefix(20))), ifVersion: nil, asOf: world.today, actor: world.coordinator)
            try await plans.removeAction(world.onlyB, reason: "Лишнее", actor: world.coordinator)
            outcome = try await rollups.check(repair: false, actor: world.admin)
            #expect(outcome.differenceCount == 0, "after edits: \(outcome.differences)")
            // A twin of school B, made an executor and then merged into it.
            let twin = try await OrganizationStore(database: world.database).create(
                OrganizationChange(name: "Лицей № 14 (дубль)", kind: "school"), actor: world.coordinator)
            _ = try await plans.updateAction(
                crowd.action, ActionChange(executorIDs: Array(crowd.schools.prefix(20)) + [twin.id]), ifVersion: nil, asOf: world.today,
                actor: world.coordinator)
            _ = try await OrganizationMerge(database: world.database).merge(twin.id, into: world.schoolBID, actor: world.coordinator)
            outcome = try await rollups.check(repair: false, actor: world.admin)
            #expect(outcome.differenceCount == 0, "after a merge: \(outcome.differences)")
            let matrix = try await OrderMatrixStore(database: world.database).matrix(
                orderID: world.orderID, filter: .init(executorName: "лицей"), asOf: world.today, scope: world.coordinator)
            #expect(matrix.rows.map(\.organization.id) == [world.schoolBID], "the twin is gone, school B stays")

            // A count edited by hand is found, said by action, and repaired.
            try await lease.pool.withConnection { (connection) throws in
                try connection.execute("UPDATE action_rollups SET n = n + 2 WHERE action_id = \(crowd.action) AND status = 'done'")
                try connection.execute("UPDATE action_executor_counts SET persons = 4 WHERE action_id = \(world.sharedAction)")
                try connection.execute("UPDATE plan_executors SET actions = actions + 1 WHERE organization_id = \(world.schoolAID)")
                try connection.execute("""
                    UPDATE goal_rollups SET n = n + 5 WHERE ctid = (
                        SELECT ctid FROM goal_rollups WHERE goal_id = \(world.goalID) AND status = 'planned' AND n > 0 LIMIT 1)
                    """)
                try connection.execute("UPDATE action_earliest_open SET due_on = '2019-01-02' WHERE action_id = \(crowd.action)")
                try connection.execute("""
                    UPDATE goal_month_rollups SET n = n + 3 WHERE goal_id = \(world.goalID) AND status = 'done' AND month = '2019-03-01'
                    """)
                try connection.execute("DELETE FROM plan_month_rollups WHERE status = 'planned' AND month = '2019-03-01'")
                try connection.execute("""
                    UPDATE plan_executor_open_months SET n = n + 4 WHERE executor_id = \(world.schoolBID) AND month = '2019-03-01'
                    """)
                try connection.execute("UPDATE executor_open_before SET n = n + 6 WHERE executor_id = \(world.schoolBID)")
            }
            outcome = try await rollups.check(repair: false, actor: world.admin)
            #expect(outcome.differenceCount == 9)
            #expect(outcome.differences.contains {
                $0.actionID == world.schoolBID && $0.what.hasPrefix("open work of the executor due before ") && $0.kept == $0.counted + 6
            })
            #expect(outcome.differences.contains {
                $0.what == "plan's open work of organisation \(world.schoolBID.uuidString.lowercased()) due in 2019-03" && $0.kept == $0.counted + 4
            })
            #expect(outcome.differences.contains { $0.actionID == world.goalID && $0.what == "goal month: done 2019-03-01" && $0.kept == $0.counted + 3 })
            #expect(outcome.differences.contains { $0.what == "plan month: planned 2019-03-01" && $0.kept == 0 && $0.counted > 0 })
            #expect(outcome.differences.contains { $0.actionID == crowd.action && $0.what == "earliest open due day" && $0.kept == 20190102 })
            #expect(outcome.differences.contains { $0.actionID == world.goalID && $0.what.hasPrefix("goal: planned") && $0.kept == $0.counted + 5 })
            #expect(outcome.differences.contains { $0.what.contains(world.schoolAID.uuidString.lowercased()) && $0.kept == 2 && $0.counted == 1 })
            #expect(outcome.differences.contains { $0.actionID == crowd.action && $0.kept == $0.counted + 2 })
            #expect(outcome.differences.contains { $0.actionID == world.sharedAction && $0.what == "persons" && $0.kept == 4 && $0.counted == 0 })
            outcome = try await rollups.check(repair: true, actor: world.admin)
            #expect(outcome.repaired)
            outcome = try await rollups.check(repair: false, actor: world.admin)
            #expect(outcome.differenceCount == 0)

            // TRUNCATE would leave the counts behind: refused.
            try await lease.pool.withConnection { (connection) throws in
                let error = #expect(throws: PostgresError.self) { try connection.execute("TRUNCATE assignments CASCADE") }
                #expect(error?.message.contains("cannot be truncated") == true)
            }
        }
    }

    /// The order's months, its goals' counts and the order's own come from counts kept per month,
    /// the day asked about's own month read by day: for days before, inside and after a month
    /// with work due on both sides of the day, they equal a count of the assignments made from
    /// scratch.
    @Test func monthsAndGoalsCountedByMonthEqualACountFromScratchOnAnyDay() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let crowd = try await Crowd.make(lease.database)
            let world = crowd.world
            // Work due on 10 and 20 March besides the action's 31 March, one of them done.
            try await crowd.moveThreeToMarchDays()
            let boards = OrderBoardStore(database: world.database)
            for iso in ["2019-02-15", "2019-03-01", "2019-03-10", "2019-03-11", "2019-03-20", "2019-03-21", "2019-03-31",
                        "2019-04-01", "2019-04-15", "2019-05-01", "2020-01-01"] {
                let day = try #require(CalendarDate(iso: iso))
                let board = try await boards.board(orderID: world.orderID, filter: .init(), asOf: day, scope: world.coordinator)
                let (months, goal, order) = try await lease.pool.withConnection { (connection) throws in
                    let months = try connection.query("""
                        SELECT date_trunc('month', s.due_on::timestamp)::date AS month, count(*)::int AS total,
                               (count(*) FILTER (WHERE s.status = 'done'))::int AS done,
                               (count(*) FILTER (WHERE analytics.is_overdue(s.status, s.due_on, \(day))))::int AS overdue
                        FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id
                        JOIN plans p ON p.id = g.plan_id
                        WHERE p.order_id = \(world.orderID) AND s.due_on IS NOT NULL GROUP BY 1 ORDER BY 1
                        """).rows.map {
                            "\(try $0.decode(CalendarDate.self, "month").iso) \(try $0.decode(Int.self, "total")) "
                                + "\(try $0.decode(Int.self, "done")) \(try $0.decode(Int.self, "overdue"))"
                        }
                    func whole(_ condition: SQL) throws -> [String] {
                        try connection.query("""
                            SELECT count(*)::int AS total, (count(*) FILTER (WHERE s.status = 'done'))::int AS done,
                                   (count(*) FILTER (WHERE analytics.is_overdue(s.status, s.due_on, \(day))))::int AS overdue,
                                   min(s.due_on) FILTER (WHERE analytics.is_open(s.status)) AS earliest
                            FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id
                            JOIN plans p ON p.id = g.plan_id
                            WHERE \(condition)
                            """).rows.map {
                                "\(try $0.decode(Int.self, "total")) \(try $0.decode(Int.self, "done")) "
                                    + "\(try $0.decode(Int.self, "overdue")) \(try $0.decode(CalendarDate?.self, "earliest")?.iso ?? "-")"
                            }
                    }
                    return (months, try whole("ac.goal_id = \(world.goalID)"), try whole("p.order_id = \(world.orderID)"))
                }
                #expect(board.months.map { "\($0.first.iso) \($0.rollup.total) \($0.rollup.count(.done)) \($0.rollup.overdue)" } == months,
                        "months as of \(iso)")
                func told(_ rollup: Rollup) -> [String] {
                    ["\(rollup.total) \(rollup.count(.done)) \(rollup.overdue) \(rollup.earliestOpenDeadline?.iso ?? "-")"]
                }
                #expect(told(try #require(board.goals.first { $0.id == world.goalID }).rollup) == goal, "the goal as of \(iso)")
                #expect(told(board.order.rollup) == order, "the order's heading as of \(iso)")
                let listed = try await OrderStore(database: world.database).get(world.orderID, asOf: day, scope: world.coordinator)
                #expect(told(listed.rollup) == order, "the order as listed as of \(iso)")
            }
        }
    }
}
