import Foundation
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

@Suite("API: reports, reviews, extensions, history")
struct ReportFlowTests {
    static let report = #"{"done_on": "2019-03-20", "text": "Семинар проведён", "evidence_urls": ["https://school5.example/news/1"]}"#

    @Test func aReportIsSubmittedReturnedResubmittedAndAccepted() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let started = try await api.call(.patch, "/v1/assignments/\(plan.assignmentA)", token: fixture.executorA, json: #"{"status": "in_progress"}"#)
            #expect(started.status == 200, "\(started.text)")
            #expect(started.string("status") == "in_progress")

            let first = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA, json: Self.report)
            #expect(first.status == 201, "\(first.text)")
            let reportID = try #require(first.string("id"))
            #expect(try await api.call(.get, "/v1/assignments/\(plan.assignmentA)", token: fixture.executorA).string("status") == "reported")

            let noComment = try await api.call(.post, "/v1/reports/\(reportID)/return", token: fixture.coordinator, json: "{}")
            #expect(noComment.status == 422)
            #expect(noComment.text.contains("comment"))
            let byExecutor = try await api.call(.post, "/v1/reports/\(reportID)/accept", token: fixture.executorA)
            #expect(byExecutor.status == 403)
            let stale = try await api.call(.post, "/v1/reports/\(reportID)/return", token: fixture.coordinator, json: #"{"comment": "x"}"#, headers: ["If-Match": "\"5\""])
            #expect(stale.status == 412)

            let returned = try await api.call(.post, "/v1/reports/\(reportID)/return", token: fixture.coordinator,
                                              json: #"{"comment": "Приложите программу семинара"}"#, headers: ["If-Match": "\"1\""])
            #expect(returned.status == 200, "\(returned.text)")
            #expect(returned.string("status") == "returned")
            #expect(returned.string("review_comment") == "Приложите программу семинара")
            #expect(try await api.call(.get, "/v1/assignments/\(plan.assignmentA)", token: fixture.executorA).string("status") == "returned")
            let again = try await api.call(.post, "/v1/reports/\(reportID)/accept", token: fixture.coordinator)
            #expect(again.status == 409)

            let second = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA, json: Self.report)
            #expect(second.status == 201)
            let secondID = try #require(second.string("id"))
            let accepted = try await api.call(.post, "/v1/reports/\(secondID)/accept", token: fixture.coordinator)
            #expect(accepted.status == 200, "\(accepted.text)")
            let done = try await api.call(.get, "/v1/assignments/\(plan.assignmentA)?as_of=2020-01-01", token: fixture.executorA)
            #expect(done.string("status") == "done")
            #expect(done["overdue"] as? Bool == false)
            let reports = try await api.call(.get, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA)
            #expect(reports.items.map { $0["status"] as? String } == ["returned", "accepted"])

            let history = try await api.call(.get, "/v1/events?entity_type=assignment&entity_id=\(plan.assignmentA)", token: fixture.executorA)
            #expect(history.items.map { $0["event"] as? String } == ["created", "started", "reported", "returned", "reported", "done"])
            #expect(history.items[3]["reason"] as? String == "Приложите программу семинара")
            #expect(history.items[3]["actor_role"] as? String == "coordinator")
            #expect(!history.text.contains("coord\""), "no logins or names of people in the history")

            let tree = try await api.call(.get, "/v1/orders/\(plan.order)/plan?as_of=2020-01-01", token: fixture.coordinator)
            let rollup = try #require(tree["rollup"] as? [String: Any])
            #expect(rollup["done"] as? Int == 1)
            #expect(rollup["share_done"] as? Double == 0.5)
            #expect(rollup["overdue"] as? Int == 1)
        }
    }

    @Test func aRetriedReportWithTheSameKeyCreatesNothingNew() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let key = ["Idempotency-Key": "report-\(UUID().uuidString)"]
            let first = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA, json: Self.report, headers: key)
            #expect(first.status == 201)
            let retry = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA, json: Self.report, headers: key)
            #expect(retry.status == 201)
            #expect(retry.text == first.text)
            let different = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA,
                                               json: #"{"done_on": "2019-03-21", "text": "Другое"}"#, headers: key)
            #expect(different.status == 422)
            #expect(different.problemType == "idempotency-key-reused")
            let count = try await fixture.pool.withConnection { connection in
                try connection.query("SELECT count(*)::int AS n FROM reports").first?.decode(Int.self, "n")
            }
            #expect(count == 1)
        }
    }

    @Test func concurrentRequestsWithOneKeyCreateOneReport() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let key = ["Idempotency-Key": "same-key"]
            let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let response = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA, json: Self.report, headers: key)
                        return (response.status, response.string("id"))
                    }
                }
                var results: [(Int, String?)] = []
                for try await result in group { results.append(result) }
                return results
            }
            // Each either got the one report, or was told to retry; none made a second one.
            #expect(statuses.allSatisfy { $0.0 == 201 || $0.0 == 409 })
            #expect(Set(statuses.compactMap(\.1)).count == 1)
            let count = try await fixture.pool.withConnection { connection in
                try connection.query("SELECT count(*)::int AS n FROM reports").first?.decode(Int.self, "n")
            }
            #expect(count == 1)
        }
    }

    @Test func anApprovedExtensionMovesTheDueDateAndKeepsTheOriginal() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let earlier = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/extensions", token: fixture.executorA,
                                             json: #"{"due_on": "2019-03-01", "reason": "x"}"#)
            #expect(earlier.status == 422)
            let requested = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/extensions", token: fixture.executorA,
                                               json: #"{"due_on": "2019-05-31", "reason": "Лектор заболел"}"#)
            #expect(requested.status == 201, "\(requested.text)")
            let extensionID = try #require(requested.string("id"))
            #expect(requested.string("previous_due_on") == "2019-03-31")
            let twice = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/extensions", token: fixture.executorA,
                                           json: #"{"due_on": "2019-06-30", "reason": "ещё"}"#)
            #expect(twice.status == 409)
            #expect(try await api.call(.post, "/v1/extensions/\(extensionID)/approve", token: fixture.executorA).status == 403)
            #expect(try await api.call(.post, "/v1/extensions/\(extensionID)/approve", token: fixture.viewer).status == 403)
            let approved = try await api.call(.post, "/v1/extensions/\(extensionID)/approve", token: fixture.coordinator, json: #"{"comment": "Согласовано"}"#)
            #expect(approved.status == 200, "\(approved.text)")
            #expect(approved.string("status") == "approved")
            let moved = try await api.call(.get, "/v1/assignments/\(plan.assignmentA)?as_of=2019-04-15", token: fixture.executorA)
            #expect(moved.string("due_on") == "2019-05-31")
            #expect(moved.string("original_due_on") == "2019-03-31")
            #expect(moved["overdue"] as? Bool == false)
            #expect(try await api.call(.post, "/v1/extensions/\(extensionID)/reject", token: fixture.coordinator,
                                       json: #"{"comment": "Поздно"}"#).status == 409)

            let other = try await api.call(.post, "/v1/assignments/\(plan.assignmentB)/extensions", token: fixture.executorB,
                                           json: #"{"due_on": "2019-04-30", "reason": "Ремонт"}"#)
            let otherID = try #require(other.string("id"))
            // A refusal says why, in the API as on the page.
            let bare = try await api.call(.post, "/v1/extensions/\(otherID)/reject", token: fixture.coordinator)
            #expect(bare.status == 422)
            #expect((bare["invalid_fields"] as? [[String: Any]])?.first?["name"] as? String == "comment")
            let rejected = try await api.call(.post, "/v1/extensions/\(otherID)/reject", token: fixture.coordinator,
                                              json: #"{"comment": "Срок установлен приказом"}"#)
            #expect(rejected.string("status") == "rejected")
            #expect(try await api.call(.get, "/v1/assignments/\(plan.assignmentB)", token: fixture.executorB).string("due_on") == "2019-03-31")
            let history = try await api.call(.get, "/v1/events?entity_type=assignment&entity_id=\(plan.assignmentA)", token: fixture.coordinator)
            let moveEvent = try #require(history.items.last)
            #expect(moveEvent["event"] as? String == "deadline_moved")
            #expect(moveEvent["reason"] as? String == "Лектор заболел")
            #expect((moveEvent["data"] as? [String: Any])?["to"] as? String == "2019-05-31")
        }
    }

    @Test func assignmentsAreFilteredSortedAndPaged() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            _ = try await api.call(.post, "/v1/goals/\(plan.goal)/actions", token: fixture.coordinator, json: """
                {"title": "Отчёт", "deadline": "ежеквартально", "executor_ids": ["\(fixture.schoolA.uuidString)"]}
                """)
            let all = try await api.call(.get, "/v1/assignments?executor_id=\(fixture.schoolA.uuidString)", token: fixture.coordinator)
            let dues = all.items.compactMap { $0["due_on"] as? String }
            #expect(dues == dues.sorted())
            #expect(all.items.count == 5)
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await api.call(.get, "/v1/assignments?executor_id=\(fixture.schoolA.uuidString)&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), token: fixture.coordinator)
                seen += page.items.compactMap { $0["id"] as? String }
                cursor = page.string("next_cursor")
            } while cursor != nil
            #expect(seen == all.items.compactMap { $0["id"] as? String })

            let march = try await api.call(.get, "/v1/assignments?due_from=2019-03-01&due_to=2019-03-31", token: fixture.coordinator)
            #expect(march.items.count == 2)
            let overdue = try await api.call(.get, "/v1/assignments?overdue=true&as_of=2019-04-01", token: fixture.coordinator)
            #expect(overdue.items.allSatisfy { $0["overdue"] as? Bool == true })
            #expect(overdue.items.count == 6)
            let mine = try await api.call(.get, "/v1/assignments?overdue=true&as_of=2019-04-01", token: fixture.executorB)
            #expect(mine.items.count == 1)
            let reversed = try await api.call(.get, "/v1/assignments?due_from=2019-04-01&due_to=2019-03-01", token: fixture.coordinator)
            #expect(reversed.status == 422)
            let forged = try await api.call(.get, "/v1/assignments?cursor=bm9wZQ", token: fixture.coordinator)
            #expect(forged.status == 422)
            #expect(forged.text.contains("cursor"))
        }
    }
}
