import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// An order's history (#17): its creation, plan edits and withdrawal, newest first, a page
/// at a time; for the committee's staff.
@Suite("Order history")
struct OrderHistoryTests {
    @Test func anOrdersHistoryHoldsItsCreationEditsAndWithdrawalNewestFirst() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await UseCaseRoleTests.World.make(lease.database)
            _ = try await PlanStore(database: world.database).updateAction(
                world.onlyB, ActionChange(deadline: "Май 2019", reason: "Перенесена олимпиада"), ifVersion: nil, asOf: world.today,
                actor: world.coordinator)
            // An action added and removed again stays in the history, with why it went.
            let plans = PlanStore(database: world.database)
            let extra = try await plans.createAction(
                goalID: world.goalID, ActionChange(title: "Лишнее совещание", deadline: "Май 2019", executorIDs: [world.schoolAID]),
                asOf: world.today, actor: world.coordinator)
            try await plans.removeAction(extra.id, reason: "Внесено по ошибке", actor: world.coordinator)
            let task = try await plans.createTask(goalID: world.goalID, title: "Временная задача", expectedResult: nil, actor: world.coordinator)
            try await plans.removeTask(task.id, actor: world.coordinator)
            _ = try await WithdrawalStore(database: world.database).withdraw(
                orderID: world.orderID, reason: "Загружен по ошибке", asOf: world.today, actor: world.coordinator)
            let store = OrderHistoryStore(database: world.database)
            let history = try await store.history(orderID: world.orderID, cursor: nil, asOf: world.today, scope: world.admin)
            let sentences = history.page.items.map { HistoryText.sentence(entityType: $0.entityType, event: $0.event, data: $0.data) }
            #expect(sentences.first == "Приказ отозван")
            #expect(history.page.items.first?.reason == "Загружен по ошибке")
            #expect(sentences.contains("Изменено мероприятие: срок «Апрель 2019» → «Май 2019»"))
            #expect(sentences.contains("Добавлено мероприятие «Семинар», срок «Март 2019»"))
            #expect(sentences.last == "Приказ № 770 от 25.06.2018 создан")
            #expect(sentences.contains("Добавлено мероприятие «Лишнее совещание», срок «Май 2019»"))
            #expect(sentences.contains("Удалено мероприятие «Лишнее совещание»"))
            #expect(history.page.items.first { $0.event == "removed" && $0.entityType == "action" }?.reason == "Внесено по ошибке")
            #expect(sentences.contains("Добавлена задача «Временная задача»") && sentences.contains("Удалена задача «Временная задача»"))
            #expect(history.page.items.first?.actorName == "coord" && history.page.items.first?.actorRole == "coordinator")
            await #expect(throws: UseCaseError.self) {
                _ = try await store.history(orderID: world.orderID, cursor: "forged", asOf: world.today, scope: world.admin)
            }
            #expect(await UseCaseRoleTests.outcome {
                _ = try await store.history(orderID: world.orderID, cursor: nil, asOf: world.today, scope: world.schoolA)
            } == .forbidden)
        }
    }
}
