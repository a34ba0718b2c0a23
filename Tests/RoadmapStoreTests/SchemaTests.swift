import Foundation
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// The constraints of the schema hold whatever code writes to it.
@Suite("Schema constraints")
struct SchemaTests {
    /// Inserts a committee, an order, a plan, a goal and an action; returns the ids.
    func seed(_ connection: PostgresConnection) throws -> (organization: UUID, action: UUID) {
        let org = try #require(try connection.query("""
            INSERT INTO organizations (name, kind, normalized_name) VALUES ('Комитет образования', 'committee', 'комитет образования') RETURNING id
            """).first).decode(UUID.self, "id")
        let order = try #require(try connection.query("INSERT INTO orders (issuer_id, number, issued_on) VALUES (\(org), '770', '2018-06-25') RETURNING id").first).decode(UUID.self, "id")
        let plan = try #require(try connection.query("INSERT INTO plans (order_id, title) VALUES (\(order), 'Дорожная карта') RETURNING id").first).decode(UUID.self, "id")
        let goal = try #require(try connection.query("INSERT INTO goals (plan_id, position, title) VALUES (\(plan), 1, 'Цель') RETURNING id").first).decode(UUID.self, "id")
        let action = try #require(try connection.query("""
            INSERT INTO actions (goal_id, position, title, deadline_text, deadline_kind, deadline_period, deadline_parsed)
            VALUES (\(goal), 1, 'Мероприятие', 'Март 2019', 'month', '[2019-03-01,2019-03-31]', true) RETURNING id
            """).first).decode(UUID.self, "id")
        return (org, action)
    }

    @Test func aPeriodCannotEndBeforeItStarts() async throws {
        try await TestDatabase.withDatabase { lease in
            try await lease.pool.withConnection { (connection) throws in
                let ids = try seed(connection)
                let error = #expect(throws: PostgresError.self) {
                    try connection.execute("UPDATE actions SET deadline_period = daterange('2019-04-30', '2019-03-01', '[]') WHERE id = \(ids.action)")
                }
                #expect(error?.sqlState == .dataException)
                let empty = #expect(throws: PostgresError.self) {
                    try connection.execute("UPDATE actions SET deadline_period = 'empty' WHERE id = \(ids.action)")
                }
                #expect(empty?.sqlState == .checkViolation)
            }
        }
    }

    @Test func statusesComeFromTheFixedSet() async throws {
        try await TestDatabase.withDatabase { lease in
            try await lease.pool.withConnection { (connection) throws in
                let ids = try seed(connection)
                try connection.execute("""
                    INSERT INTO assignments (action_id, executor_id, period, due_on, original_due_on)
                    VALUES (\(ids.action), \(ids.organization), '[2019-03-01,2019-03-31]', '2019-03-31', '2019-03-31')
                    """)
                let error = #expect(throws: PostgresError.self) {
                    try connection.execute("UPDATE assignments SET status = 'overdue'")
                }
                #expect(error?.sqlState == .checkViolation)
                #expect(error?.constraint == "assignments_status_check")
                let duplicate = #expect(throws: PostgresError.self) {
                    try connection.execute("INSERT INTO assignments (action_id, executor_id) VALUES (\(ids.action), \(ids.organization))")
                }
                #expect(duplicate?.constraint == "assignments_action_executor_occurrence_key")
            }
        }
    }

    @Test func historyIsAppendOnly() async throws {
        try await TestDatabase.withDatabase { lease in
            try await lease.pool.withConnection { (connection) throws in
                let ids = try seed(connection)
                try connection.execute("INSERT INTO events (entity_type, entity_id, event, reason) VALUES ('action', \(ids.action), 'created', 'import')")
                for statement: SQL in ["UPDATE events SET reason = 'rewritten'", "DELETE FROM events", "TRUNCATE events"] {
                    let error = #expect(throws: PostgresError.self) { try connection.execute(statement) }
                    #expect(error?.message.contains("append-only") == true)
                }
                #expect(try connection.query("SELECT count(*) AS c FROM events").first?.decode(Int.self, "c") == 1)
            }
        }
    }

    @Test func aReturnedReportNeedsAComment() async throws {
        try await TestDatabase.withDatabase { lease in
            try await lease.pool.withConnection { (connection) throws in
                let ids = try seed(connection)
                let assignment = try #require(try connection.query("""
                    INSERT INTO assignments (action_id, executor_id) VALUES (\(ids.action), \(ids.organization)) RETURNING id
                    """).first).decode(UUID.self, "id")
                let report = try #require(try connection.query("""
                    INSERT INTO reports (assignment_id, done_on, text) VALUES (\(assignment), '2019-03-20', 'Проведено') RETURNING id
                    """).first).decode(UUID.self, "id")
                let error = #expect(throws: PostgresError.self) {
                    try connection.execute("UPDATE reports SET status = 'returned', reviewed_at = now() WHERE id = \(report)")
                }
                #expect(error?.constraint == "reports_returned_with_comment")
            }
        }
    }

    @Test func deadlineRangesUseTheGiSTIndex() async throws {
        try await TestDatabase.withDatabase { lease in
            try await lease.pool.withConnection { (connection) throws in
                try connection.execute(script: "SET enable_seqscan = off")
                let plan = try connection.query("EXPLAIN SELECT id FROM actions WHERE deadline_period && daterange('2019-03-01', '2019-03-31', '[]')")
                    .rows.map { try $0.decode(String.self, at: 0) }.joined(separator: "\n")
                #expect(plan.contains("actions_deadline_period_idx"))
            }
        }
    }
}
