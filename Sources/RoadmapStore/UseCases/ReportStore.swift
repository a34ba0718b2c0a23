import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Reports: submitting (idempotent with a key), reading, accepting, returning.
public struct ReportStore: Sendable {
    let database: Database
    public let clock: CommitteeClock

    public init(database: Database, clock: CommitteeClock = CommitteeClock()) {
        self.database = database
        self.clock = clock
    }

    /// Submits a report. With `idempotencyKey`, a retry of the same request returns the
    /// first report and creates nothing; the key with another request is refused; and two
    /// concurrent requests with one key create one report (the second waits for the first:
    /// PostgreSQL holds its insert of the key until the first transaction ends).
    ///
    /// `files` go with it as evidence (`EvidenceStore`): a file refused refuses the report too.
    public func submit(assignmentID: UUID, _ submission: ReportSubmission, files: [EvidenceUpload] = [], idempotencyKey: String?,
                       actor: Principal) async throws -> ReportOutcome {
        let today = clock.today()
        let submission = try submission.validated(today: today)
        let evidence = try EvidenceStore.check(files, limits: EvidenceLimits())
        if let key = idempotencyKey {
            guard !actor.isInstallation else {
                throw UseCaseError.invalid(field: "Idempotency-Key", reason: "needs a user to be kept for; act as one with --as")
            }
            guard (1...255).contains(key.utf8.count), key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
                throw UseCaseError.invalid(field: "Idempotency-Key", reason: "must be 1–255 printable ASCII characters without spaces")
            }
        }
        let fingerprint = try Self.fingerprint(assignmentID: assignmentID, submission)
        return try await database.transaction { connection in
            if let key = idempotencyKey {
                let claimed = try connection.query("""
                    INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES (\(actor.userID), \(key), md5(\(fingerprint)))
                    ON CONFLICT DO NOTHING RETURNING key
                    """).first != nil
                if !claimed {
                    guard let row = try connection.query("""
                        SELECT request_hash = md5(\(fingerprint)) AS same, response_body FROM idempotency_keys
                        WHERE user_id = \(actor.userID) AND key = \(key)
                        """).first else { throw UseCaseError.conflict("Idempotency-Key \(key) is being used by another request; retry.") }
                    guard try row.decode(Bool.self, "same") else { throw UseCaseError.idempotencyMismatch(key: key) }
                    guard let stored = try row.decode(PostgresJSON<ReportRecord>?.self, "response_body") else {
                        throw UseCaseError.conflict("Idempotency-Key \(key) is being used by another request; retry.")
                    }
                    return ReportOutcome(report: stored.value, replayed: true)
                }
            }
            let assignment = try AssignmentStore.get(assignmentID, asOf: today, scope: actor, forUpdate: true, on: connection)
            try OrganizationStore.require(AccessPolicy(actor).may(.submitReport, ownedBy: assignment.executorID))
            let target = try AssignmentStore.transition(assignment.status, .submitReport)
            guard let id = try connection.query("""
                INSERT INTO reports (assignment_id, submitted_by, done_on, text, evidence_urls)
                VALUES (\(assignmentID), \(actor.recordedUserID), \(submission.doneOn), \(submission.text), \(submission.evidenceURLs))
                RETURNING id
                """).first?.decode(UUID.self, "id") else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no row") }
            try connection.execute("""
                UPDATE assignments SET status = \(target.rawValue), status_changed_at = now(), version = version + 1, updated_at = now()
                WHERE id = \(assignmentID)
                """)
            try EventLog.record(connection, actor: actor, entityType: "report", entityID: id, event: "submitted",
                                data: ["assignment_id": assignmentID.lowercased, "done_on": submission.doneOn.iso])
            try EventLog.record(connection, actor: actor, entityType: "assignment", entityID: assignmentID, event: "reported",
                                data: ["from": assignment.status.rawValue, "to": target.rawValue, "report_id": id.lowercased])
            _ = try EvidenceStore.insert(evidence, reportID: id, actor: actor, on: connection)
            let report = try Self.get(id, scope: actor, on: connection)
            if let key = idempotencyKey {
                try connection.execute("""
                    UPDATE idempotency_keys SET response_status = 201, response_body = \(PostgresJSON(report))
                    WHERE user_id = \(actor.userID) AND key = \(key)
                    """)
            }
            return ReportOutcome(report: report, replayed: false)
        }
    }

    static func fingerprint(assignmentID: UUID, _ submission: ReportSubmission) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let body = String(decoding: try encoder.encode(submission), as: UTF8.self)
        return "POST /v1/assignments/\(assignmentID.lowercased)/reports " + body
    }

    public func get(_ id: UUID, scope: Principal) async throws -> ReportRecord {
        try await database.withConnection { connection in try Self.get(id, scope: scope, on: connection) }
    }

    static func get(_ id: UUID, scope: Principal, forUpdate: Bool = false, on connection: PostgresConnection) throws -> ReportRecord {
        let statement: SQL = forUpdate ? "\(ReportRecord.select) WHERE r.id = \(id) FOR UPDATE" : "\(ReportRecord.select) WHERE r.id = \(id)"
        guard let row = try connection.query(statement).first,
              AccessPolicy(scope).read(ownedBy: try row.decode(UUID.self, "executor_id")).isAllowed,
              try scope.role.seesEverything || !row.decode(Bool.self, "withdrawn") else {
            throw UseCaseError.notFound(entity: "report", id: id.lowercased)
        }
        return try ReportRecord(row: row)
    }

    public func list(assignmentID: UUID, scope: Principal) async throws -> [ReportRecord] {
        try await database.withConnection { connection in
            _ = try AssignmentStore.get(assignmentID, asOf: clock.today(), scope: scope, on: connection)
            return try connection.query("\(ReportRecord.select) WHERE r.assignment_id = \(assignmentID) ORDER BY r.created_at, r.id")
                .rows.map(ReportRecord.init(row:))
        }
    }

    /// Accepts (the assignment is done) or returns (with a required comment) a report, as
    /// `ReportStatus` rules.
    public func review(_ id: UUID, decision: ReportStatus.Decision, comment: String?, ifVersion: Int?, actor: Principal) async throws -> ReportRecord {
        let comment = try TypedText.field(comment, "comment").flatMap { $0.isEmpty ? nil : $0 }
        let accept = decision == .accept
        return try await database.transaction { connection in
            let report = try Self.get(id, scope: actor, forUpdate: true, on: connection)
            let assignment = try AssignmentStore.get(report.assignmentID, asOf: clock.today(), scope: actor, forUpdate: true, on: connection)
            try OrganizationStore.require(AccessPolicy(actor).may(.reviewReport, ownedBy: assignment.executorID))
            try UseCaseError.check(version: report.version, expected: ifVersion, entity: "report")
            let decided = try UseCaseError.deciding { () throws(DecisionError) in try report.status.deciding(decision, comment: comment) }
            let target = try AssignmentStore.transition(assignment.status, decision.assignmentTransition)
            try connection.execute("""
                UPDATE reports SET status = \(decided.rawValue), reviewed_by = \(actor.recordedUserID), reviewed_at = now(),
                    review_comment = \(comment), version = version + 1, updated_at = now()
                WHERE id = \(id)
                """)
            try connection.execute("""
                UPDATE assignments SET status = \(target.rawValue), done_on = \(accept ? report.doneOn : nil), status_changed_at = now(),
                    version = version + 1, updated_at = now()
                WHERE id = \(assignment.id)
                """)
            try EventLog.record(connection, actor: actor, entityType: "report", entityID: id, event: accept ? "accepted" : "returned",
                                reason: comment)
            try EventLog.record(connection, actor: actor, entityType: "assignment", entityID: assignment.id, event: accept ? "done" : "returned",
                                reason: comment, data: ["from": assignment.status.rawValue, "to": target.rawValue, "report_id": id.lowercased])
            // The school hears of the decision from the same transaction (the outbox).
            let about = try Outbox.work(of: assignment.id, on: connection)
            let message: NotificationMessage = accept ? .reportAccepted(work: about.work, comment: comment)
                                                      : .reportReturned(work: about.work, comment: comment)
            try Outbox.toExecutors(of: about.executorID, message, assignmentID: assignment.id,
                                   key: "\(message.kind.rawValue):\(id.lowercased)", on: connection)
            return try Self.get(id, scope: actor, on: connection)
        }
    }
}
