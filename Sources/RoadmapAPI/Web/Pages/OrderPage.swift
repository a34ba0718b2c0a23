/// An order's plan as written, with each action's progress (counts by status, a bar, the
/// overdue count and the late executors first), filters and a timeline.
struct OrderPage: PageModel {
    static let template = "order"
    let title: String
    let user: PageUser?
    let order: OrderRow
    let orderTitle: String
    let base: String
    let overdueChecked: Bool
    /// The executor filter: the committee names one in words (schools see only their own).
    let canChooseExecutor: Bool
    let executorName: String
    /// The executor the page is narrowed to.
    let executorChosen: String?
    /// Several organisations matched the name typed: links to each.
    let candidates: [Choice]
    let hasCandidates: Bool
    let executorUnknown: Bool
    let months: [Month]
    let hasMonths: Bool
    /// The goals and their actions, written by `OrderPlanHTML`.
    let plan: OrderPlanHTML
    let hasGoals: Bool
    /// «Мероприятия 51–100 из 1000», when the plan takes more than one page.
    let pageNote: String?
    let nextHref: String?
    let firstHref: String?
    let filtered: Bool
    let csrf: String
    let notice: String?
    let error: String?
    /// «Отозван 01.12.2026», while the order is withdrawn.
    let withdrawnOn: String?
    /// The withdraw form (staff, order in force) and what was typed in it.
    let withdraw: WithdrawForm?
    /// The restore button (an administrator, order withdrawn).
    let canRestore: Bool
    /// The link to the plan editor (the committee's staff, order in force).
    let canEdit: Bool
    /// The public page's controls (the committee's staff, order in force).
    let publication: Publication?

    struct Publication: Sendable {
        /// «с 01.12.2026», while the order's progress is public.
        let since: String?
        let href: String
    }

    struct WithdrawForm: Sendable {
        var reason: String = ""
        var reasonError: String?
    }

    struct Choice: Sendable {
        let href: String
        let name: String
    }

    struct Month: Sendable {
        let value: String
        let name: String
        let total: Int
        let done: Int
        let overdue: Int
        let hasOverdue: Bool
        let widest: Int
        let selected: Bool
        /// The order page filtered to this month.
        let href: String
    }

    struct Goal: Sendable {
        let position: Int
        let title: String
        let done: Int
        let total: Int
        let tasks: [Task]
        let hasTasks: Bool
        let actions: [Action]
    }

    struct Task: Sendable {
        let position: Int
        let title: String
    }

    struct Action: Sendable {
        /// The section heading, on the first action of each section.
        let sectionStart: String?
        let position: String
        let title: String
        let result: String
        let hasResult: Bool
        let deadline: String
        let period: String
        let parsed: Bool
        let roles: String
        let hasRoles: Bool
        /// Done of all but the cancelled, for the bar.
        let done: Int
        let total: Int
        let percent: Int
        /// «на проверке 30 · в работе 12 · запланировано 100»
        let counts: String
        let overdue: Int
        let hasOverdue: Bool
        let assignments: [Assignment]
        let hasAssignments: Bool
        /// «Все 500 исполнителей →», to the action's page (and its overdue ones beside),
        /// when not all are shown here.
        let more: String?
        let moreHref: String
    }

    struct Assignment: Sendable {
        let id: String
        let executor: String
        let due: String
        let status: String
        let statusClass: String
    }
}
