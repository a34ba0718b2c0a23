import Foundation
import RoadmapTestSupport
import Testing

/// What a school sees of an order it shares with another school: its own actions and the
/// goals and tasks above them, never the other school's actions or name, in the API and on
/// the page alike.
@Suite("A shared order's plan, as each school sees it")
struct PlanVisibilityTests {
    /// The fixture's plan plus a second goal, with a task and an action for school B only.
    func sharedOrder(_ api: APIClient, _ fixture: APIFixture) async throws -> (plan: APIFixture.Plan, hiddenAction: String) {
        let plan = try await fixture.makePlan(api)
        let goal = try await api.call(.post, "/v1/orders/\(plan.order)/goals", token: fixture.coordinator, json: #"{"title": "Цель лицея"}"#)
        let goalID = try #require(goal.string("id"))
        let task = try await api.call(.post, "/v1/goals/\(goalID)/tasks", token: fixture.coordinator, json: #"{"title": "Задача лицея"}"#)
        let taskID = try #require(task.string("id"))
        let action = try await api.call(.post, "/v1/goals/\(goalID)/actions", token: fixture.coordinator, json: """
            {"title": "Олимпиада лицея", "expected_result": "Итоги олимпиады", "deadline": "Апрель 2019",
             "task_ids": ["\(taskID)"], "executor_ids": ["\(fixture.schoolB.uuidString)"]}
            """)
        try #require(action.status == 201, "\(action.text)")
        return (plan, try #require(action.string("id")))
    }

    @Test func theAPIPlanShowsASchoolOnlyItsOwnActionsGoalsAndTasks() async throws {
        try await APIFixture.run { api, fixture in
            let (plan, hidden) = try await sharedOrder(api, fixture)
            let asA = try await api.call(.get, "/v1/orders/\(plan.order)/plan?as_of=2019-04-15", token: fixture.executorA)
            #expect(asA.status == 200, "\(asA.text)")
            #expect(!asA.text.contains("Олимпиада лицея") && !asA.text.contains("Итоги олимпиады"))
            #expect(!asA.text.contains("Цель лицея") && !asA.text.contains("Задача лицея"))
            #expect(!asA.text.contains(hidden))
            #expect(!asA.text.contains(fixture.schoolB.uuidString.lowercased()), "never the other school's id")
            #expect(asA.text.contains("Семинар"))
            // The same action read on its own is hidden too, as it always was.
            #expect(try await api.call(.get, "/v1/actions/\(hidden)", token: fixture.executorA).status == 404)

            // School B sees both goals' actions it has a part in; the committee sees all.
            let asB = try await api.call(.get, "/v1/orders/\(plan.order)/plan?as_of=2019-04-15", token: fixture.executorB)
            #expect(asB.text.contains("Олимпиада лицея") && asB.text.contains("Задача лицея") && asB.text.contains("Семинар"))
            #expect(!asB.text.contains(fixture.schoolA.uuidString.lowercased()))
            let asViewer = try await api.call(.get, "/v1/orders/\(plan.order)/plan?as_of=2019-04-15", token: fixture.viewer)
            #expect(asViewer.text.contains("Олимпиада лицея") && asViewer.text.contains(fixture.schoolA.uuidString.lowercased()))
        }
    }

    @Test func theOrderPageShowsASchoolOnlyItsOwnActions() async throws {
        try await APIFixture.run { api, fixture in
            let (plan, _) = try await sharedOrder(api, fixture)
            let pages = WebPagesTests()
            let school = try await pages.session(api, fixture, "school-a")
            let page = try await pages.get(api, "/orders/\(plan.order)", cookies: school.cookie)
            #expect(page.status == 200)
            #expect(page.html.contains("Семинар"))
            #expect(!page.html.contains("Олимпиада лицея") && !page.html.contains("Цель лицея") && !page.html.contains("Задача лицея"))
            let committee = try await pages.session(api, fixture, "coord")
            #expect(try await pages.get(api, "/orders/\(plan.order)", cookies: committee.cookie).html.contains("Олимпиада лицея"))
        }
    }
}
