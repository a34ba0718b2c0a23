import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Search by words, role by role: the Russian configuration finds other forms of a word,
/// names are found by similarity, a school finds only its own actions, nobody finds what was
/// withdrawn.
@Suite("Search")
struct SearchTests {
    typealias World = UseCaseRoleTests.World

    @Test func theCommitteeFindsActionsOrdersAndOrganisationsByWords() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let search = SearchStore(database: world.database)
            let staff = world.coordinator
            #expect(try await search.search("семинары", scope: staff).actions.map(\.id) == [world.sharedAction], "another form of the word")
            #expect(try await search.search("олимп", scope: staff).actions.map(\.id) == [world.onlyB], "the start of a word")
            #expect(try await search.search("олимпиада семинар", scope: staff).actions.isEmpty, "every word is required")
            #expect(try await search.search("дорожной карты", scope: staff).orders.map(\.id) == [world.orderID])
            #expect(try await search.search("770", scope: staff).orders.map(\.id) == [world.orderID])
            #expect(try await search.search("Лицей № 14", scope: staff).organizations.map(\.id) == [world.schoolBID])
            #expect(try await search.search("лицэй 14", scope: staff).organizations.map(\.id).contains(world.schoolBID), "a misspelt name")
            #expect(try await search.search("СОШ 5", scope: staff).organizations.first?.id == world.schoolAID)
            await #expect(throws: UseCaseError.invalid(field: "q", reason: "type at least 2 letters or digits")) {
                try await search.search("я", scope: staff)
            }
            let hostile = try await search.search("семинар' | !( <-> :* & ', %_\\\\", scope: staff)
            #expect(hostile.actions.map(\.id) == [world.sharedAction], "operators typed are words, not query syntax")
        }
    }

    @Test func aSchoolFindsOnlyItsOwnAndNobodyFindsTheWithdrawn() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let search = SearchStore(database: world.database)
            #expect(try await search.search("олимпиада", scope: world.schoolA).actions.isEmpty, "school A does not execute it")
            #expect(try await search.search("олимпиада", scope: world.schoolB).actions.map(\.id) == [world.onlyB])
            #expect(try await search.search("семинар", scope: world.schoolA).actions.map(\.id) == [world.sharedAction])
            #expect(try await search.search("770", scope: world.schoolA).orders.map(\.id) == [world.orderID])

            let other = try await OrderStore(database: world.database).create(
                OrderChange(number: "771", date: world.today, issuerID: world.committeeID, title: "Другая дорожная карта"), actor: world.coordinator)
            #expect(try await search.search("771", scope: world.schoolA).orders.isEmpty, "no work of school A in it")
            #expect(try await search.search("771", scope: world.viewer).orders.map(\.id) == [other.id])

            _ = try await WithdrawalStore(database: world.database).withdraw(
                orderID: world.orderID, reason: "Ошибка", asOf: world.today, actor: world.coordinator)
            for scope in [world.coordinator, world.schoolB] {
                let found = try await search.search("олимпиада", scope: scope)
                #expect(found.actions.isEmpty)
                #expect(try await search.search("770", scope: scope).orders.isEmpty)
            }
        }
    }
}
