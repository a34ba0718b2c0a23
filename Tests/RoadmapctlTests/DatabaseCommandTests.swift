import Foundation
import RoadmapPostgres
import RoadmapStore
import Testing

@Suite("roadmapctl db, migrate and usage", .serialized)
struct DatabaseCommandTests {
    let runner = RoadmapctlRunner()

    @Test func badUsageExitsTwoAndHelpShowsExamples() throws {
        let unknown = try runner.run(["migrate", "--no-such-flag"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--no-such-flag"))
        let badPort = try runner.run(["serve", "--port", "70000"])
        #expect(badPort.status == 2)
        #expect(badPort.stderr.contains("--port must be between 0 and 65535"))
        let badPool = try runner.run(["migrate", "--pool-size", "0"])
        #expect(badPool.status == 2)
        let help = try runner.run(["serve", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("roadmapctl serve --demo"))
        let dbHelp = try runner.run(["db", "--help"])
        #expect(dbHelp.stdout.contains("Example"))
    }

    @Test func embeddedClusterLifecycle() throws {
        let directory = RoadmapctlRunner.temporaryDataDirectory()
        defer {
            _ = try? runner.run(["db", "stop", "--data-dir", directory.path])
            try? FileManager.default.removeItem(at: directory)
        }
        let before = try runner.run(["db", "status", "--data-dir", directory.path])
        #expect(before.status == 1)
        #expect(before.stdout.contains("not initialized"))

        let start = try runner.run(["db", "start", "--data-dir", directory.path])
        #expect(start.status == 0, "\(start.stderr)")
        #expect(start.stdout.contains("started"))
        let again = try runner.run(["db", "start", "--data-dir", directory.path])
        #expect(again.stdout.contains("already running"))

        let status = try runner.run(["db", "status", "--data-dir", directory.path])
        #expect(status.status == 0)
        #expect(status.stdout.contains("running"))

        // The URL works for libpq clients, through the socket in the folder only.
        let url = try runner.run(["db", "url", "--data-dir", directory.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(url.contains(directory.path))
        let connection = try PostgresConnection(configuration: PostgresConfiguration(url))
        let listen = try connection.query("SELECT current_setting('listen_addresses') AS a").first?.decode(String.self, "a")
        #expect(listen == "")
        connection.close()

        let migrate = try runner.run(["migrate", "--data-dir", directory.path])
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stdout.contains("applied  0001_schema.sql"))
        let twice = try runner.run(["migrate", "--data-dir", directory.path])
        #expect(twice.stdout.contains("Schema is current"))
        let migrateStatus = try runner.run(["migrate", "--status", "--data-dir", directory.path])
        #expect(migrateStatus.stdout.contains("applied  0001_schema.sql"))
        #expect(!migrateStatus.stdout.contains("pending"))

        let stop = try runner.run(["db", "stop", "--data-dir", directory.path])
        #expect(stop.stdout.contains("stopped"))
        let after = try runner.run(["db", "status", "--data-dir", directory.path])
        #expect(after.status == 1)
        #expect(after.stdout.contains("stopped"))
    }

    @Test func ROADMAP_HOMEChoosesTheDataFolder() throws {
        let directory = RoadmapctlRunner.temporaryDataDirectory()
        var runner = RoadmapctlRunner()
        runner.environment["ROADMAP_HOME"] = directory.path
        let url = try runner.run(["db", "url"])
        #expect(url.stdout.contains(directory.path))
    }

    @Test func anUnreachableDatabaseIsAClearError() throws {
        let outcome = try runner.run(["migrate", "--database-url", "postgresql:///roadmap?host=/nonexistent&connect_timeout=2"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("database connection failed"))
        #expect(outcome.stderr.contains("/nonexistent"))
    }
}
