import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// A name the reader takes for a post («Методист ИМЦ», «Классные руководители») is kept on the
/// action as a person, and is listed so that a coordinator can say it is an organisation after
/// all: a known one (the name becomes its alias, and later plans find it by itself) or a new
/// one. A choice that cannot hold is refused and writes nothing.
@Suite("Importing a plan: names read as posts")
struct ImportPersonChoiceTests {
    static let actor = Principal.installation(commandLine: "test")
    static let centre = "МКУ «Информационно-методический центр»"

    static let plan = Data("""
        Мероприятие;Срок;Ответственный исполнитель
        Семинар;Март 2019;"Методист ИМЦ, Классные руководители"
        Конкурс;Апрель 2019;Методист ИМЦ

        """.utf8)

    /// The committee and its methodical centre.
    static func directory(_ lease: TestDatabase.Lease) async throws -> UUID {
        try await lease.pool.withConnection { (connection) throws in
            var ids: [UUID] = []
            for (name, kind) in [(centre, "municipal_institution"), ("Комитет образования", "committee")] {
                ids.append(try #require(try connection.query("""
                    INSERT INTO organizations (name, kind, normalized_name) VALUES (\(name), \(kind), \(OrganizationName(name).key)) RETURNING id
                    """).first?.decode(UUID.self, "id")))
            }
            return ids[0]
        }
    }

    func counts(_ lease: TestDatabase.Lease) async throws -> [Int] {
        try await lease.pool.withConnection { (connection) throws in
            try ["organizations", "organization_aliases", "actions", "assignments", "action_persons", "events"].map { table in
                try connection.query("SELECT count(*)::int AS n FROM \(identifier: table)").first?.decode(Int.self, "n") ?? -1
            }
        }
    }

    /// Each action's executors: organisations by name, persons as written, in the plan's order.
    func executors(_ lease: TestDatabase.Lease) async throws -> [String] {
        try await lease.pool.withConnection { (connection) throws in
            try connection.query("""
                SELECT ac.title || ': ' || string_agg(coalesce(o.name, e.person_role), ', ' ORDER BY e.position) AS line
                FROM action_executors e JOIN actions ac ON ac.id = e.action_id LEFT JOIN organizations o ON o.id = e.organization_id
                GROUP BY ac.title ORDER BY ac.title
                """).rows.map { try $0.decode(String.self, "line") }
        }
    }

    @Test func aPostIsAPersonAndListedForTheCoordinator() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            _ = try await Self.directory(lease)
            let store = ImportStore(database: lease.database)
            let before = try await counts(lease)
            let preview = try await store.importDocument(Self.plan, fileName: "plan.csv", options: ImportOptions(dryRun: true), actor: Self.actor)
            #expect(preview.persons == ["Методист ИМЦ", "Классные руководители"], "each name once, in the order met")
            #expect(preview.createdOrganizations.isEmpty)
            #expect(preview.preview?.actions.map { $0.executors.map(\.match) } == [[.person, .person], [.person]])
            #expect(try await counts(lease) == before, "a dry run writes nothing")
            let imported = try await store.importDocument(Self.plan, fileName: "plan.csv", actor: Self.actor)
            #expect(imported.persons == ["Методист ИМЦ", "Классные руководители"])
            #expect(try await executors(lease) == ["Конкурс: Методист ИМЦ", "Семинар: Методист ИМЦ, Классные руководители"])
        }
    }

    @Test func aCoordinatorMaySayAPostIsAKnownOrganisationAndLaterPlansFindIt() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let centre = try await Self.directory(lease)
            let store = ImportStore(database: lease.database)
            let outcome = try await store.importDocument(
                Self.plan, fileName: "plan.csv", options: ImportOptions(executorChoices: ["Методист ИМЦ": .organization(Self.centre)]),
                actor: Self.actor)
            #expect(outcome.persons == ["Классные руководители"], "a name chosen for is no longer one to check")
            #expect(outcome.createdOrganizations.isEmpty)
            #expect(outcome.addedAliases == ["Методист ИМЦ → \(Self.centre)"])
            #expect(try await executors(lease) == ["Конкурс: \(Self.centre)", "Семинар: \(Self.centre), Классные руководители"])
            let given = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT count(*)::int AS n FROM assignments WHERE executor_id = \(centre)").first?.decode(Int.self, "n")
            }
            #expect(given == 2, "the centre has the work of both actions")

            // The next plan naming it so needs no choice: the alias is the organisation's name.
            let next = Data("Мероприятие;Срок;Ответственный исполнитель\nСовещание;Май 2019;Методист ИМЦ\n".utf8)
            let again = try await store.importDocument(next, fileName: "next.csv", actor: Self.actor)
            #expect(again.persons.isEmpty)
            #expect(again.addedAliases.isEmpty && again.createdOrganizations.isEmpty)
            #expect(try await executors(lease).contains("Совещание: \(Self.centre)"))
        }
    }

    @Test func aCoordinatorMaySayAPostIsANewOrganisation() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            _ = try await Self.directory(lease)
            let store = ImportStore(database: lease.database)
            let outcome = try await store.importDocument(
                Self.plan, fileName: "plan.csv", options: ImportOptions(executorChoices: ["Методист ИМЦ": .newOrganization]), actor: Self.actor)
            #expect(outcome.createdOrganizations == ["Методист ИМЦ"])
            #expect(try await executors(lease) == ["Конкурс: Методист ИМЦ", "Семинар: Методист ИМЦ, Классные руководители"])
            let kind = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT kind FROM organizations WHERE name = 'Методист ИМЦ'").first?.decode(String.self, "kind")
            }
            #expect(kind == "other", "an organisation of no kind the name says")
            let organisations = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT count(*)::int AS n FROM action_executors WHERE organization_id IS NOT NULL").first?.decode(Int.self, "n")
            }
            #expect(organisations == 2)
        }
    }

    @Test func anOrganisationThatIsNoneKnownIsRefusedAndNothingIsWritten() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            _ = try await Self.directory(lease)
            let store = ImportStore(database: lease.database)
            let before = try await counts(lease)
            let refused = await #expect(throws: ImportError.self) {
                try await store.importDocument(
                    Self.plan, fileName: "plan.csv", options: ImportOptions(executorChoices: ["Методист ИМЦ": .organization("Центр, которого нет")]),
                    actor: Self.actor)
            }
            #expect(refused == .choicesRefused([RefusedChoice(name: "Методист ИМЦ", reference: "Центр, которого нет", candidates: [])]))
            #expect(try await counts(lease) == before)
        }
    }
}
