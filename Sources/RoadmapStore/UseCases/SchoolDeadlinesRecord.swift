import Foundation

/// A school's «Мои сроки»: its open work in force, counted whole, with the first items of each
/// list by due day. The page costs what it shows: a school with five hundred overdue
/// assignments gets their count and the earliest `shown`, not five hundred rows.
public struct SchoolDeadlinesRecord: Sendable {
    /// Items shown of the overdue, soon-due and returned lists.
    public static let shown = 50
    /// Items shown of all open work.
    public static let openShown = 100
    /// «Soon»: due today or within this many days.
    public static let soonDays = 7

    public let overdueCount: Int
    public let overdue: [AssignmentRecord]
    public let soonCount: Int
    public let soon: [AssignmentRecord]
    public let returnedCount: Int
    public let returned: [AssignmentRecord]
    public let openCount: Int
    /// Overdue first (they are due earliest), then by due day, work with no due day last.
    public let open: [AssignmentRecord]
}
