import Foundation
import HTTPTypes
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Plans made and corrected in the browser, without JavaScript: a new order, goals, tasks and
/// actions added, renamed, moved and removed; an action's deadline read before saving, its
/// executors chosen by group and by name; every refusal beside its field, nothing changed.
extension WebPagesTests {
    static func form(_ fields: [(String, String)]) -> String {
        fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    }

    static func location(_ page: Page) -> String { page.headers[.location] ?? "" }

    @Test func aCoordinatorMakesAnOrderWithItsPlanAndCorrectsIt() async throws {
        try await APIFixture.run { api, fixture in
            let me = try await session(api, fixture, "coord")
            func send(_ path: String, _ fields: [(String, String)]) async throws -> Page {
                try await post(api, path, form: Self.form([("csrf", me.csrf)] + fields), cookies: me.cookie)
            }
            let blank = try await get(api, "/orders/new", cookies: me.cookie)
            #expect(blank.status == 200 && blank.html.contains(#"<label for="issuer_id">"#) && blank.html.contains("Комитет образования"))
            let committee = fixture.committee.uuidString.lowercased()
            let noTitle = try await send("/orders/new", [("issuer_id", committee), ("number", "15"), ("date", "2026-09-01"), ("title", " ")])
            #expect(noTitle.status == 422 && noTitle.html.contains(#"id="title-error""#) && noTitle.html.contains(#"value="15""#))
            let badDate = try await send("/orders/new", [("issuer_id", committee), ("number", "15"), ("date", "01.09.2026"), ("title", "Дорожная карта")])
            #expect(badDate.status == 422 && badDate.html.contains(#"id="date-error""#))
            #expect(try await count(fixture, "orders") == 0, "nothing was created")
            let created = try await send("/orders/new", [("issuer_id", committee), ("number", "15"), ("date", "2026-09-01"),
                                                         ("title", "Об утверждении дорожной карты по подготовке к ГИА"), ("signatory", ""), ("controller", "")])
            #expect(created.status == 303)
            let editor = Self.location(created)
            #expect(editor.hasSuffix("/edit?done=created"))
            let orderID = String(editor.dropFirst("/orders/".count).prefix(36))
            #expect(try await get(api, editor, cookies: me.cookie).html.contains("Приказ создан."))

            // A goal (an empty one refused beside its field), two tasks.
            let emptyGoal = try await send("/orders/\(orderID)/goals", [("title", "")])
            #expect(emptyGoal.status == 422 && emptyGoal.html.contains(#"id="new-goal-error""#))
            #expect(try await send("/orders/\(orderID)/goals", [("title", "Повышение качества подготовки к ГИА")]).status == 303)
            let tree = try await api.call(.get, "/v1/orders/\(orderID)/plan", token: fixture.coordinator)
            let goals = ((tree["plans"] as? [[String: Any]])?.first?["goals"] as? [[String: Any]]) ?? []
            let goalID = try #require(goals.first?["id"] as? String)
            for task in ["Организовать пробные экзамены", "Провести консультации"] {
                #expect(try await send("/goals/\(goalID)/tasks", [("back", orderID), ("title", task), ("expected_result", "")]).status == 303)
            }

            // An action: its deadline read before saving, an unreadable one flagged; unknown names refused.
            let newAction = "/goals/\(goalID)/actions"
            let form = try await get(api, "\(newAction)/new?back=\(orderID)", cookies: me.cookie)
            #expect(form.status == 200 && form.html.contains("Все школы (2)") && form.html.contains("Провести консультации"))
            let preview = try await send(newAction, [("back", orderID), ("preview", "1"), ("title", "Пробный экзамен"), ("deadline", "Март 2027")])
            #expect(preview.status == 200 && preview.html.contains("01.03.2027 – 31.03.2027"), "\(preview.html.prefix(0))")
            #expect(try await count(fixture, "actions") == 0, "a preview saves nothing")
            let unread = try await send(newAction, [("back", orderID), ("preview", "1"), ("title", "Пробный экзамен"), ("deadline", "по звонку")])
            #expect(unread.html.contains("срок не распознан"))
            let unknown = try await send(newAction, [("back", orderID), ("title", "Пробный экзамен"), ("deadline", "Март 2027"),
                                                     ("names", "Гимназия № 99")])
            #expect(unknown.status == 422 && unknown.html.contains(#"id="names-error""#) && unknown.html.contains("Гимназия № 99"))
            #expect(unknown.html.contains("Пробный экзамен"), "what was typed is kept")
            let saved = try await send(newAction, [("back", orderID), ("title", "Пробный экзамен по математике"), ("deadline", "Март 2027"),
                                                   ("executor_kinds", "school")])
            #expect(saved.status == 303, "\(saved.html)")
            let second = try await send(newAction, [("back", orderID), ("title", "Консультации для выпускников"), ("deadline", "по звонку"),
                                                    ("names", "Лицей № 14")])
            #expect(second.status == 303)
            let assignments = try await api.call(.get, "/v1/assignments?order_id=\(orderID)", token: fixture.coordinator).items
            #expect(assignments.count == 3, "two schools through the group, one by name")
            let page = try await get(api, editor, cookies: me.cookie)
            #expect(page.html.contains("срок не распознан — сохранён как текст"), "an unreadable deadline is kept as text and flagged")

            // Reorder, then correct the first action's deadline: open assignments need a reason.
            let actions = try await api.call(.get, "/v1/orders/\(orderID)/plan", token: fixture.coordinator)
            let planActions = (((actions["plans"] as? [[String: Any]])?.first?["goals"] as? [[String: Any]])?.first?["actions"] as? [[String: Any]]) ?? []
            let firstID = try #require(planActions.first?["id"] as? String)
            let secondID = try #require(planActions.last?["id"] as? String)
            #expect(try await send("/actions/\(secondID)/move", [("back", orderID), ("direction", "up")]).status == 303)
            let reordered = try await get(api, editor, cookies: me.cookie).html
            let firstAt = try #require(reordered.range(of: "Консультации для выпускников")?.lowerBound)
            let secondAt = try #require(reordered.range(of: "Пробный экзамен по математике")?.lowerBound)
            #expect(firstAt < secondAt, "moved up")
            let edit = try await get(api, "/actions/\(firstID)/edit?back=\(orderID)", cookies: me.cookie)
            let version = try #require(edit.html.range(of: #"name="version" value=""#).map { String(edit.html[$0.upperBound...].prefix { $0 != "\"" }) })
            let chosen = try await api.call(.get, "/v1/actions/\(firstID)", token: fixture.coordinator)
            let executorIDs = ((chosen["executors"] as? [[String: Any]]) ?? []).compactMap { $0["organization_id"] as? String }
            let moveFields = [("back", orderID), ("version", version), ("title", "Пробный экзамен по математике"), ("deadline", "Апрель 2027")]
                + executorIDs.map { ("executor_ids", $0) }
            let noReason = try await send("/actions/\(firstID)", moveFields)
            #expect(noReason.status == 422 && noReason.html.contains(#"id="reason-error""#))
            #expect(try await send("/actions/\(firstID)", moveFields + [("reason", "Перенос по графику ГИА")]).status == 303)
            let moved = try await api.call(.get, "/v1/assignments?order_id=\(orderID)&executor_id=\(fixture.schoolA.uuidString)", token: fixture.coordinator)
            #expect(moved.items.first?["due_on"] as? String == "2027-04-30")

            // Remove: an action with a school's report stays; one without goes.
            let mine = try #require(moved.items.first?["id"] as? String)
            #expect(try await api.call(.post, "/v1/assignments/\(mine)/reports", token: fixture.executorA, json: ReportFlowTests.report).status == 201)
            let kept = try await send("/actions/\(firstID)/remove", [("back", orderID)])
            #expect(kept.status == 422 && kept.html.contains("нельзя удалить"))
            #expect(try await send("/actions/\(secondID)/remove", [("back", orderID)]).status == 303)
            #expect(try await count(fixture, "actions") == 1)

            // A school may do none of it.
            let school = try await session(api, fixture, "school-a")
            #expect(try await get(api, "/orders/new", cookies: school.cookie).status == 403)
            let forbidden = try await post(api, "/orders/\(orderID)/goals", form: Self.form([("csrf", school.csrf), ("title", "x")]), cookies: school.cookie)
            #expect(forbidden.status == 403)
        }
    }

    /// A saved list of organisations made on the admin page is offered on an action's form.
    @Test func aSavedListIsMadeOnTheAdminPageAndOfferedForAnAction() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let me = try await session(api, fixture, "coord")
            let bad = try await post(api, "/admin/lists", form: Self.form([("csrf", me.csrf), ("name", "Пилотные школы"), ("members", "Лицей № 14\nГимназия № 99")]),
                                     cookies: me.cookie)
            #expect(bad.status == 422 && bad.html.contains(#"id="list-members-error""#) && bad.html.contains("Гимназия № 99"))
            #expect(try await count(fixture, "organization_lists") == 0)
            let saved = try await post(api, "/admin/lists", form: Self.form([("csrf", me.csrf), ("name", "Пилотные школы"), ("members", "Лицей № 14")]),
                                       cookies: me.cookie)
            #expect(saved.status == 200 && saved.html.contains("Список сохранён"))
            let form = try await get(api, "/goals/\(plan.goal)/actions/new?back=\(plan.order)", cookies: me.cookie)
            #expect(form.html.contains("Список «Пилотные школы» (1)"))
            let listID = try #require(try await api.call(.get, "/v1/organization-lists", token: fixture.coordinator).items.first?["id"] as? String)
            let created = try await post(api, "/goals/\(plan.goal)/actions", form: Self.form([
                ("csrf", me.csrf), ("back", plan.order), ("title", "Пилотный проект"), ("deadline", "Май 2019"), ("executor_list_ids", listID)]),
                cookies: me.cookie)
            #expect(created.status == 303)
            let assigned = try await api.call(.get, "/v1/assignments?executor_id=\(fixture.schoolB.uuidString)", token: fixture.coordinator).items
            #expect(assigned.count == 2, "the seminar and the list's project")
        }
    }
}

