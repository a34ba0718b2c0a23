import Foundation
import RoadmapDomain

/// «Исполнительская дисциплина» over a period: organisations ranked by how they carry out
/// what fell due in it (those most behind first), and the organisations that have reported
/// nothing on work already due, with whom to call.
public struct DisciplineRecord: Sendable {
    public struct Row: Sendable {
        public let organization: OrderBoardRecord.Organization
        /// Outcomes, as of the record's day, of the work due in the period.
        public let tally: ExecutionTally
        /// Days late on average: work done late (work day − due day) and work still overdue
        /// (as-of day − due day); nil when nothing is late.
        public let averageDelay: Double?
    }

    /// An organisation with work due and nothing reported on it.
    public struct Silent: Sendable {
        public let organization: OrderBoardRecord.Organization
        public let unreported: Int
        public let firstDueOn: CalendarDate
        /// Its active users: name or login, and address where known.
        public let contacts: [String]
    }

    public let from: CalendarDate
    public let to: CalendarDate
    public let asOf: CalendarDate
    /// The order it is limited to, if any.
    public let order: OrderRecord?
    public let rows: [Row]
    public let silent: [Silent]
}
