import Foundation
import RoadmapDomain
import RoadmapPostgres

/// A report on an assignment («отчёт об исполнении»).
public struct ReportRecord: Sendable, Hashable, Codable {
    public let id: UUID
    public let assignmentID: UUID
    public let doneOn: CalendarDate
    public let text: String
    public let evidenceURLs: [String]
    public let status: ReportStatus
    public let reviewComment: String?
    public let reviewedAt: Date?
    public let createdAt: Date
    public let version: Int
    /// The committee marked its text for the order's public page.
    public let isPublic: Bool

    enum CodingKeys: String, CodingKey {
        case id, text, status, version
        case assignmentID = "assignment_id"
        case doneOn = "done_on"
        case evidenceURLs = "evidence_urls"
        case reviewComment = "review_comment"
        case reviewedAt = "reviewed_at"
        case createdAt = "created_at"
        case isPublic = "public"
    }

    init(row: PostgresRow) throws {
        id = try row.decode(UUID.self, "id")
        assignmentID = try row.decode(UUID.self, "assignment_id")
        doneOn = try row.decode(CalendarDate.self, "done_on")
        text = try row.decode(String.self, "text")
        evidenceURLs = try row.decode([String].self, "evidence_urls")
        guard let status = ReportStatus(rawValue: try row.decode(String.self, "status")) else {
            throw PostgresError(.unexpected, message: "unknown status «\(try row.decode(String.self, "status"))»")
        }
        self.status = status
        reviewComment = try row.decode(String?.self, "review_comment")
        reviewedAt = try row.decode(Date?.self, "reviewed_at")
        createdAt = try row.decode(Date.self, "created_at")
        version = try row.decode(Int.self, "version")
        isPublic = try row.decode(Bool.self, "public")
    }

    static let select: SQL = """
        SELECT r.id, r.assignment_id, r.done_on, r.text, r.evidence_urls, r.status, r.review_comment,
               r.reviewed_at, r.created_at, r.version, r.public, s.executor_id,
               NOT \(Withdrawal.assignmentInForce()) AS withdrawn
        FROM reports r JOIN assignments s ON s.id = r.assignment_id
        """
}
