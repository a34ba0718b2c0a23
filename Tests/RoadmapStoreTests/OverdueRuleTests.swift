import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// «Просрочено» has one definition in SQL (`analytics.is_overdue`, used by the service's
/// queries and the analysts' views) and one in Swift (`AssignmentStatus.isOverdue`); this
/// holds them to the same answer for every status and every due day around the as-of date.
@Suite("Overdue: SQL and Swift agree")
struct OverdueRuleTests {
    @Test func theSQLFunctionAnswersAsTheDomain() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let asOf = try #require(CalendarDate(iso: "2019-04-01"))
            let dueDays: [CalendarDate?] = [nil, asOf.adding(days: -30), asOf.adding(days: -1), asOf,
                                            asOf.adding(days: 1)]
            var cases = 0
            for status in AssignmentStatus.allCases {
                for due in dueDays {
                    let sql = try await lease.pool.withConnection { connection in
                        try connection.query("""
                            SELECT analytics.is_overdue(\(status.rawValue), \(due), \(asOf)) AS overdue,
                                   analytics.is_open(\(status.rawValue)) AS open
                            """).first.map { (try $0.decode(Bool.self, "overdue"), try $0.decode(Bool.self, "open")) }
                    }
                    let answer = try #require(sql)
                    #expect(answer.0 == status.isOverdue(dueDay: due, asOf: asOf), "\(status) due \(due?.iso ?? "none")")
                    #expect(answer.1 == !status.isClosed, "\(status)")
                    cases += 1
                }
            }
            #expect(cases == AssignmentStatus.allCases.count * dueDays.count)
        }
    }

    @Test func theSummarysOutcomeInSQLAnswersAsTheDomain() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let asOf = try #require(CalendarDate(iso: "2019-04-01"))
            let days: [CalendarDate?] = [nil, asOf.adding(days: -30), asOf.adding(days: -1), asOf,
                                         asOf.adding(days: 1)]
            for status in AssignmentStatus.allCases {
                for due in days {
                    for done in days {
                        let sql = try await lease.pool.withConnection { connection in
                            try connection.query("SELECT analytics.outcome(\(status.rawValue), \(due), \(done), \(asOf)) AS outcome")
                                .first?.decode(String.self, "outcome")
                        }
                        let domain = ExecutionOutcome(status: status, dueOn: due, doneOn: done, asOf: asOf)
                        #expect(sql == domain.rawValue, "\(status) due \(due?.iso ?? "none") done \(done?.iso ?? "none")")
                    }
                }
            }
        }
    }

    @Test func theAnalystsViewAndTheServiceCountTheSameOverdue() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            try await AnalyticsTests.seed(lease.pool)
            let today = CommitteeClock().today()
            let coordinator = Principal.installation(commandLine: "test")
            let service = try await AssignmentStore(database: lease.database)
                .list(AssignmentFilter(overdue: true), asOf: today, limit: 500, cursor: nil, scope: coordinator).items.count
            let view = try await lease.pool.withConnection { connection in
                try connection.query("SELECT count(*)::int AS n FROM analytics.assignments WHERE overdue").first?.decode(Int.self, "n")
            }
            #expect(service > 0)
            #expect(view == service)
        }
    }
}
