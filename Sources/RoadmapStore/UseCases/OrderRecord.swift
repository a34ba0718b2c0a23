import Foundation
import RoadmapDomain
import RoadmapPostgres

/// An order («приказ») with the roll-up of everything it approved.
public struct OrderRecord: Sendable, Hashable {
    public let id: UUID
    public let number: String
    public let date: CalendarDate
    public let issuerID: UUID
    public let issuerName: String
    public let title: String
    public let signatory: String?
    public let controller: String?
    public let version: Int
    /// When the order was withdrawn (hidden from lists and counts, kept); nil while in force.
    public let withdrawnAt: Date?
    /// Since when its progress is on the public page; nil while it is not.
    public let publishedAt: Date?
    public var rollup: Rollup

    init(row: PostgresRow, rollup: Rollup) throws {
        id = try row.decode(UUID.self, "id")
        number = try row.decode(String.self, "number")
        date = try row.decode(CalendarDate.self, "issued_on")
        issuerID = try row.decode(UUID.self, "issuer_id")
        issuerName = try row.decode(String.self, "issuer_name")
        title = try row.decode(String.self, "title")
        signatory = try row.decode(String?.self, "signatory")
        controller = try row.decode(String?.self, "controller")
        version = try row.decode(Int.self, "version")
        withdrawnAt = try row.decode(Date?.self, "withdrawn_at")
        publishedAt = try row.decode(Date?.self, "published_at")
        self.rollup = rollup
    }

    static let select: SQL = """
        SELECT o.id, o.number, o.issued_on, o.issuer_id, i.name AS issuer_name, o.title, o.signatory,
               o.controller, o.version, o.withdrawn_at, o.published_at
        FROM orders o JOIN organizations i ON i.id = o.issuer_id
        """
}
