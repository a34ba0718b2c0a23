import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import RoadmapDomain
import RoadmapStore

/// The web pages: sign-in and sign-out, «Мои сроки», and one assignment with its forms.
/// Server-rendered HTML in Russian from typed view models (`Pages/`), every sentence from
/// the `PageText` catalogue; every form works without JavaScript and carries a CSRF token;
/// a refused form comes back as typed with the error by its field. Handlers parse, call one
/// use case and render: the rules are the use cases'.
struct WebController: Sendable {
    let users: UserStore
    let sessions: SessionStore
    let assignments: AssignmentStore
    let dashboard: DashboardStore
    let overview: DashboardStore
    let organizations: OrganizationStore
    let organizationMerge: OrganizationMerge
    let organizationLists: OrganizationListStore
    let userImport: UserImport
    let orders: OrderStore
    let plans: PlanStore
    let orderBoards: OrderBoardStore
    let orderMatrices: OrderMatrixStore
    let executionSummaries: ExecutionSummaryStore
    let discipline: DisciplineStore
    let organizationOverviews: OrganizationOverviewStore
    let progress: ProgressStore
    let orderStates: OrderStateStore
    let publication: PublicationStore
    let orderHistories: OrderHistoryStore
    let reports: ReportStore
    let evidence: EvidenceStore
    let extensions: ExtensionStore
    let deadlines: DeadlineMoveStore
    let withdrawals: WithdrawalStore
    let events: EventStore
    let searches: SearchStore
    let calendars: CalendarFeedStore
    let notifications: NotificationStore
    let workdays: WorkingCalendarStore
    let imports: ImportStore
    let uploads: UploadStore
    let clock: CommitteeClock
    let pages: MustacheLibrary
    let cookies: SessionCookies
    /// The service's public address (`serve --public-url`), for links that leave the page.
    let publicURL: URL?
    /// Failed sign-ins per client address, across accounts: one address cannot try
    /// password after password on every login. In memory and per instance: it protects
    /// this process; the per-account lock is in the database.
    let signInFailures: RateLimiter

    init(useCases: UseCases, cookies: SessionCookies = SessionCookies(publicURL: nil), publicURL: URL? = nil,
         limits: APILimits = APILimits()) throws {
        users = useCases.users
        sessions = useCases.sessions
        assignments = useCases.assignments
        dashboard = useCases.dashboard
        overview = useCases.overview
        organizations = useCases.organizations
        organizationMerge = useCases.organizationMerge
        organizationLists = useCases.organizationLists
        userImport = useCases.userImport
        orders = useCases.orders
        plans = useCases.plans
        orderBoards = useCases.orderBoards
        orderMatrices = useCases.orderMatrices
        executionSummaries = useCases.executionSummaries
        discipline = useCases.discipline
        organizationOverviews = useCases.organizationOverviews
        progress = useCases.progress
        orderStates = useCases.orderStates
        publication = useCases.publication
        orderHistories = useCases.orderHistories
        reports = useCases.reports
        evidence = useCases.evidence
        extensions = useCases.extensions
        deadlines = useCases.deadlines
        notifications = useCases.notifications
        workdays = useCases.workdays
        withdrawals = useCases.withdrawals
        events = useCases.events
        searches = useCases.searches
        calendars = useCases.calendars
        imports = useCases.imports
        uploads = useCases.uploads
        clock = useCases.clock
        self.cookies = cookies
        self.publicURL = publicURL
        signInFailures = RateLimiter(rate: limits.signInFailuresPerAddress / max(1, limits.signInFailureWindowSeconds),
                                     burst: limits.signInFailuresPerAddress)
        HTMLEscaping.register()
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
            return try await self.assignmentPage(request, id: context.parameters.get("id") ?? "", notice: sent ? PageText.reportSent.russian : nil)
        }
        router.get("/files/{id}") { request, context in try await self.downloadFile(request, id: context.parameters.get("id") ?? "") }
        router.post("/assignments/{id}/report") { request, context in try await self.submitReport(request, id: context.parameters.get("id") ?? "") }
        router.post("/assignments/{id}/extension") { request, context in
            try await self.requestExtension(request, id: context.parameters.get("id") ?? "")
        }
        router.post("/assignments/{id}/deadline") { request, context in
            try await self.moveDeadline(request, id: context.parameters.get("id") ?? "")
        }
        addCommitteeRoutes(to: router)
        addPublicRoutes(to: router)
        addOrganizationRoutes(to: router)
        addImportRoutes(to: router)
        addAdminRoutes(to: router)
        addPlanEditorRoutes(to: router)
        addCalendarRoutes(to: router)
        addNotificationRoutes(to: router)
        addOutboxRoutes(to: router)
        addWorkdaysRoutes(to: router)
    }

    /// A form whose CSRF token is missing or not the session's: forged, or from an old page.
    static let staleForm = Problem.forbidden("The form is stale or was not sent from this site.").onPage(.staleForm)

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

    /// What the header of every page shows of the signed-in user.
    func pageUser(_ live: SessionStore.Live) async -> PageUser {
        var organizationName: String?
        if let organizationID = live.principal.organizationID {
            organizationName = try? await organizations.get(organizationID, scope: live.principal).name
        }
        return PageUser(live, organization: organizationName)
    }

    /// Error pages with the menu of whoever is signed in.
    var errorPages: ErrorPages {
        ErrorPages { problem, request, requestID in
            let live = try? await signedIn(request)
            let user = await live.asyncMap { await pageUser($0) }
            let heading = PageText.heading(status: Int(problem.status.code))
            let model = ErrorPage(
                title: heading, user: user, heading: heading, message: problem.russianMessage,
                requestID: problem.status.code >= 500 ? requestID : nil)
            var response = (try? page(model, status: problem.status)) ?? problem.page(requestID: requestID)
            for field in problem.headers where field.name != .contentType { response.headers.append(field) }
            return response
        }
    }

    // MARK: Sign-in

    struct LoginForm: Decodable, CSRFCarrying {
        var login: String?
        var password: String?
        var csrf: String?
    }

    func loginPage(_ request: Request, error: PageText? = nil, login: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        if error == nil, let token = request.cookies[cookies.sessionName]?.value, try await sessions.session(token: token) != nil {
            return Self.redirect(to: "/")
        }
        // The form token is bound to a pre-session kept by the server, not merely echoed
        // from a cookie, so nobody can sign a browser in to an account of their choosing.
        let challenge = try await sessions.openSignIn()
        var response = try page(LoginPage(csrf: challenge.csrfToken, login: login ?? "", error: error?.russian), status: status)
        response.setCookie(cookies.signIn(challenge.token, maxAge: SessionStore.signInMinutes * 60))
        return response
    }

    func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await Self.form(LoginForm.self, request)
        guard let csrf = form.csrf, let challenge = request.cookies[cookies.signInName]?.value,
              try await sessions.redeemSignIn(token: challenge, csrf: csrf) else {
            return try await loginPage(request, error: .signInStale, login: form.login, status: .forbidden)
        }
        guard let login = form.login?.trimmingCharacters(in: .whitespaces), !login.isEmpty, let password = form.password, !password.isEmpty else {
            return try await loginPage(request, error: .signInEmpty, login: form.login, status: .unprocessableContent)
        }
        let address = context.clientKey
        if signInFailures.isExhausted(address) != nil {
            return try await loginPage(request, error: .signInThrottled, login: login, status: .tooManyRequests)
        }
        switch try await users.signIn(login: login, password: password, address: address) {
        case .refused:
            _ = signInFailures.take(address)
            return try await loginPage(request, error: .signInRefused, login: login, status: .unauthorized)
        case .locked:
            _ = signInFailures.take(address)
            return try await loginPage(request, error: .signInLocked, login: login, status: .tooManyRequests)
        case .signedIn(let principal):
            let opened = try await sessions.open(for: principal)
            var response = Self.redirect(to: "/")
            response.setCookie(cookies.session(opened.token, maxAge: SessionStore.lifetimeHours * 3600))
            response.setCookie(cookies.clearedSignIn())
            context.logger.info("signed in", metadata: ["user_id": "\(principal.userID.lowercased)"])
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
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        let principal = live.principal
        let today = clock.today()
        var school: HomePage.School?
        var committee: HomePage.Committee?
        if principal.role == .executor {
            let mine = try await assignments.schoolDeadlines(asOf: today, scope: principal)
            func row(_ item: AssignmentRecord) -> HomePage.Row {
                HomePage.Row(
                    id: item.id.lowercased, due: item.dueOn?.russian ?? "без срока", title: item.actionTitle,
                    status: Self.statusName(item), late: item.dueOn.map { RussianPlural.days($0.days(until: today)) } ?? "",
                    left: item.dueOn.map { RussianPlural.days(today.days(until: $0)) } ?? "", overdue: item.overdue)
            }
            func more(_ shown: Int, of count: Int) -> String? {
                count > shown ? "Показаны \(shown) с самым ранним сроком из \(count); остальные — на страницах приказов." : nil
            }
            school = HomePage.School(
                overdueCount: mine.overdueCount, hasOverdue: mine.overdueCount > 0, overdue: mine.overdue.map(row),
                overdueMore: more(mine.overdue.count, of: mine.overdueCount),
                soonCount: mine.soonCount, hasSoon: mine.soonCount > 0, soon: mine.soon.map(row),
                soonMore: more(mine.soon.count, of: mine.soonCount),
                returnedCount: mine.returnedCount, hasReturned: mine.returnedCount > 0, returned: mine.returned.map(row),
                returnedMore: more(mine.returned.count, of: mine.returnedCount),
                openCount: mine.openCount, hasOpen: mine.openCount > 0, open: mine.open.map(row),
                openMore: mine.openCount > mine.open.count, openShown: mine.open.count)
        } else {
            let waiting = try await dashboard.waitingReports(scope: principal)
            let schools = try await dashboard.overdueBySchool(asOf: today, scope: principal)
            let rows = waitingRows(waiting)
            committee = HomePage.Committee(
                waitingCount: waiting.count, hasWaiting: !waiting.isEmpty, waiting: rows,
                hasSchools: !schools.isEmpty, schools: schools.map(Self.overdueSchool))
        }
        return try page(HomePage(user: await pageUser(live), today: today.russian, school: school, committee: committee))
    }

    /// «30.11.2026 17:01»: a moment as the pages show it, in the committee's time zone.
    static func moments(in timeZone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.dateFormat = "dd.MM.yyyy HH:mm"
        formatter.timeZone = timeZone
        return formatter
    }

    func waitingRows(_ reports: [DashboardStore.WaitingReport]) -> [HomePage.WaitingReport] {
        let formatter = Self.moments(in: clock.timeZone)
        return reports.map { report in
            HomePage.WaitingReport(
                submitted: formatter.string(from: report.submittedAt), executor: report.executorName, title: report.actionTitle,
                doneOn: report.doneOn.russian)
        }
    }

    static func overdueSchool(_ school: DashboardStore.OverdueSchool) -> HomePage.OverdueSchool {
        HomePage.OverdueSchool(name: school.executorName, href: organizationHref(school.executorID), overdue: actionsCount(school.overdue))
    }

    /// «в работе» or «в работе, просрочено».
    static func statusName(_ item: AssignmentRecord) -> String {
        item.overdue ? "\(item.status.russianName), \(AssignmentStatus.overdueRussianName)" : item.status.russianName
    }

    // MARK: An assignment: its facts, the report form, the reports so far

    func assignmentPage(_ request: Request, id: String, notice: String? = nil, error: String? = nil,
                        report: AssignmentPage.ReportInput = .init(), extensionRequest: AssignmentPage.DeadlineInput = .init(),
                        move: AssignmentPage.DeadlineInput = .init(), status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard let assignmentID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "assignment", id: id) }
        let today = clock.today()
        // The store answers "not found" for another organisation's work, whatever the URL.
        let record = try await assignments.get(assignmentID, asOf: today, scope: live.principal)
        let reports = try await reports.list(assignmentID: assignmentID, scope: live.principal)
        let files = try await evidence.list(reportIDs: reports.map(\.id), scope: live.principal)
        let policy = AccessPolicy(live.principal)
        let canReport = policy.may(.submitReport, ownedBy: record.executorID) == .allowed && record.status.allows(.submitReport)
        // The committee moves a deadline itself; only a school asks for it.
        let canMove = policy.may(.moveDeadline, ownedBy: record.executorID) == .allowed && !record.status.isClosed && record.dueOn != nil
        let canExtend = policy.may(.requestExtension, ownedBy: record.executorID) == .allowed && !record.status.isClosed
            && record.dueOn != nil && !canMove
        let mayPublish = policy.may(.publishProgress) == .allowed
        let moves = try await events.list(entityType: "assignment", entityID: assignmentID, limit: 200, cursor: nil, scope: live.principal)
            .items.filter { $0.event == "deadline_moved" }
            .map { Self.move($0, namesShown: live.principal.role.seesEverything, timeZone: clock.timeZone) }
        let model = AssignmentPage(
            title: record.actionTitle, user: await pageUser(live), csrf: live.csrfToken, id: record.id.lowercased,
            executor: record.executorName, deadline: record.deadlineText, due: record.dueOn?.russian ?? "без срока",
            moved: record.originalDueOn != nil && record.originalDueOn != record.dueOn, original: record.originalDueOn?.russian ?? "",
            status: Self.statusName(record), overdue: record.overdue, canReport: canReport, canExtend: canExtend, canMove: canMove,
            todayISO: today.iso, extendMin: (record.dueOn?.adding(days: 1) ?? today).iso, notice: notice, error: error,
            hasReports: !reports.isEmpty,
            reports: reports.map { report in
                let attached = (files[report.id] ?? []).map(Self.evidenceFile)
                return AssignmentPage.Report(
                    doneOn: report.doneOn.russian, text: report.text, status: report.status.russianName, comment: report.reviewComment ?? "",
                    links: report.evidenceURLs, files: attached, hasEvidence: !attached.isEmpty || !report.evidenceURLs.isEmpty,
                    publication: mayPublish && report.status == .accepted
                        ? AssignmentPage.ReportPublication(id: report.id.lowercased, isPublic: report.isPublic) : nil)
            },
            report: report, extensionRequest: extensionRequest, move: move, hasMoves: !moves.isEmpty, moves: moves,
            accept: EvidenceFileType.acceptedExtensions.map { ".\($0)" }.joined(separator: ","))
        return try page(model, status: status)
    }

    static func evidenceFile(_ record: EvidenceFileRecord) -> AssignmentPage.EvidenceFile {
        AssignmentPage.EvidenceFile(id: record.id.lowercased, name: record.fileName, size: Self.russianSize(record.sizeBytes))
    }

    /// «1,5 МБ», «300 КБ».
    static func russianSize(_ bytes: Int) -> String {
        EvidenceLimits.megabytes(bytes).replacingOccurrences(of: ".", with: ",")
            .replacingOccurrences(of: "MB", with: "МБ").replacingOccurrences(of: "KB", with: "КБ")
    }

    /// A file of a report's evidence, downloaded (never shown in the page) by whoever may read
    /// the report; anyone else is told there is no such file.
    func downloadFile(_ request: Request, id: String) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard let fileID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "file", id: id) }
        let file = try await evidence.download(fileID, scope: live.principal)
        return Response(
            status: .ok,
            headers: [.contentType: file.record.mediaType, .contentDisposition: ContentDisposition.attachment(file.record.fileName),
                      .cacheControl: "private, no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: file.content)))
    }

    /// One `deadline_moved` event as the history table shows it; a school sees the committee's
    /// role, not its staff's names.
    static func move(_ event: EventRecord, namesShown: Bool, timeZone: TimeZone) -> AssignmentPage.Move {
        struct Data: Decodable {
            var from: String?
            var to: String?
            var direct: String?
            var extension_id: String?
        }
        let data = (try? JSONDecoder().decode(Data.self, from: Foundation.Data(event.dataJSON.utf8))) ?? Data()
        let role = event.actorRole.flatMap(Role.init(rawValue:))
        let who = namesShown ? (event.actorName ?? (event.actorCommand != nil ? "администратор (командная строка)" : "—"))
            : (role == .executor ? "школа" : "комитет")
        let how = data.direct == "true" ? "решение комитета" : data.extension_id != nil ? "по запросу, одобрено" : "изменение плана"
        let formatter = Self.moments(in: timeZone)
        return AssignmentPage.Move(
            when: formatter.string(from: event.occurredAt), who: who,
            from: data.from.flatMap(CalendarDate.init(iso:))?.russian ?? "—", to: data.to.flatMap(CalendarDate.init(iso:))?.russian ?? "—",
            how: how, reason: event.reason ?? "")
    }

    /// The committee moves the due day itself (`DeadlineMoveStore`).
    func moveDeadline(_ request: Request, id: String) async throws -> Response {
        try await submitDeadline(request, id: id, form: .committeeMove) { assignmentID, dueOn, reason, actor in
            _ = try await deadlines.move(assignmentID: assignmentID, to: dueOn, reason: reason, ifVersion: nil, actor: actor)
        }
    }

    struct ReportForm: Decodable, CSRFCarrying {
        var csrf: String?
        var done_on: String?
        var text: String?
        var evidence: String?
    }

    /// The report form: `multipart/form-data` with its files (a browser's), or a plain form
    /// with links only.
    func submitReport(_ request: Request, id: String) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        let form: ReportForm
        var files: [EvidenceUpload] = []
        if request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true {
            switch try await checkedUpload(request, live: live) {
            case .success(let upload):
                form = ReportForm(csrf: upload.fields["csrf"], done_on: upload.fields["done_on"], text: upload.fields["text"],
                                  evidence: upload.fields["evidence"])
                // A file input left empty still sends a part, with no name and no bytes.
                files = upload.files.filter { $0.fieldName == "files" && !($0.fileName.isEmpty && $0.data.isEmpty) }
                    .map { EvidenceUpload(fileName: $0.fileName, content: $0.data) }
            case .failure:
                var typed = AssignmentPage.ReportInput()
                typed.filesError = PageText.reportFilesUnreadable.russian
                return try await assignmentPage(request, id: id, report: typed, status: .badRequest)
            }
        } else {
            guard let (_, plain) = try await checkedForm(ReportForm.self, request) else { return Self.redirect(to: "/login") }
            form = plain
        }
        guard let assignmentID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "assignment", id: id) }
        var typed = AssignmentPage.ReportInput(doneOn: form.done_on ?? "", text: form.text ?? "", evidence: form.evidence ?? "")
        guard let doneOn = CalendarDate(iso: typed.doneOn) else {
            typed.doneOnError = PageText.reportDoneOnMissing.russian
            return try await assignmentPage(request, id: id, report: typed, status: .unprocessableContent)
        }
        let links = typed.evidence.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            _ = try await reports.submit(
                assignmentID: assignmentID, ReportSubmission(doneOn: doneOn, text: typed.text, evidenceURLs: links), files: files,
                idempotencyKey: nil, actor: live.principal)
        } catch let refusal as EvidenceRefusal {
            typed.filesError = PageText.russian(evidence: refusal)
            return try await assignmentPage(request, id: id, report: typed, status: .unprocessableContent)
        } catch let error as UseCaseError {
            var message: String?
            switch error {
            case .notFound: throw error
            case .invalid("text", let reason): typed.textError = Self.textProblem(reason) ?? PageText.reportTextEmpty.russian
            case .invalid("done_on", _): typed.doneOnError = PageText.reportDoneOnFuture.russian
            case .invalid(let field, _) where field.hasPrefix("evidence_urls"): typed.evidenceError = PageText.reportEvidenceInvalid.russian
            case .conflict: message = PageText.reportNotNow.russian
            case .forbidden: message = PageText.reportForbidden.russian
            default: message = PageText.problem(type: Problem.from(error).type, status: Int(Problem.from(error).status.code))
            }
            return try await assignmentPage(request, id: id, error: message, report: typed, status: .unprocessableContent)
        }
        return Self.redirect(to: "/assignments/\(assignmentID.lowercased)?sent=1")
    }

    /// A new due date and its reason: the school's extension request and the committee's move.
    struct DeadlineForm: Decodable, CSRFCarrying {
        var csrf: String?
        var due_on: String?
        var reason: String?
    }

    func requestExtension(_ request: Request, id: String) async throws -> Response {
        try await submitDeadline(request, id: id, form: .extensionRequest) { assignmentID, dueOn, reason, actor in
            _ = try await extensions.request(assignmentID: assignmentID, dueOn: dueOn, reason: reason, actor: actor)
        }
    }

    /// Which of the assignment page's two date-and-reason forms was sent, and its words.
    enum DeadlineFormKind {
        case extensionRequest, committeeMove

        var dueMissing: PageText { self == .committeeMove ? .moveDueMissing : .extensionDueMissing }
        var dueRefused: PageText { self == .committeeMove ? .moveDueSame : .extensionDueTooEarly }
        var reasonEmpty: PageText { self == .committeeMove ? .moveReasonEmpty : .extensionReasonEmpty }
        var notNow: PageText { self == .committeeMove ? .moveNotNow : .extensionNotNow }
        var done: PageText { self == .committeeMove ? .moveDone : .extensionSent }
    }

    /// A new due date with its reason: `act` runs the use case; a refusal comes back on the
    /// page with what was typed and the error by its field.
    func submitDeadline(
        _ request: Request, id: String, form kind: DeadlineFormKind,
        act: (UUID, CalendarDate, String, Principal) async throws -> Void
    ) async throws -> Response {
        guard let (live, form) = try await checkedForm(DeadlineForm.self, request) else { return Self.redirect(to: "/login") }
        guard let assignmentID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "assignment", id: id) }
        var typed = AssignmentPage.DeadlineInput(dueOn: form.due_on ?? "", reason: form.reason ?? "")
        func refused(_ message: String?) async throws -> Response {
            kind == .committeeMove
                ? try await assignmentPage(request, id: id, error: message, move: typed, status: .unprocessableContent)
                : try await assignmentPage(request, id: id, error: message, extensionRequest: typed, status: .unprocessableContent)
        }
        guard let dueOn = CalendarDate(iso: typed.dueOn) else {
            typed.dueOnError = kind.dueMissing.russian
            return try await refused(nil)
        }
        do {
            try await act(assignmentID, dueOn, typed.reason, live.principal)
        } catch let error as UseCaseError {
            var message: String?
            switch error {
            case .notFound: throw error
            case .invalid("reason", let reason): typed.reasonError = Self.textProblem(reason) ?? kind.reasonEmpty.russian
            case .invalid("due_on", _): typed.dueOnError = kind.dueRefused.russian
            case .conflict: message = kind.notNow.russian
            default: message = PageText.problem(type: Problem.from(error).type, status: Int(Problem.from(error).status.code))
            }
            return try await refused(message)
        }
        return try await assignmentPage(request, id: id, notice: kind.done.russian)
    }

    /// The catalogue's words when a text was refused for its characters (the use case's
    /// reason names a control character); nil for any other reason.
    static func textProblem(_ reason: String) -> String? {
        reason.contains("U+") ? PageText.textControlCharacters.russian : nil
    }

    // MARK: Helpers

    /// Renders `model` with its template.
    func page<Model: PageModel>(_ model: Model, status: HTTPResponse.Status = .ok) throws -> Response {
        guard let html = pages.render(MustacheFields(model), withTemplate: Model.template) else {
            throw Problem.internalError(requestID: "template \(Model.template)")
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
            throw Problem.badRequest("The form could not be read.").onPage(.unreadableForm)
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

extension Optional {
    /// `map` with an asynchronous transform.
    func asyncMap<T>(_ transform: (Wrapped) async -> T) async -> T? {
        guard let self else { return nil }
        return await transform(self)
    }
}
