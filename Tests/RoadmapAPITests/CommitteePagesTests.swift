import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// The committee's pages and their bad paths: roles, CSRF, the review queue, the import
/// page, administration, and what an executor may see of an order.
extension WebPagesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RoadmapImportTests/Fixtures")

    func session(_ api: APIClient, _ fixture: APIFixture, _ login: String) async throws -> (cookie: String, csrf: String) {
        try await UserStore(database: fixture.database).setPassword(login: login, password: "\(login)-password", actor: .installation(commandLine: "test"))
        let cookie = "roadmap_session=\(try #require(try await signIn(api, login, "\(login)-password").session))"
        let home = try await get(api, "/", cookies: cookie)
        return (cookie, try #require(home.csrf))
    }

    func count(_ fixture: APIFixture, _ table: String) async throws -> Int {
        try await fixture.pool.withConnection { connection in
            try connection.query("SELECT count(*) AS n FROM \(unescaped: table)").first?.decode(Int.self, "n") ?? -1
        }
    }

    @Test func anExecutorIsRefusedTheCommitteesPagesAndSeesOnlyItsPartOfAnOrder() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let school = try await session(api, fixture, "school-a")
            for path in ["/review", "/import", "/admin"] {
                #expect(try await get(api, path, cookies: school.cookie).status == 403, "\(path)")
            }
            let upload = try await post(api, "/admin/users", form: "csrf=\(school.csrf)&login=x&role=admin&password=0123456789", cookies: school.cookie)
            #expect(upload.status == 403)
            let order = try await get(api, "/orders/\(plan.order)", cookies: school.cookie)
            #expect(order.status == 200)
            #expect(order.html.contains("МАОУ СОШ № 5"))
            #expect(!order.html.contains("Лицей"), "never another organisation's assignments")
            // The other school has no part in a second order: it does not exist for it.
            let other = try await api.call(.post, "/v1/orders", token: fixture.coordinator, json: """
                {"number": "771", "date": "2018-07-01", "issuer_id": "\(fixture.committee.uuidString)", "title": "Другой приказ"}
                """)
            let otherID = try #require(other.string("id"))
            #expect(try await get(api, "/orders/\(otherID)", cookies: school.cookie).status == 404)
            // A browser gets the refusal as a page in Russian.
            var headers: HTTPFields = [.cookie: school.cookie, .accept: "text/html,application/xhtml+xml"]
            headers[.userAgent] = "test"
            let page = try await api.client.executeRequest(uri: "/orders/\(otherID)", method: .get, headers: headers, body: nil)
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(String(buffer: page.body).contains("Не найдено"))
        }
    }

    @Test func anActionForManySchoolsShowsItsCountsOnTheOrderPageAndAllItsExecutorsOnItsOwnPage() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            // Twelve more schools on the action.
            var ids = [fixture.schoolA, fixture.schoolB]
            for number in 1...12 {
                let school = try await api.call(.post, "/v1/organizations", token: fixture.coordinator,
                                                json: #"{"name": "Гимназия № \#(200 + number)", "kind": "school"}"#)
                let id = try #require(school.string("id"))
                ids.append(try #require(UUID(uuidString: id)))
            }
            let action = try await api.call(.get, "/v1/actions/\(plan.action)", token: fixture.coordinator)
            let changed = try await api.call(.patch, "/v1/actions/\(plan.action)", token: fixture.coordinator,
                                             json: #"{"executor_ids": [\#(ids.map { "\"\($0.uuidString)\"" }.joined(separator: ","))]}"#,
                                             headers: ["If-Match": try #require(action.headers[.eTag])])
            #expect(changed.status == 200, "\(changed.text)")

            let coordinator = try await session(api, fixture, "coord")
            let order = try await get(api, "/orders/\(plan.order)", cookies: coordinator.cookie)
            #expect(order.status == 200)
            #expect(order.html.contains("выполнено 0 из 14"))
            #expect(order.html.contains("просрочено 14"))
            #expect(order.html.contains("Все 14 исполнителей →"))
            #expect(order.html.contains("?overdue=1\">просроченные (14)</a>"))
            #expect(order.html.components(separatedBy: "href=\"/assignments/").count - 1 == 3, "three late executors, not fourteen")

            // The action's page pages through all fourteen (50 a page), and filters.
            let page = try await get(api, "/actions/\(plan.action)?overdue=1", cookies: coordinator.cookie)
            #expect(page.status == 200)
            #expect(page.html.contains("Гимназия № 212"))
            #expect(page.html.components(separatedBy: "href=\"/assignments/").count - 1 == 14)
            let done = try await get(api, "/actions/\(plan.action)?status=done", cookies: coordinator.cookie)
            #expect(done.html.contains("Под выбранный отбор ничего не попало"))
            let forged = try await get(api, "/actions/\(plan.action)?cursor=forged", cookies: coordinator.cookie)
            #expect(forged.status == 200, "a cursor from nowhere starts from the first page")
            #expect(try await get(api, "/actions/\(UUID().uuidString)", cookies: coordinator.cookie).status == 404)

            // The executor filter by name: one match narrows, several are offered, none is said.
            let one = try await get(api, "/orders/\(plan.order)?executor_name=%D0%B3%D0%B8%D0%BC%D0%BD%D0%B0%D0%B7%D0%B8%D1%8F%20205", cookies: coordinator.cookie)
            #expect(one.html.contains("Показаны назначения исполнителя: Гимназия № 205"))
            let several = try await get(api, "/orders/\(plan.order)?executor_name=%D0%B3%D0%B8%D0%BC%D0%BD%D0%B0%D0%B7%D0%B8%D1%8F", cookies: coordinator.cookie)
            #expect(several.html.contains("Уточните исполнителя"))
            let none = try await get(api, "/orders/\(plan.order)?executor_name=xyz", cookies: coordinator.cookie)
            #expect(none.html.contains("Среди исполнителей приказа такого нет"))
            #expect(none.html.contains("value=\"xyz\""), "what was typed stays")

            // The order as schools × actions: a row per school, a mark per action, a link from the order page.
            #expect(order.html.contains("href=\"/orders/\(plan.order)/matrix\""))
            let matrix = try await get(api, "/orders/\(plan.order)/matrix", cookies: coordinator.cookie)
            #expect(matrix.status == 200)
            #expect(matrix.html.components(separatedBy: "<th scope=\"row\">").count - 1 == 14)
            #expect(matrix.html.contains("Гимназия № 212"))
            #expect(matrix.html.contains("aria-label=\"просрочено\">!</a>"))
            #expect(!matrix.html.contains("aria-label=\"\""), "a school that does not execute an action has an empty cell, not a link")
            let narrowed = try await get(api, "/orders/\(plan.order)/matrix?overdue=1&executor_name=%D0%B3%D0%B8%D0%BC%D0%BD%D0%B0%D0%B7%D0%B8%D1%8F%20205",
                                         cookies: coordinator.cookie)
            #expect(narrowed.html.components(separatedBy: "<th scope=\"row\">").count - 1 == 1)
            #expect(narrowed.html.contains("value=\"гимназия 205\""), "what was typed stays")
            let forgedMatrix = try await get(api, "/orders/\(plan.order)/matrix?after=\(UUID().uuidString)&columns=x", cookies: coordinator.cookie)
            #expect(forgedMatrix.html.components(separatedBy: "<th scope=\"row\">").count - 1 == 14, "a forged cursor starts from the first page")
            #expect(try await get(api, "/orders/\(UUID().uuidString)/matrix", cookies: coordinator.cookie).status == 404)

            // A school sees its own line on the action's page and nothing of the others.
            let school = try await session(api, fixture, "school-a")
            let ownRow = try await get(api, "/orders/\(plan.order)/matrix", cookies: school.cookie)
            #expect(ownRow.html.components(separatedBy: "<th scope=\"row\">").count - 1 == 1)
            #expect(!ownRow.html.contains("Гимназия"))
            let own = try await get(api, "/actions/\(plan.action)", cookies: school.cookie)
            #expect(own.status == 200)
            #expect(own.html.contains("МАОУ СОШ № 5"))
            #expect(!own.html.contains("Гимназия"))
            // A school has no executor filter: a name it sends is ignored, and nothing offers to reset it.
            let ignored = try await get(api, "/orders/\(plan.order)?executor_name=xyz", cookies: school.cookie)
            #expect(!ignored.html.contains("Сбросить"))
            #expect(!ignored.html.contains("Среди исполнителей приказа такого нет"))
        }
    }

    @Test func aPublishedOrderIsOpenToAnybodyWithoutPersonsAndWithOnlyTheTextsMarkedPublic() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let report = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA,
                                            json: #"{"done_on": "2019-03-20", "text": "Провела Орлова Е.Н."}"#)
            let reportID = try #require(report.string("id"))
            #expect(try await api.call(.post, "/v1/reports/\(reportID)/accept", token: fixture.coordinator).status == 200)
            let address = "/public/orders/\(plan.order)"
            #expect(try await get(api, address).status == 404, "nothing is public until the committee publishes it")
            #expect(try await get(api, address + ".csv").status == 404)

            // The coordinator publishes from the order's page; a forged form or a school cannot.
            let coordinator = try await session(api, fixture, "coord")
            let school = try await session(api, fixture, "school-a")
            let orderPage = try await get(api, "/orders/\(plan.order)", cookies: coordinator.cookie)
            #expect(orderPage.html.contains("Опубликовать ход исполнения"))
            #expect(!(try await get(api, "/orders/\(plan.order)", cookies: school.cookie)).html.contains("Опубликовать ход исполнения"))
            #expect(try await post(api, "/orders/\(plan.order)/publication", form: "csrf=forged&published=1", cookies: coordinator.cookie).status == 403)
            #expect(try await post(api, "/orders/\(plan.order)/publication", form: "csrf=\(school.csrf)&published=1", cookies: school.cookie).status == 403)
            let done = try await post(api, "/orders/\(plan.order)/publication", form: "csrf=\(coordinator.csrf)&published=1", cookies: coordinator.cookie)
            #expect(done.status == 303)
            let after = try await get(api, try #require(done.headers[.location]), cookies: coordinator.cookie)
            #expect(after.html.contains("Ход исполнения опубликован") && after.html.contains("Снять с публикации"))

            // Anybody, without signing in: the page, the list, CSV and JSON; no report text yet.
            let page = try await get(api, address)
            #expect(page.status == 200)
            #expect(page.html.contains("Ход исполнения приказа № 770 от 25.06.2018") && page.html.contains("МАОУ СОШ № 5"))
            #expect(page.html.contains("выполнено 1 из 2") && !page.html.contains("Орлова") && !page.html.contains("Выйти"))
            #expect(try await get(api, "/public").html.contains("href=\"\(address)\""))
            let csv = try await get(api, address + ".csv")
            #expect(csv.status == 200 && csv.headers[.contentType]?.hasPrefix("text/csv") == true && !csv.html.contains("Орлова"))
            let json = try await api.call(.get, address + ".json")
            #expect(json.status == 200 && json.string("number") == "770")
            #expect((json.json["totals"] as? [String: Any])?["done_on_time"] as? Int == 1)

            // The report's text, once marked on the assignment's page; a school may not mark it.
            #expect(try await api.call(.put, "/v1/reports/\(reportID)/publication", token: fixture.executorA, json: #"{"public": true}"#).status == 403)
            let assignment = try await get(api, "/assignments/\(plan.assignmentA)", cookies: coordinator.cookie)
            #expect(assignment.html.contains("Показать текст на открытой странице"))
            let marked = try await post(api, "/reports/\(reportID)/public", form: "csrf=\(coordinator.csrf)&public=1", cookies: coordinator.cookie)
            #expect(marked.status == 200 && marked.html.contains("Текст отчёта будет показан"))
            #expect(try await get(api, address).html.contains("Провела Орлова Е.Н."))
            let viaAPI = try await api.call(.put, "/v1/reports/\(reportID)/publication", token: fixture.coordinator, json: #"{"public": false}"#)
            #expect(viaAPI.status == 200 && viaAPI.json["public"] as? Bool == false)
            #expect(!(try await get(api, address)).html.contains("Орлова"))

            // Taken off through the API: gone for everybody.
            let off = try await api.call(.put, "/v1/orders/\(plan.order)/publication", token: fixture.coordinator, json: #"{"published": false}"#)
            #expect(off.status == 200 && (off.json["published_at"] == nil || off.json["published_at"] is NSNull))
            #expect(try await get(api, address + ".json").status == 404)
            #expect(try await get(api, "/public/orders/not-an-id.csv").status == 404)
        }
    }

    @Test func theStateOfAPastDayIsRebuiltOnThePageAndInTheAPI() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let report = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA,
                                            json: #"{"done_on": "2019-03-20", "text": "Семинар проведён"}"#)
            #expect(report.status == 201, "\(report.text)")
            let today = CommitteeClock().today()
            // The end of today holds everything done so far: the state then is the state now.
            let state = try await api.call(.get, "/v1/orders/\(plan.order)/state?on=\(today.iso)&action=\(plan.action)", token: fixture.coordinator)
            #expect(state.status == 200, "\(state.text)")
            let then = try #require(state.json["then"] as? [String: Any])
            #expect(then["total"] as? Int == 2 && then["reported"] as? Int == 1 && then["overdue"] as? Int == 2)
            #expect((state.json["now"] as? [String: Any])?["reported"] as? Int == 1)
            let actions = try #require(state.json["actions"] as? [[String: Any]])
            let lines = try #require(actions.first?["executors"] as? [[String: Any]])
            #expect(Set(lines.compactMap { $0["status_then"] as? String }) == ["reported", "planned"])
            // Before the order was entered the history knows nothing, and says so.
            let early = try await api.call(.get, "/v1/orders/\(plan.order)/state?on=2019-04-01", token: fixture.coordinator)
            #expect(early.status == 200 && (early.json["then"] as? [String: Any])?["total"] as? Int == 0)
            #expect(early.string("recorded_since") != nil)
            // A day not yet over, or no day at all, is refused.
            let tomorrow = try #require(today.adding(days: 1))
            let future = try await api.call(.get, "/v1/orders/\(plan.order)/state?on=\(tomorrow.iso)", token: fixture.coordinator)
            #expect(future.status == 422 && future.text.contains("on"), "\(future.text)")
            let bad = try await api.call(.get, "/v1/orders/\(plan.order)/state?on=2019-02-30", token: fixture.coordinator)
            #expect((400..<500).contains(bad.status), "\(bad.text)")
            let own = try await api.call(.get, "/v1/orders/\(plan.order)/state?on=\(today.iso)", token: fixture.executorB)
            #expect((own.json["then"] as? [String: Any])?["total"] as? Int == 1, "a school counts its own work")
            let unknown = try await api.call(.get, "/v1/orders/\(UUID().uuidString)/state?on=\(today.iso)", token: fixture.coordinator)
            #expect(unknown.status == 404)

            // The page: reached from the order, then and now side by side, one action's executors.
            let coordinator = try await session(api, fixture, "coord")
            let order = try await get(api, "/orders/\(plan.order)", cookies: coordinator.cookie)
            #expect(order.html.contains("href=\"/orders/\(plan.order)/as-of\""))
            let page = try await get(api, "/orders/\(plan.order)/as-of?date=\(today.iso)&action=\(plan.action)", cookies: coordinator.cookie)
            #expect(page.status == 200)
            #expect(page.html.contains("Приказ № 770 от 25.06.2018: как это выглядело на \(today.russian)"))
            #expect(page.html.contains("Исполнители мероприятия 1.1 на \(today.russian)"))
            #expect(page.html.contains("МАОУ СОШ № 5") && page.html.contains("на проверке"))
            let before = try await get(api, "/orders/\(plan.order)/as-of?date=01.04.2019", cookies: coordinator.cookie)
            #expect(before.html.contains("Приказ внесён в систему \(today.russian)"))
            let typed = try await get(api, "/orders/\(plan.order)/as-of?date=31.13.2019", cookies: coordinator.cookie)
            #expect(typed.status == 200 && typed.html.contains("Дата не распознана") && typed.html.contains("value=\"31.13.2019\""))
            let ahead = try await get(api, "/orders/\(plan.order)/as-of?date=\(tomorrow.iso)", cookies: coordinator.cookie)
            #expect(ahead.status == 200 && ahead.html.contains("Этот день ещё не закончился"))
            let school = try await session(api, fixture, "school-b")
            let ownPage = try await get(api, "/orders/\(plan.order)/as-of?date=\(today.iso)&action=\(plan.action)", cookies: school.cookie)
            #expect(ownPage.html.contains("Лицей") && !ownPage.html.contains("МАОУ СОШ № 5"))
        }
    }

    @Test func theSummaryAsOfADayMatchesAHandCountOnThePageAndInTheAPI() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            // School A held the seminar on 20 March, the lyceum on 5 April; both accepted.
            for (assignment, token, day) in [(plan.assignmentA, fixture.executorA, "2019-03-20"), (plan.assignmentB, fixture.executorB, "2019-04-05")] {
                let report = try await api.call(.post, "/v1/assignments/\(assignment)/reports", token: token,
                                                json: #"{"done_on": "\#(day)", "text": "Семинар проведён \#(day)"}"#)
                #expect(report.status == 201, "\(report.text)")
                let accepted = try await api.call(.post, "/v1/reports/\(try #require(report.string("id")))/accept", token: fixture.coordinator)
                #expect(accepted.status == 200, "\(accepted.text)")
            }
            let april1 = try await api.call(.get, "/v1/orders/\(plan.order)/summary?as_of=2019-04-01", token: fixture.coordinator)
            #expect(april1.status == 200, "\(april1.text)")
            let totals = try #require(april1.json["totals"] as? [String: Any])
            #expect(totals["total"] as? Int == 2 && totals["done_on_time"] as? Int == 1 && totals["overdue"] as? Int == 1)
            #expect(totals["done_late"] as? Int == 0 && totals["not_yet_due"] as? Int == 0 && totals["percent_done"] as? Int == 50)
            #expect(april1.string("as_of") == "2019-04-01")
            let actions = try #require((april1.json["goals"] as? [[String: Any]])?.first?["actions"] as? [[String: Any]])
            let lines = try #require(actions.first?["executors"] as? [[String: Any]])
            #expect(Set(lines.compactMap { $0["outcome"] as? String }) == ["done_on_time", "overdue"])
            #expect(lines.contains { $0["done_on"] as? String == "2019-04-05" && $0["report_text"] as? String == "Семинар проведён 2019-04-05" })
            let april10 = try await api.call(.get, "/v1/orders/\(plan.order)/summary?as_of=2019-04-10", token: fixture.coordinator)
            #expect((april10.json["totals"] as? [String: Any])?["done_late"] as? Int == 1)
            let bad = try await api.call(.get, "/v1/orders/\(plan.order)/summary?as_of=2019-13-01", token: fixture.coordinator)
            #expect((400..<500).contains(bad.status) && bad.text.contains("as_of"), "\(bad.text)")
            let own = try await api.call(.get, "/v1/orders/\(plan.order)/summary?as_of=2019-04-01", token: fixture.executorA)
            #expect((own.json["totals"] as? [String: Any])?["total"] as? Int == 1, "a school counts its own work")

            // The print page says the same, with the committee's header and the signature lines.
            let coordinator = try await session(api, fixture, "coord")
            let order = try await get(api, "/orders/\(plan.order)", cookies: coordinator.cookie)
            #expect(order.html.contains("href=\"/orders/\(plan.order)/summary\""))
            let page = try await get(api, "/orders/\(plan.order)/summary?as_of=01.04.2019", cookies: coordinator.cookie)
            #expect(page.status == 200)
            #expect(page.html.contains("Сводка об исполнении приказа № 770 от 25.06.2018"))
            #expect(page.html.contains("по состоянию на <strong>01.04.2019</strong>"))
            #expect(page.html.contains("<th scope=\"row\">Итого по приказу</th><td>2</td><td>1</td><td>0</td><td>1</td><td>0</td><td>50</td>"))
            #expect(page.html.contains("выполнено в срок") && page.html.contains("не выполнено, срок истёк"))
            #expect(page.html.contains("Исполнитель: ") && page.html.contains("Председатель комитета"))
            #expect(page.html.contains("href=\"/orders/\(plan.order)/summary.xlsx?as_of=2019-04-01\""))
            var headers: HTTPFields = [.cookie: coordinator.cookie]
            headers[.userAgent] = "test"
            let workbook = try await api.client.executeRequest(
                uri: "/orders/\(plan.order)/summary.xlsx?as_of=2019-04-01", method: .get, headers: headers, body: nil)
            #expect(workbook.status == .ok)
            #expect(workbook.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(workbook.headers[.contentDisposition]?.contains("svodka-770-2019-04-01.xlsx") == true)
            #expect(Array(workbook.body.readableBytesView.prefix(2)) == [0x50, 0x4B], "a zip archive")
            let badDay = try await api.client.executeRequest(
                uri: "/orders/\(plan.order)/summary.xlsx?as_of=31.13.2019", method: .get, headers: headers, body: nil)
            #expect(badDay.status == .unprocessableContent || badDay.status.code == 422)
            let refused = try await get(api, "/orders/\(plan.order)/summary?as_of=31.13.2019", cookies: coordinator.cookie)
            #expect(refused.status == 200)
            #expect(refused.html.contains("Дата не распознана") && refused.html.contains("value=\"31.13.2019\""), "what was typed stays")
            let school = try await session(api, fixture, "school-a")
            let ownPage = try await get(api, "/orders/\(plan.order)/summary?as_of=2019-04-01", cookies: school.cookie)
            #expect(ownPage.html.contains("МАОУ СОШ № 5") && !ownPage.html.contains("Лицей"))
            #expect(try await get(api, "/orders/\(UUID().uuidString)/summary", cookies: coordinator.cookie).status == 404)

            // «Исполнительская дисциплина»: the lyceum, late, before school A; a school may not compare.
            let discipline = try await get(api, "/discipline?from=2019-01-01&to=2019-04-30", cookies: coordinator.cookie)
            #expect(discipline.status == 200)
            let lyceumAt = try #require(discipline.html.range(of: "МБОУ Лицей № 14")).lowerBound
            let schoolAt = try #require(discipline.html.range(of: "МАОУ СОШ № 5")).lowerBound
            #expect(lyceumAt < schoolAt, "those most behind first")
            #expect(discipline.html.contains("href=\"/discipline\""), "in the menu")
            let turned = try await get(api, "/discipline?from=2019-04-30&to=2019-01-01", cookies: coordinator.cookie)
            #expect(turned.html.contains("Период не распознан") && turned.html.contains("value=\"2019-04-30\""))
            #expect(try await get(api, "/discipline", cookies: school.cookie).status == 403)
            #expect(discipline.html.contains("href=\"/organizations/\(fixture.schoolB.uuidString.lowercased())\""), "names link to the organisation")

            // The organisation's own page: its work per order and its reports.
            let schoolPage = try await get(api, "/organizations/\(fixture.schoolA.uuidString.lowercased())", cookies: coordinator.cookie)
            #expect(schoolPage.status == 200)
            #expect(schoolPage.html.contains("Исполнение по приказам") && schoolPage.html.contains("№ 770 от 25.06.2018"))
            #expect(schoolPage.html.contains("Семинар проведён 2019-03-20"))
            #expect(try await get(api, "/organizations/\(fixture.schoolA.uuidString.lowercased())", cookies: school.cookie).status == 200)
            #expect(try await get(api, "/organizations/\(fixture.schoolB.uuidString.lowercased())", cookies: school.cookie).status == 404)
            #expect(try await get(api, "/organizations/\(UUID().uuidString)", cookies: coordinator.cookie).status == 404)

            // Progress by month: an SVG drawn on the server and the same figures in a table.
            #expect(order.html.contains("href=\"/orders/\(plan.order)/progress\""))
            let progress = try await get(api, "/orders/\(plan.order)/progress", cookies: coordinator.cookie)
            #expect(progress.status == 200)
            #expect(progress.html.contains("<svg") && progress.html.contains("<polyline class=\"done\""))
            #expect(progress.html.contains("<th scope=\"row\">март 2019</th><td>2</td><td>1</td><td>50</td>"))
            #expect(!progress.html.contains("<script"))

            // The order's history, as a person reads it; not for a school.
            #expect(order.html.contains("href=\"/orders/\(plan.order)/history\""))
            let history = try await get(api, "/orders/\(plan.order)/history", cookies: coordinator.cookie)
            #expect(history.status == 200)
            #expect(history.html.contains("Приказ № 770 от 25.06.2018 создан") && history.html.contains("Добавлено мероприятие «Семинар»"))
            #expect(history.html.contains("координатор"))
            #expect(try await get(api, "/orders/\(plan.order)/history?cursor=forged", cookies: coordinator.cookie).status == 200)
            #expect(try await get(api, "/orders/\(plan.order)/history", cookies: school.cookie).status == 403)
        }
    }

    @Test func theReviewQueueReturnsWithACommentAndAcceptsAndRefusesForgedOrEmptyReturns() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let submitted = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA, json: ReportFlowTests.report)
            let reportID = try #require(submitted.string("id"))
            let coordinator = try await session(api, fixture, "coord")
            let queue = try await get(api, "/review", cookies: coordinator.cookie)
            #expect(queue.status == 200)
            #expect(queue.html.contains("МАОУ СОШ № 5"))
            #expect(queue.html.contains("/reports/\(reportID)/review"))

            let forged = try await post(api, "/reports/\(reportID)/review", form: "csrf=forged&decision=accept", cookies: coordinator.cookie)
            #expect(forged.status == 403)
            let empty = try await post(api, "/reports/\(reportID)/review", form: "csrf=\(coordinator.csrf)&decision=return&comment=", cookies: coordinator.cookie)
            #expect(empty.status == 422)
            #expect(empty.html.contains("напишите комментарий"))
            #expect(try await count(fixture, "reports WHERE status = 'submitted'") == 1, "refusals change nothing")

            let returned = try await post(api, "/reports/\(reportID)/review",
                                          form: "csrf=\(coordinator.csrf)&decision=return&comment=%D0%9D%D1%83%D0%B6%D0%B5%D0%BD+%D1%81%D0%BF%D0%B8%D1%81%D0%BE%D0%BA",
                                          cookies: coordinator.cookie)
            #expect(returned.status == 303)
            #expect(returned.headers[.location] == "/review?done=returned")
            let report = try await api.call(.get, "/v1/reports/\(reportID)", token: fixture.coordinator)
            #expect(report.string("status") == "returned")
            #expect(report.string("review_comment") == "Нужен список")
            // Reviewing it again is a conflict, shown on the page.
            let again = try await post(api, "/reports/\(reportID)/review", form: "csrf=\(coordinator.csrf)&decision=accept", cookies: coordinator.cookie)
            #expect(again.status == 422)
            #expect(again.html.contains("уже рассмотрен"))
        }
    }

    func multipart(_ fields: [String: String], file: (name: String, data: Data)?, fileField: String = "document") -> (contentType: String, body: ByteBuffer) {
        let boundary = "----roadmap\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: body))
    }

    func upload(_ api: APIClient, _ cookie: String, _ form: (contentType: String, body: ByteBuffer), to path: String = "/import") async throws -> Page {
        let response = try await api.client.executeRequest(
            uri: path, method: .post, headers: [.cookie: cookie, .contentType: form.contentType], body: form.body)
        return Page(status: Int(response.status.code), headers: response.headers, html: String(buffer: response.body))
    }

    @Test func theImportPagePreviewsWritesNothingUntilConfirmedAndRefusesBadFiles() async throws {
        try await APIFixture.run { api, fixture in
            let coordinator = try await session(api, fixture, "coord")
            let before = try await count(fixture, "actions")

            let prose = try Data(contentsOf: Self.fixtures.appendingPathComponent("003_e4c257c19e74403b.txt"))
            let refused = try await upload(api, coordinator.cookie, multipart(["csrf": coordinator.csrf], file: ("003.txt", prose)))
            #expect(refused.status == 422)
            #expect(refused.html.contains("не найден план"), "\(refused.html)")
            // A copy whose table lost its layout (a PDF's columns one after another) is said so.
            let scrambled = Data("ПЛАН РАБОТЫ на 2013-2014 учебный год № 1 2 Мероприятия Сроки проведения Уроки по медиабезопасности Раз в четверть Конкурс буклетов Сентябрь Ответственные Сафина Х.Г. Яковлев Н.Н.".utf8)
            let lost = try await upload(api, coordinator.cookie, multipart(["csrf": coordinator.csrf], file: ("plan.txt", scrambled)))
            #expect(lost.status == 422)
            #expect(lost.html.contains("копия потеряла разметку таблицы"), "\(lost.html)")
            #expect(lost.html.contains("«Мероприятия», «Сроки проведения», «Ответственные»"), "\(lost.html)")
            let noFile = try await upload(api, coordinator.cookie, multipart(["csrf": coordinator.csrf], file: nil))
            #expect(noFile.status == 422)
            let notMultipart = try await post(api, "/import", form: "csrf=\(coordinator.csrf)", cookies: coordinator.cookie)
            #expect(notMultipart.status == 400)
            let docx = try Data(contentsOf: Self.fixtures.appendingPathComponent("order770.docx"))
            let forged = try await upload(api, coordinator.cookie, multipart(["csrf": "forged"], file: ("order770.docx", docx)))
            #expect(forged.status == 403)
            #expect(try await count(fixture, "actions") == before)

            let preview = try await upload(api, coordinator.cookie, multipart(["csrf": coordinator.csrf], file: ("order770.docx", docx)))
            #expect(preview.status == 200)
            #expect(preview.html.contains("№ 770 от 25.06.2018"))
            #expect(try await count(fixture, "actions") == before, "the preview writes nothing")
            let confirm = try #require(preview.html.range(of: #"action="/import/"#).map { preview.html[$0.upperBound...].prefix { $0 != "/" } })

            // Nobody else can confirm this upload.
            let admin = try await session(api, fixture, "admin")
            let stolen = try await post(api, "/import/\(confirm)/confirm", form: "csrf=\(admin.csrf)", cookies: admin.cookie)
            #expect(stolen.status == 404)

            let done = try await post(api, "/import/\(confirm)/confirm", form: "csrf=\(coordinator.csrf)", cookies: coordinator.cookie)
            #expect(done.status == 303)
            #expect(done.headers[.location]?.hasPrefix("/orders/") == true)
            #expect(try await count(fixture, "actions") > before)
            #expect(try await count(fixture, "web_uploads") == 0, "a confirmed upload is not kept")
        }
    }

    @Test func anAdminAddsOrganisationsAndUsersAndBadInputChangesNothing() async throws {
        try await APIFixture.run { api, fixture in
            let admin = try await session(api, fixture, "admin")
            let page = try await get(api, "/admin", cookies: admin.cookie)
            #expect(page.status == 200)
            #expect(page.html.contains("МБОУ Лицей № 14"))
            let org = try await post(api, "/admin/organizations",
                                     form: "csrf=\(admin.csrf)&name=%D0%9C%D0%90%D0%9E%D0%A3+%D0%A1%D0%9E%D0%A8+%E2%84%96+30&kind=school",
                                     cookies: admin.cookie)
            #expect(org.status == 200)
            #expect(org.html.contains("МАОУ СОШ № 30"))
            let users = try await count(fixture, "users")
            let short = try await post(api, "/admin/users", form: "csrf=\(admin.csrf)&login=newuser&role=viewer&password=short", cookies: admin.cookie)
            #expect(short.status == 422)
            let noOrg = try await post(api, "/admin/users", form: "csrf=\(admin.csrf)&login=newuser&role=executor&password=0123456789ab", cookies: admin.cookie)
            #expect(noOrg.status == 422)
            #expect(try await count(fixture, "users") == users)
            let added = try await post(
                api, "/admin/users",
                form: "csrf=\(admin.csrf)&login=newschool&role=executor&organization=\(fixture.schoolA.uuidString)&password=0123456789ab",
                cookies: admin.cookie)
            #expect(added.status == 200, "\(added.html)")
            #expect(try await signIn(api, "newschool", "0123456789ab").status == 303, "the new user can sign in")
            let disabled = try await post(api, "/admin/users/newschool/disable", form: "csrf=\(admin.csrf)", cookies: admin.cookie)
            #expect(disabled.status == 200)
            #expect(try await signIn(api, "newschool", "0123456789ab").status == 401)
        }
    }

    /// Two records of one school made one on the admin page; a refused form keeps its fields.
    @Test func theCommitteeMergesTwoRecordsOfOneSchoolOnTheAdminPage() async throws {
        try await APIFixture.run { api, fixture in
            let coordinator = try await session(api, fixture, "coord")
            let page = try await get(api, "/admin", cookies: coordinator.cookie)
            #expect(page.html.contains("Объединить организации"))
            let twin = try await api.call(.post, "/v1/organizations", token: fixture.coordinator, json: #"{"name": "Лицей четырнадцать", "kind": "school"}"#)
            #expect(twin.status == 201)
            let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
            let unknown = try await post(api, "/admin/organizations/merge",
                                         form: "csrf=\(coordinator.csrf)&kept=\(encode("Нет такой"))&removed=\(encode("Лицей четырнадцать"))",
                                         cookies: coordinator.cookie)
            #expect(unknown.status == 422)
            #expect(unknown.html.contains(#"id="merge-kept-error""#) && unknown.html.contains("Такой организации нет"))
            #expect(unknown.html.contains("Лицей четырнадцать"), "what was typed is kept")
            #expect(try await count(fixture, "organizations") == 4)
            let forged = try await post(api, "/admin/organizations/merge",
                                        form: "csrf=forged&kept=\(fixture.schoolB.uuidString)&removed=\(encode("Лицей четырнадцать"))", cookies: coordinator.cookie)
            #expect(forged.status == 403)
            let merged = try await post(api, "/admin/organizations/merge",
                                        form: "csrf=\(coordinator.csrf)&kept=\(fixture.schoolB.uuidString)&removed=\(encode("Лицей четырнадцать"))",
                                        cookies: coordinator.cookie)
            #expect(merged.status == 200, "\(merged.html)")
            #expect(merged.html.contains("Организации объединены"))
            #expect(try await count(fixture, "organizations") == 3)
            let school = try await session(api, fixture, "school-a")
            let refused = try await post(api, "/admin/organizations/merge",
                                         form: "csrf=\(school.csrf)&kept=\(fixture.schoolA.uuidString)&removed=\(fixture.schoolB.uuidString)", cookies: school.cookie)
            #expect(refused.status == 403 || refused.status == 422)
            #expect(try await count(fixture, "organizations") == 3)
        }
    }

    /// A user locked out by failed sign-ins is shown as such and unlocked by an administrator.
    @Test func anAdministratorUnlocksAUserOnTheAdminPage() async throws {
        try await APIFixture.run { api, fixture in
            let users = UserStore(database: fixture.database)
            try await users.setPassword(login: "school-a", password: "school-a-password", actor: .installation(commandLine: "test"))
            for _ in 1...UserStore.lockoutThreshold {
                _ = try await signIn(api, "school-a", "wrong-password")
            }
            #expect(try await signIn(api, "school-a", "school-a-password").status != 303, "locked")
            let admin = try await session(api, fixture, "admin")
            let page = try await get(api, "/admin", cookies: admin.cookie)
            #expect(page.html.contains("заблокирован после неудачных входов"))
            let forged = try await post(api, "/admin/users/school-a/unlock", form: "csrf=forged", cookies: admin.cookie)
            #expect(forged.status == 403)
            let coordinator = try await session(api, fixture, "coord")
            let byCoordinator = try await post(api, "/admin/users/school-a/unlock", form: "csrf=\(coordinator.csrf)", cookies: coordinator.cookie)
            #expect(byCoordinator.status == 403, "only an administrator manages users")
            let unlocked = try await post(api, "/admin/users/school-a/unlock", form: "csrf=\(admin.csrf)", cookies: admin.cookie)
            #expect(unlocked.status == 200)
            #expect(unlocked.html.contains("блокировка снята"))
            #expect(try await signIn(api, "school-a", "school-a-password").status == 303, "signs in again")
        }
    }

    /// School users from a CSV on the admin page: passwords shown once; a bad file names
    /// its lines in Russian and adds nobody.
    @Test func anAdministratorAddsSchoolUsersFromACSVFile() async throws {
        try await APIFixture.run { api, fixture in
            let admin = try await session(api, fixture, "admin")
            let before = try await count(fixture, "users")
            let bad = Data("organization;login;email\r\nМАОУ СОШ № 5;new.school5;x\r\nНет такой;new2;\r\n".utf8)
            let refused = try await upload(api, admin.cookie, multipart(["csrf": admin.csrf], file: ("users.csv", bad), fileField: "users"), to: "/admin/users/import")
            #expect(refused.status == 422)
            #expect(refused.html.contains("строка 2") && refused.html.contains("не адрес электронной почты"))
            #expect(refused.html.contains("строка 3") && refused.html.contains("нет такой организации"))
            #expect(try await count(fixture, "users") == before, "nobody was added")
            let forged = try await upload(api, admin.cookie, multipart(["csrf": "forged"], file: ("users.csv", bad), fileField: "users"), to: "/admin/users/import")
            #expect(forged.status == 403)
            let noFile = try await upload(api, admin.cookie, multipart(["csrf": admin.csrf], file: nil), to: "/admin/users/import")
            #expect(noFile.status == 422)

            let good = Data("organization;login;email;full_name\r\nМАОУ СОШ № 5;new.school5;school5@example.ru;Петрова И.И.\r\n".utf8)
            let added = try await upload(api, admin.cookie, multipart(["csrf": admin.csrf], file: ("users.csv", good), fileField: "users"), to: "/admin/users/import")
            #expect(added.status == 200, "\(added.html)")
            #expect(added.html.contains("Пароли показаны один раз") && added.html.contains("new.school5"))
            let password = try #require(added.html.range(of: #"<td><code>([A-Za-z0-9]{16})</code></td>"#, options: .regularExpression)
                .map { String(added.html[$0].dropFirst(10).prefix(16)) })
            #expect(try await signIn(api, "new.school5", password).status == 303, "the password shown signs in")
            #expect(!(try await get(api, "/admin", cookies: admin.cookie).html.contains(password)), "shown once")

            let coordinator = try await session(api, fixture, "coord")
            let byCoordinator = try await upload(api, coordinator.cookie, multipart(["csrf": coordinator.csrf], file: ("users.csv", good), fileField: "users"),
                                                 to: "/admin/users/import")
            #expect(byCoordinator.status == 403)
        }
    }

    @Test func aSchoolRequestsAnExtensionOnItsPageAndTheCoordinatorMovesTheDeadline() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let school = try await session(api, fixture, "school-a")
            let page = try await get(api, "/assignments/\(plan.assignmentA)", cookies: school.cookie)
            #expect(page.html.contains("Перенос срока"))
            let early = try await post(api, "/assignments/\(plan.assignmentA)/extension",
                                       form: "csrf=\(school.csrf)&due_on=2019-01-01&reason=x", cookies: school.cookie)
            #expect(early.status == 422)
            #expect(early.html.contains("позже нынешнего"))
            let forged = try await post(api, "/assignments/\(plan.assignmentA)/extension",
                                        form: "csrf=forged&due_on=2019-05-31&reason=x", cookies: school.cookie)
            #expect(forged.status == 403)
            let otherSchool = try await post(api, "/assignments/\(plan.assignmentB)/extension",
                                             form: "csrf=\(school.csrf)&due_on=2019-05-31&reason=x", cookies: school.cookie)
            #expect(otherSchool.status == 404)
            #expect(try await count(fixture, "deadline_extensions") == 0)
            let asked = try await post(api, "/assignments/\(plan.assignmentA)/extension",
                                       form: "csrf=\(school.csrf)&due_on=2019-05-31&reason=%D0%9A%D0%B0%D1%80%D0%B0%D0%BD%D1%82%D0%B8%D0%BD",
                                       cookies: school.cookie)
            #expect(asked.status == 200)
            #expect(asked.html.contains("Запрос на перенос срока отправлен"))

            let coordinator = try await session(api, fixture, "coord")
            let queue = try await get(api, "/review", cookies: coordinator.cookie)
            #expect(queue.html.contains("Карантин"))
            #expect(queue.html.contains("31.05.2019"))
            let id = try #require(queue.html.range(of: #"action="/extensions/"#).map { queue.html[$0.upperBound...].prefix { $0 != "/" } })
            let approved = try await post(api, "/extensions/\(id)/decision", form: "csrf=\(coordinator.csrf)&decision=approve", cookies: coordinator.cookie)
            #expect(approved.status == 303)
            let assignment = try await api.call(.get, "/v1/assignments/\(plan.assignmentA)", token: fixture.coordinator)
            #expect(assignment.string("due_on") == "2019-05-31")
            #expect(assignment.string("original_due_on") == "2019-03-31")
        }
    }

    /// The committee moves a deadline on the assignment's page; the school sees the move and
    /// who decided it (the committee), not a form.
    @Test func theCoordinatorMovesADeadlineOnTheAssignmentsPage() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let coordinator = try await session(api, fixture, "coord")
            let page = try await get(api, "/assignments/\(plan.assignmentA)", cookies: coordinator.cookie)
            #expect(page.html.contains("Перенести срок (решение комитета)"))
            #expect(!page.html.contains("Запросить перенос"), "the committee does not ask itself")
            let reason = try #require("Карантин в школе".addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let noReason = try await post(api, "/assignments/\(plan.assignmentA)/deadline",
                                          form: "csrf=\(coordinator.csrf)&due_on=2019-04-30&reason=", cookies: coordinator.cookie)
            #expect(noReason.status == 422)
            #expect(noReason.html.contains(#"value="2019-04-30""#), "the date typed is kept")
            #expect(noReason.html.contains(#"id="move_reason-error""#) && noReason.html.contains("Укажите причину"))
            let sameDay = try await post(api, "/assignments/\(plan.assignmentA)/deadline",
                                         form: "csrf=\(coordinator.csrf)&due_on=2019-03-31&reason=\(reason)", cookies: coordinator.cookie)
            #expect(sameDay.status == 422)
            #expect(sameDay.html.contains("Карантин в школе"), "the reason typed is kept")
            #expect(sameDay.html.contains(#"id="move_due-error""#))
            let forged = try await post(api, "/assignments/\(plan.assignmentA)/deadline",
                                        form: "csrf=forged&due_on=2019-04-30&reason=\(reason)", cookies: coordinator.cookie)
            #expect(forged.status == 403)
            #expect(try await api.call(.get, "/v1/assignments/\(plan.assignmentA)", token: fixture.coordinator).string("due_on") == "2019-03-31",
                    "nothing moved")

            let moved = try await post(api, "/assignments/\(plan.assignmentA)/deadline",
                                       form: "csrf=\(coordinator.csrf)&due_on=2019-04-30&reason=\(reason)", cookies: coordinator.cookie)
            #expect(moved.status == 200)
            #expect(moved.html.contains("Срок перенесён."))
            #expect(moved.html.contains("Переносы срока") && moved.html.contains("решение комитета") && moved.html.contains("30.04.2019"))
            #expect(moved.html.contains("coord"), "committee staff see who moved it")

            let school = try await session(api, fixture, "school-a")
            let seen = try await get(api, "/assignments/\(plan.assignmentA)", cookies: school.cookie)
            #expect(seen.html.contains("Переносы срока") && seen.html.contains("Карантин в школе") && seen.html.contains("комитет"))
            #expect(!seen.html.contains("Перенести срок (решение комитета)"), "a school asks for an extension instead")
            let bySchool = try await post(api, "/assignments/\(plan.assignmentA)/deadline",
                                          form: "csrf=\(school.csrf)&due_on=2019-05-31&reason=\(reason)", cookies: school.cookie)
            #expect(bySchool.status == 422 || bySchool.status == 403)
            #expect(try await api.call(.get, "/v1/assignments/\(plan.assignmentA)", token: fixture.coordinator).string("due_on") == "2019-04-30")
        }
    }

    /// A coordinator withdraws an order on its page (a reason is required and kept when
    /// refused); the dashboard and the school lose it; an administrator restores it from the
    /// admin page's list of what was withdrawn.
    @Test func aCoordinatorWithdrawsAnOrderAndAnAdministratorRestoresIt() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let coordinator = try await session(api, fixture, "coord")
            let school = try await session(api, fixture, "school-a")
            let page = try await get(api, "/orders/\(plan.order)", cookies: coordinator.cookie)
            #expect(page.html.contains("Отозвать приказ") && page.html.contains(#"<label for="withdraw_reason">Причина</label>"#))
            #expect(!(try await get(api, "/orders/\(plan.order)", cookies: school.cookie)).html.contains("Отозвать приказ"))

            let noReason = try await post(api, "/orders/\(plan.order)/withdraw", form: "csrf=\(coordinator.csrf)&reason=%20", cookies: coordinator.cookie)
            #expect(noReason.status == 422)
            #expect(noReason.html.contains(#"id="withdraw_reason-error""#) && noReason.html.contains("Укажите причину"))
            let forged = try await post(api, "/orders/\(plan.order)/withdraw", form: "csrf=forged&reason=x", cookies: coordinator.cookie)
            #expect(forged.status == 403)
            let bySchool = try await post(api, "/orders/\(plan.order)/withdraw", form: "csrf=\(school.csrf)&reason=x", cookies: school.cookie)
            #expect(bySchool.status == 422 || bySchool.status == 403)
            #expect(try await api.call(.get, "/v1/orders", token: fixture.viewer).items.count == 1, "nothing withdrawn yet")

            let reason = try #require("Импортирован по ошибке".addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let done = try await post(api, "/orders/\(plan.order)/withdraw", form: "csrf=\(coordinator.csrf)&reason=\(reason)", cookies: coordinator.cookie)
            #expect(done.status == 303)
            let after = try await get(api, try #require(done.headers[.location]), cookies: coordinator.cookie)
            #expect(after.html.contains("Отозвано") && after.html.contains("Приказ отозван"))
            #expect(!after.html.contains(#"action="/orders/\#(plan.order)/restore""#), "a coordinator does not restore")
            let dashboard = try await get(api, "/dashboard", cookies: coordinator.cookie)
            #expect(!dashboard.html.contains("/orders/\(plan.order)"))
            #expect(try await get(api, "/orders/\(plan.order)", cookies: school.cookie).status == 404)
            #expect(!(try await get(api, "/", cookies: school.cookie)).html.contains("Семинар"), "the school's deadlines lose it")

            let admin = try await session(api, fixture, "admin")
            let adminPage = try await get(api, "/admin", cookies: admin.cookie)
            #expect(adminPage.html.contains("Отозванные приказы и планы") && adminPage.html.contains(#"action="/orders/\#(plan.order)/restore""#))
            let restored = try await post(api, "/orders/\(plan.order)/restore", form: "csrf=\(admin.csrf)&reason=", cookies: admin.cookie)
            #expect(restored.status == 303)
            #expect(try await get(api, "/", cookies: school.cookie).html.contains("Семинар"))
            #expect(try await api.call(.get, "/v1/orders", token: fixture.viewer).items.count == 1)
        }
    }

    /// A school attaches a PDF to its report on the assignment page; a program renamed .pdf
    /// and a 60 MB file are refused beside the file field with what was typed kept and no
    /// report sent; the committee downloads the file from the review queue, another school
    /// cannot, and it stays on the page once the report is accepted.
    @Test func aSchoolAttachesFilesToItsReportAndTheCommitteeDownloadsThem() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let school = try await session(api, fixture, "school-a")
            let page = try await get(api, "/assignments/\(plan.assignmentA)", cookies: school.cookie)
            #expect(page.html.contains(#"enctype="multipart/form-data""#) && page.html.contains(#"<input id="files" name="files" type="file" multiple"#))
            let fields = ["csrf": school.csrf, "done_on": "2019-03-20", "text": "Семинар проведён"]
            let path = "/assignments/\(plan.assignmentA)/report"

            let program = Data(Array("MZ".utf8) + Array(repeating: 0x90, count: 500))
            let renamed = try await upload(api, school.cookie, multipart(fields, file: ("акт.pdf", program), fileField: "files"), to: path)
            #expect(renamed.status == 422)
            #expect(renamed.html.contains(#"id="files-error""#) && renamed.html.contains("не PDF, не изображение и не документ"))
            #expect(renamed.html.contains("Семинар проведён"), "the text typed is kept")
            let huge = try await upload(api, school.cookie, multipart(fields, file: ("видео.pdf", Data(count: 60 * 1024 * 1024)), fileField: "files"), to: path)
            #expect(huge.status == 422)
            #expect(huge.html.contains(#"id="files-error""#) && huge.html.contains("не больше 20 МБ"), "\(huge.status)")
            #expect(try await count(fixture, "reports") == 0, "nothing was sent")
            #expect(try await count(fixture, "evidence_files") == 0)
            let forged = try await upload(api, school.cookie, multipart(fields.merging(["csrf": "forged"]) { $1 }, file: ("акт.pdf", EvidenceAPITests.pdf), fileField: "files"), to: path)
            #expect(forged.status == 403)

            let sent = try await upload(api, school.cookie, multipart(fields, file: ("Акт проверки.pdf", EvidenceAPITests.pdf), fileField: "files"), to: path)
            #expect(sent.status == 303, "\(sent.html)")
            let after = try await get(api, "/assignments/\(plan.assignmentA)", cookies: school.cookie)
            let link = try #require(after.html.range(of: #"href="/files/"#).map { String(after.html[$0.upperBound...].prefix(36)) })
            #expect(after.html.contains("Акт проверки.pdf"))

            let coordinator = try await session(api, fixture, "coord")
            let review = try await get(api, "/review", cookies: coordinator.cookie)
            #expect(review.html.contains("/files/\(link)") && review.html.contains("Акт проверки.pdf"))
            let download = try await get(api, "/files/\(link)", cookies: coordinator.cookie)
            #expect(download.status == 200 && download.headers[.contentType] == "application/pdf")
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(download.html == String(decoding: EvidenceAPITests.pdf, as: UTF8.self))
            let other = try await session(api, fixture, "school-b")
            #expect(try await get(api, "/files/\(link)", cookies: other.cookie).status == 404)
            #expect(try await get(api, "/files/\(link)").headers[.location] == "/login")

            let reportID = try #require(try await api.call(.get, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.coordinator).items.first?["id"] as? String)
            #expect(try await api.call(.post, "/v1/reports/\(reportID)/accept", token: fixture.coordinator).status == 200)
            let accepted = try await get(api, "/assignments/\(plan.assignmentA)", cookies: school.cookie)
            #expect(accepted.html.contains("/files/\(link)"), "evidence stays visible after acceptance")
        }
    }

    /// The search box in every page's header finds actions and orders by words; too short a
    /// query is refused with a Russian message and the text kept in the box.
    @Test func theHeaderSearchFindsActionsOrdersAndOrganisations() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let coordinator = try await session(api, fixture, "coord")
            let dashboard = try await get(api, "/dashboard", cookies: coordinator.cookie)
            #expect(dashboard.html.contains(#"<form method="get" action="/search" role="search""#))
            #expect(dashboard.html.contains(#"<label for="site-search""#))
            let query = try #require("семинары".addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let found = try await get(api, "/search?q=\(query)", cookies: coordinator.cookie)
            #expect(found.status == 200)
            #expect(found.html.contains("Мероприятия") && found.html.contains(#"href="/orders/\#(plan.order)""#))
            #expect(found.html.contains(#"value="семинары""#), "the box keeps what was typed")
            let school = try await get(api, "/search?q=%D0%BB%D0%B8%D1%86%D0%B5%D0%B9", cookies: coordinator.cookie)
            #expect(school.html.contains("Организации") && school.html.contains("Лицей"))
            let short = try await get(api, "/search?q=%D1%8F", cookies: coordinator.cookie)
            #expect(short.status == 422 && short.html.contains("Введите от 2 до 200 букв или цифр"))
            let nothing = try await get(api, "/search?q=%D0%B0%D0%B1%D1%80%D0%B0%D0%BA%D0%B0%D0%B4%D0%B0%D0%B1%D1%80%D0%B0", cookies: coordinator.cookie)
            #expect(nothing.html.contains("Ничего не найдено"))
            #expect(try await get(api, "/search?q=x").headers[.location] == "/login")
        }
    }

    /// A coordinator renames an organisation and gives it other names on its admin page; the
    /// import then knows it by them. An empty name, another organisation's name and a stale
    /// form are refused and change nothing.
    @Test func aCoordinatorEditsAnOrganisationAndItsOtherNames() async throws {
        try await APIFixture.run { api, fixture in
            let coordinator = try await session(api, fixture, "coord")
            let id = fixture.schoolA.uuidString.lowercased()
            let admin = try await get(api, "/admin", cookies: coordinator.cookie)
            #expect(admin.html.contains(#"href="/admin/organizations/\#(id)""#))
            let page = try await get(api, "/admin/organizations/\(id)", cookies: coordinator.cookie)
            #expect(page.status == 200 && page.html.contains(#"<label for="org-aliases">"#))
            let version = try #require(page.html.range(of: #"name="version" value=""#).map { String(page.html[$0.upperBound...].prefix { $0 != "\"" }) })
            let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
            func save(_ name: String, _ aliases: String, version: String) async throws -> Page {
                try await post(api, "/admin/organizations/\(id)", form: "csrf=\(coordinator.csrf)&version=\(version)&kind=school&short_name=&name=\(encode(name))&aliases=\(encode(aliases))",
                               cookies: coordinator.cookie)
            }
            let empty = try await save(" ", "Пятая школа", version: version)
            #expect(empty.status == 422 && empty.html.contains(#"id="org-name-error""#) && empty.html.contains("Пятая школа"))
            let taken = try await save("МБОУ Лицей № 14", "", version: version)
            #expect(taken.status == 422 && taken.html.contains("Такая организация уже есть."))
            let saved = try await save("МАОУ «СОШ № 5 имени Ю.А. Гагарина»", "Пятая школа\nШкола № 5 г. Тамбова", version: version)
            #expect(saved.status == 200 && saved.html.contains("Изменения сохранены."), "\(saved.html)")
            let stale = try await save("МАОУ СОШ № 5", "", version: version)
            #expect(stale.status == 409 && stale.html.contains("изменил кто-то другой"))
            let record = try await api.call(.get, "/v1/organizations/\(id)", token: fixture.viewer)
            #expect(record.string("name") == "МАОУ «СОШ № 5 имени Ю.А. Гагарина»")
            #expect((record["aliases"] as? [String])?.sorted() == ["Пятая школа", "Школа № 5 г. Тамбова"])
            let school = try await session(api, fixture, "school-a")
            #expect(try await get(api, "/admin/organizations/\(id)", cookies: school.cookie).status == 403)
        }
    }

    @Test func aSchoolsHomeSplitsItsWorkIntoOverdueDueThisWeekReturnedAndEverythingOpen() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)  // «Семинар», due 31.03.2019: overdue
            let inThreeDays = try #require(CommitteeClock().today().adding(days: 3))
            let soon = try await api.call(.post, "/v1/goals/\(plan.goal)/actions", token: fixture.coordinator, json: """
                {"title": "Педсовет", "deadline": "\(inThreeDays.russian)", "executor_ids": ["\(fixture.schoolA.uuidString)"]}
                """)
            #expect(soon.status == 201, "\(soon.text)")
            let school = try await session(api, fixture, "school-a")
            let home = try await get(api, "/", cookies: school.cookie).html
            func section(_ id: String) -> String {
                guard let start = home.range(of: "id=\"\(id)\"") else { return "" }
                let rest = home[start.upperBound...]
                return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
            }
            #expect(section("overdue-h").contains("Семинар"))
            #expect(!section("overdue-h").contains("Педсовет"))
            #expect(section("soon-h").contains("Педсовет"))
            #expect(section("soon-h").contains("3 дня"))
            #expect(!section("soon-h").contains("Семинар"))
            #expect(section("returned-h").contains("Возвращённых отчётов нет"))
            let open = section("open-h")
            let seminar = try #require(open.range(of: "Семинар"))
            let council = try #require(open.range(of: "Педсовет"))
            #expect(seminar.lowerBound < council.lowerBound, "overdue work comes first")
        }
    }
}

/// The import preview's choices: a name the import did not find can be a known organisation
/// (which then gets it as an alias), a person or a new organisation; a wrong choice comes back
/// with what was typed and writes nothing.
@Suite("Web: choosing what unknown executors are")
struct ImportChoicesPageTests {
    static let plan = """
        Мероприятие\tСрок\tОтветственные
        Совещание руководителей\tсентябрь 2024\tУправление образования города
        Методический семинар\tоктябрь 2024\tМетодический кабинет
        Конкурс рисунков\tноябрь 2024\tДом детского творчества
        """

    /// `plan` (a CSV) uploaded as order `number` of the committee: the preview page and the
    /// upload's id its form confirms.
    func preview(_ plan: String, number: String, _ api: APIClient, _ pages: WebPagesTests,
                 _ coordinator: (cookie: String, csrf: String)) async throws -> (page: WebPagesTests.Page, id: String) {
        let page = try await pages.upload(api, coordinator.cookie, pages.multipart(
            ["csrf": coordinator.csrf, "order_number": number, "order_date": "2025-01-30", "issuer": "Комитет образования"],
            file: ("plan.csv", Data(plan.utf8))))
        #expect(page.status == 200, "\(page.html)")
        let id = try #require(page.html.range(of: #"action="/import/"#).map { page.html[$0.upperBound...].prefix { $0 != "/" } })
        return (page, String(id))
    }

    func encoded(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    }

    @Test func unknownExecutorsBecomeAnAliasAPersonOrANewOrganisation() async throws {
        try await APIFixture.run { api, fixture in
            let pages = WebPagesTests()
            let coordinator = try await pages.session(api, fixture, "coord")
            let organizations = try await pages.count(fixture, "organizations")
            let actions = try await pages.count(fixture, "actions")
            let aliases = try await pages.count(fixture, "organization_aliases")
            let preview = try await pages.upload(api, coordinator.cookie, pages.multipart(
                ["csrf": coordinator.csrf, "order_number": "12", "order_date": "2024-08-30", "issuer": "Комитет образования"],
                file: ("plan.tsv", Data(Self.plan.utf8))))
            #expect(preview.status == 200, "\(preview.html)")
            for name in ["Управление образования города", "Методический кабинет", "Дом детского творчества"] {
                #expect(preview.html.contains("<legend>\(name)</legend>"), "\(name) is offered a choice")
            }
            let id = try #require(preview.html.range(of: #"action="/import/"#).map { preview.html[$0.upperBound...].prefix { $0 != "/" } })
            func names(_ html: String) -> [(String, String)] {
                (0..<3).compactMap { index in
                    html.range(of: "name=\"n\(index)\" value=\"").map { range in
                        ("n\(index)", String(html[range.upperBound...].prefix { $0 != "\"" }))
                    }
                }
            }
            let written = names(preview.html)
            #expect(written.count == 3)
            func choice(_ name: String) -> Int { written.firstIndex { $0.1 == name } ?? -1 }
            let office = choice("Управление образования города"), cabinet = choice("Методический кабинет")

            // A known organisation that does not exist: refused, as typed, nothing written.
            let wrong = try await pages.post(api, "/import/\(id)/confirm", form: encoded([("csrf", coordinator.csrf), ("step", "import")] + written + [
                ("c\(office)", "existing"), ("o\(office)", "Комитет культуры"), ("c\(cabinet)", "person"),
            ]), cookies: coordinator.cookie)
            #expect(wrong.status == 422)
            #expect(wrong.html.contains("Такой организации нет"))
            #expect(wrong.html.contains("value=\"Комитет культуры\""), "what was typed is kept")
            #expect(wrong.html.contains("aria-invalid=\"true\""))
            #expect(try await pages.count(fixture, "actions") == actions)

            // Checked again with the choices: the preview follows them and still writes nothing.
            let valid = written + [("c\(office)", "existing"), ("o\(office)", "Комитет образования"), ("c\(cabinet)", "person")]
            let again = try await pages.post(api, "/import/\(id)/confirm", form: encoded([("csrf", coordinator.csrf), ("step", "preview")] + valid),
                                             cookies: coordinator.cookie)
            #expect(again.status == 200, "\(again.html)")
            #expect(again.html.contains("Управление образования города → Комитет образования"))
            #expect(try await pages.count(fixture, "organization_aliases") == aliases)

            let done = try await pages.post(api, "/import/\(id)/confirm", form: encoded([("csrf", coordinator.csrf), ("step", "import")] + valid),
                                            cookies: coordinator.cookie)
            #expect(done.status == 303, "\(done.html)")
            #expect(try await pages.count(fixture, "organizations") == organizations + 1, "only «Дом детского творчества» is new")
            let facts = try await fixture.pool.withConnection { connection in
                (try connection.query("SELECT count(*)::int AS n FROM organization_aliases WHERE alias = 'Управление образования города' AND organization_id = \(fixture.committee)").first?.decode(Int.self, "n"),
                 try connection.query("SELECT count(*)::int AS n FROM action_executors WHERE person_role = 'Методический кабинет' AND organization_id IS NULL").first?.decode(Int.self, "n"),
                 try connection.query("SELECT count(*)::int AS n FROM events WHERE entity_type = 'organization' AND event = 'alias_added'").first?.decode(Int.self, "n"))
            }
            #expect(facts.0 == 1, "the name is now the committee's alias")
            #expect(facts.1 == 1, "the cabinet is a person on the action")
            #expect(facts.2 == 1, "the alias is in the history")
        }
    }

    /// Two schools of one name: the preview offers both to pick from (nothing picked for the
    /// coordinator), a confirmation without a pick or with an organisation not offered comes
    /// back with the candidates, and the one picked is given the work.
    @Test func aNameThatFitsSeveralIsPickedFromItsCandidates() async throws {
        try await APIFixture.run { api, fixture in
            let pages = WebPagesTests()
            let coordinator = try await pages.session(api, fixture, "coord")
            let twins = try await fixture.pool.withConnection { connection in
                try (0..<2).map { _ in
                    try #require(try connection.query("""
                        INSERT INTO organizations (name, kind, normalized_name) VALUES ('МБОУ СОШ № 77', 'school', \(OrganizationName("МБОУ СОШ № 77").key))
                        RETURNING id
                        """).first?.decode(UUID.self, "id"))
                }
            }
            let (preview, id) = try await self.preview("Мероприятие;Срок;Ответственный исполнитель\nСовещание;Март 2025;МБОУ СОШ № 77\n",
                                                       number: "14", api, pages, coordinator)
            #expect(preview.html.contains("<legend>МБОУ СОШ № 77</legend>"))
            for twin in twins {
                #expect(preview.html.contains("name=\"c0\" value=\"pick:\(twin.lowercased)\" required>"), "offered, not picked")
            }
            #expect(preview.html.contains("несколько организаций: выберите ниже"))
            let kept = twins.enumerated().map { ("a0_\($0.offset)", "\($0.element.lowercased) МБОУ СОШ № 77") }
            let actions = try await pages.count(fixture, "actions")

            let unpicked = try await pages.post(api, "/import/\(id)/confirm", form: encoded([
                ("csrf", coordinator.csrf), ("step", "import"), ("n0", "МБОУ СОШ № 77"),
            ] + kept), cookies: coordinator.cookie)
            #expect(unpicked.status == 422)
            #expect(unpicked.html.contains("id=\"c0-error\" role=\"alert\">Название подходит к нескольким организациям: выберите одну из них"))
            #expect(!unpicked.html.contains("aria-invalid"), "the text box, left empty, is not what is wrong")
            #expect(unpicked.html.contains("value=\"pick:\(twins[1].lowercased)\" required>"), "the candidates are offered again")
            let forged = try await pages.post(api, "/import/\(id)/confirm", form: encoded([
                ("csrf", coordinator.csrf), ("step", "import"), ("n0", "МБОУ СОШ № 77"), ("c0", "pick:\(fixture.committee.lowercased)"),
            ] + kept), cookies: coordinator.cookie)
            #expect(forged.status == 422, "only an organisation offered may be picked")
            #expect(try await pages.count(fixture, "actions") == actions)

            let done = try await pages.post(api, "/import/\(id)/confirm", form: encoded([
                ("csrf", coordinator.csrf), ("step", "import"), ("n0", "МБОУ СОШ № 77"), ("c0", "pick:\(twins[1].lowercased)"),
            ] + kept), cookies: coordinator.cookie)
            #expect(done.status == 303, "\(done.html)")
            let given = try await fixture.pool.withConnection { connection in
                try connection.query("""
                    SELECT s.executor_id FROM assignments s JOIN actions ac ON ac.id = s.action_id WHERE ac.title = 'Совещание'
                    """).rows.map { try $0.decode(UUID.self, "executor_id") }
            }
            #expect(given == [twins[1]])
        }
    }

    /// Names read as posts are folded away as persons, each with the choice to say it is an
    /// organisation: a wrong one is refused as typed with the fold open, a new one is created.
    @Test func aNameReadAsAPostMayBeSaidToBeAnOrganisation() async throws {
        try await APIFixture.run { api, fixture in
            let pages = WebPagesTests()
            let coordinator = try await pages.session(api, fixture, "coord")
            let (preview, id) = try await self.preview(
                "Мероприятие;Срок;Ответственный исполнитель\nСовещание;Март 2025;\"Методист ИМЦ, Классные руководители\"\n",
                number: "15", api, pages, coordinator)
            #expect(preview.html.contains("<details class=\"persons\">"), "folded: nothing to settle yet")
            #expect(preview.html.contains("Прочитаны как лица и должности, не организации: 2"))
            #expect(preview.html.contains("<legend>Методист ИМЦ</legend>"))
            #expect(preview.html.contains("<input type=\"hidden\" name=\"r0\" value=\"person\">"))
            #expect(preview.html.contains("name=\"c0\" value=\"person\" checked"))
            let organizations = try await pages.count(fixture, "organizations")
            let actions = try await pages.count(fixture, "actions")
            let names = [("n0", "Методист ИМЦ"), ("r0", "person"), ("n1", "Классные руководители"), ("r1", "person")]

            let wrong = try await pages.post(api, "/import/\(id)/confirm", form: encoded([("csrf", coordinator.csrf), ("step", "import")] + names + [
                ("c0", "existing"), ("o0", "Центр, которого нет"), ("c1", "person"),
            ]), cookies: coordinator.cookie)
            #expect(wrong.status == 422)
            #expect(wrong.html.contains("<details class=\"persons\" open>"), "the refused choice is shown, not folded")
            #expect(wrong.html.contains("value=\"Центр, которого нет\""), "what was typed is kept")
            #expect(wrong.html.contains("Такой организации нет"))
            #expect(try await pages.count(fixture, "actions") == actions)
            #expect(try await pages.count(fixture, "organizations") == organizations)

            let done = try await pages.post(api, "/import/\(id)/confirm", form: encoded([("csrf", coordinator.csrf), ("step", "import")] + names + [
                ("c0", "new"), ("c1", "person"),
            ]), cookies: coordinator.cookie)
            #expect(done.status == 303, "\(done.html)")
            #expect(try await pages.count(fixture, "organizations") == organizations + 1)
            let facts = try await fixture.pool.withConnection { connection in
                (try connection.query("""
                    SELECT count(*)::int AS n FROM assignments s JOIN organizations o ON o.id = s.executor_id WHERE o.name = 'Методист ИМЦ'
                    """).first?.decode(Int.self, "n"),
                 try connection.query("SELECT count(*)::int AS n FROM action_executors WHERE person_role = 'Классные руководители'").first?.decode(Int.self, "n"))
            }
            #expect(facts.0 == 1, "the new organisation has the work")
            #expect(facts.1 == 1, "the other name stays a person, as read")
        }
    }

    /// A school's plan of months with no year: the coordinator gives the academic year on the
    /// upload form or on the preview, sees the months read in it, and imports them so; a year
    /// that is none is refused beside its field, kept as typed, and nothing is written.
    @Test func theAcademicYearOfAPlanOfMonthsIsGivenOnThePage() async throws {
        try await APIFixture.run { api, fixture in
            let pages = WebPagesTests()
            let coordinator = try await pages.session(api, fixture, "coord")
            let plan = Data("Мероприятие;Срок;Ответственный исполнитель\nСовещание;сентябрь;МАОУ СОШ № 5\nСеминар;март;МАОУ СОШ № 5\n".utf8)
            let order = ["csrf": coordinator.csrf, "order_number": "16", "order_date": "2025-01-30", "issuer": "Комитет образования"]
            let actions = try await pages.count(fixture, "actions")

            let typo = try await pages.upload(api, coordinator.cookie, pages.multipart(order.merging(["academic_year": "20224"]) { $1 },
                                                                                      file: ("plan.csv", plan)))
            #expect(typo.status == 422)
            #expect(typo.html.contains(#"id="academic_year-error""#) && typo.html.contains("Учебный год не распознан"), "\(typo.html)")
            #expect(typo.html.contains(#"value="20224""#) && typo.html.contains(#"value="Комитет образования""#), "what was typed is kept")
            #expect(try await pages.count(fixture, "web_uploads") == 0)

            let unread = try await pages.upload(api, coordinator.cookie, pages.multipart(order, file: ("plan.csv", plan)))
            #expect(unread.status == 200, "\(unread.html)")
            #expect(unread.html.contains("<dt>Сроков не распознано</dt><dd class=\"bad\">2</dd>"))
            #expect(unread.html.contains("не найден в файле: укажите его ниже"))
            #expect(unread.html.contains("срок «сентябрь» сохранён как текст: год не указан ни в сроке, ни в файле. Укажите учебный год плана"),
                    "each unread month says what reads it: \(unread.html)")
            let id = String(try #require(unread.html.range(of: #"action="/import/"#).map { unread.html[$0.upperBound...].prefix { $0 != "/" } }))

            let again = try await pages.post(api, "/import/\(id)/confirm", form: encoded([
                ("csrf", coordinator.csrf), ("step", "preview"), ("academic_year", "2024/25"),
            ]), cookies: coordinator.cookie)
            #expect(again.status == 200, "\(again.html)")
            #expect(again.html.contains("<dt>Учебный год</dt><dd>2024/2025</dd>"))
            #expect(!again.html.contains("Сроков не распознано"))
            #expect(again.html.contains("01.09.2024 – 30.09.2024") && again.html.contains("01.03.2025 – 31.03.2025"), "\(again.html)")
            #expect(again.html.contains(#"value="2024/25""#), "the year as typed")

            let wrong = try await pages.post(api, "/import/\(id)/confirm", form: encoded([
                ("csrf", coordinator.csrf), ("step", "import"), ("academic_year", "две тысячи"),
            ]), cookies: coordinator.cookie)
            #expect(wrong.status == 422)
            #expect(wrong.html.contains(#"aria-invalid="true""#) && wrong.html.contains(#"value="две тысячи""#), "\(wrong.html)")
            #expect(try await pages.count(fixture, "actions") == actions)

            let done = try await pages.post(api, "/import/\(id)/confirm", form: encoded([
                ("csrf", coordinator.csrf), ("step", "import"), ("academic_year", "2024"),
            ]), cookies: coordinator.cookie)
            #expect(done.status == 303, "\(done.html)")
            let read = try await fixture.pool.withConnection { connection in
                try connection.query("""
                    SELECT p.academic_year, string_agg(s.due_on::text, ' ' ORDER BY s.due_on) AS due
                    FROM plans p JOIN goals g ON g.plan_id = p.id JOIN actions a ON a.goal_id = g.id JOIN assignments s ON s.action_id = a.id
                    WHERE a.title IN ('Совещание', 'Семинар') GROUP BY p.academic_year
                    """).rows.map { (try $0.decode(Int?.self, "academic_year"), try $0.decode(String.self, "due")) }
            }
            #expect(read.count == 1)
            #expect(read.first?.0 == 2024)
            #expect(read.first?.1 == "2024-09-30 2025-03-31")
        }
    }

    /// «ОО» stands for every school by default; the coordinator may say it is one person's
    /// work instead (a school's own plan), and nobody else is given it.
    @Test func aNameForEverySchoolIsOfferedAChoice() async throws {
        try await APIFixture.run { api, fixture in
            let pages = WebPagesTests()
            let coordinator = try await pages.session(api, fixture, "coord")
            let schools = try await fixture.pool.withConnection { connection in
                try connection.query("SELECT count(*)::int AS n FROM organizations WHERE kind = 'school'").first?.decode(Int.self, "n") ?? 0
            }
            let (preview, id) = try await self.preview("Мероприятие;Срок;Ответственный исполнитель\nСовещание;Март 2025;ОО района\n",
                                                       number: "13", api, pages, coordinator)
            #expect(preview.html.contains("<legend>ОО района</legend>"))
            #expect(preview.html.contains("value=\"group\" checked"))
            #expect(preview.html.contains("каждое такое учреждение справочника (\(schools))"))
            let done = try await pages.post(api, "/import/\(id)/confirm", form: encoded([
                ("csrf", coordinator.csrf), ("step", "import"), ("n0", "ОО района"), ("c0", "person"),
            ]), cookies: coordinator.cookie)
            #expect(done.status == 303, "\(done.html)")
            let facts = try await fixture.pool.withConnection { connection in
                (try connection.query("SELECT count(*)::int AS n FROM action_executors WHERE person_role = 'ОО района'").first?.decode(Int.self, "n"),
                 try connection.query("""
                    SELECT count(*)::int AS n FROM assignments s JOIN actions ac ON ac.id = s.action_id WHERE ac.title = 'Совещание'
                    """).first?.decode(Int.self, "n"))
            }
            #expect(facts.0 == 1, "kept as a person, as chosen")
            #expect(facts.1 == 0, "no school was given the work")
        }
    }
}
