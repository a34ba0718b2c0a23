/// The outbox for administrators: how many messages wait, went out, failed or may have gone
/// twice, the oldest waiting, the failures with the server's words, and a button that
/// puts the failed back in the queue.
struct OutboxPage: PageModel {
    static let template = "outbox"
    let title = "Отправка уведомлений"
    let user: PageUser?
    let csrf: String
    let notice: String?
    let counts: [Count]
    let reclaimed: Int
    let oldestQueued: String?
    let lastSent: String?
    let failed: [Message]
    let hasFailed: Bool
    let latest: [Message]
    /// The committee's settings, as saved or as typed when refused.
    let daysBefore: String
    let overdueEvery: String
    let escalateAfter: String
    let settingsError: String?

    struct Count: Sendable {
        let label: String
        let count: Int
    }

    struct Message: Sendable {
        let created: String
        let recipient: String
        let subject: String
        let status: String
        let statusClass: String
        let attempts: Int
        let error: String?
    }
}
