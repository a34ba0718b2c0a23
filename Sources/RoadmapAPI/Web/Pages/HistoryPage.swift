/// An order's history as a person reads it: when (in the committee's time zone), who (name
/// and role), what happened in a sentence, and why.
struct HistoryPage: PageModel {
    static let template = "history"
    let title: String
    let user: PageUser?
    let orderHref: String
    let heading: String
    let entries: [Entry]
    let hasEntries: Bool
    let olderHref: String?
    let newestHref: String?

    struct Entry: Sendable {
        let when: String
        let who: String
        let what: String
        let why: String?
    }
}
