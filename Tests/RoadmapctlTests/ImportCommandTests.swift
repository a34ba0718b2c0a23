import Foundation
import RoadmapPostgres
import RoadmapTestSupport
import Testing

@Suite("roadmapctl import")
struct ImportCommandTests {
    let runner = RoadmapctlRunner()

    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RoadmapImportTests/Fixtures")
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text)")
    }

    /// A plan written to a temporary file, removed by the caller's `defer`.
    func temporaryPlan(_ name: String, _ text: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: file)
        return file
    }

    /// A known organisation of the directory.
    func organization(_ name: String, kind: String, key: String, in lease: TestDatabase.Lease) async throws -> UUID {
        try await lease.pool.withConnection { (connection) throws in
            try #require(try connection.query("""
                INSERT INTO organizations (name, kind, normalized_name) VALUES (\(name), \(kind), \(key)) RETURNING id
                """).first?.decode(UUID.self, "id"))
        }
    }

    func importFile(_ name: String, _ extra: [String] = [], into lease: TestDatabase.Lease) throws -> RoadmapctlRunner.Outcome {
        try runner.run(["import", Self.fixtures.appendingPathComponent(name).path, "--format", "json", "--database-url", lease.connectionString] + extra)
    }

    /// A name that fits two schools: the dry run says which to choose from, the import
    /// refuses it (exit 1, nothing written) and `--alias NAME=ID` settles it.
    @Test func aNameThatFitsSeveralIsToChooseWithAnAlias() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            var twins: [UUID] = []
            for _ in 0..<2 { twins.append(try await organization("МБОУ СОШ № 77", kind: "school", key: "мбоу сош № 77", in: lease)) }
            let file = try temporaryPlan("twins", "Мероприятие;Срок;Ответственный исполнитель\nСеминар;Март 2019;МБОУ СОШ № 77\n")
            defer { try? FileManager.default.removeItem(at: file) }
            let base = ["import", file.path, "--database-url", lease.connectionString]
            let dry = try runner.run(base + ["--dry-run"])
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(dry.stdout.contains("TO CHOOSE: «МБОУ СОШ № 77» fits several organisations equally well"), "\(dry.stdout)")
            #expect(twins.allSatisfy { dry.stdout.contains($0.lowercased) })
            #expect(dry.stdout.contains("МБОУ СОШ № 77 (FITS SEVERAL organisations: to choose)"))
            let refused = try runner.run(base)
            #expect(refused.status == 1, "\(refused.stdout)")
            #expect(refused.stderr.contains("--alias NAME=ID"), "\(refused.stderr)")
            let chosen = try runner.run(base + ["--alias", "МБОУ СОШ № 77=\(twins[1].lowercased)"])
            #expect(chosen.status == 0, "\(chosen.stderr)")
            let given = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT executor_id FROM assignments").rows.map { try $0.decode(UUID.self, "executor_id") }
            }
            #expect(given == [twins[1]])
            // Another plan naming the same school of a third district: none of the two.
            let other = try temporaryPlan("third", "Мероприятие;Срок;Ответственный исполнитель\nСовещание;Апрель 2019;мбоу сош №77\n")
            defer { try? FileManager.default.removeItem(at: other) }
            let separate = try runner.run(["import", other.path, "--database-url", lease.connectionString, "--new-organization", "мбоу сош №77"])
            #expect(separate.status == 0, "\(separate.stderr)")
            #expect(separate.stdout.contains("New organisations: 1: мбоу сош №77"), "\(separate.stdout)")
            let third = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT DISTINCT executor_id FROM assignments").rows.map { try $0.decode(UUID.self, "executor_id") }
            }
            #expect(third.count == 2 && !twins.contains { $0 == third.first { $0 != twins[1] } })
        }
    }

    /// Names read as posts: the dry run lists them with the way to say one is an organisation,
    /// and `--alias NAME=ORGANISATION` makes it that organisation.
    @Test func aNameReadAsAPostIsListedAndMayBeAnAlias() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let centre = try await organization("МКУ «ИМЦ»", kind: "municipal_institution", key: "мку имц", in: lease)
            let file = try temporaryPlan("posts", "Мероприятие;Срок;Ответственный исполнитель\nСеминар;Март 2019;\"Методист ИМЦ, Классные руководители\"\n")
            defer { try? FileManager.default.removeItem(at: file) }
            let base = ["import", file.path, "--database-url", lease.connectionString]
            let dry = try runner.run(base + ["--dry-run"])
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(dry.stdout.contains("Persons and posts (no organisation): 2: Методист ИМЦ; Классные руководители"), "\(dry.stdout)")
            #expect(dry.stdout.contains("--alias «NAME=ORGANISATION»"))
            let chosen = try runner.run(base + ["--alias", "Методист ИМЦ=МКУ «ИМЦ»"])
            #expect(chosen.status == 0, "\(chosen.stderr)")
            #expect(chosen.stdout.contains("Aliases added: Методист ИМЦ → МКУ «ИМЦ»"), "\(chosen.stdout)")
            #expect(chosen.stdout.contains("Persons and posts (no organisation): 1: Классные руководители"), "\(chosen.stdout)")
            let given = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT executor_id FROM assignments").rows.map { try $0.decode(UUID.self, "executor_id") }
            }
            #expect(given == [centre])
        }
    }

    /// The dry run says the academic year months without a year were read in, or that none was
    /// found and how to give one; a year that is none is refused before anything is read.
    @Test func theDryRunSaysTheAcademicYearItReadMonthsIn() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let file = try temporaryPlan("months", "Мероприятие;Срок;Ответственный исполнитель\nСовещание;сентябрь;Комитет образования\n")
            defer { try? FileManager.default.removeItem(at: file) }
            let base = ["import", file.path, "--dry-run", "--order", "1", "--date", "2025-01-30", "--issuer", "Комитет образования",
                        "--database-url", lease.connectionString]
            let none = try runner.run(base)
            #expect(none.status == 0, "\(none.stderr)")
            #expect(none.stdout.contains("Academic year: none found; --academic-year YYYY reads months without a year in it"), "\(none.stdout)")
            let given = try runner.run(base + ["--academic-year", "2024"])
            #expect(given.status == 0, "\(given.stderr)")
            #expect(given.stdout.contains("Academic year: 2024/2025 (months without a year are read in it)"), "\(given.stdout)")
            #expect(given.stdout.contains("deadlines not understood: 0"), "\(given.stdout)")
            let json = try object(try runner.run(base + ["--academic-year", "2024", "--format", "json"]).stdout)
            #expect(json["academic_year"] as? Int == 2024)
            let typo = try runner.run(base + ["--academic-year", "20224"])
            #expect(typo.status != 0)
            #expect(typo.stderr.contains("--academic-year must be a year like 2022 (1990–2200), got 20224"), "\(typo.stderr)")
        }
    }

    @Test func order770ImportsOnceAndThenChangesNothing() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let dry = try importFile("004_153ef6bb7bb7f341.txt", ["--dry-run"], into: lease)
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(try object(dry.stdout)["dry_run"] as? Bool == true)
            // The dry run shows the plan as read, action by action.
            let preview = try #require(try object(dry.stdout)["preview"] as? [String: Any])
            let actions = try #require(preview["actions"] as? [[String: Any]])
            #expect(actions.count == 3)
            #expect(actions.first?["deadline"] as? String == "Сентябрь 2018 – апрель 2019")
            #expect(actions.first?["period"] as? String == "2018-09-01..2019-04-30")
            let executors = try #require(actions.first?["executors"] as? [[String: Any]])
            #expect(executors.compactMap { $0["match"] as? String }.allSatisfy { ["matched", "probable", "new", "person"].contains($0) })
            #expect(!executors.isEmpty)
            // Each action shows the goal it serves with the goal's four tasks: the seed's actions
            // serve the goal as a whole, naming no task of their own.
            let goal = try #require(actions.first?["goal"] as? [String: Any])
            #expect((goal["title"] as? String)?.hasPrefix("Повышение профессиональной компетенции педагогов") == true)
            #expect((goal["tasks"] as? [String])?.count == 4)
            #expect(actions.allSatisfy { ($0["tasks"] as? [String]) == [] })
            let table = try runner.run(["import", Self.fixtures.appendingPathComponent("004_153ef6bb7bb7f341.txt").path, "--dry-run",
                                        "--database-url", lease.connectionString])
            #expect(table.stdout.contains("The plan as read:"), "\(table.stdout)")
            #expect(table.stdout.contains("deadline «Сентябрь 2018 – апрель 2019» → 2018-09-01..2019-04-30"))
            #expect(table.stdout.contains("  Goal: Повышение профессиональной компетенции педагогов"), "\(table.stdout)")
            #expect(table.stdout.contains("    task 4: Активизировать участие педагогов в конкурсах профмастерства"), "\(table.stdout)")
            let orders = try await lease.pool.withConnection { try $0.query("SELECT count(*) AS n FROM orders").first?.decode(Int.self, "n") }
            #expect(orders == 0)

            let first = try object(try importFile("004_153ef6bb7bb7f341.txt", into: lease).stdout)
            let order = try #require(first["order"] as? [String: Any])
            #expect(order["number"] as? String == "770")
            #expect(order["date"] as? String == "2018-06-25")
            #expect(first["goals"] as? Int == 1)
            #expect(first["tasks"] as? Int == 4)
            #expect(first["actions"] as? Int == 3)
            #expect((first["executors"] as? [String])?.count == 3)
            #expect(first["deadlines_unparsed"] as? Int == 0)
            #expect(first["assignments_created"] as? Int == 7)

            let second = try object(try importFile("004_153ef6bb7bb7f341.txt", into: lease).stdout)
            #expect(second["changed"] as? Bool == false)
            #expect(second["assignments_created"] as? Int == 0)
        }
    }

    @Test(arguments: ["order770.docx", "order770.xlsx", "order770-cp1251.csv"])
    func officeFilesImportToTheSamePlan(file: String) async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let outcome = try importFile(file, into: lease)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let json = try object(outcome.stdout)
            #expect((json["order"] as? [String: Any])?["number"] as? String == "770")
            #expect(json["goals"] as? Int == 1)
            #expect(json["tasks"] as? Int == 4)
            #expect(json["actions"] as? Int == 3)
            #expect(json["assignments_created"] as? Int == 7)
            let header = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT signatory, controller FROM orders").first.map {
                    (try $0.decode(String?.self, "signatory"), try $0.decode(String?.self, "controller"))
                }
            }
            #expect(header?.0 == "Председатель комитета образования Е.Д.Выжимов")
            #expect(header?.1 == header?.0)
        }
    }

    @Test(arguments: [
        // file, academic year, goals, tasks, actions, partners
        ("000_ddb912d28cb13497.txt", "2022", 2, 0, 13, 13),
        ("001_fc12653a00570d93.txt", nil, 1, 6, 10, 11),
        ("002_8a4f5a097a206d04.txt", nil, 1, 6, 13, 0),
    ] as [(String, String?, Int, Int, Int, Int)])
    func seedPlansImportWithTheirCounts(file: String, year: String?, goals: Int, tasks: Int, actions: Int, partners: Int) async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let extra = (year.map { ["--academic-year", $0] } ?? []) + ["--owner", "МАДОУ «Детский сад № 1»"]
            let outcome = try importFile(file, extra, into: lease)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let json = try object(outcome.stdout)
            #expect(json["order"] is NSNull)
            #expect(json["goals"] as? Int == goals)
            #expect(json["tasks"] as? Int == tasks)
            #expect(json["actions"] as? Int == actions)
            #expect((json["partners"] as? [String])?.count == partners)
            #expect(json["deadlines_unparsed"] as? Int == 0)
            let again = try object(try importFile(file, extra, into: lease).stdout)
            #expect(again["changed"] as? Bool == false)
            if file.hasPrefix("000") {
                let agreements = try await lease.pool.withConnection { try $0.query("SELECT count(*) AS n FROM agreements").first?.decode(Int.self, "n") }
                #expect(agreements == 3)
            }
            if file.hasPrefix("002") {
                let roles = try await lease.pool.withConnection {
                    try $0.query("SELECT count(DISTINCT lower(person_role)) AS n FROM action_executors WHERE person_role IS NOT NULL").first?.decode(Int.self, "n")
                }
                #expect((roles ?? 0) > 0)
            }
        }
    }

    /// The preview's choices from the terminal: a name that is a person, a name that is a known
    /// organisation's (which gets it as an alias); an unknown organisation is refused.
    @Test func executorsCanBeDeclaredPersonsOrAKnownOrganisation() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let first = try object(try importFile("004_153ef6bb7bb7f341.txt", into: lease).stdout)
            #expect((first["created_organizations"] as? [String])?.contains { $0.contains("Центр сопровождения") } == true)
            let plan = Data("Мероприятие;Срок;Ответственный исполнитель\nСеминар;Март 2019;ЦСОД\nКонкурс;Апрель 2019;Методический кабинет\n".utf8)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("choices-\(UUID().uuidString).csv")
            try plan.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let base = ["import", file.path, "--format", "json", "--database-url", lease.connectionString]
            let unknown = try runner.run(base + ["--alias", "ЦСОД=Центр, которого нет"])
            #expect(unknown.status == 1, "\(unknown.stdout)")
            #expect(unknown.stderr.contains("Центр, которого нет"), "\(unknown.stderr)")
            let done = try runner.run(base + ["--person", "Методический кабинет",
                                              "--alias", "ЦСОД=МКУ «Центр сопровождения образовательной деятельности»"])
            #expect(done.status == 0, "\(done.stderr)")
            let outcome = try object(done.stdout)
            #expect(outcome["created_organizations"] as? [String] == [])
            #expect((outcome["added_aliases"] as? [String])?.first?.hasPrefix("ЦСОД → ") == true)
            let bad = try runner.run(base + ["--alias", "ЦСОД"])
            #expect(bad.status == 2, "\(bad.stderr)")
        }
    }

    @Test func proseOnlyIsRefusedAndWritesNothing() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let outcome = try importFile("003_e4c257c19e74403b.txt", into: lease)
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains("003_e4c257c19e74403b.txt"))
            #expect(outcome.stderr.lowercased().contains("no plan table"))
            let plans = try await lease.pool.withConnection { try $0.query("SELECT count(*) AS n FROM plans").first?.decode(Int.self, "n") }
            #expect(plans == 0)
        }
    }

    @Test func badUsageAndMissingFiles() throws {
        #expect(try runner.run(["import", "x.txt", "--date", "2018-02-30"]).status == 2)
        let missing = try runner.run(["import", "/nonexistent/plan.docx", "--database-url", "postgresql:///x?host=/nonexistent"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/plan.docx"))
    }
}
