import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import RoadmapAPI
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// `serve --read-database-url` (#18): the report pages read the standby, everything else the
/// primary. The standby here is a restored copy of the primary whose school is renamed, so
/// each page shows which database it read.
@Suite("Report pages on a read database")
struct ReadDatabaseTests {
    let pages = WebPagesTests()

    @Test func theDashboardReadsTheStandbyAndTheReviewQueueThePrimary() async throws {
        try await TestDatabase.withDatabase(maximumConnections: 6) { (primary) async throws in
            let fixture = try await APIFixture.make(pool: primary.pool)
            let logger = Logger(label: "test")
            // On the primary alone: a plan and a report waiting for review. This application
            // closes its pool when it stops, so it has a pool of its own.
            let setup = Database(pool: PostgresPool(configuration: primary.configuration, maximumConnections: 4))
            let single = try buildApplication(configuration: ServerConfiguration(port: 0, limits: APILimits(requestsPerSecond: 0)),
                                              database: setup, logger: logger)
            try await single.test(.router) { client in
                let api = APIClient(client: client)
                let plan = try await fixture.makePlan(api)
                let sent = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA, json: ReportFlowTests.report)
                #expect(sent.status == 201, "\(sent.text)")
            }

            // The standby: a copy of the primary as it is now, then renamed there only.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roadmap-read-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("primary.dump")
            _ = try await BackupStore(database: primary.database, conninfo: primary.connectionString).backup(to: file, actor: .installation(commandLine: "test"))
            let standby = try await TestDatabase.database(migrated: false)
            defer { Task { await standby.drop() } }
            _ = try await BackupStore(database: standby.database, conninfo: standby.connectionString).restore(from: file, actor: .installation(commandLine: "test"))
            _ = try await standby.pool.withConnection { connection in
                try connection.execute("UPDATE organizations SET name = 'Школа на реплике' WHERE name = 'МАОУ СОШ № 5'")
            }

            let both = try buildApplication(configuration: ServerConfiguration(port: 0, limits: APILimits(requestsPerSecond: 0)),
                                            database: primary.database, readDatabase: standby.database, logger: logger)
            try await both.test(.router) { client in
                let api = APIClient(client: client)
                let cookie = try await pages.session(api, fixture, "coord").cookie
                let dashboard = try await pages.get(api, "/dashboard", cookies: cookie)
                #expect(dashboard.status == 200)
                #expect(dashboard.html.contains("Школа на реплике"), "the dashboard's waiting reports come from the standby")
                let review = try await pages.get(api, "/review", cookies: cookie)
                #expect(review.status == 200)
                #expect(review.html.contains("МАОУ СОШ № 5") && !review.html.contains("Школа на реплике"), "the review queue is the primary's")
                let discipline = try await pages.get(api, "/discipline", cookies: cookie)
                #expect(discipline.status == 200)
            }
        }
    }
}
