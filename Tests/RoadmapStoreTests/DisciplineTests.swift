import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// «Исполнительская дисциплина» (#17): organisations ranked by what fell due in a period,
/// those most behind first, by the summary's rule; those that reported nothing on work due,
/// with their contacts; for the committee's staff only.
@Suite("Discipline")
struct DisciplineTests {
    @Test func theRankingStartsWithThoseMostBehindAndTheSilentAreListedWithContacts() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let reported = try await ExecutionSummaryTests.Reported.make(lease.database)
            let world = reported.world
            // A gymnasium with a March survey and nothing reported.
            let gymnasium = try await OrganizationStore(database: world.database).create(
                OrganizationChange(name: "Гимназия № 7", kind: "school"), actor: world.coordinator)
            _ = try await PlanStore(database: world.database).createAction(
                goalID: world.goalID, ActionChange(title: "Анкетирование", deadline: "Март 2019", executorIDs: [gymnasium.id]),
                asOf: world.today, actor: world.coordinator)
            _ = try await UserStore(database: world.database).addUser(
                login: "g7", role: .executor, organizationID: gymnasium.id, email: "g7@example.ru", actor: world.admin)

            let store = DisciplineStore(database: world.database)
            let from = try #require(CalendarDate(iso: "2019-01-01"))
            let to = try #require(CalendarDate(iso: "2019-04-30"))
            let record = try await store.discipline(from: from, to: to, asOf: world.today, scope: world.coordinator)
            #expect(record.rows.map(\.organization.name) == ["Гимназия № 7", "МБОУ Лицей № 14", "МАОУ СОШ № 5"])
            let lyceum = try #require(record.rows.first { $0.organization.id == world.schoolBID })
            #expect(lyceum.tally.count(.doneLate) == 1 && lyceum.tally.count(.notYetDue) == 1 && lyceum.averageDelay == 5)
            let school = try #require(record.rows.first { $0.organization.id == world.schoolAID })
            #expect(school.tally.count(.doneOnTime) == 1 && school.tally.count(.overdue) == 1 && school.tally.percentOnTime == 50)
            #expect(school.averageDelay == 46, "the February monitoring, returned, is 46 days late on 15 April")
            #expect(record.rows.first?.averageDelay == 15)
            // Only the gymnasium reported nothing on work due (a returned report is a report).
            #expect(record.silent.map(\.organization.id) == [gymnasium.id])
            #expect(record.silent.first?.unreported == 1 && record.silent.first?.firstDueOn.iso == "2019-03-31")
            #expect(record.silent.first?.contacts == ["g7 <g7@example.ru>"])

            // One order; a period with nothing due; a period turned round; the roles.
            let one = try await store.discipline(from: from, to: to, orderID: world.orderID, asOf: world.today, scope: world.viewer)
            #expect(one.rows.count == 3 && one.order?.number == "770")
            let empty = try await store.discipline(
                from: try #require(CalendarDate(iso: "2020-01-01")), to: try #require(CalendarDate(iso: "2020-12-31")),
                asOf: world.today, scope: world.coordinator)
            #expect(empty.rows.isEmpty && empty.silent.isEmpty)
            await #expect(throws: UseCaseError.self) {
                _ = try await store.discipline(from: to, to: from, asOf: world.today, scope: world.coordinator)
            }
            for school in [world.schoolA, world.schoolB] {
                #expect(await UseCaseRoleTests.outcome { _ = try await store.discipline(from: from, to: to, asOf: world.today, scope: school) }
                        == .forbidden)
            }
        }
    }
}
