import Foundation
import RoadmapDomain

/// An order as it stood at the end of a past day, rebuilt from its history
/// (`AssignmentReplay`): which actions and assignments it had then, each assignment's status
/// and due day then, and the counts the order's page showed, beside the counts today.
public struct OrderStateRecord: Sendable {
    /// One executor's work on the action asked for, then and now.
    public struct Line: Sendable, Hashable {
        public let assignmentID: UUID
        public let executorID: UUID
        public let executorName: String
        public let occurrence: Int
        public let statusThen: AssignmentStatus
        public let dueThen: CalendarDate?
        public let overdueThen: Bool
        public let statusNow: AssignmentStatus
        public let dueNow: CalendarDate?
        public let overdueNow: Bool
        /// Its status or due day differs from the one it had then.
        public var changed: Bool { statusThen != statusNow || dueThen != dueNow || overdueThen != overdueNow }
    }

    public struct Action: Sendable {
        public let id: UUID
        /// «2.3»: the goal's and the action's positions today.
        public let number: String
        public let title: String
        public let deadlineText: String
        /// Counted as of the day asked for, from the state rebuilt.
        public let then: Rollup
        /// Counted today.
        public let now: Rollup
        /// Its executors, for the action asked for only.
        public let lines: [Line]
    }

    public struct Goal: Sendable {
        public let id: UUID
        public let position: Int
        public let title: String
        public let actions: [Action]
        public var then: Rollup { Rollup.combining(actions.map(\.then)) }
        public var now: Rollup { Rollup.combining(actions.map(\.now)) }
    }

    public let order: OrderRecord
    /// The day asked for; overdue is judged as of it.
    public let day: CalendarDate
    /// The moment the state is rebuilt at: the end of `day` in the committee's zone.
    public let moment: Date
    /// Today, for the counts of now.
    public let today: CalendarDate
    /// When the order's first action was recorded here; before it the history knows nothing.
    public let recordedSince: Date?
    public let goals: [Goal]
    /// Actions in force today that were added after the moment (not counted then).
    public let addedLater: Int
    /// The action whose executors were asked for, if it existed then.
    public let detailed: UUID?

    public var then: Rollup { Rollup.combining(goals.map(\.then)) }
    public var now: Rollup { Rollup.combining(goals.map(\.now)) }
    /// The moment lies before anything of the order was recorded.
    public var beforeRecords: Bool { recordedSince.map { moment < $0 } ?? true }
}
