import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RoadmapAPI
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

@Suite("Health and problem+json")
struct HealthTests {
    func app(_ pool: PostgresPool) throws -> some ApplicationProtocol {
        try buildApplication(configuration: ServerConfiguration(port: 0), database: Database(pool: pool), logger: Logger(label: "test"))
    }

    func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))
        return try #require(object as? [String: Any])
    }

    @Test func healthzAnswersWhileTheProcessLives() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            try await app(lease.pool).test(.router) { client in
                try await client.execute(uri: "/healthz", method: .get) { (response) throws in
                    #expect(response.status == .ok)
                    #expect(try json(response.body)["status"] as? String == "ok")
                }
            }
        }
    }

    @Test func readyzChecksTheDatabaseAndTheSchema() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            try await app(lease.pool).test(.router) { client in
                try await client.execute(uri: "/readyz", method: .get) { (response) throws in
                    #expect(response.status == .ok)
                    let body = try json(response.body)
                    #expect(body["status"] as? String == "ready")
                    let latest = try Migrator.embedded().migrations.last?.name
                    #expect(body["schema"] as? String == latest)
                }
            }
        }
    }

    @Test func readyzRefusesAnUnmigratedDatabase() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            try await app(lease.pool).test(.router) { client in
                try await client.execute(uri: "/readyz", method: .get) { (response) throws in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let body = try json(response.body)
                    #expect((body["detail"] as? String)?.contains("0001_schema.sql") == true)
                    #expect(body["type"] as? String == "https://roadmap.example/problems/service-unavailable")
                }
            }
        }
    }

    @Test func readyzReportsAnUnreachableDatabase() async throws {
        let pool = PostgresPool(configuration: PostgresConfiguration("postgresql:///roadmap?host=/nonexistent", connectTimeout: 2), maximumConnections: 1)
        try await app(pool).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { (response) throws in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/readyz", method: .get) { (response) throws in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
                let body = try json(response.body)
                #expect((body["detail"] as? String)?.contains("unreachable") == true)
            }
        }
        await pool.close()
    }

    @Test func unknownRoutesAreProblemsWithARequestID() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            try await app(lease.pool).test(.router) { client in
                try await client.execute(uri: "/v1/nothing-here", method: .get) { (response) throws in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let requestID = try #require(response.headers[HTTPField.Name("X-Request-Id")!])
                    let body = try json(response.body)
                    #expect(body["status"] as? Int == 404)
                    #expect(body["request_id"] as? String == requestID)
                    #expect(body["instance"] as? String == "/v1/nothing-here")
                }
            }
        }
    }
}
