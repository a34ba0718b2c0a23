import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RoadmapAPI
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// One answer of the API, its body parsed as JSON.
struct APIResponse {
    let status: Int
    let headers: HTTPFields
    let text: String

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }

    subscript(key: String) -> Any? { json[key] }

    func string(_ key: String) -> String? { json[key] as? String }

    var problemType: String? { string("type")?.replacingOccurrences(of: "https://roadmap.example/problems/", with: "") }
}

/// A client that speaks JSON with a bearer token.
struct APIClient: Sendable {
    let client: any TestClientProtocol

    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: String? = nil,
        headers extra: [String: String] = [:]
    ) async throws -> APIResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        for (name, value) in extra {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        let response = try await client.executeRequest(
            uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
        return APIResponse(status: Int(response.status.code), headers: response.headers, text: String(buffer: response.body))
    }
}

/// A committee, two schools, a user of every role with a token, and an order with one
/// goal and one action assigned to both schools (deadline «Март 2019»).
struct APIFixture: Sendable {
    let pool: PostgresPool
    var database: Database { Database(pool: pool) }
    let committee: UUID
    let schoolA: UUID
    let schoolB: UUID
    let admin: String
    let coordinator: String
    let viewer: String
    let executorA: String
    let executorB: String

    static func make(pool: PostgresPool) async throws -> APIFixture {
        let ids = try await pool.transaction { connection in
            try ["committee": "Комитет образования", "a": "МАОУ СОШ № 5", "b": "МБОУ Лицей № 14"].mapValues { name in
                let kind = name.hasPrefix("Комитет") ? "committee" : "school"
                return try #require(try connection.query("""
                    INSERT INTO organizations (name, kind, normalized_name) VALUES (\(name), \(kind), \(OrganizationName(name).key)) RETURNING id
                    """).first).decode(UUID.self, "id")
            }
        }
        let users = UserStore(database: Database(pool: pool))
        func token(_ login: String, _ role: Role, _ organization: UUID? = nil) async throws -> String {
            _ = try await users.addUser(login: login, role: role, organizationID: organization, actor: .installation(commandLine: "test"))
            return try await users.issueToken(login: login, actor: .installation(commandLine: "test")).token
        }
        return APIFixture(
            pool: pool, committee: try #require(ids["committee"]), schoolA: try #require(ids["a"]), schoolB: try #require(ids["b"]),
            admin: try await token("admin", .admin), coordinator: try await token("coord", .coordinator),
            viewer: try await token("viewer", .viewer), executorA: try await token("school-a", .executor, ids["a"]),
            executorB: try await token("school-b", .executor, ids["b"]))
    }

    /// Runs `body` against the router of a fresh database with this fixture.
    static func run(
        limits: APILimits = APILimits(requestsPerSecond: 0), mode: TestingSetup = .router, publicURL: URL? = nil,
        _ body: @escaping @Sendable (APIClient, APIFixture) async throws -> Void
    ) async throws {
        try await TestDatabase.withDatabase(maximumConnections: 6) { (lease) async throws in
            let fixture = try await make(pool: lease.pool)
            let app = try buildApplication(
                configuration: ServerConfiguration(port: 0, limits: limits, publicURL: publicURL), database: lease.database,
                logger: Logger(label: "test"))
            try await app.test(mode) { client in
                try await body(APIClient(client: client), fixture)
            }
        }
    }

    /// The plan most tests work on: an order, a goal, an action for both schools.
    struct Plan {
        let order: String
        let goal: String
        let action: String
        let assignmentA: String
        let assignmentB: String
    }

    func makePlan(_ api: APIClient) async throws -> Plan {
        let order = try await api.call(.post, "/v1/orders", token: coordinator, json: """
            {"number": "770", "date": "2018-06-25", "issuer_id": "\(committee.uuidString)", "title": "Об утверждении дорожной карты"}
            """)
        try #require(order.status == 201, "\(order.text)")
        let orderID = try #require(order.string("id"))
        let goal = try await api.call(.post, "/v1/orders/\(orderID)/goals", token: coordinator, json: #"{"title": "Повышение качества"}"#)
        try #require(goal.status == 201, "\(goal.text)")
        let goalID = try #require(goal.string("id"))
        let action = try await api.call(.post, "/v1/goals/\(goalID)/actions", token: coordinator, json: """
            {"title": "Семинар", "deadline": "Март 2019", "executor_ids": ["\(schoolA.uuidString)", "\(schoolB.uuidString)"]}
            """)
        try #require(action.status == 201, "\(action.text)")
        let actionID = try #require(action.string("id"))
        let list = try await api.call(.get, "/v1/assignments?order_id=\(orderID)", token: coordinator)
        let byExecutor = Dictionary(list.items.map { ($0["executor_id"] as? String ?? "", $0["id"] as? String ?? "") }) { first, _ in first }
        return Plan(
            order: orderID, goal: goalID, action: actionID,
            assignmentA: try #require(byExecutor[schoolA.uuidString.lowercased()]),
            assignmentB: try #require(byExecutor[schoolB.uuidString.lowercased()]))
    }
}
