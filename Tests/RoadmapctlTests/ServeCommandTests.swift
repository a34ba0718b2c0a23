import Foundation
import RoadmapPostgres
import RoadmapStore
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("roadmapctl serve")
struct ServeCommandTests {
    /// Starts `serve`, waits for its "serving on" line and returns the process and port.
    func startServe(_ arguments: [String]) throws -> (Process, Int, Pipe) {
        let process = Process()
        process.executableURL = RoadmapctlRunner.executable
        process.arguments = ["serve", "--port", "0"] + arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DATABASE_URL")
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                let port = Int(text[range].split(separator: ":").last ?? "") ?? 0
                return (process, port, out)
            }
        }
        process.terminate()
        throw CancellationError()
    }

    func get(_ port: Int, _ path: String) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func servesDemoDataAndShutsDownCleanlyOnSIGTERM() async throws {
        let directory = RoadmapctlRunner.temporaryDataDirectory()
        defer {
            _ = try? RoadmapctlRunner().run(["db", "stop", "--data-dir", directory.path])
            try? FileManager.default.removeItem(at: directory)
        }
        let (process, port, _) = try startServe(["--demo", "--data-dir", directory.path])
        let health = try await get(port, "/healthz")
        #expect(health.0 == 200)
        let ready = try await get(port, "/readyz")
        #expect(ready.0 == 200)
        #expect(ready.1.contains("\"status\":\"ready\""))

        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // serve started the embedded cluster, so it stopped it on the way out.
        let status = try RoadmapctlRunner().run(["db", "status", "--data-dir", directory.path])
        #expect(status.stdout.contains("stopped"))

        // The demo order is there, once, even after loading the demo a second time.
        let (again, secondPort, _) = try startServe(["--demo", "--data-dir", directory.path])
        #expect(try await get(secondPort, "/readyz").0 == 200)
        let cluster = EmbeddedCluster(directory: directory)
        let connection = try PostgresConnection(configuration: cluster.configuration)
        let row = try #require(try connection.query("""
            SELECT (SELECT count(*) FROM orders WHERE number = '770' AND issued_on = '2018-06-25') AS orders,
                   (SELECT count(*) FROM orders) AS all_orders,
                   (SELECT count(*) FROM plans) AS plans,
                   (SELECT count(*) FROM actions x JOIN goals g ON g.id = x.goal_id JOIN plans p ON p.id = g.plan_id
                     WHERE p.order_id IS NOT NULL) AS order_actions,
                   (SELECT count(*) FROM assignments a JOIN actions x ON x.id = a.action_id JOIN goals g ON g.id = x.goal_id
                     JOIN plans p ON p.id = g.plan_id WHERE p.order_id IS NOT NULL) AS order_assignments,
                   (SELECT count(*) FROM organizations WHERE name LIKE '%СОШ № 5%') AS school5
            """).first)
        #expect(try row.decode(Int.self, "orders") == 1)
        #expect(try row.decode(Int.self, "all_orders") == 1)
        #expect(try row.decode(Int.self, "plans") == 4)
        #expect(try row.decode(Int.self, "order_actions") == 3)
        #expect(try row.decode(Int.self, "order_assignments") == 7)
        // The demo's organisations were matched, not created twice.
        #expect(try row.decode(Int.self, "school5") == 1)
        // The service's own cluster has room for its indexes in memory (PostgreSQL's default
        // is 128 MB), sized from the machine's memory.
        let buffers = try #require(try connection.query("SELECT setting::bigint * 8 / 1024 AS mb FROM pg_settings WHERE name = 'shared_buffers'").first)
        #expect(UInt64(try buffers.decode(Int.self, "mb")) == EmbeddedCluster.sharedBuffersMB)
        #expect((128...1024).contains(EmbeddedCluster.sharedBuffersMB))
        connection.close()
        kill(again.processIdentifier, SIGINT)
        again.waitUntilExit()
        #expect(again.terminationStatus == 0)

        // README's commands find the demo school by the name people write.
        let runner = RoadmapctlRunner()
        let school = try runner.run(["status", "--executor", "СОШ № 5", "--due-within", "30d", "--format", "csv", "--data-dir", directory.path])
        #expect(school.status == 0, "\(school.stderr)")
        let all = try runner.run(["status", "--executor", "СОШ № 5", "--format", "csv", "--data-dir", directory.path])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("МАОУ СОШ № 5"))
    }
}
