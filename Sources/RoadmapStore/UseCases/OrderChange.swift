import Foundation
import RoadmapDomain

/// The fields of an order to create or change; nil leaves a field as it is.
public struct OrderChange: Sendable, Hashable {
    public var number: String?
    public var date: CalendarDate?
    public var issuerID: UUID?
    public var title: String?
    public var signatory: String?
    public var controller: String?

    public init(number: String? = nil, date: CalendarDate? = nil, issuerID: UUID? = nil, title: String? = nil,
                signatory: String? = nil, controller: String? = nil) {
        self.number = number
        self.date = date
        self.issuerID = issuerID
        self.title = title
        self.signatory = signatory
        self.controller = controller
    }
}
