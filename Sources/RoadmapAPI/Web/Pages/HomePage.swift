/// «Мои сроки»: a school's overdue, soon due, returned and open work; the committee's
/// reports waiting and overdue work by school.
struct HomePage: PageModel {
    static let template = "home"
    let title = "Мои сроки"
    let user: PageUser?
    let today: String
    let school: School?
    let committee: Committee?

    /// One assignment in a school's lists.
    struct Row: Sendable {
        let id: String
        let due: String
        let title: String
        let status: String
        /// «просрочено на 3 дня» or «осталось 2 дня», as the list needs.
        let late: String
        let left: String
        let overdue: Bool
    }

    struct School: Sendable {
        let overdueCount: Int
        let hasOverdue: Bool
        let overdue: [Row]
        /// «Показаны 50 с самым ранним сроком из 477; …» when the list is longer than shown.
        let overdueMore: String?
        let soonCount: Int
        let hasSoon: Bool
        let soon: [Row]
        let soonMore: String?
        let returnedCount: Int
        let hasReturned: Bool
        let returned: [Row]
        let returnedMore: String?
        let openCount: Int
        let hasOpen: Bool
        /// The nearest `SchoolDeadlinesRecord.openShown`; the rest are on the orders' pages.
        let open: [Row]
        let openMore: Bool
        let openShown: Int
    }

    struct WaitingReport: Sendable {
        let submitted: String
        let executor: String
        let title: String
        let doneOn: String
    }

    struct OverdueSchool: Sendable {
        let name: String
        let href: String
        let overdue: String
    }

    struct Committee: Sendable {
        let waitingCount: Int
        let hasWaiting: Bool
        let waiting: [WaitingReport]
        let hasSchools: Bool
        let schools: [OverdueSchool]
    }
}
