import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Saved lists of organisations: kept by the committee's staff, assigned to an action at once,
/// their members moved when two records of one organisation are merged.
@Suite("Saved lists of organisations")
struct OrganizationListTests {
    typealias World = UseCaseRoleTests.World

    @Test func aListIsSavedAssignedAndKeptThroughAMerge() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let lists = OrganizationListStore(database: world.database)
            for (name, principal) in [("viewer", world.viewer), ("school A", world.schoolA)] {
                let got = await UseCaseRoleTests.outcome { try await _ = lists.save(name: "Пилот", organizationIDs: [world.schoolAID], actor: principal) }
                #expect(got == .forbidden, "save a list as \(name)")
            }
            await #expect(throws: UseCaseError.self) { try await lists.save(name: " ", organizationIDs: [world.schoolAID], actor: world.coordinator) }
            await #expect(throws: UseCaseError.self) { try await lists.save(name: "Пилот", organizationIDs: [], actor: world.coordinator) }
            await #expect(throws: UseCaseError.self) { try await lists.save(name: "Пилот", organizationIDs: [UUID()], actor: world.coordinator) }
            let pilot = try await lists.save(name: "Пилотные школы", organizationIDs: [world.schoolAID], actor: world.coordinator)
            #expect(pilot.members.map(\.id) == [world.schoolAID])
            #expect(try await lists.lists(scope: world.schoolA).isEmpty, "a school has no lists to see")

            let plans = PlanStore(database: world.database)
            let action = try await plans.createAction(
                goalID: world.goalID, ActionChange(title: "Пилотный проект", deadline: "Май 2019", executorIDs: [], executorListIDs: [pilot.id]),
                asOf: world.today, actor: world.coordinator)
            #expect(action.executors.compactMap(\.organizationID) == [world.schoolAID])
            await #expect(throws: UseCaseError.invalid(field: "executor_list_ids", reason: "no saved list with id 00000000-0000-0000-0000-000000000000")) {
                try await plans.createAction(
                    goalID: world.goalID, ActionChange(title: "x", deadline: "Май 2019", executorIDs: [], executorListIDs: [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))]),
                    asOf: world.today, actor: world.coordinator)
            }

            // A twin of school B in the list; merged into B, the list keeps B once.
            let twin = try await OrganizationStore(database: world.database).create(
                OrganizationChange(name: "Лицей четырнадцать", kind: "school"), actor: world.coordinator)
            _ = try await lists.save(name: "Пилотные школы", organizationIDs: [world.schoolAID, world.schoolBID, twin.id], actor: world.coordinator)
            _ = try await OrganizationMerge(database: world.database).merge(twin.id, into: world.schoolBID, actor: world.coordinator)
            let kept = try #require(try await lists.lists(scope: world.coordinator).first)
            #expect(Set(kept.members.map(\.id)) == [world.schoolAID, world.schoolBID])
            try await lists.remove(kept.id, actor: world.admin)
            #expect(try await lists.lists(scope: world.coordinator).isEmpty)
            #expect(try await plans.action(action.id, asOf: world.today, scope: world.coordinator).executors.count == 1, "the action keeps its executors")
        }
    }
}
