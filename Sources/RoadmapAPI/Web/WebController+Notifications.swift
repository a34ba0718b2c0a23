import Foundation
import Hummingbird
import RoadmapDomain
import RoadmapStore

/// «Уведомления»: one's address, how each kind of message comes, the latest messages; and
/// the one-click unsubscribe that every e-mail links to, which needs no sign-in.
extension WebController {
    func addNotificationRoutes(to router: Router<AppRequestContext>) {
        router.get("/notifications") { request, _ in try await self.notificationsPage(request) }
        router.post("/notifications") { request, _ in try await self.savePreferences(request) }
        router.post("/notifications/email") { request, _ in try await self.saveEmail(request) }
        router.get("/unsubscribe/{token}") { request, context in
            try await self.unsubscribePage(request, token: context.parameters.get("token") ?? "", confirm: false)
        }
        router.post("/unsubscribe/{token}") { request, context in
            try await self.unsubscribePage(request, token: context.parameters.get("token") ?? "", confirm: true)
        }
    }

    struct PreferencesForm: Decodable, CSRFCarrying {
        var csrf: String?
        var due_soon: String?
        var overdue: String?
        var report_returned: String?
        var report_accepted: String?
        var extension_decided: String?
        var new_work: String?
        var review_digest: String?
        var escalation: String?

        var modes: [NotificationKind: String] {
            [.dueSoon: due_soon, .overdue: overdue, .reportReturned: report_returned, .reportAccepted: report_accepted,
             .extensionDecided: extension_decided, .newWork: new_work, .reviewDigest: review_digest, .escalation: escalation]
                .compactMapValues { $0 }
        }
    }

    struct EmailForm: Decodable, CSRFCarrying {
        var csrf: String?
        var email: String?
    }

    /// The kinds a role hears of: a school's executors its own work; coordinators and
    /// administrators their day and escalations; a viewer none.
    static func kinds(for role: Role) -> [NotificationKind] {
        switch role {
        case .executor: NotificationKind.choosable.filter(\.isForExecutors)
        case .coordinator, .admin: NotificationKind.choosable.filter { !$0.isForExecutors }
        case .viewer: []
        }
    }

    func notificationsPage(_ request: Request, notice: String? = nil, email typed: String? = nil, emailError: String? = nil) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        let principal = live.principal
        async let record = users.user(login: principal.login, scope: principal)
        async let modes = notifications.preferences(actor: principal)
        async let latest = notifications.inbox(limit: 50, actor: principal)
        let (me, chosen, messages) = try await (record, modes, latest)
        let formatter = Self.moments(in: clock.timeZone)
        let kinds = Self.kinds(for: principal.role).map { kind in
            let current = chosen[kind] ?? .now
            // The coordinator's digest is itself a daily letter: at once or not at all.
            let offered: [NotificationMode] = kind == .reviewDigest ? [.now, .off] : NotificationMode.allCases
            return NotificationsPage.Kind(field: kind.rawValue, label: kind.russian, options: offered.map {
                NotificationsPage.Option(value: $0.rawValue, label: kind == .reviewDigest && $0 == .now ? "Присылать" : $0.russian,
                                         checked: $0 == current)
            })
        }
        let rows = messages.map { message in
            let (status, style) = Self.russian(status: message.status)
            return NotificationsPage.Message(subject: message.subject, kind: message.kind.russian, created: formatter.string(from: message.createdAt),
                                             status: status, statusClass: style, text: message.text, link: message.linkPath)
        }
        let email = typed ?? me.email ?? ""
        return try page(NotificationsPage(
            user: await pageUser(live), csrf: live.csrfToken, notice: notice, email: email, emailError: emailError,
            hasEmail: me.email != nil, kinds: kinds, hasKinds: !kinds.isEmpty, messages: rows, hasMessages: !rows.isEmpty),
            status: emailError == nil ? .ok : .unprocessableContent)
    }

    static func russian(status: String) -> (String, String) {
        switch status {
        case "sent": ("отправлено", "ok")
        case "digested": ("в дайджесте", "ok")
        case "held": ("ждёт дайджеста", "new")
        case "failed": ("не доставлено", "bad")
        default: ("ждёт отправки", "new")
        }
    }

    func savePreferences(_ request: Request) async throws -> Response {
        guard let (live, form) = try await checkedForm(PreferencesForm.self, request) else { return Self.redirect(to: "/login") }
        let allowed = Set(Self.kinds(for: live.principal.role))
        var modes: [NotificationKind: NotificationMode] = [:]
        for (kind, value) in form.modes where allowed.contains(kind) {
            guard let mode = NotificationMode(rawValue: value) else { throw Problem.badRequest("Unknown choice «\(value)» for \(kind.rawValue).") }
            modes[kind] = mode
        }
        try await notifications.setPreferences(modes, actor: live.principal)
        return try await notificationsPage(request, notice: PageText.preferencesSaved.russian)
    }

    func saveEmail(_ request: Request) async throws -> Response {
        guard let (live, form) = try await checkedForm(EmailForm.self, request) else { return Self.redirect(to: "/login") }
        do {
            _ = try await users.setEmail(login: live.principal.login, form.email, actor: live.principal)
        } catch UseCaseError.invalid(field: "email", _) {
            return try await notificationsPage(request, email: form.email ?? "", emailError: PageText.emailInvalid.russian)
        }
        let saved = (form.email ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? PageText.emailRemoved : PageText.emailSaved
        return try await notificationsPage(request, notice: saved.russian)
    }

    /// GET shows what the link stops; POST (the button, or a mail program's one-click
    /// request) stops it. An unknown link is «not found».
    func unsubscribePage(_ request: Request, token: String, confirm: Bool) async throws -> Response {
        let found = confirm ? try await notifications.unsubscribe(token: token) : try await notifications.subscription(token: token)
        guard let found else { throw Problem.notFound("This unsubscribe link is unknown.") }
        let live = try await signedIn(request)
        let user: PageUser? = if let live { await pageUser(live) } else { nil }
        return try page(UnsubscribePage(user: user, csrf: live?.csrfToken ?? "", token: token, kind: found.kind.russian,
                                        recipient: found.recipient, done: confirm || found.isOff))
    }
}
