import Foundation
import RoadmapDomain
import RoadmapPostgres

/// A file attached to a report: what is known of it without its bytes.
public struct EvidenceFileRecord: Sendable, Hashable, Codable {
    public let id: UUID
    public let reportID: UUID
    public let fileName: String
    public let mediaType: String
    public let sizeBytes: Int
    /// The SHA-256 of the content, in hex.
    public let sha256: String
    public let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, sha256
        case reportID = "report_id"
        case fileName = "file_name"
        case mediaType = "media_type"
        case sizeBytes = "size_bytes"
        case createdAt = "created_at"
    }

    init(row: PostgresRow) throws {
        id = try row.decode(UUID.self, "id")
        reportID = try row.decode(UUID.self, "report_id")
        fileName = try row.decode(String.self, "file_name")
        mediaType = try row.decode(String.self, "media_type")
        sizeBytes = try row.decode(Int.self, "size_bytes")
        sha256 = try row.decode(String.self, "sha256_hex")
        createdAt = try row.decode(Date.self, "created_at")
    }

    /// «акт.pdf, 1.5 MB».
    public var size: String { EvidenceLimits.megabytes(sizeBytes) }

    static let select: SQL = """
        SELECT f.id, f.report_id, f.file_name, f.media_type, f.size_bytes, encode(f.sha256, 'hex') AS sha256_hex, f.created_at
        FROM evidence_files f
        """
}
