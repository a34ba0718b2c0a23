import Foundation
import Hummingbird
import RoadmapDomain
import RoadmapStore

/// The outbox as administrators watch it: `/admin/notifications`.
extension WebController {
    func addOutboxRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/notifications") { request, _ in try await self.outboxPage(request) }
        router.post("/admin/notifications/retry") { request, _ in try await self.retryFailed(request) }
    }

    func outboxPage(_ request: Request, notice: String? = nil) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard AccessPolicy(live.principal).may(.sendNotifications) == .allowed else {
            throw Problem.forbidden("Only an administrator sees the outbox.").onPage(.administrationForbidden)
        }
        let overview = try await notifications.overview(actor: live.principal)
        let formatter = DateFormatter()
        formatter.dateFormat = "dd.MM.yyyy HH:mm"
        formatter.timeZone = clock.timeZone
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
            failed: overview.failed.map(row), hasFailed: !overview.failed.isEmpty, latest: overview.latest.map(row)))
    }

    func retryFailed(_ request: Request) async throws -> Response {
        guard let (live, _) = try await checkedForm(ReasonForm.self, request) else { return Self.redirect(to: "/login") }
        let count = try await notifications.retryFailed(actor: live.principal)
        return try await outboxPage(request, notice: PageText.outboxRetried.russian + " \(count).")
    }
}
