import Foundation
import RoadmapDomain

/// An order on the list of public pages: what it is and since when it is public.
public struct PublishedOrderRecord: Sendable, Hashable {
    public let id: UUID
    public let number: String
    public let date: CalendarDate
    public let title: String
    public let issuerName: String
    public let publishedAt: Date
}
