import Foundation
import RoadmapDomain
import RoadmapPostgres

/// What the first screen after sign-in shows the committee: reports waiting for review and
/// the schools with the most overdue work.
public struct DashboardStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct WaitingReport: Sendable {
        public let reportID: UUID
        public let assignmentID: UUID
        public let actionTitle: String
        public let executorName: String
        public let doneOn: CalendarDate
        public let submittedAt: Date
        /// What the school wrote, its links, and the version a decision must match.
        public let text: String
        public let evidenceURLs: [String]
        public let version: Int
    }

    public struct OverdueSchool: Sendable {
        public let executorID: UUID
        public let executorName: String
        public let overdue: Int
    }

    /// Reports waiting for review, oldest first (everyone but an executor).
    public func waitingReports(scope: Principal, limit: Int = 50) async throws -> [WaitingReport] {
        guard scope.role.seesEverything else { return [] }
        return try await database.withConnection { connection in
            try connection.query("""
                SELECT r.id, r.assignment_id, ac.title, o.name, r.done_on, r.created_at, r.text, r.evidence_urls, r.version
                FROM reports r JOIN assignments s ON s.id = r.assignment_id JOIN actions ac ON ac.id = s.action_id
                JOIN organizations o ON o.id = s.executor_id
                WHERE r.status = 'submitted' AND \(Withdrawal.assignmentInForce()) ORDER BY r.created_at, r.id LIMIT \(limit)
                """).rows.map { row in
                WaitingReport(
                    reportID: try row.decode(UUID.self, "id"), assignmentID: try row.decode(UUID.self, "assignment_id"),
                    actionTitle: try row.decode(String.self, "title"), executorName: try row.decode(String.self, "name"),
                    doneOn: try row.decode(CalendarDate.self, "done_on"), submittedAt: try row.decode(Date.self, "created_at"),
                    text: try row.decode(String.self, "text"), evidenceURLs: try row.decode([String].self, "evidence_urls"),
                    version: try row.decode(Int.self, "version"))
            }
        }
    }

    /// A request to move a deadline, waiting for the committee's decision.
    public struct WaitingExtension: Sendable {
        public let extensionID: UUID
        public let assignmentID: UUID
        public let actionTitle: String
        public let executorName: String
        public let currentDueOn: CalendarDate?
        public let requestedDueOn: CalendarDate
        public let reason: String
        public let version: Int
    }

    /// Extension requests waiting for a decision, oldest first (empty for a school).
    public func waitingExtensions(scope: Principal, limit: Int = 50) async throws -> [WaitingExtension] {
        guard scope.role.seesEverything else { return [] }
        return try await database.withConnection { connection in
            try connection.query("""
                SELECT e.id, e.assignment_id, ac.title, o.name, s.due_on, e.requested_due_on, e.reason, e.version
                FROM deadline_extensions e JOIN assignments s ON s.id = e.assignment_id JOIN actions ac ON ac.id = s.action_id
                JOIN organizations o ON o.id = s.executor_id
                WHERE e.status = 'requested' AND \(Withdrawal.assignmentInForce()) ORDER BY e.created_at, e.id LIMIT \(limit)
                """).rows.map { row in
                WaitingExtension(
                    extensionID: try row.decode(UUID.self, "id"), assignmentID: try row.decode(UUID.self, "assignment_id"),
                    actionTitle: try row.decode(String.self, "title"), executorName: try row.decode(String.self, "name"),
                    currentDueOn: try row.decode(CalendarDate?.self, "due_on"),
                    requestedDueOn: try row.decode(CalendarDate.self, "requested_due_on"),
                    reason: try row.decode(String.self, "reason"), version: try row.decode(Int.self, "version"))
            }
        }
    }

    /// Executors with overdue assignments as of `asOf`, most first.
    public func overdueBySchool(asOf: CalendarDate, scope: Principal, limit: Int = 20) async throws -> [OverdueSchool] {
        guard scope.role.seesEverything else { return [] }
        return try await database.withConnection { connection in
            try connection.query("""
                SELECT s.executor_id, o.name, count(*)::int AS overdue
                FROM assignments s JOIN organizations o ON o.id = s.executor_id
                WHERE analytics.is_overdue(s.status, s.due_on, \(asOf)) AND \(Withdrawal.assignmentInForce())
                GROUP BY s.executor_id, o.name ORDER BY overdue DESC, o.name LIMIT \(limit)
                """).rows.map { row in
                OverdueSchool(executorID: try row.decode(UUID.self, "executor_id"), executorName: try row.decode(String.self, "name"),
                              overdue: try row.decode(Int.self, "overdue"))
            }
        }
    }
}
