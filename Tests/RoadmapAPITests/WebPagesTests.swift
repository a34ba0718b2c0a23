import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Sign-in, sign-out and «Мои сроки» over real HTTP semantics: cookies, CSRF, lockout.
@Suite("Web pages: sign-in and «Мои сроки»")
struct WebPagesTests {
    struct Page {
        let status: Int
        let headers: HTTPFields
        let html: String

        /// The value a Set-Cookie header gives `name`.
        func cookie(_ name: String) -> String? {
            headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
                .map { String($0.dropFirst(name.count + 1).prefix { $0 != ";" }) }
        }

        func setCookieLine(_ name: String) -> String? { headers[values: .setCookie].first { $0.hasPrefix(name + "=") } }

        /// The hidden CSRF field of the page's forms.
        var csrf: String? {
            guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
            return String(html[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    func get(_ client: APIClient, _ path: String, cookies: String? = nil) async throws -> Page {
        var headers: HTTPFields = [:]
        if let cookies { headers[.cookie] = cookies }
        let response = try await client.client.executeRequest(uri: path, method: .get, headers: headers, body: nil)
        return Page(status: Int(response.status.code), headers: response.headers, html: String(buffer: response.body))
    }

    func post(_ client: APIClient, _ path: String, form: String, cookies: String? = nil) async throws -> Page {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookies { headers[.cookie] = cookies }
        let response = try await client.client.executeRequest(uri: path, method: .post, headers: headers, body: ByteBuffer(string: form))
        return Page(status: Int(response.status.code), headers: response.headers, html: String(buffer: response.body))
    }

    /// Signs in through the form; returns the session cookie.
    func signIn(_ api: APIClient, _ login: String, _ password: String) async throws -> (status: Int, session: String?, page: Page) {
        let form = try await get(api, "/login")
        let csrf = try #require(form.csrf)
        let loginCookie = try #require(form.cookie("roadmap_login_csrf"))
        let answer = try await post(api, "/login", form: "csrf=\(csrf)&login=\(login)&password=\(password)", cookies: "roadmap_login_csrf=\(loginCookie)")
        return (answer.status, answer.cookie("roadmap_session"), answer)
    }

    @Test func aSchoolSignsInSeesItsDeadlinesAndSignsOut() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            _ = plan
            try await UserStore(database: fixture.database).setPassword(login: "school-a", password: "school-a-password", actor: .installation(commandLine: "test"))

            let login = try await get(api, "/login")
            #expect(login.status == 200)
            #expect(login.headers[.contentType] == "text/html; charset=utf-8")
            #expect(login.html.contains(#"<html lang="ru">"#))
            #expect(login.html.contains(#"<label for="password">Пароль</label>"#))
            #expect(login.setCookieLine("roadmap_login_csrf")?.contains("HttpOnly") == true)
            #expect(try await get(api, "/").headers[.location] == "/login", "pages need a session")

            let signedIn = try await signIn(api, "school-a", "school-a-password")
            #expect(signedIn.status == 303)
            #expect(signedIn.page.headers[.location] == "/")
            let session = try #require(signedIn.session)
            let line = try #require(signedIn.page.setCookieLine("roadmap_session"))
            #expect(line.contains("HttpOnly") && line.contains("SameSite=Lax"))

            let home = try await get(api, "/", cookies: "roadmap_session=\(session)")
            #expect(home.status == 200)
            #expect(home.html.contains("<h1>Мои сроки</h1>"))
            #expect(home.html.contains("Просрочено"))
            #expect(home.html.contains("Семинар"), "the school's overdue action (due 31.03.2019)")
            #expect(home.html.contains("31.03.2019"))
            #expect(home.html.contains("МАОУ СОШ № 5"))
            #expect(!home.html.contains("Лицей"), "never another organisation's data")
            #expect(home.html.contains(" дней") || home.html.contains(" день") || home.html.contains(" дня"))

            let noToken = try await post(api, "/logout", form: "csrf=forged", cookies: "roadmap_session=\(session)")
            #expect(noToken.status == 403)
            let csrf = try #require(home.csrf)
            let out = try await post(api, "/logout", form: "csrf=\(csrf)", cookies: "roadmap_session=\(session)")
            #expect(out.status == 303)
            #expect(out.headers[.location] == "/login")
            #expect(try await get(api, "/", cookies: "roadmap_session=\(session)").headers[.location] == "/login")
        }
    }

    @Test func aCoordinatorSeesReportsWaitingAndOverdueSchools() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            _ = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA, json: ReportFlowTests.report)
            try await UserStore(database: fixture.database).setPassword(login: "coord", password: "coordinator-password", actor: .installation(commandLine: "test"))
            let signedIn = try await signIn(api, "coord", "coordinator-password")
            let home = try await get(api, "/", cookies: "roadmap_session=\(try #require(signedIn.session))")
            #expect(home.html.contains("Отчёты на проверке"))
            #expect(home.html.contains("МАОУ СОШ № 5"))
            #expect(home.html.contains("Просрочено по учреждениям"))
            #expect(home.html.contains("МБОУ Лицей № 14"))
            #expect(home.html.contains("1 мероприятие"))
        }
    }

    @Test func badSignInsAreRefusedAndRepeatedFailuresLockTheAccount() async throws {
        try await APIFixture.run { api, fixture in
            try await UserStore(database: fixture.database).setPassword(login: "viewer", password: "viewer-password", actor: .installation(commandLine: "test"))
            let form = try await get(api, "/login")
            let forged = try await post(api, "/login", form: "csrf=forged&login=viewer&password=viewer-password",
                                        cookies: "roadmap_login_csrf=\(try #require(form.cookie("roadmap_login_csrf")))")
            #expect(forged.status == 403)
            #expect(forged.cookie("roadmap_session") == nil)
            let noCookie = try await post(api, "/login", form: "csrf=\(try #require(form.csrf))&login=viewer&password=viewer-password")
            #expect(noCookie.status == 403)

            let wrong = try await signIn(api, "viewer", "not-the-password")
            #expect(wrong.status == 401)
            #expect(wrong.page.html.contains("Неверное имя пользователя или пароль"))
            #expect(wrong.page.html.contains(#"value="viewer""#), "the login is kept, the password is not")
            #expect(!wrong.page.html.contains("not-the-password"))
            for _ in 0..<3 { _ = try await signIn(api, "viewer", "not-the-password") }
            let locked = try await signIn(api, "viewer", "not-the-password")
            #expect(locked.status == 429)
            #expect(locked.page.html.contains("заблокирована"))
            let evenRight = try await signIn(api, "viewer", "viewer-password")
            #expect(evenRight.status == 429)
            #expect(evenRight.session == nil)
            let unknown = try await signIn(api, "nobody", "whatever-password")
            #expect(unknown.status == 401)
        }
    }

    @Test func theStylesheetIsServedFromTheService() async throws {
        try await APIFixture.run { api, _ in
            let css = try await get(api, "/static/app.css")
            #expect(css.status == 200)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.html.contains("@media print"))
            #expect(!css.html.contains("http"), "no CDN: nothing is fetched from elsewhere")
        }
    }
}

extension WebPagesTests {
    @Test func aSchoolReportsFromItsAssignmentPageAndNeverSeesAnotherSchools() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            try await UserStore(database: fixture.database).setPassword(login: "school-a", password: "school-a-password", actor: .installation(commandLine: "test"))
            let session = "roadmap_session=\(try #require(try await signIn(api, "school-a", "school-a-password").session))"
            let home = try await get(api, "/", cookies: session)
            #expect(home.html.contains("/assignments/\(plan.assignmentA)"))

            let page = try await get(api, "/assignments/\(plan.assignmentA)", cookies: session)
            #expect(page.status == 200)
            #expect(page.html.contains(#"<label for="done_on">Дата выполнения</label>"#))
            let csrf = try #require(page.csrf)
            #expect(try await get(api, "/assignments/\(plan.assignmentB)", cookies: session).status == 404, "another school's assignment")
            let forged = try await post(api, "/assignments/\(plan.assignmentA)/report", form: "csrf=forged&done_on=2019-03-20&text=x", cookies: session)
            #expect(forged.status == 403)
            let future = try await post(api, "/assignments/\(plan.assignmentA)/report", form: "csrf=\(csrf)&done_on=2999-01-01&text=%D0%93%D0%BE%D1%82%D0%BE%D0%B2%D0%BE", cookies: session)
            #expect(future.status == 422)
            #expect(future.html.contains("не может быть позже"))
            let sent = try await post(api, "/assignments/\(plan.assignmentA)/report",
                                      form: "csrf=\(csrf)&done_on=2019-03-20&text=%D0%A1%D0%B5%D0%BC%D0%B8%D0%BD%D0%B0%D1%80+%D0%BF%D1%80%D0%BE%D0%B2%D0%B5%D0%B4%D1%91%D0%BD&evidence=https%3A%2F%2Fschool5.example%2Fnews",
                                      cookies: session)
            #expect(sent.status == 303, "\(sent.html)")
            let after = try await get(api, try #require(sent.headers[.location]), cookies: session)
            #expect(after.html.contains("Отчёт отправлен на проверку"))
            #expect(after.html.contains("Семинар проведён"))
            #expect(after.html.contains("на проверке"))
            #expect(!after.html.contains(#"action="/assignments/\#(plan.assignmentA)/report""#), "no second report while one waits")
            let other = try await post(api, "/assignments/\(plan.assignmentB)/report", form: "csrf=\(csrf)&done_on=2019-03-20&text=x", cookies: session)
            #expect(other.status == 404)
            #expect(try await api.call(.get, "/v1/assignments/\(plan.assignmentB)", token: fixture.coordinator).string("status") == "planned")
        }
    }
}
