import Foundation
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

@Suite("roadmapctl analyst")
struct AnalystCommandTests {
    let runner = RoadmapctlRunner()

    @Test func grantPrintsAURLThatReadsTheViewsAndRevokeRemovesIt() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let name = "petrova_" + UUID().uuidString.prefix(6).lowercased()
            let granted = try runner.run(["analyst", "grant", name, "--database-url", lease.connectionString])
            #expect(granted.status == 0, "\(granted.stderr)")
            let url = try #require(granted.stdout.split(separator: "\n").last.map(String.init))
            #expect(url.hasPrefix("postgresql://\(name):"))
            let connection = try PostgresConnection(configuration: PostgresConfiguration(url))
            #expect(try connection.query("SELECT count(*)::int AS n FROM analytics.orders").first?.decode(Int.self, "n") == 0)
            #expect(throws: PostgresError.self) { _ = try connection.query("SELECT * FROM public.users") }
            connection.close()
            #expect(try runner.run(["analyst", "list", "--database-url", lease.connectionString]).stdout.contains(name))

            let revoked = try runner.run(["analyst", "revoke", name, "--database-url", lease.connectionString])
            #expect(revoked.status == 0, "\(revoked.stderr)")
            #expect(throws: PostgresError.self) { _ = try PostgresConnection(configuration: PostgresConfiguration(url)).query("SELECT 1") }
            let again = try runner.run(["analyst", "revoke", name, "--database-url", lease.connectionString])
            #expect(again.status == 1)
            let bad = try runner.run(["analyst", "grant", "Bad Name", "--database-url", lease.connectionString])
            #expect(bad.status == 1)
            #expect(bad.stderr.contains("lower-case"))
        }
    }
}
