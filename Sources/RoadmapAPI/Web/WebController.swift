import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import RoadmapDomain
import RoadmapStore

/// The web pages: sign-in and sign-out, and «Мои сроки», the first screen after sign-in.
/// Server-rendered HTML in Russian; every form works without JavaScript and carries a
/// CSRF token; sessions live in HttpOnly, SameSite=Lax cookies.
struct WebController: Sendable {
    let users: UserStore
    let sessions: SessionStore
    let assignments: AssignmentStore
    let dashboard: DashboardStore
    let organizations: OrganizationStore
    let orders: OrderStore
    let plans: PlanStore
    let reports: ReportStore
    let extensions: ExtensionStore
    let imports: ImportStore
    let uploads: UploadStore
    let clock: CommitteeClock
    let pages: MustacheLibrary
    let cookies: SessionCookies
    /// Failed sign-ins per client address, across accounts: one address cannot try
    /// password after password on every login. In memory and per instance: it protects
    /// this process; the per-account lock is in the database.
    let signInFailures: RateLimiter

    init(database: Database, clock: CommitteeClock, cookies: SessionCookies = SessionCookies(publicURL: nil),
         signInFailuresPerAddress: Double = 20) throws {
        users = UserStore(database: database)
        sessions = SessionStore(database: database)
        assignments = AssignmentStore(database: database)
        dashboard = DashboardStore(database: database)
        organizations = OrganizationStore(database: database)
        orders = OrderStore(database: database)
        plans = PlanStore(database: database)
        reports = ReportStore(database: database, clock: clock)
        extensions = ExtensionStore(database: database, clock: clock)
        imports = ImportStore(database: database)
        uploads = UploadStore(database: database)
        self.clock = clock
        self.cookies = cookies
        signInFailures = RateLimiter(rate: signInFailuresPerAddress / 900, burst: signInFailuresPerAddress)
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in EmbeddedAssets.files where name.hasSuffix(".mustache") {
            templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
        }
        pages = MustacheLibrary(templates: templates)
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/static/app.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: EmbeddedAssets.files["app.css"] ?? "")))
        }
        router.get("/login") { request, _ in try await self.loginPage(request) }
        router.post("/login") { request, context in try await self.login(request, context: context) }
        router.post("/logout") { request, _ in try await self.logout(request) }
        router.get("/") { request, _ in try await self.home(request) }
        router.get("/assignments/{id}") { request, context in
            let sent = request.uri.queryParameters["sent"] != nil
            return try await self.assignmentPage(request, id: context.parameters.get("id") ?? "", notice: sent ? "Отчёт отправлен на проверку." : nil)
        }
        router.post("/assignments/{id}/report") { request, context in try await self.submitReport(request, id: context.parameters.get("id") ?? "") }
        router.post("/assignments/{id}/extension") { request, context in
            try await self.requestExtension(request, id: context.parameters.get("id") ?? "")
        }
        addCommitteeRoutes(to: router)
        addImportRoutes(to: router)
        addAdminRoutes(to: router)
    }

    /// A form whose CSRF token is missing or not the session's: forged, or from an old page.
    /// The pages' problems speak Russian: only browsers reach these routes.
    static let staleForm = Problem.forbidden("Форма устарела или отправлена не с нашей страницы. Обновите страницу и повторите.")

    /// The live session of the request's cookie, or nil (the caller redirects to /login).
    func signedIn(_ request: Request) async throws -> SessionStore.Live? {
        guard let token = request.cookies[cookies.sessionName]?.value else { return nil }
        return try await sessions.session(token: token)
    }

    /// The session, after checking the form token its form sent back.
    func checkedForm<Form: Decodable & CSRFCarrying>(_ type: Form.Type, _ request: Request) async throws -> (SessionStore.Live, Form)? {
        guard let live = try await signedIn(request) else { return nil }
        let form = try await Self.form(Form.self, request)
        guard let csrf = form.csrf, Self.same(csrf, live.csrfToken) else { throw Self.staleForm }
        return (live, form)
    }

    /// What the header of every page shows of the signed-in user, and which menu items.
    func userContext(_ live: SessionStore.Live) async -> [String: Any] {
        let principal = live.principal
        var organizationName: String?
        if let organizationID = principal.organizationID {
            organizationName = try? await organizations.get(organizationID).name
        }
        let policy = AccessPolicy(principal)
        var context: [String: Any] = [
            "login": principal.login, "csrf": live.csrfToken,
            "committee": principal.role.seesEverything,
            "mayReview": policy.may(.reviewReport) == .allowed,
            "mayImport": policy.may(.managePlans) == .allowed,
            "admin": principal.role == .admin,
        ]
        // Absent rather than nil: Mustache would print «nil».
        if let organizationName { context["organization"] = organizationName }
        return context
    }

    // MARK: Sign-in

    struct LoginForm: Decodable, CSRFCarrying {
        var login: String?
        var password: String?
        var csrf: String?
    }

    func loginPage(_ request: Request, error: String? = nil, login: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        if error == nil, let token = request.cookies[cookies.sessionName]?.value, try await sessions.session(token: token) != nil {
            return Self.redirect(to: "/")
        }
        // The form token is bound to a pre-session kept by the server, not merely echoed
        // from a cookie, so nobody can sign a browser in to an account of their choosing.
        let challenge = try await sessions.openSignIn()
        var response = try page("login", ["title": "Вход", "csrf": challenge.csrfToken, "error": error as Any, "login": login ?? ""], status: status)
        response.setCookie(cookies.signIn(challenge.token, maxAge: SessionStore.signInMinutes * 60))
        return response
    }

    func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await Self.form(LoginForm.self, request)
        guard let csrf = form.csrf, let challenge = request.cookies[cookies.signInName]?.value,
              try await sessions.redeemSignIn(token: challenge, csrf: csrf) else {
            return try await loginPage(request, error: "Форма устарела. Войдите ещё раз.", login: form.login, status: .forbidden)
        }
        guard let login = form.login?.trimmingCharacters(in: .whitespaces), !login.isEmpty, let password = form.password, !password.isEmpty else {
            return try await loginPage(request, error: "Введите имя пользователя и пароль.", login: form.login, status: .unprocessableContent)
        }
        let address = context.clientKey
        if let wait = signInFailures.isExhausted(address) {
            let minutes = max(1, Int((Double(wait.components.seconds) / 60).rounded(.up)))
            let unit = RussianPlural.form(minutes, one: "минуту", few: "минуты", many: "минут")
            return try await loginPage(
                request, error: "Слишком много неудачных попыток входа с этого адреса; попробуйте через \(minutes) \(unit).",
                login: login, status: .tooManyRequests)
        }
        switch try await users.signIn(login: login, password: password, address: address) {
        case .refused:
            _ = signInFailures.take(address)
            return try await loginPage(request, error: "Неверное имя пользователя или пароль.", login: login, status: .unauthorized)
        case .locked(let until):
            _ = signInFailures.take(address)
            let minutes = max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up)))
            let form = RussianPlural.form(minutes, one: "минуту", few: "минуты", many: "минут")
            return try await loginPage(
                request, error: "Слишком много неудачных попыток входа. Учётная запись заблокирована; попробуйте через \(minutes) \(form).",
                login: login, status: .tooManyRequests)
        case .signedIn(let principal):
            let opened = try await sessions.open(for: principal)
            var response = Self.redirect(to: "/")
            response.setCookie(cookies.session(opened.token, maxAge: SessionStore.lifetimeHours * 3600))
            response.setCookie(cookies.clearedSignIn())
            context.logger.info("signed in", metadata: ["user_id": "\(principal.userID.uuidString.lowercased())"])
            return response
        }
    }

    struct CSRFForm: Decodable, CSRFCarrying {
        var csrf: String?
    }

    func logout(_ request: Request) async throws -> Response {
        guard let token = request.cookies[cookies.sessionName]?.value, let live = try await sessions.session(token: token) else {
            return Self.redirect(to: "/login")
        }
        let form = try await Self.form(CSRFForm.self, request)
        guard let csrf = form.csrf, Self.same(csrf, live.csrfToken) else { throw Self.staleForm }
        try await sessions.close(token: token)
        var response = Self.redirect(to: "/login")
        response.setCookie(cookies.clearedSession())
        return response
    }

    // MARK: «Мои сроки»

    func home(_ request: Request) async throws -> Response {
        guard let token = request.cookies[cookies.sessionName]?.value, let live = try await sessions.session(token: token) else {
            return Self.redirect(to: "/login")
        }
        let principal = live.principal
        let today = clock.today()
        var context: [String: Any] = ["title": "Мои сроки", "today": today.russian]
        context["user"] = await userContext(live)
        if principal.role == .executor {
            // One read of the school's own work; each list below is a view of it.
            let mine = try await Page.all { try await assignments.list(AssignmentFilter(), asOf: today, limit: 500, cursor: $0, scope: principal) }
            let open = mine.filter { !$0.status.isClosed }
                .sorted { ($0.overdue ? 0 : 1, $0.dueOn?.daysSinceEpoch ?? .max) < ($1.overdue ? 0 : 1, $1.dueOn?.daysSinceEpoch ?? .max) }
            let overdue = open.filter(\.overdue)
            let weekAhead: CalendarDate = today.adding(days: 7) ?? today
            let soon: [AssignmentRecord] = open.filter { (item: AssignmentRecord) -> Bool in
                guard !item.overdue, let due = item.dueOn else { return false }
                return due >= today && due <= weekAhead
            }
            let returned = open.filter { $0.status == .returned }
            context["school"] = [
                "overdueCount": overdue.count, "hasOverdue": !overdue.isEmpty,
                "overdue": overdue.map { item in
                    ["id": item.id.uuidString.lowercased(), "due": item.dueOn?.russian ?? "", "title": item.actionTitle, "status": item.status.russianName,
                     "late": item.dueOn.map { RussianPlural.days($0.days(until: today)) } ?? ""]
                },
                "soonCount": soon.count, "hasSoon": !soon.isEmpty,
                "soon": soon.map { item in
                    ["id": item.id.uuidString.lowercased(), "due": item.dueOn?.russian ?? "", "title": item.actionTitle, "status": item.status.russianName,
                     "left": item.dueOn.map { RussianPlural.days(today.days(until: $0)) } ?? ""]
                },
                "returnedCount": returned.count, "hasReturned": !returned.isEmpty,
                "returned": returned.map { ["id": $0.id.uuidString.lowercased(), "due": $0.dueOn?.russian ?? "", "title": $0.actionTitle] },
                "openCount": open.count, "hasOpen": !open.isEmpty,
                "open": open.map { item in
                    ["id": item.id.uuidString.lowercased(), "due": item.dueOn?.russian ?? "без срока", "title": item.actionTitle,
                     "status": item.overdue ? "\(item.status.russianName), \(AssignmentStatus.overdueRussianName)" : item.status.russianName,
                     "overdue": item.overdue] as [String: Any]
                },
            ] as [String: Any]
        } else {
            let waiting = try await dashboard.waitingReports(scope: principal)
            let schools = try await dashboard.overdueBySchool(asOf: today, scope: principal)
            let formatter = DateFormatter()
            formatter.dateFormat = "dd.MM.yyyy HH:mm"
            formatter.timeZone = clock.timeZone
            context["committee"] = [
                "waitingCount": waiting.count, "hasWaiting": !waiting.isEmpty,
                "waiting": waiting.map { report in
                    ["submitted": formatter.string(from: report.submittedAt), "executor": report.executorName,
                     "title": report.actionTitle, "doneOn": report.doneOn.russian]
                },
                "hasSchools": !schools.isEmpty,
                "schools": schools.map { ["name": $0.executorName, "overdue": RussianPlural.form($0.overdue, one: "\($0.overdue) мероприятие", few: "\($0.overdue) мероприятия", many: "\($0.overdue) мероприятий")] },
            ] as [String: Any]
        }
        return try page("home", context)
    }

    // MARK: An assignment: its facts, the report form, the reports so far

    func assignmentPage(_ request: Request, id: String, notice: String? = nil, error: String? = nil,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let token = request.cookies[cookies.sessionName]?.value, let live = try await sessions.session(token: token) else {
            return Self.redirect(to: "/login")
        }
        guard let assignmentID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "assignment", id: id) }
        let today = clock.today()
        // The store answers "not found" for another organisation's work, whatever the URL.
        let record = try await assignments.get(assignmentID, asOf: today, scope: live.principal)
        let reports = try await reports.list(assignmentID: assignmentID, scope: live.principal)
        let statusName = record.overdue ? "\(record.status.russianName), \(AssignmentStatus.overdueRussianName)" : record.status.russianName
        let policy = AccessPolicy(live.principal)
        let canReport = policy.may(.submitReport, ownedBy: record.executorID) == .allowed && record.status.allows(.submitReport)
        let canExtend = policy.may(.requestExtension, ownedBy: record.executorID) == .allowed && !record.status.isClosed
            && record.dueOn != nil
        let context: [String: Any] = [
            "title": record.actionTitle, "id": record.id.uuidString.lowercased(), "executor": record.executorName,
            "deadline": record.deadlineText, "due": record.dueOn?.russian ?? "без срока",
            "moved": record.originalDueOn != nil && record.originalDueOn != record.dueOn, "original": record.originalDueOn?.russian ?? "",
            "status": statusName, "overdue": record.overdue, "canReport": canReport, "todayISO": today.iso,
            "canExtend": canExtend, "extendMin": (record.dueOn?.adding(days: 1) ?? today).iso,
            "notice": notice as Any, "error": error as Any,
            "hasReports": !reports.isEmpty,
            "reports": reports.map { report in
                ["doneOn": report.doneOn.russian, "text": report.text, "status": report.status.russianName,
                 "comment": report.reviewComment ?? ""]
            },
            "user": await userContext(live), "csrf": live.csrfToken,
        ]
        return try page("assignment", context, status: status)
    }

    struct ReportForm: Decodable, CSRFCarrying {
        var csrf: String?
        var done_on: String?
        var text: String?
        var evidence: String?
    }

    func submitReport(_ request: Request, id: String) async throws -> Response {
        guard let (live, form) = try await checkedForm(ReportForm.self, request) else { return Self.redirect(to: "/login") }
        guard let assignmentID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "assignment", id: id) }
        guard let doneText = form.done_on, let doneOn = CalendarDate(iso: doneText) else {
            return try await assignmentPage(request, id: id, error: "Укажите дату выполнения.", status: .unprocessableContent)
        }
        let links = (form.evidence ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            _ = try await reports.submit(
                assignmentID: assignmentID, ReportSubmission(doneOn: doneOn, text: form.text ?? "", evidenceURLs: links),
                idempotencyKey: nil, actor: live.principal)
        } catch let error as UseCaseError {
            if case .notFound = error { throw error }
            return try await assignmentPage(request, id: id, error: Self.russian(error), status: .unprocessableContent)
        }
        return Self.redirect(to: "/assignments/\(assignmentID.uuidString.lowercased())?sent=1")
    }

    struct ExtensionForm: Decodable, CSRFCarrying {
        var csrf: String?
        var due_on: String?
        var reason: String?
    }

    func requestExtension(_ request: Request, id: String) async throws -> Response {
        guard let (live, form) = try await checkedForm(ExtensionForm.self, request) else { return Self.redirect(to: "/login") }
        guard let assignmentID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "assignment", id: id) }
        guard let dueText = form.due_on, let dueOn = CalendarDate(iso: dueText) else {
            return try await assignmentPage(request, id: id, error: "Укажите новый срок.", status: .unprocessableContent)
        }
        do {
            _ = try await extensions.request(assignmentID: assignmentID, dueOn: dueOn, reason: form.reason ?? "", actor: live.principal)
        } catch let error as UseCaseError {
            if case .notFound = error { throw error }
            let message = switch error {
            case .invalid(let field, _) where field == "reason": "Объясните, почему нужен перенос срока."
            case .invalid(let field, _) where field == "due_on": "Новый срок должен быть позже нынешнего."
            case .conflict: "Запрос на перенос срока уже ждёт решения, или мероприятие закрыто."
            default: "Запрос не принят: \(error.description)"
            }
            return try await assignmentPage(request, id: id, error: message, status: .unprocessableContent)
        }
        return try await assignmentPage(request, id: id, notice: "Запрос на перенос срока отправлен в комитет.")
    }

    /// A refusal in words a school deputy reads.
    static func russian(_ error: UseCaseError) -> String {
        switch error {
        case .invalid(let field, _) where field == "text": "Опишите, что сделано."
        case .invalid(let field, _) where field == "done_on": "Дата выполнения не может быть позже сегодняшней."
        case .invalid(let field, _) where field.hasPrefix("evidence_urls"): "Ссылка на подтверждение должна начинаться с http:// или https://."
        case .conflict: "Отчёт сейчас отправить нельзя: он уже на проверке или мероприятие закрыто."
        case .forbidden: "Отправлять отчёт может только исполнитель."
        default: "Отчёт не принят: \(error.description)"
        }
    }

    // MARK: Helpers

    func page(_ name: String, _ context: [String: Any], status: HTTPResponse.Status = .ok) throws -> Response {
        guard let html = pages.render(context, withTemplate: name) else {
            throw Problem.internalError(requestID: "template \(name)")
        }
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                      .contentSecurityPolicy: "default-src 'self'; form-action 'self'; frame-ancestors 'none'"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func form<Form: Decodable>(_ type: Form.Type, _ request: Request) async throws -> Form {
        var request = request
        let buffer = try await request.collectBody(upTo: 64 * 1024)
        do {
            return try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: buffer))
        } catch {
            throw Problem.badRequest("Форма не прочитана: отправьте её ещё раз со страницы.")
        }
    }

    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// Compares secrets in time that does not depend on where they differ.
    static func same(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
