import Foundation
import Hummingbird
import RoadmapDomain
import RoadmapStore

/// The outbox as administrators watch it: `/admin/notifications`.
extension WebController {
    func addOutboxRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/notifications") { request, _ in try await self.outboxPage(request) }
        router.post("/admin/notifications/retry") { request, _ in try await self.retryFailed(request) }
        router.post("/admin/notifications/settings") { request, _ in try await self.saveReminderSettings(request) }
    }

    struct ReminderSettingsForm: Decodable, CSRFCarrying {
        var csrf: String?
        var days_before: String?
        var overdue_every: String?
        var escalate_after: String?
    }

    func outboxPage(_ request: Request, notice: String? = nil, typed: ReminderSettingsForm? = nil, settingsError: String? = nil) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard AccessPolicy(live.principal).may(.sendNotifications) == .allowed else {
            throw Problem.forbidden("Only an administrator sees the outbox.").onPage(.administrationForbidden)
        }
        let overview = try await notifications.overview(actor: live.principal)
        let settings = try await notifications.settings()
        let formatter = Self.moments(in: clock.timeZone)
        func row(_ message: NotificationStore.Message) -> OutboxPage.Message {
            let (status, style) = Self.russian(status: message.status)
            return OutboxPage.Message(created: formatter.string(from: message.createdAt), recipient: message.recipient, subject: message.subject,
                                      status: status, statusClass: style, attempts: message.attempts, error: message.lastError)
        }
        let labels = [("queued", "В очереди"), ("sending", "Отправляются сейчас"), ("sent", "Отправлено"), ("held", "Ждут дайджеста"),
                      ("digested", "Ушли в дайджесте"), ("failed", "Не доставлено")]
        return try page(OutboxPage(
            user: await pageUser(live), csrf: live.csrfToken, notice: notice,
            counts: labels.map { OutboxPage.Count(label: $0.1, count: overview.counts[$0.0] ?? 0) }, reclaimed: overview.reclaimed,
            oldestQueued: overview.oldestQueuedAt.map(formatter.string(from:)), lastSent: overview.lastSentAt.map(formatter.string(from:)),
            failed: overview.failed.map(row), hasFailed: !overview.failed.isEmpty, latest: overview.latest.map(row),
            daysBefore: typed?.days_before ?? settings.rule.daysBefore.map(String.init).joined(separator: ", "),
            overdueEvery: typed?.overdue_every ?? String(settings.rule.overdueEvery),
            escalateAfter: typed?.escalate_after ?? String(settings.escalateAfter), settingsError: settingsError),
            status: settingsError == nil ? .ok : .unprocessableContent)
    }

    func saveReminderSettings(_ request: Request) async throws -> Response {
        guard let (live, form) = try await checkedForm(ReminderSettingsForm.self, request) else { return Self.redirect(to: "/login") }
        let days = (form.days_before ?? "").split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !days.isEmpty, days.allSatisfy({ $0 != nil }), let every = Int(form.overdue_every ?? ""), let escalate = Int(form.escalate_after ?? "") else {
            return try await outboxPage(request, typed: form, settingsError: PageText.reminderSettingsInvalid.russian)
        }
        do {
            _ = try await notifications.updateSettings(daysBefore: days.compactMap { $0 }, overdueEvery: every, escalateAfter: escalate,
                                                       actor: live.principal)
        } catch UseCaseError.invalid {
            return try await outboxPage(request, typed: form, settingsError: PageText.reminderSettingsInvalid.russian)
        }
        return try await outboxPage(request, notice: PageText.reminderSettingsSaved.russian)
    }

    func retryFailed(_ request: Request) async throws -> Response {
        guard let (live, _) = try await checkedForm(ReasonForm.self, request) else { return Self.redirect(to: "/login") }
        let count = try await notifications.retryFailed(actor: live.principal)
        return try await outboxPage(request, notice: PageText.outboxRetried.russian + " \(count).")
    }
}
