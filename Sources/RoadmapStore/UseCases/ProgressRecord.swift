import Foundation
import RoadmapDomain

/// An order's progress over time: planned against done by month (`BurnUp`), as of a day.
public struct ProgressRecord: Sendable {
    public let order: OrderRecord
    public let asOf: CalendarDate
    public let burnUp: BurnUp
}
