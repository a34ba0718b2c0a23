import Foundation
import RoadmapDomain

/// An order as a table of its executors (rows) by its actions (columns): for each school and
/// action, what is most urgent there (`ProgressMark`). A page holds `rowsPerPage` schools
/// and `columnsPerPage` actions, so it costs the cells it shows however many schools the
/// order has.
public struct OrderMatrixRecord: Sendable {
    public struct Filter: Sendable, Hashable {
        /// Only the schools with overdue work somewhere in the order.
        public var overdueOnly: Bool
        /// Only the schools whose name (or an alias) contains these words.
        public var executorName: String?

        public init(overdueOnly: Bool = false, executorName: String? = nil) {
            self.overdueOnly = overdueOnly
            self.executorName = executorName
        }
    }

    /// One action: a column.
    public struct Column: Sendable, Hashable {
        public let id: UUID
        /// «2.14»: the goal's and the action's positions.
        public let number: String
        public let title: String
    }

    /// One school's work on one action.
    public struct Cell: Sendable, Hashable {
        public let rollup: Rollup
        /// The assignment, when there is exactly one (no recurrence).
        public let assignmentID: UUID?
        public var mark: ProgressMark? { ProgressMark(rollup) }
    }

    public struct Row: Sendable {
        public let organization: OrderBoardRecord.Organization
        /// Overdue work of this school in the whole order, not only in the columns shown.
        public let overdue: Int
        /// One per column, nil where the school is not an executor of that action.
        public let cells: [Cell?]
    }

    public static let rowsPerPage = 50
    public static let columnsPerPage = 12

    public let order: OrderRecord
    public let filter: Filter
    public let columns: [Column]
    /// All of the order's actions the viewer sees, and which of them (1-based) are columns here.
    public let columnCount: Int
    public let firstColumn: Int
    /// The first action of the previous and of the next page of columns.
    public let previousColumnsFrom: UUID?
    public let nextColumnsFrom: UUID?
    public let rows: [Row]
    /// The last school of this page when more follow: the next page starts after it.
    public let nextRowsAfter: UUID?
}
