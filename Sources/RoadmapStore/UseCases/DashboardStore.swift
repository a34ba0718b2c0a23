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
    ///
    /// Read from the open work kept per executor due before the kept month
    /// (`executor_open_before`, one row per executor), with the whole months between the kept
    /// month and `asOf`'s month added or taken off from the open work kept per executor and
    /// month (`executor_open_months`); the days of `asOf`'s own month are counted from the
    /// assignments, and open work under a withdrawn plan is taken off. So the cost follows the
    /// executors, not the region's open assignments or its months of history. Without a kept
    /// month, every month before `asOf`'s is added up.
    public func overdueBySchool(asOf: CalendarDate, scope: Principal, limit: Int = 20) async throws -> [OverdueSchool] {
        guard scope.role.seesEverything else { return [] }
        let month = asOf.firstOfMonth
        return try await database.withConnection { connection in
            try connection.query("""
                WITH counts AS (
                    SELECT b.executor_id, b.n FROM executor_open_before b
                    WHERE EXISTS (SELECT 1 FROM executor_open_before_month)
                    UNION ALL
                    SELECT m.executor_id, m.n FROM executor_open_months m
                    WHERE m.month < \(month)
                      AND m.month >= coalesce((SELECT k.month FROM executor_open_before_month k), '-infinity')
                    UNION ALL
                    SELECT m.executor_id, -m.n FROM executor_open_months m
                    WHERE m.month >= \(month) AND m.month < (SELECT k.month FROM executor_open_before_month k)
                    UNION ALL
                    SELECT s.executor_id, 1 FROM assignments s
                    WHERE analytics.is_open(s.status) AND s.due_on >= \(month) AND s.due_on < \(asOf)
                    UNION ALL
                    SELECT s.executor_id, -1 FROM plans p JOIN goals g ON g.plan_id = p.id JOIN actions ac ON ac.goal_id = g.id
                    JOIN assignments s ON s.action_id = ac.id
                    WHERE p.withdrawn_at IS NOT NULL AND analytics.is_overdue(s.status, s.due_on, \(asOf))),
                totals AS (
                    SELECT executor_id, sum(n)::int AS overdue FROM counts GROUP BY 1 HAVING sum(n) > 0)
                SELECT t.executor_id, o.name, t.overdue FROM totals t JOIN organizations o ON o.id = t.executor_id
                ORDER BY t.overdue DESC, o.name LIMIT \(limit)
                """).rows.map { row in
                OverdueSchool(executorID: try row.decode(UUID.self, "executor_id"), executorName: try row.decode(String.self, "name"),
                              overdue: try row.decode(Int.self, "overdue"))
            }
        }
    }
}
