import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import RoadmapAPI
import RoadmapDomain
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Pages rendered from typed view models: nothing shows «nil», a refused form comes back as
/// typed with the error by its field, and every message, error pages included, is Russian.
@Suite("Typed pages: no «nil», forms kept, Russian everywhere")
struct TypedPagesTests {
    let pages = WebPagesTests()

    /// Asks for `path` the way a browser does, so errors come back as pages.
    func browse(_ api: APIClient, _ path: String, cookies: String?) async throws -> WebPagesTests.Page {
        var headers: HTTPFields = [.accept: "text/html,application/xhtml+xml"]
        if let cookies { headers[.cookie] = cookies }
        let response = try await api.client.executeRequest(uri: path, method: .get, headers: headers, body: nil)
        return WebPagesTests.Page(status: Int(response.status.code), headers: response.headers, html: String(buffer: response.body))
    }

    @Test func noPageShowsNilForARoleOfEachKind() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            _ = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA, json: ReportFlowTests.report)
            let login = try await pages.get(api, "/login")
            #expect(!login.html.contains("nil"))
            let school = try await pages.session(api, fixture, "school-a")
            for path in ["/", "/assignments/\(plan.assignmentA)", "/orders/\(plan.order)", "/notifications", "/calendar"] {
                let page = try await browse(api, path, cookies: school.cookie)
                #expect(page.status == 200, "\(path)")
                #expect(!page.html.contains("nil"), "\(path)")
            }
            let admin = try await pages.session(api, fixture, "admin")
            for path in ["/", "/dashboard", "/review", "/import", "/admin", "/orders/\(plan.order)", "/assignments/\(plan.assignmentB)",
                         "/notifications", "/admin/notifications", "/admin/workdays"] {
                let page = try await browse(api, path, cookies: admin.cookie)
                #expect(page.status == 200, "\(path)")
                #expect(!page.html.contains("nil"), "\(path)")
            }
        }
    }

    @Test func errorPagesAreRussianAndKeepTheMenu() async throws {
        try await APIFixture.run { api, fixture in
            let school = try await pages.session(api, fixture, "school-a")
            let missing = try await browse(api, "/orders/\(UUID().uuidString)", cookies: school.cookie)
            #expect(missing.status == 404)
            #expect(missing.html.contains("Не найдено") && missing.html.contains("нет к ней доступа"))
            #expect(missing.html.contains("Выйти"), "the menu and sign-out stay")
            #expect(missing.html.contains("Мои сроки"))
            #expect(!missing.html.contains("No order"), "no English detail on a page")
            let forbidden = try await browse(api, "/review", cookies: school.cookie)
            #expect(forbidden.status == 403)
            #expect(forbidden.html.contains("Доступ запрещён") && forbidden.html.contains("координаторы"))
            #expect(forbidden.html.contains("Выйти"))
            let route = try await browse(api, "/no-such-page", cookies: nil)
            #expect(route.status == 404)
            #expect(route.html.contains("Не найдено"))
            #expect(!route.html.contains("Выйти"), "no menu before sign-in")
        }
    }

    @Test func aRefusedReportKeepsWhatTheSchoolTypedWithTheErrorByItsField() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let school = try await pages.session(api, fixture, "school-a")
            let text = "Семинар проведён для 40 учителей"
            let encoded = try #require(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let links = try #require("https://school5.example/a\nnot a link".addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let refused = try await pages.post(api, "/assignments/\(plan.assignmentA)/report",
                                               form: "csrf=\(school.csrf)&done_on=2999-01-01&text=\(encoded)&evidence=\(links)", cookies: school.cookie)
            #expect(refused.status == 422)
            #expect(refused.html.contains(text), "the text typed is kept")
            #expect(refused.html.contains(#"value="2999-01-01""#), "the date typed is kept")
            #expect(refused.html.contains("not a link"))
            #expect(refused.html.contains(#"id="done_on-error""#) && refused.html.contains("не может быть позже"))
            #expect(refused.html.contains(#"aria-describedby="done_on-error""#))

            let badLink = try await pages.post(api, "/assignments/\(plan.assignmentA)/report",
                                               form: "csrf=\(school.csrf)&done_on=2019-03-20&text=\(encoded)&evidence=\(links)", cookies: school.cookie)
            #expect(badLink.status == 422)
            #expect(badLink.html.contains(#"id="evidence-error""#) && badLink.html.contains("http://"))
            #expect(badLink.html.contains(text))

            let control = try #require("Текст\u{7}".addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let withBell = try await pages.post(api, "/assignments/\(plan.assignmentA)/report",
                                                form: "csrf=\(school.csrf)&done_on=2019-03-20&text=\(control)", cookies: school.cookie)
            #expect(withBell.status == 422)
            #expect(withBell.html.contains(#"id="text-error""#) && withBell.html.contains("управляющие символы"))

            let extensionRefused = try await pages.post(api, "/assignments/\(plan.assignmentA)/extension",
                                                        form: "csrf=\(school.csrf)&due_on=2019-05-31&reason=", cookies: school.cookie)
            #expect(extensionRefused.status == 422)
            #expect(extensionRefused.html.contains(#"value="2019-05-31""#))
            #expect(extensionRefused.html.contains(#"id="reason-error""#))
            #expect(try await api.call(.get, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA).items.isEmpty,
                    "nothing was stored")
        }
    }

    @Test func aReturnWithoutACommentComesBackByItsReport() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let report = try #require(try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA,
                                                         json: ReportFlowTests.report).string("id"))
            let coordinator = try await pages.session(api, fixture, "coord")
            let refused = try await pages.post(api, "/reports/\(report)/review", form: "csrf=\(coordinator.csrf)&decision=return&comment=++",
                                               cookies: coordinator.cookie)
            #expect(refused.status == 422)
            #expect(refused.html.contains(#"id="c-\#(report)-error""#))
            #expect(refused.html.contains("напишите комментарий"))
        }
    }

    @Test func anAdminFormRefusedKeepsItsFields() async throws {
        try await APIFixture.run { api, fixture in
            let admin = try await pages.session(api, fixture, "admin")
            let refused = try await pages.post(api, "/admin/users", form: "csrf=\(admin.csrf)&login=new.user&role=executor&password=short",
                                               cookies: admin.cookie)
            #expect(refused.status == 422)
            #expect(refused.html.contains(#"value="new.user""#))
            #expect(refused.html.contains(#"<option value="executor" selected>"#))
            #expect(refused.html.contains(#"id="u-password-error""#))
            // Coordinators add organisations, as the API lets them; users stay the admin's.
            let coordinator = try await pages.session(api, fixture, "coord")
            let page = try await pages.get(api, "/admin", cookies: coordinator.cookie)
            #expect(page.status == 200)
            #expect(!page.html.contains("Добавить пользователя"))
            let name = try #require("МБОУ «СОШ № 31»".addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let added = try await pages.post(api, "/admin/organizations", form: "csrf=\(coordinator.csrf)&name=\(name)&kind=school",
                                             cookies: coordinator.cookie)
            #expect(added.status == 200)
            #expect(added.html.contains("Организация добавлена"))
            let users = try await pages.post(api, "/admin/users", form: "csrf=\(coordinator.csrf)&login=x.y&role=viewer&password=0123456789ab",
                                             cookies: coordinator.cookie)
            #expect(users.status == 422)
            #expect(users.html.contains("нет прав"))
        }
    }

    @Test func theImportPreviewWarnsInRussian() async throws {
        try await APIFixture.run { api, fixture in
            let coordinator = try await pages.session(api, fixture, "coord")
            let text = "Мероприятие;Срок;Ответственный исполнитель\nСеминар;когда получится;МАОУ СОШ № 5\n"
            let preview = try await pages.upload(api, coordinator.cookie,
                                                 pages.multipart(["csrf": coordinator.csrf, "order_number": "5", "order_date": "2019-01-10",
                                                                  "issuer": "Комитет образования"], file: ("plan.csv", Data(text.utf8))))
            #expect(preview.status == 200, "\(preview.html)")
            #expect(preview.html.contains("не распознан"), "\(preview.html)")
            // The plan as read: each action, its deadline and how each executor was taken.
            #expect(preview.html.contains("План, как он прочитан"))
            #expect(preview.html.contains("<td>Семинар</td>"))
            #expect(preview.html.contains("срок не распознан: сохранится текстом"))
            #expect(preview.html.contains("МАОУ СОШ № 5") && preview.html.contains("найдено"))
            #expect(!preview.html.contains("could not be read") && !preview.html.contains("kept as text"))
        }
    }

    /// A plan of goals and tasks shows them over the actions that serve them: each goal with
    /// its tasks once, the task an action names as its own over its rows.
    @Test func theImportPreviewShowsGoalsAndTasks() async throws {
        try await APIFixture.run { api, fixture in
            let coordinator = try await pages.session(api, fixture, "coord")
            let text = """
                № п/п;Наименование мероприятия;Срок исполнения;Ответственные
                1.;Цель: повышение качества образования;;
                1.1.;Задача: развитие кадрового потенциала;;
                1.1.1.;Семинар для учителей математики;октябрь 2024;МАОУ СОШ № 5
                1.1.2.;Конкурс педагогов;ноябрь 2024;МАОУ СОШ № 5
                1.2.;Задача: поддержка одарённых детей;;
                1.2.1.;Муниципальный этап олимпиады;декабрь 2024;МАОУ СОШ № 5
                2.;Цель: развитие инфраструктуры;;
                2.1.;Ремонт спортивных залов;июнь 2025;МАОУ СОШ № 5

                """
            let preview = try await pages.upload(api, coordinator.cookie,
                                                 pages.multipart(["csrf": coordinator.csrf, "order_number": "6", "order_date": "2024-09-01",
                                                                  "issuer": "Комитет образования"], file: ("plan.csv", Data(text.utf8))))
            #expect(preview.status == 200, "\(preview.html)")
            let html = preview.html
            let marks = ["Цель: Повышение качества образования", "<li>Задача 1. Развитие кадрового потенциала</li>",
                         "<li>Задача 2. Поддержка одарённых детей</li>", "Задача: Развитие кадрового потенциала",
                         "<td>Семинар для учителей математики</td>", "<td>Конкурс педагогов</td>", "Задача: Поддержка одарённых детей",
                         "<td>Муниципальный этап олимпиады</td>", "Цель: Развитие инфраструктуры", "<td>Ремонт спортивных залов</td>"]
            let places = marks.map { html.range(of: $0)?.lowerBound }
            #expect(places.allSatisfy { $0 != nil }, "\(html)")
            #expect(zip(places, places.dropFirst()).allSatisfy { ($0.0 ?? html.endIndex) < ($0.1 ?? html.startIndex) }, "in plan order")
            // A task's heading is shown once over its rows, not over each.
            #expect(html.components(separatedBy: "Задача: Развитие кадрового потенциала").count == 2)
        }
    }

    /// Every kind of import warning is said in Russian on the pages, in English elsewhere.
    @Test func importWarningsAreRussianOnThePages() {
        let kinds: [ImportWarning.Kind] = [
            .rowWithoutAction, .rowWithoutPartner, .deadlineKeptAsText(text: "весна", reason: .missingYear(text: "весна", phrase: "весна")),
            .deadlineKeptAsText(text: "постоянно", reason: .missingPeriod(text: "постоянно")),
            .deadlineKeptAsText(text: "зима", reason: .needsOtherContext(text: "зима", needed: "an academic year", given: "2024")),
            .deadlineKeptAsText(text: "март", reason: .notInContext(text: "март", phrase: "март", context: "01.06–30.06.2024")),
            .deadlineKeptAsText(text: "март", reason: .ambiguousInContext(text: "март", phrase: "март", context: "2024–2026", candidates: [])),
            .deadlineKeptAsText(text: "10.00", reason: .timeWithoutDay(text: "10.00")),
            .deadlineKeptAsText(text: "март", reason: .invalidContext("two contexts")), .noDeadline,
            .deadlineUnreadable(text: "весна"), .deadlineElsewhere(text: "по графику ФЦТ"), .recurrenceWithoutPeriod(text: "ежемесячно"), .agreementsWithoutOwner,
            .removedActionKept(title: "Семинар"), .probableMatch(name: "Школа 5", organization: "МАОУ СОШ № 5"),
            .withoutExecutors(count: 13), .columnsInferred(.numberedList), .columnsInferred(.headerlessTable),
            .columnsInferred(.datedList), .columnsInferred(.alternatingLines), .columnsInferred(.labelledItems),
        ]
        for kind in kinds {
            let text = PageText.russian(ImportWarning(kind, file: "plan.txt"))
            #expect(text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(kind)")
            #expect(!text.contains("nil") && !text.contains("Optional"), "\(kind)")
        }
        #expect(PageText.russian(ImportWarning(.withoutExecutors(count: 13), file: "plan.txt"))
            == "«plan.txt»: у 13 мероприятий не указан исполнитель: назначений по ним не будет, пока вы не назначите исполнителей в редакторе плана.")
        #expect(PageText.russian(ImportWarning(.withoutExecutors(count: 1))).hasPrefix("у 1 мероприятия не указан исполнитель"))
        #expect(ImportWarning(.withoutExecutors(count: 13)).description.contains("13 action(s) name no executor"))
        // «по назначению» and «по согласованию» point to no schedule: the sentence names all three.
        #expect(PageText.russian(ImportWarning(.deadlineElsewhere(text: "по назначению")))
            == "срок «по назначению» в плане не указан: его даст другой график, согласование или назначение. Даты исполнения не будет, пока её не назначат.")
    }

    @Test func theCatalogueHasOneRussianSentencePerCode() {
        let texts = PageText.allCases.map(\.russian)
        #expect(Set(PageText.allCases.map(\.rawValue)).count == PageText.allCases.count)
        for (code, text) in zip(PageText.allCases, texts) {
            #expect(text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(code) is Russian")
        }
        #expect(PageText.problem(type: "not-found", status: 404) == PageText.notFound.russian)
        #expect(PageText.problem(type: "something-new", status: 502) == PageText.internalError.russian)
    }
}
