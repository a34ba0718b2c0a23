import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Evidence as files, stored in PostgreSQL: attached with a report or after it, read by
/// whoever may read the report, refused whole when one file is bad, kept after review.
@Suite("Evidence files")
struct EvidenceTests {
    typealias World = UseCaseRoleTests.World

    static let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    static let photo = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + Array(repeating: 0x42, count: 1000))
    static let program = Data(Array("MZ".utf8) + Array(repeating: 0x90, count: 200))

    static func scalar(_ lease: TestDatabase.Lease, _ sql: SQL) async throws -> String? {
        try await lease.pool.withConnection { (connection) throws in try connection.query(sql).first?.decode(String?.self, "v") }
    }

    @Test func aSchoolAttachesFilesThatOnlyThoseWhoReadTheReportDownload() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let reports = ReportStore(database: world.database)
            let evidence = EvidenceStore(database: world.database)
            let outcome = try await reports.submit(
                assignmentID: world.assignmentB, ReportSubmission(doneOn: world.today, text: "Семинар проведён"),
                files: [EvidenceUpload(fileName: "Программа семинара.pdf", content: Self.pdf), EvidenceUpload(fileName: "фото.JPG", content: Self.photo)],
                idempotencyKey: nil, actor: world.schoolB)
            let reportID = outcome.report.id
            let files = try await evidence.list(reportID: reportID, scope: world.coordinator)
            #expect(files.map(\.fileName) == ["Программа семинара.pdf", "фото.JPG"])
            #expect(files.map(\.mediaType) == ["application/pdf", "image/jpeg"])
            let expectedHash = try await Self.scalar(lease, "SELECT encode(sha256(\(Self.pdf)::bytea), 'hex') AS v")
            #expect(files.first?.sha256 == expectedHash)

            let first = try #require(files.first)
            for scope in [world.schoolB, world.coordinator, world.viewer, world.admin] {
                let download = try await evidence.download(first.id, scope: scope)
                #expect(download.content == Self.pdf)
            }
            await #expect(throws: UseCaseError.notFound(entity: "file", id: first.id.uuidString.lowercased())) {
                try await evidence.download(first.id, scope: world.schoolA)
            }
            await #expect(throws: UseCaseError.self) { try await evidence.list(reportID: reportID, scope: world.schoolA) }
            #expect(try await evidence.list(reportIDs: [reportID], scope: world.schoolA).isEmpty)

            // More files while the report waits; not by another school, not after the review.
            let more = try await evidence.attach(reportID: reportID, [EvidenceUpload(fileName: "акт.pdf", content: Self.pdf)], actor: world.schoolB)
            #expect(more.count == 1)
            await #expect(throws: UseCaseError.self) {
                try await evidence.attach(reportID: reportID, [EvidenceUpload(fileName: "акт.pdf", content: Self.pdf)], actor: world.schoolA)
            }
            _ = try await reports.review(reportID, decision: .accept, comment: nil, ifVersion: nil, actor: world.coordinator)
            await #expect(throws: UseCaseError.self) {
                try await evidence.attach(reportID: reportID, [EvidenceUpload(fileName: "ещё.pdf", content: Self.pdf)], actor: world.schoolB)
            }
            #expect(try await evidence.list(reportID: reportID, scope: world.schoolB).count == 3, "evidence stays after the report is accepted")
            #expect(try await evidence.list(reportIDs: [reportID], scope: world.schoolB)[reportID]?.count == 3)

            // Kept as attached: no update, no delete.
            await #expect(throws: PostgresError.self) {
                try await lease.pool.withConnection { (connection) throws in try connection.execute("DELETE FROM evidence_files") }
            }
        }
    }

    @Test func aBadFileRefusesTheWholeReportAndWritesNothing() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let reports = ReportStore(database: world.database)
            let submission = ReportSubmission(doneOn: world.today, text: "Проведено")
            func submit(_ files: [EvidenceUpload]) async throws {
                _ = try await reports.submit(assignmentID: world.assignmentA, submission, files: files, idempotencyKey: nil, actor: world.schoolA)
            }
            await #expect(throws: EvidenceRefusal.file(index: 1, name: "акт.pdf", .unknownContent)) {
                try await submit([EvidenceUpload(fileName: "фото.jpg", content: Self.photo), EvidenceUpload(fileName: "акт.pdf", content: Self.program)])
            }
            await #expect(throws: EvidenceRefusal.file(index: 0, name: "setup.exe", .extensionNotAccepted("setup.exe"))) {
                try await submit([EvidenceUpload(fileName: "setup.exe", content: Self.program)])
            }
            let huge = Data(count: 21 * 1024 * 1024)
            await #expect(throws: EvidenceRefusal.limits(.fileTooLarge(name: "видео.pdf", bytes: huge.count, limit: 20 * 1024 * 1024))) {
                try await submit([EvidenceUpload(fileName: "видео.pdf", content: huge)])
            }
            await #expect(throws: EvidenceRefusal.badName(index: 0)) {
                try await submit([EvidenceUpload(fileName: "акт\u{202E}fdp.exe", content: Self.pdf)])
            }
            #expect(try await Self.scalar(lease, "SELECT count(*)::text AS v FROM reports") == "0", "no report without its files")
            #expect(try await Self.scalar(lease, "SELECT count(*)::text AS v FROM evidence_files") == "0")
            let assignment = try await AssignmentStore(database: world.database).get(world.assignmentA, asOf: world.today, scope: world.schoolA)
            #expect(assignment.status == .planned)
        }
    }
}
