import Foundation
import RoadmapTestSupport
import Testing

/// A new installation as its administrator meets it: the embedded cluster, no users yet.
@Suite("roadmapctl on a fresh install")
struct FreshInstallTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RoadmapImportTests/Fixtures")

    @Test func importThenListBeforeAnyUserExistsAndHistoryKeepsTheCommandLine() throws {
        let directory = RoadmapctlRunner.temporaryDataDirectory()
        let runner = RoadmapctlRunner()
        defer {
            _ = try? runner.run(["db", "stop", "--data-dir", directory.path])
            try? FileManager.default.removeItem(at: directory)
        }
        let file = Self.fixtures.appendingPathComponent("order770.docx").path
        let imported = try runner.run(["import", file, "--data-dir", directory.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Executors:"))

        let orders = try runner.run(["order", "list", "--format", "json", "--data-dir", directory.path])
        #expect(orders.status == 0, "\(orders.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(orders.stdout.utf8)) as? [[String: Any]])
        let order = try #require(list.first { $0["number"] as? String == "770" })
        let orderID = try #require(order["id"] as? String)

        // The number alone finds the order when it is the only one; actions show their ids.
        let shown = try runner.run(["order", "show", "770", "--data-dir", directory.path])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("    id: "))

        let history = try runner.run(["history", "order/\(orderID)", "--format", "json", "--data-dir", directory.path])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]], "\(history.stderr)")
        let imports = events.filter { $0["event"] as? String == "imported" }
        #expect(imports.count == 1)
        #expect((imports.first?["actor_command"] as? String)?.hasPrefix("roadmapctl import ") == true, "\(imports)")
        #expect((imports.first?["actor_command"] as? String)?.contains("order770.docx") == true)
    }

    @Test func aSharedDatabaseAsAnOrdinaryRoleMustNameItsUser() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            try await lease.pool.withConnection { connection in
                try connection.execute(script: """
                    DO $$ BEGIN CREATE ROLE roadmap_plain LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                    GRANT ALL ON ALL TABLES IN SCHEMA public TO roadmap_plain;
                    GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO roadmap_plain;
                    """)
            }
            let plainURL = lease.connectionString.replacingOccurrences(of: "user=postgres", with: "user=roadmap_plain")
            try #require(plainURL != lease.connectionString, "the test server connects as postgres")
            let runner = RoadmapctlRunner()
            let refused = try runner.run(["order", "list", "--database-url", plainURL])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("--as"), "\(refused.stderr)")
            // As the superuser the installation's administrator acts, recorded by its command
            // line without the database URL, whichever way the option was written.
            #expect(try runner.run(["org", "list", "--database-url", lease.connectionString]).status == 0)
            let added = try runner.run(["org", "add", "МБОУ СОШ № 77", "--kind", "school", "--database-url=\(lease.connectionString)"])
            #expect(added.status == 0, "\(added.stderr)")
            let command = try await lease.pool.withConnection { connection in
                try connection.query("SELECT actor_command FROM events WHERE entity_type = 'organization' AND event = 'created'")
                    .first?.decode(String?.self, "actor_command")
            }
            let recorded = try #require(command)
            #expect(recorded.contains("org add") && recorded.contains("--database-url=…"), "\(recorded)")
            #expect(!recorded.contains(lease.connectionString) && !recorded.contains("postgres"), "\(recorded)")
        }
    }
}
