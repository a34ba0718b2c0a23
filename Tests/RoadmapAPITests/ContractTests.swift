import Foundation
import HTTPTypes
import RoadmapAPI
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

@Suite("API: contract and bad input")
struct ContractTests {
    @Test func theOpenAPIDocumentIsServedAndNamesEveryOperation() async throws {
        try await APIFixture.run { api, _ in
            let document = try await api.call(.get, "/openapi.yaml")
            #expect(document.status == 200)
            #expect(document.headers[.contentType]?.hasPrefix("application/yaml") == true)
            #expect(document.text.hasPrefix("openapi: 3.1.0"))
            for operation in ["getMe", "listOrganizations", "createOrganization", "listOrders", "createOrder", "getOrderPlan",
                              "createGoal", "createTask", "createAction", "updateAction", "listAssignments", "getAssignment",
                              "updateAssignment", "submitReport", "acceptReport", "returnReport", "requestExtension",
                              "approveExtension", "rejectExtension", "listEvents"] {
                #expect(document.text.contains("operationId: \(operation)"), "\(operation)")
            }
        }
    }

    @Test func badRequestsAreClearProblemsAndWriteNothing() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let path = "/v1/assignments/\(plan.assignmentA)/reports"
            let cases: [(String, [String: String], Int, String)] = [
                (#"{"done_on": "2019-03-20", "text": "#, [:], 400, "malformed-json"),
                (#"[1, 2]"#, [:], 422, "validation"),
                (#"{"done_on": "2019-03-20", "text": "ok", "secret": 1}"#, [:], 422, "validation"),
                (#"{"done_on": "2019-03-20", "text": 5}"#, [:], 422, "validation"),
                (#"{"text": "ok"}"#, [:], 422, "validation"),
                (#"{"done_on": "2019-02-30", "text": "ok"}"#, [:], 422, "validation"),
                (#"{"done_on": "20.03.2019", "text": "ok"}"#, [:], 422, "validation"),
                (#"{"done_on": "2999-01-01", "text": "ok"}"#, [:], 422, "validation"),
                (#"{"done_on": "2019-03-20", "text": "   "}"#, [:], 422, "validation"),
                (#"{"done_on": "2019-03-20", "text": "ok", "evidence_urls": ["javascript:alert(1)"]}"#, [:], 422, "validation"),
                (#"{"done_on": "2019-03-20", "text": "ok"}"#, ["Content-Type": "text/plain"], 415, "unsupported-media-type"),
            ]
            for (body, headers, status, type) in cases {
                let response = try await api.call(.post, path, token: fixture.executorA, json: body, headers: headers)
                #expect(response.status == status, "\(body) answered \(response.status): \(response.text)")
                #expect(response.headers[.contentType] == "application/problem+json", "\(body)")
                #expect(response.problemType == type, "\(body): \(response.text)")
                #expect(response.string("detail")?.isEmpty == false)
            }
            let unknownField = try await api.call(.post, path, token: fixture.executorA, json: #"{"done_on": "2019-03-20", "text": "ok", "secret": 1}"#)
            #expect((unknownField["invalid_fields"] as? [[String: Any]])?.first?["name"] as? String == "secret")
            let badDate = try await api.call(.post, path, token: fixture.executorA, json: #"{"done_on": "2019-02-30", "text": "ok"}"#)
            #expect((badDate["invalid_fields"] as? [[String: Any]])?.first?["name"] as? String == "done_on")

            let huge = String(repeating: "а", count: 300_000)
            let tooLarge = try await api.call(.post, path, token: fixture.executorA, json: #"{"done_on": "2019-03-20", "text": "\#(huge)"}"#)
            #expect(tooLarge.status == 413)
            #expect(tooLarge.problemType == "too-large")

            #expect(try await api.call(.get, "/v1/assignments/not-a-uuid", token: fixture.executorA).status == 404)
            #expect(try await api.call(.get, "/v1/assignments?limit=0", token: fixture.executorA).status == 400)
            let badLimit = try await api.call(.get, "/v1/assignments?limit=abc", token: fixture.executorA)
            #expect(badLimit.status == 400)
            #expect(badLimit.problemType == "bad-parameter", "\(badLimit.text)")
            #expect(try await api.call(.get, "/v1/assignments?status=lost", token: fixture.executorA).status == 400)
            #expect(try await api.call(.get, "/v1/assignments?as_of=yesterday", token: fixture.executorA).status == 422)
            let noID = try await api.call(.get, "/v1/events?entity_type=assignment", token: fixture.executorA)
            #expect(noID.status == 400)
            #expect(noID.text.contains("missing"), "\(noID.text)")
            #expect(try await api.call(.get, "/v1/nothing-here", token: fixture.executorA).status == 404)

            let count = try await fixture.pool.withConnection { connection in
                try connection.query("SELECT count(*)::int AS n FROM reports").first?.decode(Int.self, "n")
            }
            #expect(count == 0)
            #expect(try await api.call(.get, "/v1/assignments/\(plan.assignmentA)", token: fixture.executorA).string("status") == "planned")
        }
    }
}

extension ContractTests {
    @Test func theDocumentsBoundsAreEnforced() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let longAlias = String(repeating: "ш", count: 1001)
            let cases: [(HTTPRequest.Method, String, String?, [String: String], Int, String)] = [
                (.post, "/v1/organizations", #"{"name": "Школа", "kind": "school", "aliases": ["\#(longAlias)"]}"#, [:], 422, "aliases[0]"),
                (.post, "/v1/organizations", #"{"name": "", "kind": "school"}"#, [:], 422, "name"),
                (.post, "/v1/organizations", #"{"name": "Ш\u0000кола", "kind": "school"}"#, [:], 422, "NUL"),
                (.patch, "/v1/orders/\(plan.order)", #"{"title": null}"#, [:], 422, "title"),
                (.get, "/v1/orders?year=3000", nil, [:], 400, "year"),
                (.get, "/v1/organizations?q=\(String(repeating: "a", count: 501))", nil, [:], 400, "q"),
                (.patch, "/v1/actions/\(plan.action)", #"{"title": "x"}"#, ["If-Match": String(repeating: "9", count: 101)], 400, "If-Match"),
                (.post, "/v1/assignments/\(plan.assignmentA)/reports", #"{"done_on": "2019-03-20", "text": "ok"}"#, ["Idempotency-Key": String(repeating: "k", count: 256)], 400, "Idempotency-Key"),
            ]
            for (method, path, body, headers, status, field) in cases {
                let response = try await api.call(method, path, token: fixture.admin, json: body, headers: headers)
                #expect(response.status == status, "\(method) \(path.prefix(60)) answered \(response.status): \(response.text.prefix(300))")
                #expect(response.text.contains(field), "\(response.text.prefix(300))")
            }
            let trace = try await api.call(.init("TRACE")!, "/v1/assignments/\(plan.assignmentA)", token: fixture.admin)
            #expect(trace.status == 405)
            #expect(trace.headers[.allow] == "GET, PATCH")
            #expect(try await api.call(.get, "/v1/orders/\(plan.order)", token: fixture.admin).string("title") == "Об утверждении дорожной карты")
        }
    }
}

@Suite("API: tokens, limits, metrics")
struct AuthTests {
    @Test func tokensAreCheckedRevokedAndExpired() async throws {
        try await APIFixture.run { api, fixture in
            let me = try await api.call(.get, "/v1/me", token: fixture.executorA)
            #expect(me.status == 200)
            #expect(me.string("role") == "executor")
            #expect(me.string("organization_id") == fixture.schoolA.uuidString.lowercased())
            #expect(me.string("organization_name") == "МАОУ СОШ № 5")

            let missing = try await api.call(.get, "/v1/me")
            #expect(missing.status == 401)
            #expect(missing.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            #expect(try await api.call(.get, "/v1/me", token: "rm_" + String(repeating: "A", count: 43)).status == 401)
            #expect(try await api.call(.get, "/v1/me", token: "nonsense").status == 401)
            #expect(try await api.call(.get, "/v1/me", headers: ["Authorization": "Basic YTpi"]).status == 401)

            let users = UserStore(database: fixture.database)
            let issued = try await users.issueToken(login: "viewer", name: "temporary", actor: .installation(commandLine: "test"))
            #expect(try await api.call(.get, "/v1/me", token: issued.token).status == 200)
            _ = try await users.revokeToken(issued.record.id.uuidString, actor: .installation(commandLine: "test"))
            #expect(try await api.call(.get, "/v1/me", token: issued.token).status == 401)

            // A token lives as long as it was issued for, then is refused. The test moves the
            // token's hour into the past rather than sleeping through it: on a loaded machine
            // (the whole suite runs at once) one request may take longer than any short lifetime.
            let short = try await users.issueToken(login: "viewer", lifetime: 3600, actor: .installation(commandLine: "test"))
            if let expires = short.record.expiresAt {
                #expect(abs(expires.timeIntervalSince(short.record.createdAt) - 3600) < 1)
            } else {
                Issue.record("a token issued for an hour has no expiry")
            }
            #expect(try await api.call(.get, "/v1/me", token: short.token).status == 200)
            _ = try await fixture.pool.withConnection { connection in
                try connection.execute(
                    "UPDATE api_tokens SET created_at = created_at - interval '2 hours', expires_at = expires_at - interval '2 hours' WHERE id = \(short.record.id)")
            }
            #expect(try await api.call(.get, "/v1/me", token: short.token).status == 401)

            _ = try await users.disableUser(login: "school-b", actor: .installation(commandLine: "test"))
            #expect(try await api.call(.get, "/v1/me", token: fixture.executorB).status == 401)

            let stored = try await fixture.pool.withConnection { connection in
                try connection.query("SELECT encode(token_hash, 'hex') AS h, prefix FROM api_tokens").rows.map { try $0.decode(String.self, "h") + $0.decode(String.self, "prefix") }
            }
            #expect(!stored.contains { $0.contains(fixture.admin) || $0.contains(String(fixture.admin.dropFirst(10))) }, "only hashes are stored")
        }
    }

    @Test func guessingTokensIsSlowedDownWith429() async throws {
        try await APIFixture.run(limits: APILimits(requestsPerSecond: 0, failedAuthenticationBurst: 3, failedAuthenticationsPerMinute: 0.01)) { api, fixture in
            for _ in 0..<3 {
                #expect(try await api.call(.get, "/v1/me", token: "rm_" + String(repeating: "B", count: 43)).status == 401)
            }
            let limited = try await api.call(.get, "/v1/me", token: "rm_" + String(repeating: "C", count: 43))
            #expect(limited.status == 429)
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(limited.problemType == "rate-limited")
            // A valid token from the same address still gets in: the throttle slows the
            // guesser, never the colleagues behind the same NAT.
            #expect(try await api.call(.get, "/v1/me", token: fixture.viewer).status == 200)
            #expect(try await api.call(.get, "/v1/me", token: "rm_" + String(repeating: "D", count: 43)).status == 429)
        }
    }

    @Test func floodingTheAPIIsSlowedDownWith429() async throws {
        try await APIFixture.run(limits: APILimits(requestsPerSecond: 0.01, burst: 5)) { api, fixture in
            var statuses: [Int] = []
            for _ in 0..<8 { statuses.append(try await api.call(.get, "/v1/me", token: fixture.viewer).status) }
            #expect(statuses.prefix(5).allSatisfy { $0 == 200 })
            #expect(statuses.last == 429)
            // Another user is not slowed by the first one's flood.
            #expect(try await api.call(.get, "/v1/me", token: fixture.admin).status == 200)
        }
    }

    @Test func metricsCountRequestsPerRouteWithoutSecrets() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            _ = try await api.call(.get, "/v1/assignments/\(plan.assignmentA)", token: fixture.executorA)
            let metrics = try await api.call(.get, "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.text.contains("/v1/assignments/{id}"))
            #expect(metrics.text.contains("roadmap_db_pool_connections"))
            #expect(!metrics.text.contains(plan.assignmentA))
            #expect(!metrics.text.contains(fixture.executorA))
            // Refusals are counted under their own status, and never as server errors.
            #expect(try await api.call(.get, "/v1/assignments/\(plan.assignmentA)", token: fixture.executorB).status == 404)
            #expect(try await api.call(.get, "/v1/me", token: "nonsense").status == 401)
            let after = try await api.call(.get, "/metrics").text
            let errorLines = after.split(separator: "\n").filter { $0.hasPrefix("hb_request_errors") }
            #expect(!errorLines.contains { $0.contains(#"error_type="4"#) }, "\(errorLines)")
            #expect(after.split(separator: "\n").contains { $0.hasPrefix("hb_requests") && $0.contains(#"http_response_status_code="404""#) })

            // Once a backup is recorded, its moment is a gauge an alert can age.
            _ = try await fixture.pool.withConnection { connection in
                try connection.execute("""
                    INSERT INTO backups (file, size_bytes, started_at, finished_at)
                    VALUES ('/var/backups/roadmap/roadmap-20261130-023000Z.dump', 1000, '2026-11-30 02:30:00Z', '2026-11-30 02:30:07Z')
                    """)
            }
            let backedUp = try await api.call(.get, "/metrics").text
            #expect(backedUp.split(separator: "\n").contains { $0.hasPrefix("roadmap_backup_last_timestamp_seconds") && $0.hasSuffix(" 1796005807.0") },
                    "\(backedUp.split(separator: "\n").filter { $0.contains("backup") })")
            #expect(backedUp.contains(#"roadmap_outbox_messages{state="queued"}"#) && backedUp.contains("roadmap_outbox_oldest_queued_timestamp_seconds"))
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        try await APIFixture.run { api, fixture in
            for (path, token) in [("/v1/me", fixture.viewer), ("/v1/me", "nonsense"), ("/v1/orders/not-a-uuid", fixture.viewer)] {
                let answer = try await api.call(.get, path, token: token)
                #expect(answer.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(path) \(answer.status)")
                #expect(answer.headers[.cacheControl] == "no-store", "\(path) \(answer.status)")
            }
            for path in ["/login", "/healthz", "/no-such-page", "/app.css"] {
                let answer = try await api.call(.get, path)
                #expect(answer.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(path)")
                #expect(answer.headers[.init("Referrer-Policy")!] == "same-origin", "\(path)")
            }
        }
    }

    @Test func aBodyWithAKeyWrittenTwiceIsRefusedAndChangesNothing() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let long = String(repeating: "я", count: 20_001)
            let links = (0..<21).map { "\"https://school5.example/\($0)\"" }.joined(separator: ", ")
            for body in [
                #"{"done_on": "2019-03-20", "text": "Проведено", "text": "\#(long)"}"#,
                #"{"done_on": "2019-03-20", "text": "\#(long)", "text": "Проведено"}"#,
                #"{"done_on": "2019-03-20", "text": "Проведено", "evidence_urls": [], "evidence_urls": [\#(links)]}"#,
                #"{"done_on": "2019-03-20", "text": "Проведено", "text": "NUL \u0000 hidden"}"#,
            ] {
                let answer = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA, json: body)
                #expect(answer.status == 422, "\(answer.text)")
                #expect(answer.problemType == "validation")
            }
            let reports = try await api.call(.get, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA)
            #expect(reports.items.isEmpty, "nothing was stored")
        }
    }

    @Test func controlCharactersAndBidirectionalOverridesAreRefusedInTexts() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            for text in [#"Проведено\u0007"#, #"Проведено\u202Efdp.exe"#, #"Escape \u001B[31m"#] {
                let answer = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA,
                                                json: #"{"done_on": "2019-03-20", "text": "\#(text)"}"#)
                #expect(answer.status == 422, "\(answer.text)")
                #expect(answer.text.contains("text"))
            }
            let organisation = try await api.call(.post, "/v1/organizations", token: fixture.coordinator,
                                                  json: #"{"name": "Школа\u2066 № 9", "kind": "school"}"#)
            #expect(organisation.status == 422, "\(organisation.text)")
            let goal = try await api.call(.post, "/v1/orders/\(plan.order)/goals", token: fixture.coordinator, json: #"{"title": "Цель\u0000"}"#)
            #expect(goal.status == 422 || goal.status == 400, "\(goal.text)")
            // A line break and a tab are text; a browser's CR LF is kept as a line break.
            let fine = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA,
                                          json: #"{"done_on": "2019-03-20", "text": "Строка 1\r\nСтрока\t2"}"#)
            #expect(fine.status == 201, "\(fine.text)")
            #expect(fine.string("text") == "Строка 1\nСтрока\t2")
        }
    }
}
