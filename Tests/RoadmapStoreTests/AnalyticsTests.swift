import Foundation
import RoadmapDomain
import RoadmapImport
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// The `analytics` views and the `roadmap_analyst` role: the questions of
/// docs/analytics.md run as an analyst, and an analyst reads nothing else and writes nothing.
@Suite("Analytics views and the analyst role")
struct AnalyticsTests {
    /// The `### ` questions of docs/analytics.md and their ```sql blocks.
    static func questions() throws -> [(title: String, sql: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/analytics.md"), encoding: .utf8)
        var result: [(String, String)] = []
        var title: String?
        var block: [String]?
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("### ") { title = String(line.dropFirst(4)) }
            if line.hasPrefix("```sql"), title != nil { block = []; continue }
            if line.hasPrefix("```"), let lines = block, let heading = title {
                result.append((heading, lines.joined(separator: "\n")))
                block = nil
                title = nil
                continue
            }
            block?.append(line)
        }
        return result
    }

    /// Order № 770 imported, a report accepted, one returned, an extension approved.
    static func seed(_ pool: PostgresPool) async throws {
        try await DemoData.loadOrganizations(into: Database(pool: pool))
        let document = try #require(DemoData.documents.first { $0.name.hasPrefix("004") })
        let source = TextDocumentReader.read(document.text, name: document.name)
        _ = try await ImportStore(database: Database(pool: pool)).importPlan(try PlanDocumentParser().parse(source), actor: .installation(commandLine: "test"))
        _ = try await UserStore(database: Database(pool: pool)).addUser(login: "coord", role: .coordinator, organizationID: nil, actor: .installation(commandLine: "test"))
        let actor = Principal(userID: try await UserStore(database: Database(pool: pool)).user(login: "coord", scope: .installation(commandLine: "test")).id, login: "coord", role: .coordinator, organizationID: nil)
        let ids = try await pool.withConnection { connection in
            try connection.query("SELECT id FROM assignments ORDER BY due_on, id LIMIT 3").rows.map { try $0.decode(UUID.self, "id") }
        }
        let reports = ReportStore(database: Database(pool: pool))
        let first = try await reports.submit(assignmentID: ids[0], ReportSubmission(doneOn: CalendarDate(iso: "2018-10-20")!, text: "Проведено"), idempotencyKey: nil, actor: actor)
        _ = try await reports.review(first.report.id, decision: .accept, comment: nil, ifVersion: nil, actor: actor)
        let second = try await reports.submit(assignmentID: ids[1], ReportSubmission(doneOn: CalendarDate(iso: "2018-10-25")!, text: "Черновик"), idempotencyKey: nil, actor: actor)
        _ = try await reports.review(second.report.id, decision: .returnForRework, comment: "Нет программы", ifVersion: nil, actor: actor)
        let extensionRecord = try await ExtensionStore(database: Database(pool: pool)).request(assignmentID: ids[2], dueOn: CalendarDate(iso: "2019-12-31")!, reason: "Ремонт", actor: actor)
        _ = try await ExtensionStore(database: Database(pool: pool)).decide(extensionRecord.id, decision: .approve, comment: nil, ifVersion: nil, actor: actor)
    }

    /// Runs `body` connected as a fresh analyst login, then removes the login.
    static func asAnalyst(_ lease: TestDatabase.Lease, _ body: (PostgresConnection) throws -> Void) async throws {
        let name = "analyst_" + UUID().uuidString.prefix(8).lowercased()
        let store = AnalystStore(database: lease.database)
        let grant = try await store.grant(name, actor: .installation(commandLine: "test"))
        #expect(grant.url.hasPrefix("postgresql://\(name):"))
        do {
            let connection = try PostgresConnection(configuration: PostgresConfiguration(grant.url).database(lease.name))
            defer { connection.close() }
            try body(connection)
        }
        try await store.revoke(name, actor: .installation(commandLine: "test"))
    }

    @Test func everyQuestionOfTheGuideRunsAsAnAnalyst() async throws {
        let questions = try Self.questions()
        #expect(questions.count >= 10)
        try await TestDatabase.withDatabase { (lease) async throws in
            try await Self.seed(lease.pool)
            try await Self.asAnalyst(lease) { (connection) throws in
                var answered = 0
                for question in questions {
                    do {
                        let rows = try connection.query(SQL(unescaped: question.sql)).rows
                        if !rows.isEmpty { answered += 1 }
                    } catch {
                        Issue.record("«\(question.title)» failed: \(error)")
                    }
                }
                #expect(answered >= questions.count / 2, "most questions have an answer on order 770")
                let overdue = try connection.query("""
                    SELECT count(*)::int AS n FROM analytics.assignments WHERE order_number = '770' AND overdue
                    """).first?.decode(Int.self, "n")
                #expect(overdue == 6, "7 assignments, one done; the rest were due by 2019")
                let moved = try connection.query("SELECT days_moved FROM analytics.extensions WHERE status = 'approved'").first?.decode(Int.self, "days_moved")
                #expect((moved ?? 0) > 0)
            }
        }
    }

    @Test func anAnalystReadsTheViewsAndNothingElse() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            try await Self.seed(lease.pool)
            let tables = try await lease.pool.withConnection { connection in
                try connection.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1").rows.map { try $0.decode(String.self, "tablename") }
            }
            #expect(tables.contains("users") && tables.contains("api_tokens") && tables.contains("assignments"))
            try await Self.asAnalyst(lease) { (connection) throws in
                for view in ["organizations", "orders", "plan_items", "deadlines", "executors", "assignments", "reports", "extensions", "calendar"] {
                    #expect(throws: Never.self, "analytics.\(view)") { _ = try connection.query(SQL(unescaped: "SELECT * FROM analytics.\(view) LIMIT 1")) }
                }
                for table in tables {
                    #expect(throws: PostgresError.self, "public.\(table) must be refused") {
                        _ = try connection.query(SQL(unescaped: "SELECT * FROM public.\(SQL.quoteIdentifier(table)) LIMIT 1"))
                    }
                }
                for write in [
                    "UPDATE public.assignments SET status = 'done'",
                    "DELETE FROM public.events",
                    "INSERT INTO analytics.orders (order_number) VALUES ('1')",
                    "CREATE TABLE public.mine (i int)",
                    "CREATE TABLE analytics.mine (i int)",
                    "SELECT nextval('public.events_id_seq')",
                ] {
                    #expect(throws: PostgresError.self, "\(write) must be refused") { try connection.execute(script: write) }
                }
            }
            let comments = try await lease.pool.withConnection { connection in
                try connection.query("""
                    SELECT c.relname || coalesce('.' || a.attname, '') AS name
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'analytics'
                    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                    WHERE c.relkind = 'v' AND col_description(c.oid, coalesce(a.attnum, 0)) IS NULL
                      AND (a.attnum IS NOT NULL OR obj_description(c.oid, 'pg_class') IS NULL)
                    """).rows.map { try $0.decode(String.self, "name") }
            }
            #expect(comments.isEmpty, "views and columns without a Russian comment: \(comments)")
        }
    }

    @Test func analystNamesAreCheckedAndOtherRolesLeftAlone() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let store = AnalystStore(database: lease.database)
            await #expect(throws: UseCaseError.self) { _ = try await store.grant("Robert'); DROP TABLE users;--", actor: .installation(commandLine: "test")) }
            await #expect(throws: UseCaseError.self) { _ = try await store.grant("postgres", actor: .installation(commandLine: "test")) }
            await #expect(throws: UseCaseError.self) { _ = try await store.revoke("roadmap_analyst", actor: .installation(commandLine: "test")) }
            await #expect(throws: UseCaseError.self) { try await store.revoke("nobody_here", actor: .installation(commandLine: "test")) }
            let name = "analyst_" + UUID().uuidString.prefix(8).lowercased()
            let first = try await store.grant(name, actor: .installation(commandLine: "test"))
            let again = try await store.grant(name, actor: .installation(commandLine: "test"))
            #expect(first.password != again.password)
            #expect(try await store.list(scope: .installation(commandLine: "test")).contains(name))
            try await store.revoke(name, actor: .installation(commandLine: "test"))
            #expect(!(try await store.list(scope: .installation(commandLine: "test")).contains(name)))
        }
    }
}
