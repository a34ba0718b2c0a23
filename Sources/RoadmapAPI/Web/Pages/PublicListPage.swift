/// The orders whose progress the committee published, for anybody.
struct PublicListPage: PageModel {
    static let template = "public-list"
    let title = "Открытые данные об исполнении приказов"
    let user: PageUser? = nil
    let orders: [Order]
    let hasOrders: Bool

    struct Order: Sendable {
        let href: String
        let name: String
        let issuer: String
        let publishedOn: String
    }
}
