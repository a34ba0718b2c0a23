import Foundation
import HTTPTypes
import RoadmapTestSupport
import Testing

/// An executor never reads or changes another organisation's assignments, reports or
/// extension requests, whatever id it puts in a URL or body: 404 for what it may not
/// see, 403 for what it may see but not change. Every route is tried.
@Suite("API: who may do what")
struct AccessTests {
    @Test func anExecutorCannotReachAnotherOrganisationsWork() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            // School B's report and extension request.
            let reportB = try #require(try await api.call(.post, "/v1/assignments/\(plan.assignmentB)/reports", token: fixture.executorB,
                                                          json: ReportFlowTests.report).string("id"))
            let extensionB = try #require(try await api.call(.post, "/v1/assignments/\(plan.assignmentB)/extensions", token: fixture.executorB,
                                                             json: #"{"due_on": "2019-04-30", "reason": "Ремонт"}"#).string("id"))

            let hidden: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/v1/assignments/\(plan.assignmentB)", nil),
                (.patch, "/v1/assignments/\(plan.assignmentB)", #"{"status": "in_progress"}"#),
                (.get, "/v1/assignments/\(plan.assignmentB)/reports", nil),
                (.post, "/v1/assignments/\(plan.assignmentB)/reports", ReportFlowTests.report),
                (.post, "/v1/assignments/\(plan.assignmentB)/extensions", #"{"due_on": "2019-05-30", "reason": "x"}"#),
                (.post, "/v1/assignments/\(plan.assignmentB)/deadline", #"{"due_on": "2019-05-30", "reason": "x"}"#),
                (.get, "/v1/reports/\(reportB)", nil),
                (.post, "/v1/reports/\(reportB)/accept", nil),
                (.post, "/v1/reports/\(reportB)/return", #"{"comment": "нет"}"#),
                (.get, "/v1/extensions/\(extensionB)", nil),
                (.post, "/v1/extensions/\(extensionB)/approve", nil),
                (.post, "/v1/extensions/\(extensionB)/reject", nil),
                (.get, "/v1/events?entity_type=assignment&entity_id=\(plan.assignmentB)", nil),
                (.get, "/v1/events?entity_type=report&entity_id=\(reportB)", nil),
                (.get, "/v1/events?entity_type=extension&entity_id=\(extensionB)", nil),
                (.get, "/v1/events?entity_type=organization&entity_id=\(fixture.schoolB.uuidString)", nil),
            ]
            for (method, path, body) in hidden {
                let response = try await api.call(method, path, token: fixture.executorA, json: body)
                #expect(response.status == 404, "\(method) \(path) answered \(response.status): \(response.text)")
                #expect(!response.text.contains("Лицей"), "\(method) \(path) leaked B's name")
            }
            // Filters cannot widen what an executor sees.
            let filtered = try await api.call(.get, "/v1/assignments?executor_id=\(fixture.schoolB.uuidString)", token: fixture.executorA)
            #expect(filtered.status == 200)
            #expect(filtered.items.isEmpty)
            let all = try await api.call(.get, "/v1/assignments", token: fixture.executorA)
            #expect(all.items.map { $0["id"] as? String } == [plan.assignmentA])

            // What it may see but not change: 403.
            let forbidden: [(HTTPRequest.Method, String, String?)] = [
                (.post, "/v1/organizations", #"{"name": "Новая", "kind": "school"}"#),
                (.patch, "/v1/organizations/\(fixture.schoolA.uuidString)", #"{"short_name": "x"}"#),
                (.post, "/v1/organizations/\(fixture.schoolA.uuidString)/merge", #"{"merge_id": "\#(fixture.schoolB.uuidString)"}"#),
                (.post, "/v1/orders", #"{"number": "1", "date": "2019-01-01", "issuer_id": "\#(fixture.committee.uuidString)"}"#),
                (.patch, "/v1/orders/\(plan.order)", #"{"title": "x"}"#),
                (.post, "/v1/orders/\(plan.order)/goals", #"{"title": "x"}"#),
                (.post, "/v1/goals/\(plan.goal)/tasks", #"{"title": "x"}"#),
                (.post, "/v1/goals/\(plan.goal)/actions", #"{"title": "x", "deadline": "Май 2019", "executor_ids": []}"#),
                (.patch, "/v1/actions/\(plan.action)", #"{"title": "x"}"#),
                (.patch, "/v1/assignments/\(plan.assignmentA)", #"{"status": "cancelled"}"#),
                (.post, "/v1/assignments/\(plan.assignmentA)/deadline", #"{"due_on": "2019-05-30", "reason": "x"}"#),
                (.post, "/v1/actions/\(plan.action)/deadline", #"{"due_on": "2019-05-30", "reason": "x"}"#),
                (.post, "/v1/orders/\(plan.order)/withdraw", #"{"reason": "x"}"#),
                (.post, "/v1/orders/\(plan.order)/restore", nil),
            ]
            for (method, path, body) in forbidden {
                let response = try await api.call(method, path, token: fixture.executorA, json: body)
                #expect(response.status == 403, "\(method) \(path) answered \(response.status): \(response.text)")
            }
            // Its own work it reads and changes.
            #expect(try await api.call(.get, "/v1/orders/\(plan.order)/plan", token: fixture.executorA).status == 200)
            #expect(try await api.call(.get, "/v1/actions/\(plan.action)", token: fixture.executorA).status == 200)
            #expect(try await api.call(.get, "/v1/events?entity_type=order&entity_id=\(plan.order)", token: fixture.executorA).status == 200)
            #expect(try await api.call(.patch, "/v1/assignments/\(plan.assignmentA)", token: fixture.executorA, json: #"{"status": "in_progress"}"#).status == 200)
        }
    }

    @Test func anExecutorDoesNotSeeOrdersItHasNoWorkIn() async throws {
        try await APIFixture.run { api, fixture in
            let order = try await api.call(.post, "/v1/orders", token: fixture.coordinator, json: """
                {"number": "12", "date": "2019-02-01", "issuer_id": "\(fixture.committee.uuidString)"}
                """)
            let id = try #require(order.string("id"))
            let goal = try #require(try await api.call(.post, "/v1/orders/\(id)/goals", token: fixture.coordinator, json: #"{"title": "Цель"}"#).string("id"))
            #expect(try await api.call(.get, "/v1/orders/\(id)", token: fixture.executorA).status == 404)
            #expect(try await api.call(.get, "/v1/orders/\(id)/plan", token: fixture.executorA).status == 404)
            #expect(try await api.call(.post, "/v1/orders/\(id)/goals", token: fixture.executorA, json: #"{"title": "x"}"#).status == 404)
            #expect(try await api.call(.post, "/v1/goals/\(goal)/tasks", token: fixture.executorA, json: #"{"title": "x"}"#).status == 404)
            #expect(try await api.call(.get, "/v1/orders", token: fixture.executorA).items.isEmpty)
            #expect(try await api.call(.get, "/v1/orders", token: fixture.viewer).items.count == 1)
        }
    }

    @Test func aViewerReadsEverythingAndChangesNothing() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            for path in ["/v1/orders/\(plan.order)", "/v1/orders/\(plan.order)/plan", "/v1/assignments/\(plan.assignmentB)",
                         "/v1/actions/\(plan.action)", "/v1/events?entity_type=order&entity_id=\(plan.order)"] {
                #expect(try await api.call(.get, path, token: fixture.viewer).status == 200, "\(path)")
            }
            let writes: [(HTTPRequest.Method, String, String?)] = [
                (.patch, "/v1/assignments/\(plan.assignmentA)", #"{"status": "in_progress"}"#),
                (.post, "/v1/assignments/\(plan.assignmentA)/reports", ReportFlowTests.report),
                (.post, "/v1/assignments/\(plan.assignmentA)/extensions", #"{"due_on": "2019-05-30", "reason": "x"}"#),
                (.patch, "/v1/actions/\(plan.action)", #"{"title": "x"}"#),
                (.post, "/v1/orders/\(plan.order)/goals", #"{"title": "x"}"#),
                (.post, "/v1/orders/\(plan.order)/withdraw", #"{"reason": "x"}"#),
            ]
            for (method, path, body) in writes {
                let response = try await api.call(method, path, token: fixture.viewer, json: body)
                #expect(response.status == 403, "\(method) \(path) answered \(response.status)")
            }
        }
    }

    /// A withdrawn order leaves the API's lists and the school's view; the committee still
    /// reads it, an administrator alone restores it; history keeps both steps.
    @Test func anOrderIsWithdrawnAndRestoredThroughTheAPI() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let empty = try await api.call(.post, "/v1/orders/\(plan.order)/withdraw", token: fixture.coordinator, json: #"{"reason": " "}"#)
            #expect(empty.status == 422, "\(empty.text)")
            let withdrawn = try await api.call(.post, "/v1/orders/\(plan.order)/withdraw", token: fixture.coordinator,
                                               json: #"{"reason": "Импортирован по ошибке"}"#)
            #expect(withdrawn.status == 200, "\(withdrawn.text)")
            #expect(withdrawn.string("withdrawn_at") != nil)
            #expect(try await api.call(.post, "/v1/orders/\(plan.order)/withdraw", token: fixture.coordinator,
                                       json: #"{"reason": "Ещё раз"}"#).status == 409)
            #expect(try await api.call(.get, "/v1/orders", token: fixture.coordinator).items.isEmpty)
            #expect(try await api.call(.get, "/v1/assignments", token: fixture.coordinator).items.isEmpty)
            #expect(try await api.call(.get, "/v1/orders/\(plan.order)", token: fixture.executorA).status == 404)
            #expect(try await api.call(.get, "/v1/assignments/\(plan.assignmentA)", token: fixture.executorA).status == 404)
            #expect(try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA,
                                       json: ReportFlowTests.report).status == 404)
            #expect(try await api.call(.get, "/v1/orders/\(plan.order)", token: fixture.viewer).status == 200)
            #expect(try await api.call(.post, "/v1/orders/\(plan.order)/restore", token: fixture.coordinator).status == 403)
            let restored = try await api.call(.post, "/v1/orders/\(plan.order)/restore", token: fixture.admin, json: #"{"reason": "Ошибочно"}"#)
            #expect(restored.status == 200, "\(restored.text)")
            #expect(restored.json["withdrawn_at"] == nil || restored.json["withdrawn_at"] is NSNull)
            #expect(try await api.call(.get, "/v1/assignments", token: fixture.executorA).items.count == 1)
            let events = try await api.call(.get, "/v1/events?entity_type=order&entity_id=\(plan.order)", token: fixture.viewer).items
            #expect(events.compactMap { $0["event"] as? String }.suffix(2) == ["withdrawn", "restored"])
        }
    }

    /// Search over the API finds by words and, for a school, only its own part.
    @Test func searchFindsByWordsAndAnExecutorOnlyItsOwn() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let extra = try await api.call(.post, "/v1/goals/\(plan.goal)/actions", token: fixture.coordinator, json: """
                {"title": "Олимпиада лицеистов", "deadline": "Май 2019", "executor_ids": ["\(fixture.schoolB.uuidString)"]}
                """)
            #expect(extra.status == 201)
            let asCoordinator = try await api.call(.get, "/v1/search?q=%D0%BE%D0%BB%D0%B8%D0%BC%D0%BF", token: fixture.coordinator)
            #expect(asCoordinator.status == 200, "\(asCoordinator.text)")
            #expect((asCoordinator["actions"] as? [[String: Any]])?.map { $0["title"] as? String } == ["Олимпиада лицеистов"])
            let asSchoolA = try await api.call(.get, "/v1/search?q=%D0%BE%D0%BB%D0%B8%D0%BC%D0%BF", token: fixture.executorA)
            #expect((asSchoolA["actions"] as? [[String: Any]])?.isEmpty == true, "school A does not execute it")
            let order = try await api.call(.get, "/v1/search?q=770", token: fixture.executorA)
            #expect((order["orders"] as? [[String: Any]])?.map { $0["id"] as? String } == [plan.order])
            #expect(try await api.call(.get, "/v1/search?q=%D1%8F", token: fixture.coordinator).status == 422)
            #expect(try await api.call(.get, "/v1/search?q=x").status == 401)
        }
    }
}
