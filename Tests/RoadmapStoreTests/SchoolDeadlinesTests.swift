import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// A school's «Мои сроки» (#16): each list counted whole and shown up to its limit, in due
/// order, equal to what the full list of its open work gives; nobody else has one.
@Suite("A school's deadlines")
struct SchoolDeadlinesTests {
    typealias World = UseCaseRoleTests.World

    @Test func eachListIsCountedWholeAndShownUpToItsLimitInDueOrder() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let plans = PlanStore(database: world.database)
            // 60 overdue on 15 April (1–30 March, twice), 3 due within the week, one later.
            for day in 1...30 {
                for copy in 1...2 {
                    _ = try await plans.createAction(
                        goalID: world.goalID,
                        ActionChange(title: "Отчёт \(day)-\(copy)", deadline: String(format: "%02d.03.2019", day), executorIDs: [world.schoolAID]),
                        asOf: world.today, actor: world.coordinator)
                }
            }
            for deadline in ["16.04.2019", "22.04.2019", "15.04.2019", "30.04.2019"] {
                _ = try await plans.createAction(
                    goalID: world.goalID, ActionChange(title: "Срок \(deadline)", deadline: deadline, executorIDs: [world.schoolAID]),
                    asOf: world.today, actor: world.coordinator)
            }
            let store = AssignmentStore(database: world.database)
            let mine = try await store.schoolDeadlines(asOf: world.today, scope: world.schoolA)

            // The oracle: all of the school's open work, read page by page.
            var filter = AssignmentFilter()
            filter.openOnly = true
            let open = try await Page.all {
                try await store.list(filter, asOf: world.today, limit: 100, cursor: $0, scope: world.schoolA)
            }.filter { !$0.withdrawn }
            let overdue = open.filter(\.overdue)
            let weekAhead = try #require(world.today.adding(days: 7))
            let soon = open.filter { item in item.dueOn.map { $0 >= world.today && $0 <= weekAhead } ?? false }
            let returned = open.filter { $0.status == .returned }

            #expect(mine.overdueCount == overdue.count)
            #expect(mine.overdueCount > SchoolDeadlinesRecord.shown)
            #expect(mine.overdue.map(\.id) == overdue.prefix(SchoolDeadlinesRecord.shown).map(\.id))
            #expect(mine.overdue.allSatisfy { $0.overdue })
            #expect(mine.soonCount == soon.count && mine.soonCount == 3)
            #expect(mine.soon.map(\.id) == soon.map(\.id))
            #expect(mine.returnedCount == returned.count)
            #expect(mine.openCount == open.count)
            #expect(mine.open.map(\.id) == open.prefix(SchoolDeadlinesRecord.openShown).map(\.id))
            #expect(Set(mine.open.map(\.executorID)) == [world.schoolAID])

            // School B sees its own work only.
            let other = try await store.schoolDeadlines(asOf: world.today, scope: world.schoolB)
            #expect(other.open.allSatisfy { $0.executorID == world.schoolBID })
            #expect(other.openCount < mine.openCount)

            // The committee has the dashboard instead.
            for principal in [world.admin, world.coordinator, world.viewer] {
                await #expect(throws: UseCaseError.self) {
                    _ = try await store.schoolDeadlines(asOf: world.today, scope: principal)
                }
            }
        }
    }
}
