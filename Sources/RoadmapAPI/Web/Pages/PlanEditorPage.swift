/// An order's plan, edited: the order's fields; goals with their tasks and actions, each
/// renamed, moved up or down or removed in place; forms to add a goal, a task or an action.
struct PlanEditorPage: PageModel {
    static let template = "plan-edit"
    let title: String
    let user: PageUser?
    let csrf: String
    let orderID: String
    let notice: String?
    let error: String?
    let order: OrderInput
    /// The order's fields are shown open when one was refused.
    let orderOpen: Bool
    let goals: [Goal]
    let hasGoals: Bool
    let newGoal: TitleInput

    struct TitleInput: Sendable {
        var title = ""
        var titleError: String?
    }

    struct Goal: Sendable {
        let id: String
        let position: Int
        let form: TitleInput
        let first: Bool
        let last: Bool
        let tasks: [Task]
        let hasTasks: Bool
        let newTask: TaskInput
        let actions: [Action]
        let hasActions: Bool
    }

    struct TaskInput: Sendable {
        var title = ""
        var expectedResult = ""
        var titleError: String?
    }

    struct Task: Sendable {
        let id: String
        let position: String
        let form: TaskInput
        let first: Bool
        let last: Bool
    }

    struct Action: Sendable {
        let id: String
        let position: String
        let title: String
        let deadline: String
        let period: String
        let parsed: Bool
        let executors: String
        let first: Bool
        let last: Bool
        /// Why it cannot be removed, when it was just refused.
        let removeError: String?
    }
}
