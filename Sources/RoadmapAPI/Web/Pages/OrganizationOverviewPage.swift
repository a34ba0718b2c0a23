/// One organisation across all orders: its work per order as of today, what is overdue,
/// its latest reports. Lists that name an organisation link here.
struct OrganizationOverviewPage: PageModel {
    static let template = "organization-overview"
    let title: String
    let user: PageUser?
    let name: String
    let kind: String
    let aliases: String?
    let today: String
    let overdueCount: Int
    let hasOverdueCount: Bool
    let orders: [Order]
    let hasOrders: Bool
    let overdue: [Assignment]
    let hasOverdue: Bool
    let overdueNote: String?
    let reports: [Report]
    let hasReports: Bool
    let editHref: String?

    struct Order: Sendable {
        let name: String
        let href: String
        let summaryHref: String
        let total: Int
        let onTime: Int
        let late: Int
        let overdue: Int
        let hasOverdue: Bool
        let notYetDue: Int
        let percent: Int
    }

    struct Assignment: Sendable {
        let href: String
        let action: String
        let due: String
        let status: String
    }

    struct Report: Sendable {
        let href: String
        let submitted: String
        let action: String
        let doneOn: String
        let status: String
        let text: String
    }
}
