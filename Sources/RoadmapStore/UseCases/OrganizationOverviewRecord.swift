import Foundation
import RoadmapDomain

/// One organisation across all orders: its work per order as of a day, what is overdue,
/// and its latest reports. The page every list naming an organisation links to.
public struct OrganizationOverviewRecord: Sendable {
    public struct OrderLine: Sendable {
        public let id: UUID
        public let number: String
        public let date: CalendarDate
        public let title: String
        /// This organisation's work in the order, by the summary's rule.
        public let tally: ExecutionTally
    }

    public struct ReportLine: Sendable {
        public let id: UUID
        public let assignmentID: UUID
        public let actionTitle: String
        public let orderNumber: String?
        public let doneOn: CalendarDate
        public let submittedAt: Date
        public let status: ReportStatus
        public let text: String
    }

    /// Overdue assignments shown, the longest overdue first.
    public static let overdueShown = 50
    /// Latest reports shown.
    public static let reportsShown = 20

    public let organization: OrganizationRecord
    public let asOf: CalendarDate
    public let orders: [OrderLine]
    public let overdue: [AssignmentRecord]
    public let overdueCount: Int
    public let reports: [ReportLine]
}
