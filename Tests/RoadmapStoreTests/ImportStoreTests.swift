import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

@Suite("Importing a plan")
struct ImportStoreTests {
    /// Order № 770's plan, as the document parser produces it.
    static func order770(deadline third: String = "Октябрь 2018", thirdExecutors: String = "Комитет образования, МКУ «Центр сопровождения образовательной деятельности», МАОУ СОШ № 5 имени Ю.А.Гагарина, город Тамбов", actions count: Int = 3) throws -> PlanDraft {
        func action(_ title: String, _ deadline: String, _ executors: String) throws -> ActionDraft {
            ActionDraft(
                title: title, expectedResult: "Распространение лучших педагогических практик",
                deadline: try Deadline.parse(deadline, in: .none), executors: ExecutorList(parsing: executors).executors)
        }
        let all = [
            try action("Конкурсы профессионального мастерства", "Сентябрь 2018 – апрель 2019", "Комитет образования, МКУ «Центр сопровождения образовательной деятельности», город Тамбов"),
            try action("Фестиваль мастер-классов", "Март 2019", "Комитет образования, МКУ «Центр сопровождения образовательной деятельности», город Тамбов"),
            try action("Семинар «Современные педагогические технологии»", third, thirdExecutors),
        ]
        return PlanDraft(
            sourceName: "004.txt",
            order: OrderHeader(number: "770", date: CalendarDate(year: 2018, month: 6, day: 25), issuer: "Комитет образования",
                               title: "О Плане мероприятий", signatory: "Е.Д.Выжимов", controller: "Е.Д.Выжимов"),
            title: "План мероприятий («дорожная карта»)",
            goals: [GoalDraft(title: "Повышение профессиональной компетенции педагогов",
                              tasks: (1...4).map { TaskDraft(position: $0, title: "Задача \($0)") },
                              actions: Array(all.prefix(count)))])
    }

    func counts(_ lease: TestDatabase.Lease) async throws -> [String: Int] {
        try await lease.pool.withConnection { (connection) throws in
            var result: [String: Int] = [:]
            for table in ["organizations", "orders", "plans", "goals", "tasks", "actions", "action_tasks", "action_executors", "assignments", "events"] {
                result[table] = try connection.query("SELECT count(*) AS n FROM \(identifier: table)").first?.decode(Int.self, "n")
            }
            result["versions"] = try connection.query("""
                SELECT (SELECT coalesce(sum(version), 0) FROM actions) + (SELECT coalesce(sum(version), 0) FROM assignments)
                     + (SELECT coalesce(sum(version), 0) FROM orders) + (SELECT coalesce(sum(version), 0) FROM plans) AS n
                """).first?.decode(Int.self, "n")
            return result
        }
    }

    @Test func importsTheOrderItsPlanAndOneAssignmentPerActionAndExecutor() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let store = ImportStore(database: lease.database)
            let outcome = try await store.importPlan(try Self.order770(), actor: .installation(commandLine: "test"))
            #expect(outcome.order == .init(number: "770", date: "2018-06-25", issuer: "Комитет образования"))
            #expect(outcome.goals == 1)
            #expect(outcome.tasks == 4)
            #expect(outcome.actions == 3)
            #expect(outcome.assignmentsCreated == 7)
            #expect(outcome.executors.count == 3)
            #expect(outcome.createdOrganizations.count == 3)
            #expect(outcome.changed)
            let rows = try await counts(lease)
            #expect(rows["assignments"] == 7)
            #expect(rows["action_tasks"] == 12)
            #expect(rows["events"] == 2, "the plan's and the order's history record the import")
            let march = try await lease.pool.withConnection { (connection) throws in
                try connection.query("""
                    SELECT a.due_on FROM assignments a JOIN actions x ON x.id = a.action_id WHERE x.deadline_text = 'Март 2019' LIMIT 1
                    """).first?.decode(CalendarDate.self, "due_on")
            }
            #expect(march?.iso == "2019-03-31")
        }
    }

    @Test func aSecondImportOfTheSameDocumentChangesNoRow() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let store = ImportStore(database: lease.database)
            _ = try await store.importPlan(try Self.order770(), actor: .installation(commandLine: "test"))
            let before = try await counts(lease)
            let again = try await store.importPlan(try Self.order770(), actor: .installation(commandLine: "test"))
            #expect(!again.changed)
            #expect(again.assignmentsCreated == 0)
            #expect(again.createdOrganizations.isEmpty)
            #expect(try await counts(lease) == before)
        }
    }

    @Test func aDryRunWritesNothing() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let before = try await counts(lease)
            let outcome = try await ImportStore(database: lease.database).importPlan(try Self.order770(), options: ImportOptions(dryRun: true), actor: .installation(commandLine: "test"))
            #expect(outcome.dryRun)
            #expect(outcome.assignmentsCreated == 7)
            #expect(try await counts(lease) == before)
            // The plan as read names the goal each action serves, with its tasks; these actions
            // name no task of their own.
            let goals = outcome.preview?.actions.map(\.goal)
            #expect(goals == Array(repeating: ImportPreview.Goal(title: "Повышение профессиональной компетенции педагогов",
                                                                   tasks: (1...4).map { "Задача \($0)" }), count: 3))
            #expect(outcome.preview?.actions.allSatisfy(\.tasks.isEmpty) == true)

            // An action's own tasks by their positions; a plan of one goal and no tasks (read
            // without any «Цель») shows no goal: its goal is the plan itself.
            var plan = try Self.order770()
            plan.goals[0].actions[1].taskPositions = [2, 4]
            let named = try await ImportStore(database: lease.database).importPlan(plan, options: ImportOptions(dryRun: true), actor: .installation(commandLine: "test"))
            #expect(named.preview?.actions.map(\.tasks) == [[], ["Задача 2", "Задача 4"], []])
            plan.goals[0].tasks = []
            plan.goals[0].actions[1].taskPositions = []
            let plain = try await ImportStore(database: lease.database).importPlan(plan, options: ImportOptions(dryRun: true), actor: .installation(commandLine: "test"))
            #expect(plain.preview?.actions.map(\.goal) == [nil, nil, nil])
            #expect(try await counts(lease) == before)
        }
    }

    @Test func strictRefusesUnknownExecutorsAndWritesNothing() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let before = try await counts(lease)
            let error = await #expect(throws: ImportError.self) {
                try await ImportStore(database: lease.database).importPlan(try Self.order770(), options: ImportOptions(strict: true), actor: .installation(commandLine: "test"))
            }
            guard case .unknownOrganizations(let names) = error else {
                Issue.record("expected unknown organisations, got \(String(describing: error))")
                return
            }
            #expect(names.contains("Комитет образования"))
            #expect(try await counts(lease) == before)
        }
    }

    /// A plan of months with no year is read in the academic year the import is given, which
    /// the outcome says; a year that is none (a typo) is refused before the file is read.
    @Test func monthsWithoutAYearAreReadInTheAcademicYearGiven() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let store = ImportStore(database: lease.database)
            let plan = Data("Мероприятие;Срок;Ответственный исполнитель\nСовещание;сентябрь;Комитет образования\nСеминар;март;Комитет образования\n".utf8)
            let options = ImportOptions(dryRun: true, orderNumber: "1", orderDate: CalendarDate(year: 2025, month: 1, day: 30), issuer: "Комитет образования")
            let actor = Principal.installation(commandLine: "test")
            let before = try await counts(lease)

            let unread = try await store.importDocument(plan, fileName: "plan.csv", options: options, actor: actor)
            #expect(unread.academicYear == nil)
            #expect(unread.deadlinesUnparsed == 2)
            let read = try await store.importDocument(plan, fileName: "plan.csv", academicYear: 2024, options: options, actor: actor)
            #expect(read.academicYear == 2024)
            #expect(read.deadlinesUnparsed == 0)
            #expect(read.preview?.actions.map(\.period) == ["2024-09-01..2024-09-30", "2025-03-01..2025-03-31"])
            for typo in [20224, 1924] {
                await #expect(throws: ImportError.academicYearUnsupported(typo)) {
                    try await store.importDocument(plan, fileName: "plan.csv", academicYear: typo, options: options, actor: actor)
                }
            }
            #expect(try await counts(lease) == before)
        }
    }

    /// A plan of its own (no order) imported with no year, its months kept as text, and then
    /// again with its academic year: the same plan, now dated, not a second one beside it. The
    /// same plan for another year is another plan.
    @Test func aPlanImportedWithoutItsYearIsDatedByTheNextImportThatGivesIt() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let store = ImportStore(database: lease.database)
            let actor = Principal.installation(commandLine: "test")
            func draft(_ year: Int?) throws -> PlanDraft {
                let context: DeadlineContext = year.map { .academicYear(startingIn: $0) } ?? .none
                let deadline = (try? Deadline.parse("сентябрь", in: context)) ?? .unparsed("сентябрь")
                return PlanDraft(sourceName: "plan.txt", title: "План работы с одарёнными детьми", academicYear: year, goals: [
                    GoalDraft(title: "Мероприятия плана", actions: [
                        ActionDraft(title: "Школьный этап олимпиады", deadline: deadline, executors: ExecutorList(parsing: "Комитет образования").executors),
                    ]),
                ])
            }
            func plans() async throws -> [String] {
                try await lease.pool.withConnection { (connection) throws in
                    try connection.query("""
                        SELECT coalesce(p.academic_year::text, '-') || ' ' || coalesce(min(s.due_on)::text, '-') AS line
                        FROM plans p JOIN goals g ON g.plan_id = p.id JOIN actions a ON a.goal_id = g.id LEFT JOIN assignments s ON s.action_id = a.id
                        GROUP BY p.id, p.academic_year ORDER BY p.academic_year NULLS FIRST
                        """).rows.map { try $0.decode(String.self, "line") }
                }
            }
            _ = try await store.importPlan(try draft(nil), actor: actor)
            #expect(try await plans() == ["- -"])
            let dated = try await store.importPlan(try draft(2024), actor: actor)
            #expect(dated.changed)
            #expect(try await plans() == ["2024 2024-09-30"], "the same plan, given its year")
            _ = try await store.importPlan(try draft(2025), actor: actor)
            #expect(try await plans() == ["2024 2024-09-30", "2025 2025-09-30"], "another year, another plan")
            let again = try await store.importPlan(try draft(2024), actor: actor)
            #expect(!again.changed)
        }
    }

    @Test func anIncompleteOrderIsRefused() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            var draft = try Self.order770()
            draft.order?.date = nil
            await #expect(throws: ImportError.orderIncomplete("no order date")) {
                try await ImportStore(database: lease.database).importPlan(draft, actor: .installation(commandLine: "test"))
            }
        }
    }

    @Test func aCorrectedVersionUpdatesWhatChangedAndKeepsReports() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let store = ImportStore(database: lease.database)
            _ = try await store.importPlan(try Self.order770(), actor: .installation(commandLine: "test"))
            // A school reports on the seminar.
            _ = try await lease.pool.withConnection { (connection) throws in
                try connection.execute("""
                    INSERT INTO reports (assignment_id, done_on, text)
                    SELECT a.id, '2018-10-20', 'Семинар проведён' FROM assignments a JOIN actions x ON x.id = a.action_id
                    JOIN organizations o ON o.id = a.executor_id
                    WHERE x.position = 3 AND o.name LIKE 'МАОУ%'
                    """)
            }
            // The corrected order moves the seminar to November and drops the school from it.
            let corrected = try Self.order770(deadline: "Ноябрь 2018", thirdExecutors: "Комитет образования, МКУ «Центр сопровождения образовательной деятельности»")
            let outcome = try await store.importPlan(corrected, actor: .installation(commandLine: "test"))
            #expect(outcome.changed)
            #expect(outcome.assignmentsCreated == 0)
            let rows = try await lease.pool.withConnection { (connection) throws in
                try connection.query("""
                    SELECT o.name, a.status, a.due_on, (SELECT count(*) FROM reports r WHERE r.assignment_id = a.id) AS reports
                    FROM assignments a JOIN actions x ON x.id = a.action_id JOIN organizations o ON o.id = a.executor_id
                    WHERE x.position = 3 ORDER BY o.name
                    """).rows.map { (try $0.decode(String.self, "name"), try $0.decode(String.self, "status"), try $0.decode(CalendarDate.self, "due_on").iso, try $0.decode(Int.self, "reports")) }
            }
            #expect(rows.count == 3)
            #expect(rows.filter { $0.1 != "cancelled" }.allSatisfy { $0.2 == "2018-11-30" })
            let school = try #require(rows.first { $0.0.hasPrefix("МАОУ") })
            #expect(school.1 == "cancelled")
            #expect(school.3 == 1)

            // Dropping an action nobody reported on deletes it; the one with a report stays.
            let shorter = try Self.order770(actions: 2)
            let third = try await store.importPlan(shorter, actor: .installation(commandLine: "test"))
            #expect(third.changed)
            let actions = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT count(*) AS n FROM actions").first?.decode(Int.self, "n")
            }
            #expect(actions == 3)
            #expect(third.warnings.contains { $0.description.contains("has reports") })
        }
    }

    /// A school added to one action gets its executor row and its assignment; nothing else
    /// is written again, and the next import of the same version changes nothing.
    @Test func aCorrectedVersionAddingASchoolWritesOnlyItsRows() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let store = ImportStore(database: lease.database)
            _ = try await store.importPlan(try Self.order770(), actor: .installation(commandLine: "test"))
            let before = try await counts(lease)
            let added = try Self.order770(
                thirdExecutors: "Комитет образования, МКУ «Центр сопровождения образовательной деятельности», МАОУ СОШ № 5 имени Ю.А.Гагарина, МБОУ СОШ № 7, город Тамбов")
            let outcome = try await store.importPlan(added, actor: .installation(commandLine: "test"))
            #expect(outcome.changed)
            #expect(outcome.assignmentsCreated == 1)
            let after = try await counts(lease)
            #expect(after["action_executors"] == (before["action_executors"] ?? 0) + 1)
            #expect(after["assignments"] == (before["assignments"] ?? 0) + 1)
            // No other assignment was touched: the new one is the only row at version 1 added.
            #expect(after["versions"] == (before["versions"] ?? 0) + 1)
            let again = try await store.importPlan(added, actor: .installation(commandLine: "test"))
            #expect(!again.changed)
            #expect(try await counts(lease) == after)
        }
    }

    /// A preview is an import rolled back; a vacuum after it records `actions` as empty (its
    /// pages hold only dead rows), and the count triggers of the real import would join its
    /// 10,000 assignments with the actions in a nested loop over all of them. The import
    /// analyses the tables first when their statistics say fewer actions than it wrote.
    @Test func aLargeImportAfterAPreviewAndAVacuumCountsItsActionsFirst() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let schools = (1...200).map { "МАОУ СОШ № \($0)" }.joined(separator: ", ")
            let rows = (1...50).map { "Мероприятие \($0);Март 2025;\"\(schools)\"" }
            let plan = Data((["Мероприятие;Срок;Ответственный исполнитель"] + rows).joined(separator: "\n").utf8)
            var options = ImportOptions(dryRun: true, orderNumber: "1", orderDate: CalendarDate(year: 2025, month: 1, day: 30), issuer: "Комитет образования")
            let store = ImportStore(database: lease.database)
            let actor = Principal.installation(commandLine: "test")
            let preview = try await store.importDocument(plan, fileName: "plan.csv", options: options, actor: actor)
            #expect(preview.assignmentsCreated == 10_000)
            let statistics = { () async throws -> (pages: Int, tuples: Double) in
                try await lease.pool.withConnection { (connection) throws in
                    let row = try connection.query("SELECT relpages::int AS pages, reltuples::float8 AS tuples FROM pg_class WHERE oid = 'actions'::regclass").first
                    return (try row?.decode(Int.self, "pages") ?? 0, try row?.decode(Double.self, "tuples") ?? -1)
                }
            }
            try await lease.pool.withConnection { (connection) throws in try connection.execute(script: "VACUUM (TRUNCATE false) actions, goals") }
            let vacuumed = try await statistics()
            #expect(vacuumed.pages > 0 && vacuumed.tuples == 0)
            options.dryRun = false
            let outcome = try await store.importDocument(plan, fileName: "plan.csv", options: options, actor: actor)
            #expect(outcome.assignmentsCreated == 10_000)
            #expect(try await statistics().tuples >= 50)
        }
    }

    @Test func aDocumentNamingOneSchoolTwiceGivesItOneAssignment() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let draft = try Self.order770(thirdExecutors: "МАОУ СОШ № 5, МАОУ «СОШ № 5»")
            let outcome = try await ImportStore(database: lease.database).importPlan(draft, actor: .installation(commandLine: "test"))
            #expect(outcome.assignmentsCreated == 5)
        }
    }

    /// «ОО района», «ДОУ», «образовательные организации»: the plan means every school (and
    /// kindergarten) the committee has, and each of them is given the action.
    @Test func aNameForEverySchoolGivesTheActionToEachSchoolTheDirectoryHas() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            try await lease.pool.withConnection { (connection) throws in
                for (name, kind) in [("МБОУ СОШ № 1", "school"), ("МБОУ СОШ № 2", "school"), ("МБДОУ № 7", "kindergarten"), ("Комитет образования", "committee")] {
                    _ = try connection.query("INSERT INTO organizations (name, kind, normalized_name) VALUES (\(name), \(kind), \(OrganizationName(name).key))")
                }
            }
            let plan = Data("""
                Мероприятие;Срок;Ответственный исполнитель
                Семинар;Март 2019;ОО района
                Праздник;Апрель 2019;все ДОУ
                Совещание;Май 2019;"Комитет образования, образовательные организации"
                Конкурс;Май 2019;Руководители ОО
                Рейд;Июнь 2019;"ОМВД России по району (по согласованию), МБОУ СОШ № 2 (по согласованию)"

                """.utf8)
            let store = ImportStore(database: lease.database)
            let actor = Principal.installation(commandLine: "test")
            let preview = try await store.importDocument(plan, fileName: "plan.csv", options: ImportOptions(dryRun: true), actor: actor)
            let seminar = preview.preview?.actions.first?.executors
            #expect(seminar?.map(\.written) == ["ОО района"])
            #expect(seminar?.map(\.match) == [.group])
            #expect(seminar?.map(\.members) == [2])
            #expect(preview.preview?.actions.dropFirst(3).first?.executors.map(\.match) == [.person])
            let outcome = try await store.importDocument(plan, fileName: "plan.csv", actor: actor)
            #expect(outcome.assignmentsCreated == 2 + 1 + 4 + 2)
            #expect(outcome.createdOrganizations == ["ОМВД России по району"], "a remark «(по согласованию)» is no part of a name")
            #expect(outcome.warnings.isEmpty)
            let given = try await lease.pool.withConnection { (connection) throws in
                try connection.query("""
                    SELECT ac.title, string_agg(o.name, '; ' ORDER BY o.name) AS names
                    FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN organizations o ON o.id = s.executor_id
                    GROUP BY ac.title ORDER BY ac.title
                    """).rows.map { "\(try $0.decode(String.self, "title")): \(try $0.decode(String.self, "names"))" }
            }
            #expect(given == [
                "Праздник: МБДОУ № 7",
                "Рейд: МБОУ СОШ № 2; ОМВД России по району",
                "Семинар: МБОУ СОШ № 1; МБОУ СОШ № 2",
                "Совещание: Комитет образования; МБДОУ № 7; МБОУ СОШ № 1; МБОУ СОШ № 2",
            ])
            let again = try await store.importDocument(plan, fileName: "plan.csv", actor: actor)
            #expect(!again.changed)
        }
    }

    /// A school the file names is one of «ОО» in the rows after it.
    @Test func aSchoolTheFileCreatesIsAMemberOfTheGroupInLaterRows() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            try await lease.pool.withConnection { (connection) throws in
                _ = try connection.query("INSERT INTO organizations (name, kind, normalized_name) VALUES ('МБОУ СОШ № 1', 'school', \(OrganizationName("МБОУ СОШ № 1").key))")
            }
            let plan = Data("Мероприятие;Срок;Ответственный исполнитель\nСеминар;Март 2019;ОО\nКонкурс;Апрель 2019;МБОУ СОШ № 9\nСовещание;Май 2019;ОО\n".utf8)
            let outcome = try await ImportStore(database: lease.database).importDocument(
                plan, fileName: "plan.csv", actor: .installation(commandLine: "test"))
            #expect(outcome.createdOrganizations == ["МБОУ СОШ № 9"])
            let given = try await lease.pool.withConnection { (connection) throws in
                try connection.query("""
                    SELECT ac.title, string_agg(o.name, '; ' ORDER BY o.name) AS names
                    FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN organizations o ON o.id = s.executor_id
                    GROUP BY ac.title ORDER BY ac.title
                    """).rows.map { "\(try $0.decode(String.self, "title")): \(try $0.decode(String.self, "names"))" }
            }
            #expect(given == ["Конкурс: МБОУ СОШ № 9", "Семинар: МБОУ СОШ № 1", "Совещание: МБОУ СОШ № 1; МБОУ СОШ № 9"])
        }
    }

    /// With no school in the directory yet, «ОО» is no new organisation: the name stays on the
    /// action as written, and a warning says nobody was given the work.
    @Test func aNameForEverySchoolWithNoSchoolKnownIsKeptAsWrittenAndSaysSo() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let plan = Data("Мероприятие;Срок;Ответственный исполнитель\nСеминар;Март 2019;ОО\nСовещание;Май 2019;ОО\n".utf8)
            let outcome = try await ImportStore(database: lease.database).importDocument(
                plan, fileName: "plan.csv", actor: .installation(commandLine: "test"))
            #expect(outcome.createdOrganizations.isEmpty)
            #expect(outcome.assignmentsCreated == 0)
            #expect(outcome.warnings.map(\.kind) == [.groupWithoutMembers(name: "ОО", group: .schools)])
            let kept = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT person_role FROM action_executors ORDER BY person_role").rows.map { try $0.decode(String.self, "person_role") }
            }
            #expect(kept == ["ОО", "ОО"])
        }
    }
}
