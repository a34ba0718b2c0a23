/// «Как это выглядело»: an order at the end of a past day, rebuilt from its history, beside
/// the order today: totals, each action's counts then and now, and one action's executors.
struct OrderStatePage: PageModel {
    static let template = "order-state"
    let title: String
    let user: PageUser?
    let orderHref: String
    let base: String
    let heading: String
    /// As typed in the form (ISO), and as printed.
    let dayValue: String
    let dayRussian: String
    let todayRussian: String
    let error: String?
    /// Set when the day lies before the order was recorded here.
    let recordedSince: String?
    let totals: [TotalsRow]
    let goals: [Goal]
    let hasGoals: Bool
    let addedLater: String?
    let detail: Detail?

    struct TotalsRow: Sendable {
        let name: String
        let then: Int
        let now: Int
        let strong: Bool
    }

    struct Goal: Sendable {
        let heading: String
        let actions: [Action]
    }

    struct Action: Sendable {
        let number: String
        let title: String
        let deadline: String
        let then: String
        /// Nil when none.
        let thenOverdue: Int?
        let now: String
        let nowOverdue: Int?
        let detailHref: String
        let current: Bool
    }

    struct Detail: Sendable {
        let heading: String
        let lines: [Line]
        let hasLines: Bool
    }

    struct Line: Sendable {
        let executor: String
        let dueThen: String
        let statusThen: String
        let classThen: String
        let dueNow: String
        let statusNow: String
        let classNow: String
        let changed: Bool
    }
}
