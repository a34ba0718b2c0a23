/// The committee's dashboard: orders with progress, the most overdue schools, what falls
/// due within 30 days, reports waiting.
struct DashboardPage: PageModel {
    static let template = "dashboard"
    let title = "Панель"
    let user: PageUser?
    let today: String
    let hasOrders: Bool
    let orders: [OrderRow]
    let hasDue: Bool
    let dueCount: Int
    let due: [DueRow]
    let hasWaiting: Bool
    let waitingCount: Int
    let waiting: [HomePage.WaitingReport]
    let hasSchools: Bool
    let schools: [HomePage.OverdueSchool]

    struct DueRow: Sendable {
        let id: String
        let due: String
        let title: String
        let executor: String
        let status: String
        let left: String
    }
}

/// An order with its progress, as lists and the order page show it.
struct OrderRow: Sendable {
    let id: String
    let number: String
    let date: String
    let title: String
    let issuer: String
    let done: Int
    let total: Int
    let percent: Int
    let overdue: Int
    let hasOverdue: Bool
    let controller: String?
}
