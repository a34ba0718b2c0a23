/// «Уведомления»: the user's address, how they get each kind of message, and the latest
/// messages written to them, sent or waiting (with no mail server, this page is where they
/// are read).
struct NotificationsPage: PageModel {
    static let template = "notifications"
    let title = "Уведомления"
    let user: PageUser?
    let csrf: String
    let notice: String?
    /// The address as saved, or as typed when refused.
    let email: String
    let emailError: String?
    let hasEmail: Bool
    let kinds: [Kind]
    let hasKinds: Bool
    let messages: [Message]
    let hasMessages: Bool

    struct Kind: Sendable {
        /// The form field: the kind's code.
        let field: String
        let label: String
        let options: [Option]
    }

    struct Option: Sendable {
        let value: String
        let label: String
        let checked: Bool
    }

    struct Message: Sendable {
        let subject: String
        let kind: String
        let created: String
        let status: String
        /// A CSS class for the status: ok, waiting, failed.
        let statusClass: String
        let text: String
        let link: String?
    }
}

/// The one-click unsubscribe page: what the link stops, a button to stop it (GET changes
/// nothing; mail programs POST to the same address, RFC 8058), and the result.
struct UnsubscribePage: PageModel {
    static let template = "unsubscribe"
    let title = "Отписка от уведомлений"
    let user: PageUser?
    let csrf: String
    let token: String
    let kind: String
    let recipient: String
    let done: Bool
}
