import Foundation
import RoadmapImport
import RoadmapPostgres
import RoadmapTestSupport
import Testing
import ZIPFoundation

/// The committee's terminal work on order № 770: organisations, the plan, status,
/// reports, extensions, history and export, each with its errors.
@Suite("roadmapctl org, order, status, report, extend, history, export")
struct WorkCommandTests {
    let runner = RoadmapctlRunner()

    func run(_ arguments: [String], _ lease: TestDatabase.Lease) throws -> RoadmapctlRunner.Outcome {
        try runner.run(arguments + ["--database-url", lease.connectionString])
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// Order № 770 imported; an admin and a school user for СОШ № 5.
    func setUp(_ lease: TestDatabase.Lease) throws -> (school: String, assignments: [[String: Any]]) {
        let fixture = ImportCommandTests.fixtures.appendingPathComponent("004_153ef6bb7bb7f341.txt").path
        #expect(try run(["import", fixture], lease).status == 0)
        #expect(try run(["user", "add", "boss", "--role", "admin"], lease).status == 0)
        let school = try #require(try json(try run(["org", "list", "--search", "СОШ № 5", "--format", "json"], lease).stdout) as? [[String: Any]])
        let schoolID = try #require(school.first?["id"] as? String)
        #expect(try run(["user", "add", "school5", "--role", "executor", "--organization", schoolID], lease).status == 0)
        let status = try run(["status", "--order", "770/2018-06-25", "--format", "json"], lease)
        let assignments = try #require(try json(status.stdout) as? [[String: Any]], "\(status.stderr)")
        return (schoolID, assignments)
    }

    @Test func organisationsAreAddedListedAliasedAndImported() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            #expect(try run(["user", "add", "boss", "--role", "admin"], lease).status == 0)
            let added = try run(["org", "add", "МБОУ «Средняя общеобразовательная школа № 22»", "--kind", "school", "--short-name", "СОШ № 22", "--alias", "Школа № 22"], lease)
            #expect(added.status == 0, "\(added.stderr)")
            #expect(try run(["org", "add", "МБОУ «СРЕДНЯЯ общеобразовательная школа №22»", "--kind", "school"], lease).status == 1)
            #expect(try run(["org", "add", "Вуз", "--kind", "university"], lease).status == 2)
            let shown = try run(["org", "show", "школа № 22"], lease)
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout.contains("СОШ № 22"))
            #expect(try run(["org", "alias", "СОШ № 22", "школа двадцать два"], lease).status == 0)
            #expect(try run(["org", "show", "школа двадцать два", "--format", "json"], lease).stdout.contains("школа двадцать два"))
            #expect(try run(["org", "show", "Нет такой"], lease).status == 1)
            // Two records of one school made one; the removed one's name finds the one kept.
            #expect(try run(["org", "add", "Двадцать вторая школа", "--kind", "school"], lease).status == 0)
            let merged = try run(["org", "merge", "СОШ № 22", "Двадцать вторая школа"], lease)
            #expect(merged.status == 0, "\(merged.stderr)")
            #expect(merged.stdout.contains("merged into «МБОУ «Средняя общеобразовательная школа № 22»»"), "\(merged.stdout)")
            #expect(try run(["org", "show", "Двадцать вторая школа", "--format", "json"], lease).stdout.contains("Средняя общеобразовательная школа № 22"))
            #expect(try run(["org", "merge", "СОШ № 22", "СОШ № 22"], lease).status == 1, "an organisation is not merged into itself")
            #expect(try run(["org", "merge", "СОШ № 22", "Нет такой"], lease).status == 1)

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orgs-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let good = folder.appendingPathComponent("orgs.csv")
            try "name;kind;short_name;aliases\r\nМАДОУ «Детский сад № 1»;kindergarten;Д/с № 1;Садик 1|ДС1\r\nМБОУ «Средняя общеобразовательная школа № 22»;school;;Двадцать вторая\r\n"
                .write(to: good, atomically: true, encoding: .utf8)
            let dry = try run(["org", "import", good.path, "--dry-run"], lease)
            #expect(dry.stdout.contains("would add 1"), "\(dry.stdout)\(dry.stderr)")
            let imported = try run(["org", "import", good.path], lease)
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("Added 1") && imported.stdout.contains("updated 1"))
            let bad = folder.appendingPathComponent("bad.csv")
            try "name;kind\nЛицей № 3;school\nКолледж;college\n".write(to: bad, atomically: true, encoding: .utf8)
            let refused = try run(["org", "import", bad.path], lease)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("line 3"), "\(refused.stderr)")
            let list = try run(["org", "list", "--format", "csv"], lease)
            #expect(!list.stdout.contains("Лицей № 3"), "a refused file adds nothing")
            #expect(list.stdout.hasPrefix("id,kind,name,short name,aliases"))
        }
    }

    @Test func theCommitteeWorksAnOrderFromTheTerminal() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let (_, assignments) = try setUp(lease)
            #expect(assignments.count == 7)

            let orders = try run(["order", "list", "--as-of", "2019-04-01"], lease)
            #expect(orders.stdout.contains("770/2018-06-25"), "\(orders.stdout)")
            let tree = try run(["order", "show", "770/2018-06-25", "--as-of", "2019-04-01"], lease)
            #expect(tree.status == 0, "\(tree.stderr)")
            #expect(tree.stdout.contains("Приказ № 770 от 25.06.2018"))
            #expect(tree.stdout.contains("срок: Сентябрь 2018 – апрель 2019"))
            #expect(tree.stdout.contains("overdue"))
            #expect(try run(["order", "show", "999/2018-06-25"], lease).status == 1)
            #expect(try run(["order", "show", "770-2018"], lease).status == 1)

            let overdue = try run(["status", "--order", "770/2018-06-25", "--overdue", "--as-of", "2019-04-01"], lease)
            #expect(overdue.status == 0, "\(overdue.stderr)")
            let summary = try #require(overdue.stdout.split(separator: "\n").last)
            #expect(summary.contains("as of 01.04.2019") && summary.contains("просрочено"), "\(summary)")
            let mine = try run(["status", "--as", "school5", "--format", "json"], lease)
            let own = try #require(try json(mine.stdout) as? [[String: Any]])
            #expect(own.count < 7 && !own.isEmpty, "a school sees its own assignments only")
            #expect(try run(["status", "--due-within", "soon"], lease).status == 2)
            #expect(try run(["status", "--as-of", "2019-02-30"], lease).status == 2)

            let target = try #require(own.first?["id"] as? String)
            let submitted = try run(["report", "submit", target, "--done-on", "2019-03-20", "--text", "Проведено", "--evidence", "https://school5.example/1", "--as", "school5", "--format", "json"], lease)
            #expect(submitted.status == 0, "\(submitted.stderr)")
            let reportID = try #require((try json(submitted.stdout) as? [String: Any])?["id"] as? String)
            #expect(try run(["report", "return", reportID], lease).status == 2, "a comment is required")
            let bySchool = try run(["report", "accept", reportID, "--as", "school5"], lease)
            #expect(bySchool.status == 1)
            #expect(bySchool.stderr.contains("committee"))
            #expect(try run(["report", "return", reportID, "--comment", "Нужна программа", "--as", "boss"], lease).status == 0)
            #expect(try run(["report", "submit", target, "--done-on", "2019-03-21", "--text", "С программой", "--as", "school5"], lease).status == 0)

            let other = try #require(assignments.first { ($0["id"] as? String) != target && ($0["executor"] as? String)?.contains("СОШ") == false }?["id"] as? String)
            let foreign = try run(["report", "submit", other, "--done-on", "2019-03-20", "--text", "x", "--as", "school5"], lease)
            #expect(foreign.status == 1)
            #expect(foreign.stderr.contains("No assignment"))

            let requested = try run(["extend", "request", target, "--to", "2030-01-31", "--reason", "Ремонт", "--as", "school5"], lease)
            #expect(requested.status == 0, "a reported assignment is still open: its deadline may move \(requested.stderr)")

            let history = try run(["history", "assignment/\(target)", "--format", "json"], lease)
            let events = try #require(try json(history.stdout) as? [[String: Any]], "\(history.stderr)")
            #expect(events.map { $0["event"] as? String } == ["reported", "returned", "reported"], "imports record one event on the plan")
            #expect(try run(["history", UUID().uuidString], lease).status == 1)
        }
    }

    @Test func extensionsMoveDueDates() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let (_, _) = try setUp(lease)
            let mine = try #require(try json(try run(["status", "--as", "school5", "--format", "json"], lease).stdout) as? [[String: Any]])
            let target = try #require(mine.first?["id"] as? String)
            let requested = try run(["extend", "request", target, "--to", "2030-01-31", "--reason", "Ремонт", "--as", "school5"], lease)
            #expect(requested.status == 0, "\(requested.stderr)")
            let extensionID = try #require(requested.stdout.split(separator: " ").dropFirst().first.map(String.init))
            #expect(try run(["extend", "approve", extensionID, "--as", "school5"], lease).status == 1)
            let approved = try run(["extend", "approve", extensionID, "--comment", "Согласовано"], lease)
            #expect(approved.status == 0, "\(approved.stderr)")
            let after = try #require(try json(try run(["status", "--as", "school5", "--format", "json"], lease).stdout) as? [[String: Any]])
            #expect(after.contains { $0["id"] as? String == target && $0["due_on"] as? String == "2030-01-31" })
            #expect(try run(["extend", "reject", extensionID], lease).status == 1)
            #expect(try run(["extend", "request", "not-an-id", "--to", "2030-01-31", "--reason", "x"], lease).status == 2)
        }
    }

    /// The committee moves a deadline itself: one school's, then the whole action's.
    @Test func theCommitteeMovesDeadlinesDirectly() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let (_, _) = try setUp(lease)
            let mine = try #require(try json(try run(["status", "--as", "school5", "--format", "json"], lease).stdout) as? [[String: Any]])
            let target = try #require(mine.first?["id"] as? String)
            let refused = try run(["deadline", "move", target, "--to", "2030-01-31", "--reason", "Сам", "--as", "school5"], lease)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("extension"))
            let moved = try run(["deadline", "move", target, "--to", "2030-01-31", "--reason", "Карантин"], lease)
            #expect(moved.status == 0, "\(moved.stderr)")
            #expect(moved.stdout.contains("31.01.2030"), "\(moved.stdout)")
            let after = try #require(try json(try run(["status", "--as", "school5", "--format", "json"], lease).stdout) as? [[String: Any]])
            #expect(after.contains { $0["id"] as? String == target && $0["due_on"] as? String == "2030-01-31" })
            let history = try run(["history", "assignment/\(target)", "--format", "json"], lease)
            let events = try #require(try json(history.stdout) as? [[String: Any]], "\(history.stderr)")
            #expect(events.contains { $0["event"] as? String == "deadline_moved" && $0["reason"] as? String == "Карантин" })

            let actionID = try await lease.pool.withConnection { connection in
                try connection.query("SELECT action_id FROM assignments WHERE id = \(try #require(UUID(uuidString: target)))").first?.decode(UUID.self, "action_id")
            }
            let whole = try run(["deadline", "move", "--action", try #require(actionID).uuidString, "--to", "2030-02-28", "--reason", "Перенос"], lease)
            #expect(whole.status == 0, "\(whole.stderr)")
            #expect(whole.stdout.split(separator: "\n").count >= 1)
            #expect(try run(["deadline", "move", target, "--to", "2030-02-28"], lease).status == 2, "a reason is required")
            #expect(try run(["deadline", "move", target, "--to", "31.02.2030", "--reason", "x"], lease).status == 2)
            #expect(try run(["deadline", "move", target, "--action", target, "--to", "2030-02-28", "--reason", "x"], lease).status == 2)
            #expect(try run(["deadline", "move", UUID().uuidString, "--to", "2030-02-28", "--reason", "x"], lease).status == 1)
        }
    }

    /// An import undone from the terminal: a plan with no order and an order, each withdrawn
    /// with a reason and restored by the installation's administrator.
    @Test func theCommitteeWithdrawsAndRestoresFromTheTerminal() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            _ = try setUp(lease)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("наш-отчёт-\(UUID().uuidString.prefix(6)).tsv")
            try Data("№\tМероприятие\tСрок\tОтветственные\n1\tКонкурс чтецов\tМарт 2019\tСОШ № 5\n".utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let imported = try run(["import", file.path, "--academic-year", "2018"], lease)
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("roadmapctl plan withdraw"), "\(imported.stdout)")
            let loose = try #require(try json(try run(["plan", "list", "--format", "json"], lease).stdout) as? [[String: Any]])
            let planID = try #require(loose.first?["id"] as? String)
            #expect(loose.count == 1 && loose.first?["assignments"] as? Int == 1)

            #expect(try run(["plan", "withdraw", planID], lease).status == 2, "a reason is required")
            #expect(try run(["plan", "withdraw", planID, "--reason", "Не тот файл", "--as", "school5"], lease).status == 1)
            let withdrawn = try run(["plan", "withdraw", planID, "--reason", "Не тот файл"], lease)
            #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
            #expect(try run(["plan", "withdraw", planID, "--reason", "Ещё раз"], lease).status == 1)
            let listed = try #require(try json(try run(["plan", "list", "--withdrawn", "--format", "json"], lease).stdout) as? [[String: Any]])
            #expect(listed.map { $0["id"] as? String } == [planID])
            #expect(try run(["plan", "restore", planID], lease).status == 0)

            let order = try run(["order", "withdraw", "770/2018-06-25", "--reason", "Импортирован по ошибке"], lease)
            #expect(order.status == 0, "\(order.stderr)")
            #expect(try #require(try json(try run(["order", "list", "--format", "json"], lease).stdout) as? [Any]).isEmpty)
            let mine = try #require(try json(try run(["status", "--as", "school5", "--format", "json"], lease).stdout) as? [[String: Any]])
            #expect(mine.count == 1, "the school keeps only the restored plan's assignment")
            #expect(try run(["order", "restore", "770/2018-06-25", "--as", "school5"], lease).status == 1)
            #expect(try run(["order", "restore", "770/2018-06-25"], lease).status == 0)
            #expect(try #require(try json(try run(["order", "list", "--format", "json"], lease).stdout) as? [Any]).count == 1)
        }
    }

    /// A report with files from the terminal: a program renamed .pdf refuses the report.
    @Test func aReportCarriesFilesFromTheTerminal() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            _ = try setUp(lease)
            let mine = try #require(try json(try run(["status", "--as", "school5", "--format", "json"], lease).stdout) as? [[String: Any]])
            let target = try #require(mine.first?["id"] as? String)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let good = folder.appendingPathComponent("акт.pdf")
            let bad = folder.appendingPathComponent("список.pdf")
            try Data("%PDF-1.4\n%%EOF\n".utf8).write(to: good)
            try Data(Array("MZ".utf8) + Array(repeating: 0x90, count: 100)).write(to: bad)
            let arguments = ["report", "submit", target, "--done-on", "2018-10-20", "--text", "Проведено", "--as", "school5"]
            let refused = try run(arguments + ["--file", good.path, "--file", bad.path], lease)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("список.pdf") || refused.stderr.contains("content"), "\(refused.stderr)")
            #expect(try run(arguments + ["--file", folder.appendingPathComponent("нет.pdf").path], lease).status == 2)
            let sent = try run(arguments + ["--file", good.path], lease)
            #expect(sent.status == 0, "\(sent.stderr)")
            let files = try await lease.pool.withConnection { connection in
                try connection.query("SELECT count(*)::int AS n FROM evidence_files WHERE file_name = 'акт.pdf'").first?.decode(Int.self, "n")
            }
            #expect(files == 1)
        }
    }

    /// The daily reminder pass from the terminal: order № 770's October deadline is 7 days
    /// ahead on 24 October 2018; a dry run and a second run queue nothing more.
    @Test func theDailyPassQueuesRemindersOnceFromTheTerminal() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let (school, _) = try setUp(lease)
            #expect(try run(["user", "add", "deputy5", "--role", "executor", "--organization", school, "--email", "нет адреса"], lease).status == 1)
            #expect(try run(["user", "add", "deputy5", "--role", "executor", "--organization", school, "--email", "deputy@school5.example.ru"], lease).status == 0)
            let dry = try run(["notify", "run", "--as-of", "2018-10-24", "--dry-run", "--format", "json"], lease)
            #expect(dry.status == 0, "\(dry.stderr)")
            let planned = try #require(try json(dry.stdout) as? [[String: Any]])
            #expect(planned.map { $0["recipient"] as? String } == ["deputy@school5.example.ru"])
            #expect((planned.first?["subject"] as? String)?.hasPrefix("Срок через 7 дней: Семинар") == true)
            let queued = try run(["notify", "run", "--as-of", "2018-10-24"], lease)
            #expect(queued.status == 0 && queued.stderr.contains("1 reminder(s) queued"), "\(queued.stderr)")
            #expect(try run(["notify", "run", "--as-of", "2018-10-24"], lease).stderr.contains("0 reminder(s) queued, 1 queued before"))
            #expect(try run(["notify", "run", "--as-of", "24.10.2018"], lease).status == 2)
            #expect(try run(["notify", "run", "--as-of", "2018-10-24", "--as", "school5"], lease).status == 1)
            let status = try #require(try json(try run(["notify", "status", "--format", "json"], lease).stdout) as? [[String: Any]])
            #expect(status.first { $0["status"] as? String == "queued" }?["count"] as? Int == 1)

            // A school's calendar feed address, printed once; the installation has no deadlines of its own.
            let feed = try run(["calendar", "issue", "--organization", "СОШ № 5", "--public-url", "https://roadmap.example/"], lease)
            #expect(feed.status == 0 && feed.stdout.hasPrefix("https://roadmap.example/calendar/rm_") && feed.stdout.contains(".ics"), "\(feed.stderr)")
            #expect(try run(["calendar", "issue"], lease).status == 1)
            #expect(try run(["calendar", "issue", "--as", "school5"], lease).status == 0)
        }
    }

    @Test func theSummaryOfOrder770AsOfADayIsPrintedAsATableJSONCSVAndXLSX() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let (_, assignments) = try setUp(lease)
            let own = try #require(try json(try run(["status", "--as", "school5", "--format", "json"], lease).stdout) as? [[String: Any]])
            let target = try #require(own.first { ($0["due_on"] as? String).map { $0 >= "2019-03-20" } ?? false } ?? own.first)
            let targetID = try #require(target["id"] as? String)
            let submitted = try run(["report", "submit", targetID, "--done-on", "2019-03-20", "--text", "Проведено", "--as", "school5", "--format", "json"], lease)
            let reportID = try #require((try json(submitted.stdout) as? [String: Any])?["id"] as? String, "\(submitted.stderr)")
            #expect(try run(["report", "accept", reportID, "--as", "boss"], lease).status == 0)

            // A hand count from the list of assignments: the accepted one done, the rest by their due days.
            let others = assignments.filter { ($0["id"] as? String) != targetID }
            let overdue = others.filter { ($0["due_on"] as? String).map { $0 < "2019-04-01" } ?? false }.count
            let summary = try run(["summary", "770/2018-06-25", "--as-of", "2019-04-01", "--format", "json"], lease)
            #expect(summary.status == 0, "\(summary.stderr)")
            let totals = try #require((try json(summary.stdout) as? [String: Any])?["totals"] as? [String: Any])
            #expect(totals["total"] as? Int == assignments.count)
            #expect((totals["done_on_time"] as? Int ?? 0) + (totals["done_late"] as? Int ?? 0) == 1)
            #expect(totals["overdue"] as? Int == overdue)
            #expect(totals["not_yet_due"] as? Int == assignments.count - 1 - overdue)

            let table = try run(["summary", "770/2018-06-25", "--as-of", "2019-04-01"], lease)
            #expect(table.stdout.contains("Итого по приказу") && table.stdout.contains("Проведено"), "\(table.stdout)")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("summary-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let csv = try run(["summary", "770/2018-06-25", "--as-of", "2019-04-01", "--format", "csv"], lease)
            #expect(csv.stdout.contains(";Итого по приказу;;;;;\(assignments.count);"), "\(csv.stdout)")
            let xlsxFile = folder.appendingPathComponent("svodka.xlsx")
            #expect(try run(["summary", "770/2018-06-25", "--as-of", "2019-04-01", "--format", "xlsx", "--output", xlsxFile.path], lease).status == 0)
            let rows = try #require(try DocumentReader.read(data: try Data(contentsOf: xlsxFile), fileName: "svodka.xlsx").tables.first?.rows)
            #expect(rows.first?.map(\.text).prefix(4) == ["№", "Мероприятие, исполнитель", "Срок", "Исполнение"])
            #expect(rows.last?.map(\.text).contains("Итого по приказу") == true)
            #expect(rows.contains { $0.contains { $0.text == "20.03.2019" } }, "the work day is a real date cell")

            #expect(try run(["summary", "770/2018-06-25", "--as-of", "2019-02-30"], lease).status == 2)
            #expect(try run(["summary", "1/2001-01-01"], lease).status == 1)
        }
    }

    @Test func exportsOpenInExcelAndRunNoFormulas() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let (_, assignments) = try setUp(lease)
            // An executor whose name would be a formula in a spreadsheet.
            #expect(try run(["org", "add", "=HYPERLINK(\"http://evil\")", "--kind", "other"], lease).status == 0)
            let actions = try #require(try json(try run(["order", "show", "770/2018-06-25", "--format", "json"], lease).stdout) as? [String: Any])
            _ = actions
            let anyAssignment = try #require(assignments.first?["id"] as? String)
            let actionID = try await lease.pool.withConnection { connection in
                try connection.query("SELECT action_id FROM assignments WHERE id = \(UUID(uuidString: anyAssignment)!)").first?.decode(UUID.self, "action_id")
            }
            let assigned = try run(["assign", try #require(actionID).uuidString, "=HYPERLINK(\"http://evil\")"], lease)
            #expect(assigned.status == 0, "\(assigned.stderr)")
            #expect(try run(["assign", try #require(actionID).uuidString, "Нет такой организации"], lease).status == 1)
            #expect(try run(["assign", "not-an-id", "СОШ № 5"], lease).status == 2)
            #expect(try run(["assign", UUID().uuidString, "СОШ № 5"], lease).status == 1)

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let csvFile = folder.appendingPathComponent("770.csv")
            let csv = try run(["export", "--order", "770/2018-06-25", "--format", "csv", "--output", csvFile.path, "--as-of", "2019-04-01"], lease)
            #expect(csv.status == 0, "\(csv.stderr)")
            let bytes = try Data(contentsOf: csvFile)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 9, "a header and 8 assignments")
            #expect(lines[0].hasPrefix("№;Цель;Мероприятие;"))
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "rows end with CRLF")
            #expect(text.contains(";31.10.2018;"), "dates as dd.mm.yyyy")
            #expect(text.contains(";\"'=HYPERLINK(\"\"http://evil\"\")\";") || text.contains(";'=HYPERLINK"), "a formula is escaped: \(text)")
            #expect(!text.contains(";=HYPERLINK"))

            let xlsxFile = folder.appendingPathComponent("770.xlsx")
            let xlsx = try run(["export", "--order", "770/2018-06-25", "--format", "xlsx", "--output", xlsxFile.path], lease)
            #expect(xlsx.status == 0, "\(xlsx.stderr)")
            let data = try Data(contentsOf: xlsxFile)
            let document = try DocumentReader.read(data: data, fileName: "770.xlsx")
            let rows = try #require(document.tables.first?.rows)
            #expect(rows.count == 9)
            #expect(rows[0].map(\.text).prefix(3) == ["№", "Цель", "Мероприятие"])
            #expect(rows.dropFirst().contains { $0.contains { $0.text == "31.10.2018" } }, "dates are real date cells")
            let archive = try Archive(data: data, accessMode: .read)
            var sheet = Data()
            let entry = try #require(archive["xl/worksheets/sheet1.xml"])
            _ = try archive.extract(entry) { sheet.append($0) }
            let xml = String(decoding: sheet, as: UTF8.self)
            #expect(xml.contains("state=\"frozen\"") && xml.contains("ySplit=\"1\""))
            #expect(xml.contains("<autoFilter ref=\"A1:I9\"/>"))
            #expect(!xml.contains("<f>"), "no formulas")
            #expect(try run(["export", "--order", "770/2018-06-25", "--format", "pdf"], lease).status == 2)
            #expect(try run(["export", "--order", "1/2001-01-01", "--format", "csv"], lease).status == 1)
        }
    }
}
