import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Each use case called directly as each role, with no HTTP in between: what it allows,
/// what it refuses as forbidden, and what it does not admit exists.
@Suite("Use cases, role by role")
struct UseCaseRoleTests {
    enum Outcome: Equatable, CustomStringConvertible {
        case allowed, forbidden, notFound, other(String)
        var description: String {
            switch self {
            case .allowed: "allowed"
            case .forbidden: "forbidden"
            case .notFound: "not found"
            case .other(let text): text
            }
        }
    }

    static func outcome(_ body: () async throws -> Void) async -> Outcome {
        do {
            try await body()
            return .allowed
        } catch UseCaseError.forbidden {
            return .forbidden
        } catch UseCaseError.notFound {
            return .notFound
        } catch {
            return .other("\(error)")
        }
    }

    /// A committee, two schools, a user of every role, and an order with a goal, an action
    /// for both schools and an action for school B only; all made through the use cases.
    struct World {
        let database: Database
        let admin: Principal
        let coordinator: Principal
        let viewer: Principal
        let schoolA: Principal
        let schoolB: Principal
        let committeeID: UUID
        let schoolAID: UUID
        let schoolBID: UUID
        let orderID: UUID
        let goalID: UUID
        let sharedAction: UUID
        let onlyB: UUID
        let assignmentA: UUID
        let assignmentB: UUID
        let today: CalendarDate

        var roles: [(String, Principal)] {
            [("admin", admin), ("coordinator", coordinator), ("viewer", viewer), ("school A", schoolA), ("school B", schoolB)]
        }

        static func make(_ database: Database) async throws -> World {
            let installation = Principal.installation(commandLine: "test")
            let organizations = OrganizationStore(database: database)
            let committee = try await organizations.create(OrganizationChange(name: "Комитет образования", kind: "committee"), actor: installation)
            let a = try await organizations.create(OrganizationChange(name: "МАОУ СОШ № 5", kind: "school"), actor: installation)
            let b = try await organizations.create(OrganizationChange(name: "МБОУ Лицей № 14", kind: "school"), actor: installation)
            let users = UserStore(database: database)
            for (login, role, organization) in [("admin", Role.admin, nil), ("coord", .coordinator, nil), ("viewer", .viewer, nil),
                                                ("school-a", .executor, a.id), ("school-b", .executor, b.id)] as [(String, Role, UUID?)] {
                _ = try await users.addUser(login: login, role: role, organizationID: organization, actor: installation)
            }
            func principal(_ login: String) async throws -> Principal { try await users.actor(login: login, commandLine: "test") }
            let coordinator = try await principal("coord")
            let order = try await OrderStore(database: database).create(
                OrderChange(number: "770", date: CalendarDate(iso: "2018-06-25"), issuerID: committee.id, title: "Дорожная карта"),
                actor: coordinator)
            let plans = PlanStore(database: database)
            let today = try #require(CalendarDate(iso: "2019-04-15"))
            let goal = try await plans.createGoal(orderID: order.id, title: "Повышение качества", actor: coordinator)
            let shared = try await plans.createAction(
                goalID: goal.id, ActionChange(title: "Семинар", deadline: "Март 2019", executorIDs: [a.id, b.id]), asOf: today, actor: coordinator)
            let onlyB = try await plans.createAction(
                goalID: goal.id, ActionChange(title: "Олимпиада лицея", deadline: "Апрель 2019", executorIDs: [b.id]), asOf: today, actor: coordinator)
            let listed = try await AssignmentStore(database: database)
                .list(AssignmentFilter(orderID: order.id), asOf: today, limit: 50, cursor: nil, scope: coordinator).items
            let assignmentA = try #require(listed.first { $0.executorID == a.id && $0.actionID == shared.id }).id
            let assignmentB = try #require(listed.first { $0.executorID == b.id && $0.actionID == shared.id }).id
            return World(
                database: database, admin: try await principal("admin"), coordinator: coordinator, viewer: try await principal("viewer"),
                schoolA: try await principal("school-a"), schoolB: try await principal("school-b"), committeeID: committee.id,
                schoolAID: a.id, schoolBID: b.id, orderID: order.id, goalID: goal.id, sharedAction: shared.id, onlyB: onlyB.id,
                assignmentA: assignmentA, assignmentB: assignmentB, today: today)
        }
    }

    func expect(_ world: World, _ expected: [String: Outcome], _ what: String,
                _ body: @escaping (Principal) async throws -> Void) async {
        for (name, principal) in world.roles {
            guard let wanted = expected[name] else { continue }
            let got = await Self.outcome { try await body(principal) }
            #expect(got == wanted, "\(what) as \(name): \(got), expected \(wanted)")
        }
    }

    @Test func plansAndOrders() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let plans = PlanStore(database: world.database)
            await expect(world, ["admin": .allowed, "coordinator": .allowed, "viewer": .forbidden, "school A": .forbidden, "school B": .forbidden],
                         "add a goal") { try await _ = plans.createGoal(orderID: world.orderID, title: "Новая цель", actor: $0) }
            await expect(world, ["admin": .allowed, "coordinator": .allowed, "viewer": .allowed, "school A": .notFound, "school B": .allowed],
                         "read B's own action") { try await _ = plans.action(world.onlyB, asOf: world.today, scope: $0) }
            // The plan as read models show it: the same rule as the single read.
            let asA = try await plans.tree(orderID: world.orderID, asOf: world.today, scope: world.schoolA)
            #expect(asA.plans.flatMap(\.goals).flatMap(\.actions).map(\.id) == [world.sharedAction])
            #expect(asA.plans.flatMap(\.goals).flatMap(\.actions).flatMap(\.executors).compactMap(\.organizationID) == [world.schoolAID])
            let asViewer = try await plans.tree(orderID: world.orderID, asOf: world.today, scope: world.viewer)
            #expect(Set(asViewer.plans.flatMap(\.goals).flatMap(\.actions).map(\.id)) == [world.sharedAction, world.onlyB])
            let orders = OrderStore(database: world.database)
            await expect(world, ["admin": .allowed, "coordinator": .allowed, "viewer": .forbidden, "school A": .forbidden],
                         "create an order") {
                try await _ = orders.create(OrderChange(number: UUID().uuidString.prefix(8).description, date: world.today,
                                                        issuerID: world.committeeID, title: "Ещё приказ"), actor: $0)
            }
        }
    }

    @Test func assignmentsReportsAndExtensions() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let clock = CommitteeClock()
            let assignments = AssignmentStore(database: world.database)
            await expect(world, ["admin": .allowed, "coordinator": .allowed, "viewer": .allowed, "school A": .notFound, "school B": .allowed],
                         "read B's assignment") { try await _ = assignments.get(world.assignmentB, asOf: world.today, scope: $0) }
            let reports = ReportStore(database: world.database, clock: clock)
            let submission = ReportSubmission(doneOn: world.today, text: "Проведено")
            await expect(world, ["viewer": .forbidden, "school B": .notFound],
                         "report on A's assignment") {
                try await _ = reports.submit(assignmentID: world.assignmentA, submission, idempotencyKey: nil, actor: $0)
            }
            let report = try await reports.submit(assignmentID: world.assignmentA, submission, idempotencyKey: nil, actor: world.schoolA).report
            await expect(world, ["viewer": .forbidden, "school A": .forbidden, "school B": .notFound],
                         "accept A's report") {
                try await _ = reports.review(report.id, decision: .accept, comment: nil, ifVersion: nil, actor: $0)
            }
            await expect(world, ["coordinator": .allowed], "accept A's report") {
                try await _ = reports.review(report.id, decision: .accept, comment: nil, ifVersion: nil, actor: $0)
            }
            let extensions = ExtensionStore(database: world.database, clock: clock)
            let later = try #require(CalendarDate(iso: "2019-05-31"))
            await expect(world, ["viewer": .forbidden, "school A": .notFound],
                         "ask to move B's deadline") {
                try await _ = extensions.request(assignmentID: world.assignmentB, dueOn: later, reason: "Ремонт", actor: $0)
            }
            let request = try await extensions.request(assignmentID: world.assignmentB, dueOn: later, reason: "Ремонт", actor: world.schoolB)
            await expect(world, ["viewer": .forbidden, "school A": .notFound, "school B": .forbidden],
                         "approve B's request") {
                try await _ = extensions.decide(request.id, decision: .approve, comment: nil, ifVersion: nil, actor: $0)
            }
            await expect(world, ["admin": .allowed], "approve B's request") {
                try await _ = extensions.decide(request.id, decision: .approve, comment: nil, ifVersion: nil, actor: $0)
            }
            let events = EventStore(database: world.database)
            await expect(world, ["admin": .allowed, "viewer": .allowed, "school A": .notFound, "school B": .allowed],
                         "read B's assignment history") {
                try await _ = events.list(entityType: "assignment", entityID: world.assignmentB, limit: 10, cursor: nil, scope: $0)
            }
        }
    }

    /// The committee moves a deadline itself, for one school or the whole action; schools ask
    /// for an extension instead.
    @Test func movingDeadlines() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let moves = DeadlineMoveStore(database: world.database)
            let assignments = AssignmentStore(database: world.database)
            var day = try #require(CalendarDate(iso: "2019-04-20"))
            for (name, principal) in world.roles {
                day = try #require(day.adding(days: 1))
                let expected: Outcome = switch name {
                case "admin", "coordinator": .allowed
                case "school A": .notFound
                default: .forbidden
                }
                let got = await Self.outcome { try await _ = moves.move(assignmentID: world.assignmentB, to: day, reason: "Карантин", ifVersion: nil, actor: principal) }
                #expect(got == expected, "move B's deadline as \(name): \(got), expected \(expected)")
            }
            let b = try await assignments.get(world.assignmentB, asOf: world.today, scope: world.coordinator)
            #expect(b.dueOn?.iso == "2019-04-22", "moved by the admin and the coordinator only")
            #expect(b.originalDueOn?.iso == "2019-03-31", "the day first planned is kept")

            // The whole action, for both schools, as a coordinator; a stale version, no reason, the
            // same day and a done assignment are refused and change nothing.
            await expect(world, ["viewer": .forbidden, "school A": .forbidden, "school B": .forbidden], "move the whole action") {
                try await _ = moves.move(actionID: world.sharedAction, to: day, reason: "Карантин", actor: $0)
            }
            let moved = try await moves.move(actionID: world.sharedAction, to: try #require(CalendarDate(iso: "2019-05-15")), reason: "Карантин", actor: world.coordinator)
            #expect(Set(moved.map(\.id)) == [world.assignmentA, world.assignmentB])
            #expect(moved.allSatisfy { $0.dueOn?.iso == "2019-05-15" })
            await #expect(throws: UseCaseError.self) {
                try await _ = moves.move(assignmentID: world.assignmentA, to: day, reason: "Карантин", ifVersion: 1, actor: world.coordinator)
            }
            await #expect(throws: UseCaseError.self) {
                try await _ = moves.move(assignmentID: world.assignmentA, to: day, reason: "  ", ifVersion: nil, actor: world.coordinator)
            }
            await #expect(throws: UseCaseError.self) {
                try await _ = moves.move(assignmentID: world.assignmentA, to: try #require(CalendarDate(iso: "2019-05-15")), reason: "Карантин",
                                         ifVersion: nil, actor: world.coordinator)
            }
            let a = try await assignments.get(world.assignmentA, asOf: world.today, scope: world.coordinator)
            #expect(a.dueOn?.iso == "2019-05-15")
            // Every move is in the assignment's history, with who, why and both days.
            let history = try await EventStore(database: world.database)
                .list(entityType: "assignment", entityID: world.assignmentB, limit: 20, cursor: nil, scope: world.coordinator).items
                .filter { $0.event == "deadline_moved" }
            #expect(history.count == 3)
            #expect(history.allSatisfy { $0.reason == "Карантин" && $0.dataJSON.contains("\"direct\"") })
        }
    }

    @Test func organizationsUsersAnalystsAndImports() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let organizations = OrganizationStore(database: world.database)
            await expect(world, ["admin": .allowed, "coordinator": .allowed, "viewer": .forbidden, "school A": .forbidden],
                         "add an organisation") {
                try await _ = organizations.create(OrganizationChange(name: "Школа \(UUID().uuidString.prefix(6))", kind: "school"), actor: $0)
            }
            await expect(world, ["admin": .allowed, "coordinator": .allowed, "viewer": .allowed, "school A": .allowed],
                         "read the directory") { try await _ = organizations.get(world.schoolBID, scope: $0) }
            let users = UserStore(database: world.database)
            await expect(world, ["admin": .allowed, "coordinator": .forbidden, "viewer": .forbidden, "school A": .forbidden],
                         "add a user") {
                try await _ = users.addUser(login: "u\(UUID().uuidString.prefix(6))", role: .viewer, organizationID: nil, actor: $0)
            }
            await expect(world, ["admin": .allowed, "coordinator": .notFound, "school B": .notFound, "school A": .allowed],
                         "set school A's password") { try await users.setPassword(login: "school-a", password: "a-new-password", actor: $0) }
            await expect(world, ["admin": .allowed, "coordinator": .notFound, "school A": .allowed],
                         "issue a token for school A") { try await _ = users.issueToken(login: "school-a", actor: $0) }
            await expect(world, ["coordinator": .forbidden, "viewer": .forbidden, "school A": .forbidden],
                         "list users") { try await _ = users.listUsers(scope: $0) }
            let nobodyDisablesThemselves = await Self.outcome { try await _ = users.disableUser(login: "admin", actor: world.admin) }
            #expect(nobodyDisablesThemselves == .other("\(UseCaseError.conflict("You cannot disable your own account."))"))
            let analysts = AnalystStore(database: world.database)
            await expect(world, ["coordinator": .forbidden, "viewer": .forbidden, "school A": .forbidden],
                         "grant an analyst login") { try await _ = analysts.grant("analyst_x", actor: $0) }
            let imports = ImportStore(database: world.database)
            let plan = Data("Мероприятие;Срок;Ответственный исполнитель\nСеминар;Март 2019;МАОУ СОШ № 5\n".utf8)
            await expect(world, ["admin": .allowed, "coordinator": .allowed, "viewer": .forbidden, "school A": .forbidden],
                         "preview an import") {
                try await _ = imports.importDocument(plan, fileName: "plan.csv", options: ImportOptions(dryRun: true), actor: $0)
            }
            // Choosing what an unknown executor is: a known organisation (it gets the name as
            // an alias), a person; a choice that cannot hold is refused and writes nothing.
            let unknown = Data("Мероприятие;Срок;Ответственный исполнитель\nСеминар;Март 2019;Управление образования\nКонкурс;Апрель 2019;Методический кабинет\n".utf8)
            let choices: [String: ExecutorChoice] = ["Управление образования": .organization("Комитет образования"), "Методический кабинет": .person]
            await expect(world, ["admin": .allowed, "coordinator": .allowed, "viewer": .forbidden, "school A": .forbidden],
                         "choose what unknown executors are") {
                try await _ = imports.importDocument(unknown, fileName: "plan.csv", options: ImportOptions(dryRun: true, executorChoices: choices), actor: $0)
            }
            let chosen = try await imports.importDocument(unknown, fileName: "plan.csv", options: ImportOptions(executorChoices: choices),
                                                          actor: world.coordinator)
            #expect(chosen.createdOrganizations.isEmpty)
            #expect(chosen.addedAliases == ["Управление образования → Комитет образования"])
            #expect(try await organizations.get(world.committeeID, scope: world.viewer).aliases == ["Управление образования"])
            let taken = await Self.outcome {
                try await _ = imports.importDocument(unknown, fileName: "other.csv",
                                                     options: ImportOptions(executorChoices: ["Управление образования": .organization(world.schoolAID.uuidString)]),
                                                     actor: world.coordinator)
            }
            #expect(taken == .other("\(UseCaseError.conflict("«Управление образования» is already the name or an alias of «Комитет образования»"))"))
            let nowhere = await Self.outcome {
                try await _ = imports.importDocument(unknown, fileName: "other.csv",
                                                     options: ImportOptions(executorChoices: ["Методический кабинет": .organization("Комитет культуры")]),
                                                     actor: world.coordinator)
            }
            #expect(nowhere == .other("\(ImportError.choicesRefused([RefusedChoice(name: "Методический кабинет", reference: "Комитет культуры", candidates: [])]))"))
        }
    }
}
