/// One action and all its executors, a page at a time: the drill-down from an order's page
/// when an action has more executors than the order page shows.
struct ActionPage: PageModel {
    static let template = "action"
    let title: String
    let user: PageUser?
    let orderHref: String?
    let actionTitle: String
    let result: String?
    let deadline: String
    let period: String
    let parsed: Bool
    let done: Int
    let total: Int
    let percent: Int
    let overdue: Int
    let hasOverdue: Bool
    let counts: String
    let roles: String?
    /// «Просрочено», «На проверке», «Все»… as links; the current one is not a link.
    let tabs: [Tab]
    let rows: [Row]
    let hasRows: Bool
    let nextHref: String?
    let firstHref: String?

    struct Tab: Sendable {
        let name: String
        let href: String
        let current: Bool
    }

    struct Row: Sendable {
        let id: String
        let executor: String
        let executorHref: String
        let due: String
        let status: String
        let statusClass: String
    }
}
