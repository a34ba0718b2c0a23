import Foundation
import RoadmapDomain

/// Which assignments a list shows.
public struct AssignmentFilter: Sendable, Hashable {
    public var orderID: UUID?
    /// One action's assignments (its executors × occurrences); an action that does not
    /// exist, or that the principal may not see, is not found rather than an empty page.
    public var actionID: UUID?
    public var executorID: UUID?
    public var status: AssignmentStatus?
    /// true: only overdue as of `asOf`; false: only not overdue.
    public var overdue: Bool?
    /// true: only open work (neither done nor cancelled).
    public var openOnly: Bool = false
    public var dueFrom: CalendarDate?
    public var dueTo: CalendarDate?

    public init(orderID: UUID? = nil, actionID: UUID? = nil, executorID: UUID? = nil, status: AssignmentStatus? = nil, overdue: Bool? = nil,
                dueFrom: CalendarDate? = nil, dueTo: CalendarDate? = nil) {
        self.orderID = orderID
        self.actionID = actionID
        self.executorID = executorID
        self.status = status
        self.overdue = overdue
        self.dueFrom = dueFrom
        self.dueTo = dueTo
    }
}
