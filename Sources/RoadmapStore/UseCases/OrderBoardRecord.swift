import Foundation
import RoadmapDomain

/// What an order's page shows: the plan with each action's progress, the executors that are
/// late first, and the deadlines by month, under a filter. Its size follows the plan's
/// actions, not its assignments: an action for 500 schools brings its counts and its
/// `lateShown` latest executors, and the rest are paged on the action's own page; the
/// actions themselves come `pageSize` at a time.
public struct OrderBoardRecord: Sendable {
    /// The page's filter; a value that names nothing is dropped, never an error.
    public struct Filter: Sendable, Hashable {
        public var overdueOnly: Bool
        /// One executor's assignments only.
        public var executorID: UUID?
        /// An executor named in words: one match filters by it, several are offered.
        public var executorName: String?
        /// The first day of the month whose deadlines are shown.
        public var month: CalendarDate?

        public init(overdueOnly: Bool = false, executorID: UUID? = nil, executorName: String? = nil, month: CalendarDate? = nil) {
            self.overdueOnly = overdueOnly
            self.executorID = executorID
            self.executorName = executorName
            self.month = month
        }

        public var isEmpty: Bool { !overdueOnly && executorID == nil && (executorName ?? "").isEmpty && month == nil }
    }

    public struct Organization: Sendable, Hashable {
        public let id: UUID
        public let name: String
    }

    /// One action under the filter: its counts and the assignments shown beside it.
    public struct Action: Sendable {
        /// The action; its `rollup` is counted under the board's filter, as `rollup` is.
        public let record: ActionRecord
        /// Counted under the filter (a month, an executor).
        public let rollup: Rollup
        /// Late first, then by deadline; all of them when the action has few, else the late ones.
        public let shown: [AssignmentRecord]
        /// How many assignments the filter selects for the action.
        public var total: Int { rollup.total }
    }

    public struct Goal: Sendable {
        public let id: UUID
        public let position: Int
        public let title: String
        public let rollup: Rollup
        public let tasks: [PlanTreeRecord.Task]
        public let actions: [Action]
    }

    public struct Month: Sendable, Hashable {
        /// Its first day.
        public let first: CalendarDate
        public let rollup: Rollup
    }

    /// Actions per page of the board.
    public static let pageSize = 50
    /// Late assignments shown per action; the others are on the action's page.
    public static let lateShown = 3
    /// An action with at most this many assignments shows them all.
    public static let allShownUpTo = 8

    public let order: OrderRecord
    public let filter: Filter
    /// The executor the filter settled on.
    public let executor: Organization?
    /// Several organisations matched the executor's name: the page offers them.
    public let executorCandidates: [Organization]
    /// The executor's name matched no executor of this order.
    public let executorUnknown: Bool
    /// The goals of this page's actions, each counted over all its actions under the filter.
    public let goals: [Goal]
    /// Deadlines by month over the whole order, under the executor filter.
    public let months: [Month]
    /// How many actions the filter keeps, and which of them (1-based) this page shows.
    public let actionCount: Int
    public let firstShown: Int
    public let lastShown: Int
    /// The last action of this page when more follow: the next page starts after it.
    public let nextAfter: UUID?
}
