import Foundation
import RoadmapDomain

/// What a search found, best first in each kind.
public struct SearchResults: Sendable, Hashable {
    public struct ActionHit: Sendable, Hashable {
        public let id: UUID
        public let title: String
        public let section: String?
        public let deadlineText: String
        public let orderID: UUID?
        public let orderNumber: String?
        public let orderDate: CalendarDate?
    }

    public struct OrderHit: Sendable, Hashable {
        public let id: UUID
        public let number: String
        public let date: CalendarDate
        public let title: String
    }

    public struct OrganizationHit: Sendable, Hashable {
        public let id: UUID
        public let name: String
        public let kind: String
    }

    public let query: String
    public let actions: [ActionHit]
    public let orders: [OrderHit]
    public let organizations: [OrganizationHit]

    public var isEmpty: Bool { actions.isEmpty && orders.isEmpty && organizations.isEmpty }
}
