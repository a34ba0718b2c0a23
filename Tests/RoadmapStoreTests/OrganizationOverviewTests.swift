import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// An organisation across all orders (#17): its work per order by the summary's rule, what
/// is overdue, its latest reports; a school reads its own page only.
@Suite("Organisation overview")
struct OrganizationOverviewTests {
    @Test func anOrganisationsWorkOverdueAndReportsAcrossOrders() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let reported = try await ExecutionSummaryTests.Reported.make(lease.database)
            let world = reported.world
            let store = OrganizationOverviewStore(database: world.database)
            let school = try await store.overview(world.schoolAID, asOf: world.today, scope: world.coordinator)
            #expect(school.organization.name == "МАОУ СОШ № 5")
            #expect(school.orders.map(\.number) == ["770"])
            let tally = try #require(school.orders.first?.tally)
            #expect(tally.total == 2 && tally.count(.doneOnTime) == 1 && tally.count(.overdue) == 1)
            #expect(school.overdueCount == 1 && school.overdue.map(\.actionID) == [reported.monitoring])
            #expect(school.reports.map(\.status) == [.returned, .accepted], "the latest first")
            #expect(school.reports.last?.text == "Проведено 2019-03-20" && school.reports.last?.orderNumber == "770")

            // A school reads its own page; another school's is not found, nor is an unknown one.
            #expect(try await store.overview(world.schoolAID, asOf: world.today, scope: world.schoolA).overdueCount == 1)
            await #expect(throws: UseCaseError.self) { _ = try await store.overview(world.schoolBID, asOf: world.today, scope: world.schoolA) }
            await #expect(throws: UseCaseError.self) { _ = try await store.overview(UUID(), asOf: world.today, scope: world.coordinator) }
            let lyceum = try await store.overview(world.schoolBID, asOf: world.today, scope: world.viewer)
            #expect(lyceum.orders.first?.tally.count(.doneLate) == 1 && lyceum.overdueCount == 0)
        }
    }
}
