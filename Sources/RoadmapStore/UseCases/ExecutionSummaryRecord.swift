import Foundation
import RoadmapDomain

/// «Сводка об исполнении приказа» as of a day: per action each executor's outcome
/// (`ExecutionOutcome`), the work day and text of its report, and totals per action, task,
/// goal and the whole order (`ExecutionTally`). What a committee sends its superiors.
public struct ExecutionSummaryRecord: Sendable {
    /// One executor's work on one action (one occurrence of a recurring deadline).
    public struct Line: Sendable, Hashable {
        public let assignmentID: UUID
        public let executorID: UUID
        public let executorName: String
        public let occurrence: Int
        public let dueOn: CalendarDate?
        public let outcome: ExecutionOutcome
        /// The work day of the accepted report; of the latest report when none is accepted.
        public let doneOn: CalendarDate?
        /// The latest report's text and status, if any report was made.
        public let reportText: String?
        public let reportStatus: ReportStatus?
    }

    public struct Action: Sendable {
        public let id: UUID
        /// «2.3»: the goal's and the action's positions.
        public let number: String
        public let title: String
        public let deadlineText: String
        public let taskIDs: [UUID]
        public let lines: [Line]
        public var tally: ExecutionTally { ExecutionTally(lines.map(\.outcome)) }
    }

    public struct Task: Sendable {
        public let id: UUID
        public let number: String
        public let title: String
        /// Over the actions that serve it.
        public let tally: ExecutionTally
    }

    public struct Goal: Sendable {
        public let id: UUID
        public let position: Int
        public let title: String
        public let tasks: [Task]
        public let actions: [Action]
        public var tally: ExecutionTally { actions.reduce(.empty) { $0 + $1.tally } }
    }

    public let order: OrderRecord
    public let asOf: CalendarDate
    public let goals: [Goal]
    public var tally: ExecutionTally { goals.reduce(.empty) { $0 + $1.tally } }
}
