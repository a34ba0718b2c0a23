import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// A name that fits several organisations is never given to one by chance: a dry run lists it
/// with its candidates, an import refuses it and writes nothing, and a coordinator's choice
/// (one of them, a new organisation, a person, or another name of the same file) settles it.
@Suite("Importing a plan: names that fit several organisations")
struct ImportAmbiguityTests {
    static let actor = Principal.installation(commandLine: "test")

    /// Two schools of one name in two districts, and the committee.
    static func twins(_ lease: TestDatabase.Lease) async throws -> (north: UUID, south: UUID) {
        try await lease.pool.withConnection { (connection) throws in
            var ids: [UUID] = []
            for (name, kind) in [("МБОУ СОШ № 5", "school"), ("МБОУ СОШ № 5", "school"), ("Комитет образования", "committee")] {
                ids.append(try requireID(connection.query("""
                    INSERT INTO organizations (name, kind, normalized_name) VALUES (\(name), \(kind), \(OrganizationName(name).key)) RETURNING id
                    """)))
            }
            return (ids[0], ids[1])
        }
    }

    static func requireID(_ result: PostgresResult) throws -> UUID {
        try #require(try result.first?.decode(UUID.self, "id"))
    }

    static let plan = Data("""
        Мероприятие;Срок;Ответственный исполнитель
        Семинар;Март 2019;"Комитет образования, МБОУ СОШ № 5"
        Конкурс;Апрель 2019;МБОУ СОШ №5

        """.utf8)

    func counts(_ lease: TestDatabase.Lease) async throws -> [Int] {
        try await lease.pool.withConnection { (connection) throws in
            try ["organizations", "organization_aliases", "actions", "assignments", "events"].map { table in
                try connection.query("SELECT count(*)::int AS n FROM \(identifier: table)").first?.decode(Int.self, "n") ?? -1
            }
        }
    }

    func executors(_ lease: TestDatabase.Lease) async throws -> [String] {
        try await lease.pool.withConnection { (connection) throws in
            try connection.query("""
                SELECT ac.title || ': ' || string_agg(s.executor_id::text, ', ' ORDER BY s.executor_id) AS line
                FROM assignments s JOIN actions ac ON ac.id = s.action_id GROUP BY ac.title ORDER BY ac.title
                """).rows.map { try $0.decode(String.self, "line") }
        }
    }

    @Test func aDryRunListsTheNameWithItsCandidatesAndAnImportRefusesIt() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let (north, south) = try await Self.twins(lease)
            let store = ImportStore(database: lease.database)
            let before = try await counts(lease)
            let preview = try await store.importDocument(Self.plan, fileName: "plan.csv", options: ImportOptions(dryRun: true), actor: Self.actor)
            #expect(preview.ambiguousOrganizations.map(\.name) == ["МБОУ СОШ № 5"], "both spellings are one name to settle")
            #expect(Set(preview.ambiguousOrganizations.flatMap(\.candidates)) == [
                .init(id: north, name: "МБОУ СОШ № 5"), .init(id: south, name: "МБОУ СОШ № 5"),
            ])
            #expect(preview.createdOrganizations.isEmpty, "no third school is made up")
            #expect(preview.preview?.actions.map { $0.executors.map(\.match) } == [[.matched, .ambiguous], [.ambiguous]])
            let refused = await #expect(throws: ImportError.self) {
                try await store.importDocument(Self.plan, fileName: "plan.csv", actor: Self.actor)
            }
            guard case .ambiguousOrganizations(let names) = refused else {
                Issue.record("expected the names that fit several, got \(String(describing: refused))")
                return
            }
            #expect(names.map(\.name) == ["МБОУ СОШ № 5"])
            #expect("\(refused.map(String.init(describing:)) ?? "")".contains("--alias NAME=ID"))
            #expect(try await counts(lease) == before, "nothing written")
        }
    }

    @Test func theChosenOneIsGivenTheWorkAndKnownByTheNameFromThenOn() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let (north, south) = try await Self.twins(lease)
            let store = ImportStore(database: lease.database)
            let outcome = try await store.importDocument(
                Self.plan, fileName: "plan.csv", options: ImportOptions(executorChoices: ["МБОУ СОШ № 5": .organization(south.lowercased)]),
                actor: Self.actor)
            #expect(outcome.ambiguousOrganizations.isEmpty)
            #expect(outcome.addedAliases == ["МБОУ СОШ № 5 → МБОУ СОШ № 5"], "the name (both spellings alike) becomes the chosen one's alias")
            let given = try await executors(lease)
            #expect(given.count == 2)
            #expect(given.allSatisfy { $0.contains(south.lowercased) && !$0.contains(north.lowercased) })
            // The next document of the same name needs no choice.
            let next = Data("Мероприятие;Срок;Ответственный исполнитель\nСовещание;Май 2019;МБОУ СОШ № 5\n".utf8)
            let again = try await store.importDocument(next, fileName: "next.csv", actor: Self.actor)
            #expect(again.ambiguousOrganizations.isEmpty)
            #expect(again.createdOrganizations.isEmpty)
            #expect(try await executors(lease).contains { $0.hasPrefix("Совещание: \(south.lowercased)") })
        }
    }

    @Test func aCoordinatorMaySayItIsNoneOfThemOrAPerson() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let (north, south) = try await Self.twins(lease)
            let store = ImportStore(database: lease.database)
            let separate = try await store.importDocument(
                Self.plan, fileName: "plan.csv", options: ImportOptions(executorChoices: ["МБОУ СОШ № 5": .newOrganization]), actor: Self.actor)
            #expect(separate.createdOrganizations == ["МБОУ СОШ № 5"], "one new school for both spellings")
            let given = try await executors(lease)
            #expect(given.allSatisfy { !$0.contains(north.lowercased) && !$0.contains(south.lowercased) })
            let third = try await lease.pool.withConnection { (connection) throws in
                try Self.requireID(connection.query("SELECT id FROM organizations WHERE name = 'МБОУ СОШ № 5' AND NOT id = ANY(\([north, south]))"))
            }
            #expect(given.count == 2 && given.allSatisfy { $0.contains(third.lowercased) }, "both actions go to the new one: \(given)")

            let person = Data("Мероприятие;Срок;Ответственный исполнитель\nСовещание;Май 2019;Иванов И.И., МБОУ СОШ №5\n".utf8)
            let asPerson = try await store.importDocument(
                person, fileName: "person.csv", options: ImportOptions(dryRun: true, executorChoices: ["МБОУ СОШ №5": .person]), actor: Self.actor)
            #expect(asPerson.preview?.actions.first?.executors.map(\.match) == [.person, .person])
        }
    }

    /// The names a file creates can be what another of its names fits: that one is chosen by
    /// its name (a dry run keeps no id for it), and made its alias.
    @Test func aNameMayMeanAnotherNameOfTheSameFile() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let plan = Data("""
                Мероприятие;Срок;Ответственный исполнитель
                Совет;Март 2019;Музей истории колледжа, экспозиционный отдел
                Сайт;Апрель 2019;Музей истории колледжа, фондовый отдел
                Семинар;Май 2019;Музей истории колледжа

                """.utf8)
            let store = ImportStore(database: lease.database)
            let preview = try await store.importDocument(plan, fileName: "plan.csv", options: ImportOptions(dryRun: true), actor: Self.actor)
            let name = try #require(preview.ambiguousOrganizations.first)
            #expect(name.name == "Музей истории колледжа")
            #expect(name.candidates.map(\.id) == [nil, nil], "both candidates are new in this file: no id to keep")
            #expect(name.candidates.map(\.reference) == ["Музей истории колледжа, экспозиционный отдел", "Музей истории колледжа, фондовый отдел"])
            let outcome = try await store.importDocument(
                plan, fileName: "plan.csv",
                options: ImportOptions(executorChoices: ["Музей истории колледжа": .organization(name.candidates[0].reference)]),
                actor: Self.actor)
            #expect(outcome.createdOrganizations.count == 2)
            #expect(outcome.addedAliases == ["Музей истории колледжа → Музей истории колледжа, экспозиционный отдел"])
            let given = try await lease.pool.withConnection { (connection) throws in
                try connection.query("""
                    SELECT ac.title || ': ' || o.name AS line FROM assignments s JOIN actions ac ON ac.id = s.action_id
                    JOIN organizations o ON o.id = s.executor_id ORDER BY ac.title
                    """).rows.map { try $0.decode(String.self, "line") }
            }
            #expect(given == ["Сайт: Музей истории колледжа, фондовый отдел", "Семинар: Музей истории колледжа, экспозиционный отдел",
                              "Совет: Музей истории колледжа, экспозиционный отдел"])
            // A name that is neither a known organisation nor one of the file's is still refused.
            let nowhere = await #expect(throws: ImportError.self) {
                try await store.importDocument(plan, fileName: "plan.csv",
                                               options: ImportOptions(executorChoices: ["Музей истории колледжа": .organization("Служба, которой нет")]),
                                               actor: Self.actor)
            }
            #expect(nowhere == .choicesRefused([RefusedChoice(name: "Музей истории колледжа", reference: "Служба, которой нет", candidates: [])]))
        }
    }
}
