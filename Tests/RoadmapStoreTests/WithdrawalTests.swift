import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Withdrawing an order or a plan, and restoring it: who may, what disappears from lists,
/// counts, schools' pages and analysts' views, what stays in history, and what comes back.
@Suite("Withdrawing and restoring orders and plans")
struct WithdrawalTests {
    typealias World = UseCaseRoleTests.World

    static func count(_ lease: TestDatabase.Lease, _ sql: String) async throws -> Int {
        try await lease.pool.withConnection { (connection) throws in
            try connection.query(SQL(unescaped: "SELECT count(*)::int AS n FROM \(sql)")).first?.decode(Int.self, "n") ?? -1
        }
    }

    @Test func aWithdrawnOrderLeavesEveryListAndCountAndComesBackWhole() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let withdrawals = WithdrawalStore(database: world.database)
            let orders = OrderStore(database: world.database)
            let assignments = AssignmentStore(database: world.database)
            let reports = ReportStore(database: world.database)
            let late = try #require(CalendarDate(iso: "2019-12-31"))
            #expect(try await Self.count(lease, "analytics.assignments") == 3)

            // Who may: the committee's staff withdraw; only an administrator restores.
            for (name, principal) in [("viewer", world.viewer), ("school A", world.schoolA), ("school B", world.schoolB)] {
                let got = await UseCaseRoleTests.outcome {
                    try await _ = withdrawals.withdraw(orderID: world.orderID, reason: "Ошибка", asOf: world.today, actor: principal)
                }
                #expect(got == .forbidden, "withdraw as \(name): \(got)")
            }
            await #expect(throws: UseCaseError.invalid(field: "reason", reason: "say why it is withdrawn")) {
                try await withdrawals.withdraw(orderID: world.orderID, reason: "  ", asOf: world.today, actor: world.coordinator)
            }
            #expect(try await orders.get(world.orderID, asOf: world.today, scope: world.schoolB).withdrawnAt == nil, "a refusal changes nothing")

            let withdrawn = try await withdrawals.withdraw(
                orderID: world.orderID, reason: "Импортирован по ошибке", asOf: world.today, actor: world.coordinator)
            #expect(withdrawn.withdrawnAt != nil)
            #expect(withdrawn.rollup.total == 0, "a withdrawn order counts nothing")
            await #expect(throws: UseCaseError.self) {
                try await withdrawals.withdraw(orderID: world.orderID, reason: "Ещё раз", asOf: world.today, actor: world.coordinator)
            }

            // Gone from lists, counts and the schools' pages …
            #expect(try await orders.list(year: nil, issuerID: nil, asOf: world.today, limit: nil, cursor: nil, scope: world.coordinator).items.isEmpty)
            #expect(try await orders.list(year: nil, issuerID: nil, asOf: world.today, limit: nil, cursor: nil, scope: world.schoolB).items.isEmpty)
            await #expect(throws: UseCaseError.notFound(entity: "order", id: world.orderID.uuidString.lowercased())) {
                try await orders.get(world.orderID, asOf: world.today, scope: world.schoolB)
            }
            for scope in [world.coordinator, world.schoolA, world.schoolB] {
                #expect(try await assignments.list(AssignmentFilter(), asOf: late, limit: nil, cursor: nil, scope: scope).items.isEmpty)
            }
            await #expect(throws: UseCaseError.notFound(entity: "assignment", id: world.assignmentB.uuidString.lowercased())) {
                try await assignments.get(world.assignmentB, asOf: world.today, scope: world.schoolB)
            }
            await #expect(throws: UseCaseError.self) {
                try await reports.submit(assignmentID: world.assignmentB, ReportSubmission(doneOn: world.today, text: "Сделано"),
                                         idempotencyKey: nil, actor: world.schoolB)
            }
            #expect(try await DashboardStore(database: world.database).overdueBySchool(asOf: late, scope: world.coordinator).isEmpty)
            for view in ["analytics.assignments", "analytics.orders", "analytics.plan_items", "analytics.deadlines", "analytics.executors",
                         "analytics.calendar"] {
                #expect(try await Self.count(lease, view) == 0, "\(view) leaves the withdrawn order out")
            }
            // … but kept, and readable by the committee, with no change allowed under it.
            #expect(try await assignments.get(world.assignmentB, asOf: world.today, scope: world.coordinator).withdrawn)
            #expect(try await orders.get(world.orderID, asOf: world.today, scope: world.viewer).withdrawnAt != nil)
            await #expect(throws: UseCaseError.self) {
                try await PlanStore(database: world.database).createGoal(orderID: world.orderID, title: "Новая", actor: world.coordinator)
            }
            await #expect(throws: UseCaseError.self) {
                try await DeadlineMoveStore(database: world.database).move(
                    actionID: world.sharedAction, to: late, reason: "Перенос", actor: world.coordinator)
            }
            let history = try await EventStore(database: world.database).list(
                entityType: "order", entityID: world.orderID, limit: nil, cursor: nil, scope: world.coordinator).items
            #expect(history.contains { $0.event == "withdrawn" && $0.reason == "Импортирован по ошибке" })

            // Restoring: an administrator only; everything comes back as it was.
            let coordinatorRestores = await UseCaseRoleTests.outcome {
                try await _ = withdrawals.restore(orderID: world.orderID, reason: nil, asOf: world.today, actor: world.coordinator)
            }
            #expect(coordinatorRestores == .forbidden)
            let restored = try await withdrawals.restore(orderID: world.orderID, reason: "Отозван ошибочно", asOf: world.today, actor: world.admin)
            #expect(restored.withdrawnAt == nil)
            #expect(restored.rollup.total == 3)
            #expect(try await assignments.list(AssignmentFilter(), asOf: world.today, limit: nil, cursor: nil, scope: world.schoolB).items.count == 2)
            #expect(try await Self.count(lease, "analytics.assignments") == 3)
            await #expect(throws: UseCaseError.self) {
                try await withdrawals.restore(orderID: world.orderID, reason: nil, asOf: world.today, actor: world.admin)
            }
        }
    }

    @Test func aPlanImportedWithoutAnOrderIsWithdrawnAloneAndNotImportedBackPiecemeal() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let imports = ImportStore(database: world.database)
            let withdrawals = WithdrawalStore(database: world.database)
            let document = Data("""
                № п/п\tМероприятие\tСрок\tОтветственные
                1\tКонкурс чтецов\tМарт 2019\tМАОУ СОШ № 5
                2\tДень открытых дверей\tАпрель 2019\tМАОУ СОШ № 5, МБОУ Лицей № 14
                """.utf8)
            let outcome = try await imports.importDocument(document, fileName: "наш-отчёт.tsv", academicYear: 2018, actor: world.coordinator)
            let planID = try #require(outcome.planID)
            #expect(outcome.orderID == nil)
            #expect(try await withdrawals.plans(withdrawn: false, actor: world.coordinator).map(\.id) == [planID])
            #expect(try await withdrawals.plans(withdrawn: false, actor: world.schoolA).isEmpty, "a school has no list of plans")
            let assignments = AssignmentStore(database: world.database)
            let before = try await assignments.list(AssignmentFilter(), asOf: world.today, limit: nil, cursor: nil, scope: world.schoolA).items.count

            let plan = try await withdrawals.withdraw(planID: planID, reason: "Загружен наш собственный отчёт", actor: world.coordinator)
            #expect(plan.withdrawnAt != nil && plan.assignments == 3)
            let after = try await assignments.list(AssignmentFilter(), asOf: world.today, limit: nil, cursor: nil, scope: world.schoolA).items.count
            #expect(after == before - 2, "school A loses the plan's two assignments and keeps the order's")
            #expect(try await withdrawals.plans(withdrawn: true, actor: world.admin).map(\.id) == [planID])

            // Importing the same file again would bring it back piecemeal: refused, nothing written.
            await #expect(throws: ImportError.self) {
                try await imports.importDocument(document, fileName: "наш-отчёт.tsv", academicYear: 2018, actor: world.coordinator)
            }
            #expect(try await assignments.list(AssignmentFilter(), asOf: world.today, limit: nil, cursor: nil, scope: world.schoolA).items.count == after)

            let back = try await withdrawals.restore(planID: planID, reason: nil, actor: world.admin)
            #expect(back.withdrawnAt == nil)
            #expect(try await assignments.list(AssignmentFilter(), asOf: world.today, limit: nil, cursor: nil, scope: world.schoolA).items.count == before)
        }
    }

    @Test func restoringAnOrderLeavesAPlanWithdrawnBeforeItWithdrawn() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let withdrawals = WithdrawalStore(database: world.database)
            let planID = try await lease.pool.withConnection { (connection) throws in
                try #require(try connection.query("SELECT id FROM plans WHERE order_id = \(world.orderID)").first?.decode(UUID.self, "id"))
            }
            _ = try await withdrawals.withdraw(planID: planID, reason: "План заменён", actor: world.coordinator)
            _ = try await withdrawals.withdraw(orderID: world.orderID, reason: "Приказ отменён", asOf: world.today, actor: world.coordinator)
            await #expect(throws: UseCaseError.self, "a plan of a withdrawn order comes back with its order") {
                try await withdrawals.restore(planID: planID, reason: nil, actor: world.admin)
            }
            let order = try await withdrawals.restore(orderID: world.orderID, reason: nil, asOf: world.today, actor: world.admin)
            #expect(order.withdrawnAt == nil)
            #expect(order.rollup.total == 0, "the plan withdrawn on its own before stays withdrawn")
            #expect(try await withdrawals.plan(planID, actor: world.admin).withdrawnAt != nil)
        }
    }
}
