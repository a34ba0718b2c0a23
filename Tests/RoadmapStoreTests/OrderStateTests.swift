import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// «Как это выглядело 15 апреля?» (#17): the state of order 770 rebuilt from its history for
/// a past moment matches what the order's page showed at that moment, after reports,
/// decisions, a moved deadline and plan changes made in between.
@Suite("Order state as of a past moment")
struct OrderStateTests {
    typealias World = UseCaseRoleTests.World

    /// Each action's counts on the order's page, as `scope` saw them.
    private func seen(_ world: World, _ scope: Principal) async throws -> [UUID: Rollup] {
        let board = try await OrderBoardStore(database: world.database).board(
            orderID: world.orderID, filter: .init(), asOf: world.today, scope: scope)
        return Dictionary(uniqueKeysWithValues: board.goals.flatMap(\.actions).map { ($0.record.id, $0.rollup) })
    }

    private func rebuilt(_ state: OrderStateRecord) -> [UUID: Rollup] {
        Dictionary(uniqueKeysWithValues: state.goals.flatMap(\.actions).map { ($0.id, $0.then) })
    }

    @Test func theStateRebuiltForAPastMomentIsTheStateSeenThen() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let reports = ReportStore(database: world.database)
            let submission = { (day: String) in ReportSubmission(doneOn: CalendarDate(iso: day)!, text: "Проведено \(day)") }
            // Before the moment: school A reports the seminar, the lyceum's report on it is returned.
            let seminarA = try await reports.submit(assignmentID: world.assignmentA, submission("2019-03-20"), idempotencyKey: nil, actor: world.schoolA).report.id
            let seminarB = try await reports.submit(assignmentID: world.assignmentB, submission("2019-03-28"), idempotencyKey: nil, actor: world.schoolB).report.id
            _ = try await reports.review(seminarB, decision: .returnForRework, comment: "Нет протокола", ifVersion: nil, actor: world.coordinator)

            let roles = [world.coordinator, world.schoolA, world.schoolB]
            var seenThen: [[UUID: Rollup]] = []
            for scope in roles { seenThen.append(try await seen(world, scope)) }
            let moment = try await lease.pool.withConnection { try $0.query("SELECT clock_timestamp() AS t").first?.decode(Date.self, "t") }
            let then = try #require(moment)

            // After it: the seminar is accepted for A, the lyceum reports again, the olympiad's
            // deadline moves, school A joins the olympiad and a new action is added.
            _ = try await reports.review(seminarA, decision: .accept, comment: nil, ifVersion: nil, actor: world.coordinator)
            _ = try await reports.submit(assignmentID: world.assignmentB, submission("2019-04-10"), idempotencyKey: nil, actor: world.schoolB)
            let plans = PlanStore(database: world.database)
            _ = try await DeadlineMoveStore(database: world.database).move(
                actionID: world.onlyB, to: try #require(CalendarDate(iso: "2019-04-10")), reason: "Перенос олимпиады", actor: world.coordinator)
            _ = try await plans.updateAction(world.onlyB, ActionChange(executorIDs: [world.schoolBID, world.schoolAID]), ifVersion: nil,
                                             asOf: world.today, actor: world.coordinator)
            // The seminar's deadline is corrected in the plan: March becomes April for both schools.
            _ = try await plans.updateAction(world.sharedAction, ActionChange(deadline: "Апрель 2019", reason: "Исправлен срок"), ifVersion: nil,
                                             asOf: world.today, actor: world.coordinator)
            let added = try await plans.createAction(
                goalID: world.goalID, ActionChange(title: "Конференция", deadline: "Май 2019", executorIDs: [world.schoolAID]),
                asOf: world.today, actor: world.coordinator)
            let seenNow = try await seen(world, world.coordinator)
            #expect(seenNow != seenThen[0], "the changes show on the page")

            let states = OrderStateStore(database: world.database)
            for (index, scope) in roles.enumerated() {
                let state = try await states.state(orderID: world.orderID, at: then, day: world.today, scope: scope)
                #expect(rebuilt(state) == seenThen[index], "as seen by \(scope.role) at the moment")
                #expect(!state.beforeRecords)
            }
            let committee = try await states.state(orderID: world.orderID, at: then, day: world.today, actionID: world.sharedAction, scope: world.coordinator)
            #expect(committee.addedLater == 1 && !committee.goals.flatMap(\.actions).contains { $0.id == added.id })
            #expect(committee.then.count(.reported) == 1 && committee.then.count(.returned) == 1 && committee.then.count(.done) == 0)
            #expect(committee.then.overdue == 2, "both seminars were due on 31 March and not accepted by 15 April")
            let seminar = try #require(committee.goals.flatMap(\.actions).first { $0.id == world.sharedAction })
            let school = try #require(seminar.lines.first { $0.executorID == world.schoolAID })
            #expect(school.statusThen == .reported && school.statusNow == .done && school.changed)
            let lyceum = try #require(seminar.lines.first { $0.executorID == world.schoolBID })
            #expect(lyceum.statusThen == .returned && lyceum.statusNow == .reported)
            #expect(lyceum.dueThen?.iso == "2019-03-31" && lyceum.dueNow?.iso == "2019-04-30", "the plan's correction came later")
            let olympiad = try #require(committee.goals.flatMap(\.actions).first { $0.id == world.onlyB })
            #expect(olympiad.then.total == 1 && olympiad.now.total == 2, "school A joined later")
            #expect(olympiad.then.earliestOpenDeadline?.iso == "2019-04-30" && olympiad.now.earliestOpenDeadline?.iso == "2019-04-10")

            // Before the order had any action, the history knows nothing.
            let early = try await states.state(orderID: world.orderID, at: then.addingTimeInterval(-86_400), day: world.today, scope: world.coordinator)
            #expect(early.beforeRecords && early.then.total == 0)
            // Another school's action is not shown to a school; an unknown order is not found.
            let own = try await states.state(orderID: world.orderID, at: then, day: world.today, actionID: world.onlyB, scope: world.schoolA)
            #expect(!own.goals.flatMap(\.actions).contains { $0.id == world.onlyB }, "school A joined the olympiad after the moment")
            #expect(own.detailed == nil)
            await #expect(throws: UseCaseError.self) {
                _ = try await states.state(orderID: UUID(), at: then, day: world.today, scope: world.coordinator)
            }
        }
    }
}
