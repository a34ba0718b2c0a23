import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// An order's progress by month (#17): planned against done, done by the work day of the
/// accepted report; a school counts its own.
@Suite("Progress by month")
struct ProgressTests {
    @Test func anOrdersProgressIsPlannedAgainstDoneByMonth() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let reported = try await ExecutionSummaryTests.Reported.make(lease.database)
            let world = reported.world
            let store = ProgressStore(database: world.database)
            // Due: the monitoring in February, the seminar (two schools) in March, the olympiad in April.
            // Done: school A's seminar on 20 March, the lyceum's on 5 April.
            let april15 = try await store.progress(orderID: world.orderID, asOf: world.today, scope: world.coordinator)
            #expect(april15.burnUp.points.map(\.month.iso) == ["2019-02-01", "2019-03-01", "2019-04-01"])
            #expect(april15.burnUp.points.map(\.planned) == [1, 3, 4])
            #expect(april15.burnUp.points.map(\.done) == [0, 1, 2])
            let april1 = try await store.progress(orderID: world.orderID, asOf: try #require(CalendarDate(iso: "2019-04-01")), scope: world.viewer)
            #expect(april1.burnUp.points.last?.done == 1, "the lyceum's seminar was held after 1 April")
            let lyceum = try await store.progress(orderID: world.orderID, asOf: world.today, scope: world.schoolB)
            #expect(lyceum.burnUp.points.map(\.planned) == [1, 2] && lyceum.burnUp.points.map(\.done) == [0, 1], "a school counts its own")
        }
    }
}
