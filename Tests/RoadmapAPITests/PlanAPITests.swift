import Foundation
import RoadmapTestSupport
import Testing

@Suite("API: organisations, orders, the plan tree")
struct PlanAPITests {
    @Test func organisationsAreCreatedSearchedAndUpdatedWithVersions() async throws {
        try await APIFixture.run { api, fixture in
            let created = try await api.call(.post, "/v1/organizations", token: fixture.coordinator, json: """
                {"name": "МБОУ «Средняя общеобразовательная школа № 22»", "kind": "school", "short_name": "СОШ № 22", "aliases": ["Школа 22"]}
                """)
            #expect(created.status == 201, "\(created.text)")
            #expect(created.headers[.eTag] == "\"1\"")
            let id = try #require(created.string("id"))
            #expect(created.headers[.location] == "/v1/organizations/\(id)")

            let duplicate = try await api.call(.post, "/v1/organizations", token: fixture.admin, json: #"{"name": "МБОУ «СРЕДНЯЯ общеобразовательная школа №22»", "kind": "school"}"#)
            #expect(duplicate.status == 409)

            // The search normalises like the importer: quotes, №, case.
            let found = try await api.call(.get, "/v1/organizations?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0%20%E2%84%96%2022", token: fixture.executorA)
            #expect(found.status == 200)
            #expect(found.items.map { $0["id"] as? String } == [id])
            let schools = try await api.call(.get, "/v1/organizations?kind=school&limit=2", token: fixture.viewer)
            #expect(schools.items.count == 2)
            let next = try #require(schools.string("next_cursor"))
            let rest = try await api.call(.get, "/v1/organizations?kind=school&limit=2&cursor=\(next)", token: fixture.viewer)
            #expect(rest.items.count == 1)
            #expect(rest.json.keys.contains("next_cursor") && rest["next_cursor"] is NSNull)

            let stale = try await api.call(.patch, "/v1/organizations/\(id)", token: fixture.coordinator, json: #"{"short_name": "Школа № 22"}"#, headers: ["If-Match": "\"7\""])
            #expect(stale.status == 412)
            #expect(stale.problemType == "stale")
            let updated = try await api.call(.patch, "/v1/organizations/\(id)", token: fixture.coordinator, json: #"{"short_name": "Школа № 22"}"#, headers: ["If-Match": "\"1\""])
            #expect(updated.status == 200, "\(updated.text)")
            #expect(updated.string("short_name") == "Школа № 22")
            #expect(updated.headers[.eTag] == "\"2\"")
            // The second coordinator with the old tag is refused, not silently applied.
            let lost = try await api.call(.patch, "/v1/organizations/\(id)", token: fixture.admin, json: #"{"short_name": "x"}"#, headers: ["If-Match": "\"1\""])
            #expect(lost.status == 412)

            for token in [fixture.executorA, fixture.viewer] {
                let refused = try await api.call(.post, "/v1/organizations", token: token, json: #"{"name": "Другая", "kind": "other"}"#)
                #expect(refused.status == 403)
            }
            let badKind = try await api.call(.post, "/v1/organizations", token: fixture.admin, json: #"{"name": "X", "kind": "university"}"#)
            #expect(badKind.status == 422 || badKind.status == 400)

            // A second record of the school, merged into the first: its name is an alias now.
            let twin = try await api.call(.post, "/v1/organizations", token: fixture.coordinator, json: #"{"name": "Двадцать вторая школа", "kind": "school"}"#)
            let twinID = try #require(twin.string("id"))
            let merged = try await api.call(.post, "/v1/organizations/\(id)/merge", token: fixture.coordinator, json: #"{"merge_id": "\#(twinID)"}"#)
            #expect(merged.status == 200, "\(merged.text)")
            #expect((merged["aliases"] as? [String])?.contains("Двадцать вторая школа") == true)
            #expect(try await api.call(.get, "/v1/organizations/\(twinID)", token: fixture.coordinator).status == 404)
            let itself = try await api.call(.post, "/v1/organizations/\(id)/merge", token: fixture.coordinator, json: #"{"merge_id": "\#(id)"}"#)
            #expect(itself.status == 422)
            let missing = try await api.call(.post, "/v1/organizations/\(id)/merge", token: fixture.coordinator, json: #"{"merge_id": "\#(UUID().uuidString)"}"#)
            #expect(missing.status == 404)
            let noBody = try await api.call(.post, "/v1/organizations/\(id)/merge", token: fixture.coordinator, json: #"{}"#)
            #expect([400, 422].contains(noBody.status))
        }
    }

    @Test func anOrderItsGoalAndActionMakeAssignmentsAndARollup() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let tree = try await api.call(.get, "/v1/orders/\(plan.order)/plan?as_of=2019-04-15", token: fixture.viewer)
            #expect(tree.status == 200, "\(tree.text)")
            let rollup = try #require(tree["rollup"] as? [String: Any])
            #expect(rollup["total"] as? Int == 2)
            #expect(rollup["overdue"] as? Int == 2)
            #expect(rollup["earliest_open_due_on"] as? String == "2019-03-31")
            let plans = try #require(tree["plans"] as? [[String: Any]])
            let goals = try #require(plans.first?["goals"] as? [[String: Any]])
            let actions = try #require(goals.first?["actions"] as? [[String: Any]])
            let deadline = try #require(actions.first?["deadline"] as? [String: Any])
            #expect(deadline["text"] as? String == "Март 2019")
            #expect(deadline["first_day"] as? String == "2019-03-01")
            #expect(deadline["last_day"] as? String == "2019-03-31")
            #expect((actions.first?["executors"] as? [[String: Any]])?.count == 2)

            // An executor's roll-up counts its own assignments only.
            let own = try await api.call(.get, "/v1/orders/\(plan.order)?as_of=2019-01-01", token: fixture.executorA)
            #expect(own.status == 200)
            #expect((own["rollup"] as? [String: Any])?["total"] as? Int == 1)
            #expect((own["rollup"] as? [String: Any])?["overdue"] as? Int == 0)

            let byYear = try await api.call(.get, "/v1/orders?year=2018", token: fixture.viewer)
            #expect(byYear.items.count == 1)
            #expect(try await api.call(.get, "/v1/orders?year=2019", token: fixture.viewer).items.isEmpty)
        }
    }

    @Test func anActionsAssignmentsArePagedAndTheTreeCountsItsExecutors() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let tree = try await api.call(.get, "/v1/orders/\(plan.order)/plan", token: fixture.coordinator)
            let action = try #require(((tree["plans"] as? [[String: Any]])?.first?["goals"] as? [[String: Any]])?.first?["actions"] as? [[String: Any]])
            #expect(action.first?["organization_count"] as? Int == 2)

            let first = try await api.call(.get, "/v1/actions/\(plan.action)/assignments?limit=1&as_of=2019-04-15", token: fixture.viewer)
            #expect(first.status == 200, "\(first.text)")
            #expect(first.items.count == 1)
            #expect(first.items.first?["overdue"] as? Bool == true)
            let next = try #require(first.string("next_cursor"))
            let second = try await api.call(.get, "/v1/actions/\(plan.action)/assignments?limit=1&cursor=\(next)", token: fixture.viewer)
            #expect(second.items.count == 1)
            #expect(second["next_cursor"] is NSNull)
            #expect(Set((first.items + second.items).compactMap { $0["id"] as? String }) == [plan.assignmentA, plan.assignmentB])

            // A school sees its own assignment of the action, nothing of another school's.
            let own = try await api.call(.get, "/v1/actions/\(plan.action)/assignments", token: fixture.executorA)
            #expect(own.items.compactMap { $0["id"] as? String } == [plan.assignmentA])
            let overdue = try await api.call(.get, "/v1/actions/\(plan.action)/assignments?overdue=true&as_of=2019-03-01", token: fixture.coordinator)
            #expect(overdue.items.isEmpty)

            // Bad input: an unknown action, a forged cursor, a page too large.
            #expect(try await api.call(.get, "/v1/actions/\(UUID().uuidString)/assignments", token: fixture.coordinator).status == 404)
            #expect(try await api.call(.get, "/v1/actions/not-an-id/assignments", token: fixture.coordinator).status == 404)
            let forged = try await api.call(.get, "/v1/actions/\(plan.action)/assignments?cursor=eyJ4Ijoxfq", token: fixture.coordinator)
            #expect(forged.status == 422)
            #expect(forged.text.contains("cursor"))
            #expect(try await api.call(.get, "/v1/actions/\(plan.action)/assignments?limit=501", token: fixture.coordinator).status == 400)
        }
    }

    @Test func changingAnActionsExecutorsCancelsAndCreatesAssignments() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let action = try await api.call(.get, "/v1/actions/\(plan.action)", token: fixture.coordinator)
            let tag = try #require(action.headers[.eTag])
            let dropB = try await api.call(.patch, "/v1/actions/\(plan.action)", token: fixture.coordinator,
                                           json: #"{"executor_ids": ["\#(fixture.schoolA.uuidString)"], "deadline": "до 15.04.2019", "reason": "Уточнён срок"}"#,
                                           headers: ["If-Match": tag])
            #expect(dropB.status == 200, "\(dropB.text)")
            let b = try await api.call(.get, "/v1/assignments/\(plan.assignmentB)", token: fixture.coordinator)
            #expect(b.string("status") == "cancelled")
            let a = try await api.call(.get, "/v1/assignments/\(plan.assignmentA)", token: fixture.coordinator)
            #expect(a.string("due_on") == "2019-04-15")
            #expect(a.string("status") == "planned")
            // The old tag is stale now.
            let stale = try await api.call(.patch, "/v1/actions/\(plan.action)", token: fixture.coordinator, json: #"{"title": "x"}"#, headers: ["If-Match": tag])
            #expect(stale.status == 412)

            let backB = try await api.call(.patch, "/v1/actions/\(plan.action)", token: fixture.coordinator,
                                           json: #"{"executor_ids": ["\#(fixture.schoolA.uuidString)", "\#(fixture.schoolB.uuidString)"]}"#)
            #expect(backB.status == 200)
            #expect(try await api.call(.get, "/v1/assignments/\(plan.assignmentB)", token: fixture.coordinator).string("status") == "planned")

            let unknown = try await api.call(.patch, "/v1/actions/\(plan.action)", token: fixture.coordinator,
                                             json: #"{"executor_ids": ["\#(UUID().uuidString)"]}"#)
            #expect(unknown.status == 422)
            #expect(unknown.text.contains("executor_ids"))
            let history = try await api.call(.get, "/v1/events?entity_type=assignment&entity_id=\(plan.assignmentB)", token: fixture.coordinator)
            // Back on the action, the lyceum's work takes the corrected deadline: a move recorded as the plan's.
            #expect(history.items.map { $0["event"] as? String } == ["created", "cancelled", "deadline_moved", "reopened"])
            let moved = try #require(history.items.first { $0["event"] as? String == "deadline_moved" })
            #expect((moved["data"] as? [String: Any])?["plan"] as? String == "true")
            #expect((moved["data"] as? [String: Any])?["to"] as? String == "2019-04-15")
        }
    }

    @Test func tasksAndUnparsedDeadlines() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let task = try await api.call(.post, "/v1/goals/\(plan.goal)/tasks", token: fixture.coordinator, json: #"{"title": "Обучение педагогов", "expected_result": "100 %"}"#)
            #expect(task.status == 201, "\(task.text)")
            let taskID = try #require(task.string("id"))
            let action = try await api.call(.post, "/v1/goals/\(plan.goal)/actions", token: fixture.coordinator, json: """
                {"title": "Консультации", "deadline": "по мере необходимости", "executor_ids": ["\(fixture.schoolA.uuidString)"], "task_ids": ["\(taskID)"]}
                """)
            #expect(action.status == 201, "\(action.text)")
            #expect(action["task_ids"] as? [String] == [taskID])
            let odd = try await api.call(.post, "/v1/goals/\(plan.goal)/actions", token: fixture.coordinator, json: """
                {"title": "Что-то", "deadline": "когда получится", "executor_ids": []}
                """)
            #expect(odd.status == 201)
            #expect((odd["deadline"] as? [String: Any])?["parsed"] as? Bool == false)
            let wrongTask = try await api.call(.post, "/v1/goals/\(plan.goal)/actions", token: fixture.coordinator, json: """
                {"title": "X", "deadline": "Май 2019", "executor_ids": [], "task_ids": ["\(UUID().uuidString)"]}
                """)
            #expect(wrongTask.status == 422)
        }
    }
}

extension PlanAPITests {
    @Test func aCorrectedDeadlineMovesPlannedDaysAndKeepsApprovedExtensions() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let requested = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/extensions", token: fixture.executorA,
                                               json: #"{"due_on": "2019-06-30", "reason": "Ремонт"}"#)
            let extensionID = try #require(requested.string("id"))
            #expect(try await api.call(.post, "/v1/extensions/\(extensionID)/approve", token: fixture.coordinator).status == 200)
            let unexplained = try await api.call(.patch, "/v1/actions/\(plan.action)", token: fixture.coordinator, json: #"{"deadline": "Май 2019"}"#)
            #expect(unexplained.status == 422 && unexplained.text.contains("reason"), "a deadline that moves open assignments needs a reason")
            let changed = try await api.call(.patch, "/v1/actions/\(plan.action)", token: fixture.coordinator,
                                             json: #"{"deadline": "Май 2019", "reason": "Семинар перенесён"}"#)
            #expect(changed.status == 200, "\(changed.text)")
            let a = try await api.call(.get, "/v1/assignments/\(plan.assignmentA)", token: fixture.coordinator)
            #expect(a.string("due_on") == "2019-06-30", "the approved extension stays")
            #expect(a.string("original_due_on") == "2019-05-31")
            #expect(a.string("period_end") == "2019-05-31")
            let b = try await api.call(.get, "/v1/assignments/\(plan.assignmentB)", token: fixture.coordinator)
            #expect(b.string("due_on") == "2019-05-31")
            #expect(b.string("original_due_on") == "2019-05-31")
        }
    }

    /// The committee moves a deadline itself: one school's with If-Match, then the whole
    /// action's; bad bodies change nothing.
    @Test func theCommitteeMovesDeadlinesDirectly() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let before = try await api.call(.get, "/v1/assignments/\(plan.assignmentA)", token: fixture.coordinator)
            let etag = try #require(before.headers[.eTag])
            let stale = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/deadline", token: fixture.coordinator,
                                           json: #"{"due_on": "2019-04-30", "reason": "Карантин"}"#, headers: ["If-Match": "\"999\""])
            #expect(stale.status == 412, "\(stale.text)")
            let moved = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/deadline", token: fixture.coordinator,
                                           json: #"{"due_on": "2019-04-30", "reason": "Карантин"}"#, headers: ["If-Match": etag])
            #expect(moved.status == 200, "\(moved.text)")
            #expect(moved.string("due_on") == "2019-04-30")
            #expect(moved.string("original_due_on") == "2019-03-31")
            for body in [#"{"due_on": "2019-04-31", "reason": "x"}"#, #"{"due_on": "2019-05-01", "reason": ""}"#, #"{"due_on": "2019-05-01"}"#,
                         #"{"due_on": "2019-04-30", "reason": "x"}"#] {
                let bad = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/deadline", token: fixture.coordinator, json: body)
                #expect([400, 422].contains(bad.status), "\(body): \(bad.status) \(bad.text)")
            }
            let whole = try await api.call(.post, "/v1/actions/\(plan.action)/deadline", token: fixture.coordinator,
                                           json: #"{"due_on": "2019-05-15", "reason": "Перенос семинара"}"#)
            #expect(whole.status == 200, "\(whole.text)")
            #expect(Set(whole.items.compactMap { $0["id"] as? String }) == [plan.assignmentA, plan.assignmentB])
            let history = try await api.call(.get, "/v1/events?entity_type=assignment&entity_id=\(plan.assignmentB)", token: fixture.coordinator)
            #expect(history.items.contains { $0["event"] as? String == "deadline_moved" && $0["reason"] as? String == "Перенос семинара" })
            let missing = try await api.call(.post, "/v1/actions/\(UUID().uuidString)/deadline", token: fixture.coordinator,
                                             json: #"{"due_on": "2019-05-15", "reason": "x"}"#)
            #expect(missing.status == 404)
        }
    }
}

extension PlanAPITests {
    /// Goals, tasks and actions renamed, moved and removed over the API, through the use cases
    /// the plan editor calls: what has a school's report stays.
    @Test func goalsTasksAndActionsAreCorrectedOverTheAPI() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let token = fixture.coordinator
            let renamed = try await api.call(.patch, "/v1/goals/\(plan.goal)", token: token, json: #"{"title": "Качество образования"}"#)
            #expect(renamed.status == 200 && renamed.string("title") == "Качество образования" && renamed.string("order_id") == plan.order, "\(renamed.text)")
            #expect(try await api.call(.patch, "/v1/goals/\(plan.goal)", token: token, json: #"{"title": " "}"#).status == 422)
            let second = try #require(try await api.call(.post, "/v1/orders/\(plan.order)/goals", token: token, json: #"{"title": "Вторая"}"#).string("id"))
            #expect(try await api.call(.post, "/v1/goals/\(second)/move", token: token, json: #"{"direction": "up"}"#).status == 204)
            let tree = try await api.call(.get, "/v1/orders/\(plan.order)/plan", token: token)
            let goals = ((tree["plans"] as? [[String: Any]])?.first?["goals"] as? [[String: Any]]) ?? []
            #expect(goals.compactMap { $0["id"] as? String } == [second, plan.goal], "moved up")
            #expect(try await api.call(.delete, "/v1/goals/\(plan.goal)", token: token).status == 409, "it still has an action")
            #expect(try await api.call(.delete, "/v1/goals/\(second)", token: token).status == 204)

            let task = try #require(try await api.call(.post, "/v1/goals/\(plan.goal)/tasks", token: token, json: #"{"title": "Задача"}"#).string("id"))
            let changed = try await api.call(.patch, "/v1/tasks/\(task)", token: token, json: #"{"title": "Задача уточнена", "expected_result": "Отчёт"}"#)
            #expect(changed.status == 200 && changed.string("expected_result") == "Отчёт")
            let sideways = try await api.call(.post, "/v1/tasks/\(task)/move", token: token, json: #"{"direction": "sideways"}"#).status
            #expect(sideways == 400 || sideways == 422)
            #expect(try await api.call(.delete, "/v1/tasks/\(task)", token: token).status == 204)

            // An action with a school's report stays; one without goes, with its assignments.
            #expect(try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA, json: ReportFlowTests.report).status == 201)
            #expect(try await api.call(.delete, "/v1/actions/\(plan.action)", token: token).status == 409)
            let spare = try #require(try await api.call(.post, "/v1/goals/\(plan.goal)/actions", token: token, json: """
                {"title": "Лишнее", "deadline": "Май 2019", "executor_ids": [], "executor_kinds": ["school"]}
                """).string("id"))
            #expect(try await api.call(.get, "/v1/assignments?order_id=\(plan.order)", token: token).items.count == 4, "both schools through the group")
            #expect(try await api.call(.post, "/v1/actions/\(spare)/move", token: token, json: #"{"direction": "up"}"#).status == 204)
            #expect(try await api.call(.delete, "/v1/actions/\(spare)", token: fixture.executorA).status == 403, "a school sees it, may not remove it")
            #expect(try await api.call(.delete, "/v1/actions/\(spare)?reason=%D0%9E%D1%88%D0%B8%D0%B1%D0%BA%D0%B0", token: token).status == 204)
            #expect(try await api.call(.get, "/v1/assignments?order_id=\(plan.order)", token: token).items.count == 2)
            #expect(try await api.call(.patch, "/v1/goals/\(plan.goal)", token: fixture.viewer, json: #"{"title": "x"}"#).status == 403)
        }
    }
}
