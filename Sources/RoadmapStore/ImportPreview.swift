import RoadmapDomain

/// The plan as an import read it, action by action, for a person to check before
/// confirming: the goal and the tasks it serves, the section, the title, the deadline as
/// written and the period read from it, and each executor as matched, new or a person.
/// Kept for a dry run, the first `actionLimit` actions and `executorLimit` executors of each.
public struct ImportPreview: Sendable, Equatable, Encodable {
    public static let actionLimit = 200
    public static let executorLimit = 20

    /// How an executor's name was taken.
    public enum Match: String, Sendable, Equatable, Encodable {
        /// A known organisation, by its name or an alias.
        case matched
        /// A known organisation matched only probably (by the parts of the name): to confirm.
        case probable
        /// No organisation matched: one will be created.
        case new
        /// A person, post or role: kept on the action, not an organisation.
        case person
        /// A whole kind of organisation («ОО», «все ДОУ»): every one of them the committee has.
        case group
        /// Fits several known organisations equally well: a person chooses (see
        /// `ImportOutcome.ambiguousOrganizations`); the import refuses it until then.
        case ambiguous
    }

    public struct Executor: Sendable, Equatable, Encodable {
        /// As written in the document.
        public var written: String
        /// The organisation it was taken to be (for `.matched` and `.new`).
        public var organization: String?
        public var match: Match
        /// For `.group`: how many organisations it stands for.
        public var members: Int? = nil
    }

    /// A goal of the plan as read, with its tasks in order.
    public struct Goal: Sendable, Equatable, Encodable {
        public var title: String
        public var tasks: [String]

        public init(title: String, tasks: [String]) {
            self.title = title
            self.tasks = tasks
        }
    }

    public struct Action: Sendable, Equatable, Encodable {
        /// The goal the action serves; nil when the plan is one goal without tasks (a plan
        /// read without any «Цель»: its one goal is the plan itself).
        public var goal: Goal?
        /// The tasks the action names as its own, when it names some («Задача 1.2» over its
        /// rows); empty when it serves its goal as a whole.
        public var tasks: [String] = []
        public var section: String?
        public var title: String
        public var deadline: String
        /// The period read, as «2019-03-01..2019-03-31»; nil when none was (or the text has no date).
        public var period: String?
        public var deadlineRead: Bool
        public var executors: [Executor]
        /// Executors beyond `executorLimit`, not listed.
        public var moreExecutors: Int

        enum CodingKeys: String, CodingKey {
            case goal, tasks, section, title, deadline, period, executors
            case deadlineRead = "deadline_read"
            case moreExecutors = "more_executors"
        }
    }

    public var actions: [Action] = []
    /// Actions beyond `actionLimit`, not listed.
    public var moreActions = 0

    enum CodingKeys: String, CodingKey {
        case actions
        case moreActions = "more_actions"
    }

    /// The headings that open before an action when the plan is listed in order.
    public struct Headings: Sendable, Equatable {
        /// The goal whose actions start here, with its tasks.
        public var goal: Goal?
        /// The tasks the actions from here name as their own.
        public var tasks: [String]?
        /// The section whose actions start here.
        public var section: String?
    }

    /// For each action in `actions`, the headings that open before it: its goal where the goal
    /// changes, its own tasks where they change, its section where the section changes. A
    /// new goal opens its tasks and section again, even when they read as the ones before.
    public var headings: [Headings] {
        var goal: Goal?
        var tasks: [String] = []
        var section: String?
        return actions.map { action in
            defer {
                goal = action.goal
                tasks = action.tasks
                section = action.section
            }
            let newGoal = action.goal != nil && action.goal != goal
            return Headings(
                goal: newGoal ? action.goal : nil,
                tasks: !action.tasks.isEmpty && (action.tasks != tasks || newGoal) ? action.tasks : nil,
                section: action.section != nil && (action.section != section || newGoal) ? action.section : nil)
        }
    }
}
