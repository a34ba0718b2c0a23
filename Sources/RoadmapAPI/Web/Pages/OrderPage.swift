/// An order's plan as written, with the status per school, filters and a timeline.
struct OrderPage: PageModel {
    static let template = "order"
    let title: String
    let user: PageUser?
    let order: OrderRow
    let orderTitle: String
    let base: String
    let overdueChecked: Bool
    let executors: [Choice]
    let months: [Month]
    let hasMonths: Bool
    let goals: [Goal]
    let hasGoals: Bool
    let truncated: Bool
    let limit: Int
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

    struct WithdrawForm: Sendable {
        var reason: String = ""
        var reasonError: String?
    }

    struct Choice: Sendable {
        let id: String
        let name: String
        let selected: Bool
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
        let assignments: [Assignment]
        let hasAssignments: Bool
        let more: String
    }

    struct Assignment: Sendable {
        let id: String
        let executor: String
        let due: String
        let status: String
        let statusClass: String
    }
}
