import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Two records of one organisation made one: everything moves to the one kept, its names
/// become aliases, and a document naming either matches again.
@Suite("Merging organisations")
struct OrganizationMergeTests {
    let installation = Principal.installation(commandLine: "test")

    func count(_ lease: TestDatabase.Lease, _ sql: String) async throws -> Int {
        try await lease.pool.withConnection { (connection) throws in
            try connection.query(SQL(stringLiteral: "SELECT count(*)::int AS n FROM \(sql)")).first?.decode(Int.self, "n") ?? -1
        }
    }

    @Test func everythingOfTheOneRemovedMovesAndItsNameMatchesTheOneKept() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            // Order № 770 imported while the school existed twice: the import could not tell them apart.
            let organizations = OrganizationStore(database: lease.database)
            let kept = try await organizations.create(OrganizationChange(name: "МАОУ СОШ № 5 имени Ю.А.Гагарина", kind: "school"), actor: installation)
            // The same school again, as /admin once accepted it, with an alias of its own.
            let twinID = try await lease.pool.withConnection { (connection) throws in
                let id = try #require(try connection.query("""
                    INSERT INTO organizations (name, kind, normalized_name)
                    VALUES ('МАОУ СОШ № 5 имени Ю.А. Гагарина', 'school', \(OrganizationName("МАОУ СОШ № 5 имени Ю.А.Гагарина").key))
                    RETURNING id
                    """).first?.decode(UUID.self, "id"))
                _ = try connection.execute("""
                    INSERT INTO organization_aliases (organization_id, alias, normalized_alias)
                    VALUES (\(id), 'Пятая школа', \(OrganizationName("Пятая школа").key))
                    """)
                return id
            }
            let twin = try await organizations.update(twinID, OrganizationChange(shortName: "Школа № 5"), ifVersion: nil, actor: installation)
            let imports = ImportStore(database: lease.database)
            await #expect(throws: ImportError.self) {
                _ = try await imports.importPlan(try ImportStoreTests.order770(), actor: installation)
            }
            let message = await {
                do { _ = try await imports.importPlan(try ImportStoreTests.order770(), actor: installation); return "" } catch { return "\(error)" }
            }()
            #expect(message.contains("roadmapctl org merge"), "the refusal says how to merge: \(message)")

            // The twin has a user and an assignment of its own first.
            let order = try await OrderStore(database: lease.database).create(
                OrderChange(number: "1", date: CalendarDate(iso: "2019-01-10"), issuerID: kept.id, title: "Приказ"), actor: installation)
            let goal = try await PlanStore(database: lease.database).createGoal(orderID: order.id, title: "Цель", actor: installation)
            _ = try await PlanStore(database: lease.database).createAction(
                goalID: goal.id, ActionChange(title: "Семинар", deadline: "Март 2019", executorIDs: [twin.id]),
                asOf: try #require(CalendarDate(iso: "2019-01-10")), actor: installation)
            _ = try await UserStore(database: lease.database).addUser(login: "school5", role: .executor, organizationID: twin.id, actor: installation)

            let merged = try await OrganizationMerge(database: lease.database).merge(twin.id, into: kept.id, actor: installation)
            #expect(Set(merged.aliases) == ["Пятая школа", "Школа № 5"], "its short name too; a name the kept one has already is no alias")
            #expect(try await count(lease, "organizations WHERE id = '\(twin.id.uuidString)'") == 0)
            #expect(try await count(lease, "assignments WHERE executor_id = '\(kept.id.uuidString)'") == 1)
            #expect(try await count(lease, "action_executors WHERE organization_id = '\(kept.id.uuidString)'") == 1)
            #expect(try await UserStore(database: lease.database).user(login: "school5", scope: installation).organizationID == kept.id)
            #expect(try await organizations.resolve("Пятая школа", scope: installation).id == kept.id)
            let history = try await EventStore(database: lease.database)
                .list(entityType: "organization", entityID: kept.id, limit: 20, cursor: nil, scope: installation).items.map(\.event)
            #expect(history == ["created", "updated", "merged"], "the removed one's history is read with the kept one's")

            // The document that was refused goes in now, matching the one kept.
            let outcome = try await imports.importPlan(try ImportStoreTests.order770(), actor: installation)
            #expect(outcome.createdOrganizations.allSatisfy { !$0.contains("СОШ") })
        }
    }

    @Test func placesBothHoldAreRefusedAndNothingChanges() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let organizations = OrganizationStore(database: lease.database)
            let kept = try await organizations.create(OrganizationChange(name: "МБОУ Лицей № 14", kind: "school"), actor: installation)
            let twin = try await organizations.create(OrganizationChange(name: "Лицей четырнадцать", kind: "school"), actor: installation)
            let order = try await OrderStore(database: lease.database).create(
                OrderChange(number: "2", date: CalendarDate(iso: "2019-01-10"), issuerID: kept.id, title: "Приказ"), actor: installation)
            let goal = try await PlanStore(database: lease.database).createGoal(orderID: order.id, title: "Цель", actor: installation)
            _ = try await PlanStore(database: lease.database).createAction(
                goalID: goal.id, ActionChange(title: "Олимпиада", deadline: "Март 2019", executorIDs: [kept.id, twin.id]),
                asOf: try #require(CalendarDate(iso: "2019-01-10")), actor: installation)
            let merges = OrganizationMerge(database: lease.database)
            do {
                _ = try await merges.merge(twin.id, into: kept.id, actor: installation)
                Issue.record("a merge leaving one action assigned twice was accepted")
            } catch UseCaseError.conflict(let detail) {
                #expect(detail.contains("«Олимпиада»"))
            }
            #expect(try await count(lease, "organizations") == 2)
            #expect(try await count(lease, "assignments") == 2)
            await #expect(throws: UseCaseError.self) { _ = try await merges.merge(kept.id, into: kept.id, actor: installation) }
            await #expect(throws: UseCaseError.self) { _ = try await merges.merge(UUID(), into: kept.id, actor: installation) }
        }
    }

    @Test(arguments: [(Role.coordinator, true), (.viewer, false), (.executor, false)])
    func onlyTheCommitteesStaffMerge(_ role: Role, _ allowed: Bool) async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let organizations = OrganizationStore(database: lease.database)
            let kept = try await organizations.create(OrganizationChange(name: "МБДОУ Детский сад № 3", kind: "kindergarten"), actor: installation)
            let twin = try await organizations.create(OrganizationChange(name: "Садик № 3", kind: "kindergarten"), actor: installation)
            let users = UserStore(database: lease.database)
            _ = try await users.addUser(login: "someone", role: role, organizationID: role == .executor ? kept.id : nil, actor: installation)
            let actor = try await users.actor(login: "someone", commandLine: "test")
            let merge = { () async throws in _ = try await OrganizationMerge(database: lease.database).merge(twin.id, into: kept.id, actor: actor) }
            if allowed {
                try await merge()
            } else {
                await #expect(throws: UseCaseError.self) { try await merge() }
                #expect(try await count(lease, "organizations") == 2)
            }
        }
    }
}
