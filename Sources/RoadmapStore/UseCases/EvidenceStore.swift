import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Evidence as files: a school attaches scans, photos, PDFs and office documents to its
/// report (with the report, or later while it waits for review); whoever may read the
/// report may list and download them. Each file's kind is read from its content
/// (`EvidenceFileType`) and the sizes are the domain's (`EvidenceLimits`); a refused file
/// refuses the whole request and nothing is written.
public struct EvidenceStore: Sendable {
    let database: Database
    public let limits: EvidenceLimits

    public init(database: Database, limits: EvidenceLimits = EvidenceLimits()) {
        self.database = database
        self.limits = limits
    }

    /// A file with its content, for download.
    public struct Download: Sendable {
        public let record: EvidenceFileRecord
        public let content: Data
    }

    /// A file checked and ready to store.
    struct Checked: Sendable {
        let fileName: String
        let type: EvidenceFileType
        let content: Data
    }

    /// Checks names, kinds and sizes of `uploads` to go with a report that has
    /// `alreadyAttached` bytes in `attachedCount` files.
    static func check(_ uploads: [EvidenceUpload], limits: EvidenceLimits, alreadyAttached: Int = 0, attachedCount: Int = 0) throws(EvidenceRefusal) -> [Checked] {
        var checked: [Checked] = []
        for (index, upload) in uploads.enumerated() {
            let name: String
            do {
                name = try TypedText.cleaned(upload.fileName)
            } catch {
                throw .badName(index: index)
            }
            guard (1...255).contains(name.count), !name.contains("\n"), !name.contains("\t") else { throw .badName(index: index) }
            checked.append(Checked(fileName: name, type: .pdf, content: upload.content))
        }
        do {
            try limits.check(checked.map { ($0.fileName, $0.content.count) }, alreadyAttached: alreadyAttached, attachedCount: attachedCount)
        } catch {
            throw .limits(error)
        }
        for (index, file) in checked.enumerated() {
            do {
                checked[index] = Checked(fileName: file.fileName, type: try EvidenceFileType.detect(file.content, fileName: file.fileName),
                                         content: file.content)
            } catch {
                throw .file(index: index, name: file.fileName, error)
            }
        }
        return checked
    }

    /// Writes checked files under `reportID` inside the caller's transaction, the SHA-256
    /// computed by PostgreSQL from the bytes it stores.
    static func insert(_ files: [Checked], reportID: UUID, actor: Principal, on connection: PostgresConnection) throws -> [EvidenceFileRecord] {
        try files.map { file in
            guard let id = try connection.query("""
                INSERT INTO evidence_files (report_id, file_name, media_type, size_bytes, sha256, content, uploaded_by)
                SELECT \(reportID), \(file.fileName), \(file.type.mediaType), \(file.content.count), sha256(x.content), x.content,
                       \(actor.recordedUserID)
                FROM (SELECT \(file.content)::bytea AS content) x
                RETURNING id
                """).first?.decode(UUID.self, "id") else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no row") }
            try EventLog.record(connection, actor: actor, entityType: "report", entityID: reportID, event: "evidence_attached",
                                data: ["file_id": id.lowercased, "file_name": file.fileName, "size_bytes": "\(file.content.count)"])
            guard let row = try connection.query("\(EvidenceFileRecord.select) WHERE f.id = \(id)").first else {
                throw PostgresError(.unexpected, message: "the file just written is not there")
            }
            return try EvidenceFileRecord(row: row)
        }
    }

    /// Attaches files to a report waiting for review: its school only.
    public func attach(reportID: UUID, _ uploads: [EvidenceUpload], actor: Principal) async throws -> [EvidenceFileRecord] {
        guard !uploads.isEmpty else { throw UseCaseError.invalid(field: "file", reason: "send at least one file") }
        return try await database.transaction { connection in
            let report = try ReportStore.get(reportID, scope: actor, forUpdate: true, on: connection)
            let assignment = try AssignmentStore.get(report.assignmentID, asOf: CommitteeClock().today(), scope: actor, forUpdate: true, on: connection)
            try OrganizationStore.require(AccessPolicy(actor).may(.submitReport, ownedBy: assignment.executorID))
            guard report.status == .submitted else {
                throw UseCaseError.conflict("The report was already \(report.status.rawValue); files go with a report waiting for review.")
            }
            let attached = try connection.query("""
                SELECT count(*)::int AS n, coalesce(sum(size_bytes), 0)::bigint AS bytes FROM evidence_files WHERE report_id = \(reportID)
                """).first
            let checked = try Self.check(uploads, limits: limits, alreadyAttached: try attached?.decode(Int.self, "bytes") ?? 0,
                                         attachedCount: try attached?.decode(Int.self, "n") ?? 0)
            return try Self.insert(checked, reportID: reportID, actor: actor, on: connection)
        }
    }

    /// The files of reports, by report, oldest first; the caller has read the reports.
    static func files(of reportIDs: [UUID], on connection: PostgresConnection) throws -> [UUID: [EvidenceFileRecord]] {
        guard !reportIDs.isEmpty else { return [:] }
        let records = try connection.query("\(EvidenceFileRecord.select) WHERE f.report_id = ANY(\(reportIDs)) ORDER BY f.seq")
            .rows.map(EvidenceFileRecord.init(row:))
        return Dictionary(grouping: records, by: \.reportID)
    }

    /// A report's files, for whoever may read the report.
    public func list(reportID: UUID, scope: Principal) async throws -> [EvidenceFileRecord] {
        try await database.withConnection { connection in
            _ = try ReportStore.get(reportID, scope: scope, on: connection)
            return try Self.files(of: [reportID], on: connection)[reportID] ?? []
        }
    }

    /// The files of several reports at once (the assignment page, the review queue), for
    /// whoever may read them; reports the principal may not read give nothing.
    public func list(reportIDs: [UUID], scope: Principal) async throws -> [UUID: [EvidenceFileRecord]] {
        try await database.withConnection { connection in
            var visible = reportIDs
            if !scope.role.seesEverything {
                visible = try connection.query("""
                    SELECT r.id FROM reports r JOIN assignments s ON s.id = r.assignment_id
                    WHERE r.id = ANY(\(reportIDs)) AND s.executor_id = \(scope.organizationID) AND \(Withdrawal.assignmentInForce())
                    """).rows.map { try $0.decode(UUID.self, "id") }
            }
            return try Self.files(of: visible, on: connection)
        }
    }

    /// One file with its bytes, for whoever may read its report; "not found" for anyone else.
    public func download(_ id: UUID, scope: Principal) async throws -> Download {
        try await database.withConnection { connection in
            guard let row = try connection.query("""
                SELECT f.id, f.report_id, f.file_name, f.media_type, f.size_bytes, encode(f.sha256, 'hex') AS sha256_hex, f.created_at,
                       f.content
                FROM evidence_files f WHERE f.id = \(id)
                """).first else { throw UseCaseError.notFound(entity: "file", id: id.lowercased) }
            let record = try EvidenceFileRecord(row: row)
            do {
                _ = try ReportStore.get(record.reportID, scope: scope, on: connection)
            } catch UseCaseError.notFound {
                throw UseCaseError.notFound(entity: "file", id: id.lowercased)
            }
            return Download(record: record, content: try row.decode(Data.self, "content"))
        }
    }
}
