/// What the search box in the header found: actions, orders and organisations.
struct SearchPage: PageModel {
    static let template = "search"
    let title = "Поиск"
    let user: PageUser?
    /// What was typed, kept in the header's box.
    let siteSearch: String
    let error: String?
    let searched: Bool
    let nothing: Bool
    let actions: [Action]
    let hasActions: Bool
    let orders: [Order]
    let hasOrders: Bool
    let organizations: [Organization]
    let hasOrganizations: Bool

    struct Action: Sendable {
        let title: String
        let section: String?
        let deadline: String
        /// The order's page, when the action's plan has an order.
        let link: String?
        let order: String?
    }

    struct Order: Sendable {
        let link: String
        let name: String
        let title: String
    }

    struct Organization: Sendable {
        let name: String
        let kind: String
    }
}
