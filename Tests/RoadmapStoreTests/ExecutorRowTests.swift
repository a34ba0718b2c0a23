import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// An organisation is an action's executor through its first assignment (sql/0031): removed
/// from the action it keeps its assignments, cancelled and no longer listed; named again it is
/// the same row. Persons keep a table of their own; `action_executors` shows both.
@Suite("One row per school and action")
struct ExecutorRowTests {
    /// The action's executors as the view shows them: name or role, position, responsibility.
    static func listed(_ action: UUID, on pool: PostgresPool) async throws -> [String] {
        try await pool.withConnection { (connection) throws in
            try connection.query("""
                SELECT coalesce(o.name, e.person_role) || ' ' || e.position || ' ' || e.responsibility AS row
                FROM action_executors e LEFT JOIN organizations o ON o.id = e.organization_id
                WHERE e.action_id = \(action) ORDER BY e.position, 1
                """).rows.map { try $0.decode(String.self, "row") }
        }
    }

    /// Each assignment of the action: school, status, whether listed.
    static func assignments(_ action: UUID, on pool: PostgresPool) async throws -> [String] {
        try await pool.withConnection { (connection) throws in
            try connection.query("""
                SELECT o.name || ' ' || s.status || ' ' || s.listed AS row
                FROM assignments s JOIN organizations o ON o.id = s.executor_id
                WHERE s.action_id = \(action) ORDER BY 1
                """).rows.map { try $0.decode(String.self, "row") }
        }
    }

    @Test func anExecutorRemovedAndNamedAgainKeepsItsOneAssignment() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await UseCaseRoleTests.World.make(lease.database)
            let plans = PlanStore(database: world.database)
            let rollups = RollupStore(database: world.database)
            #expect(try await Self.listed(world.sharedAction, on: lease.pool) == ["МАОУ СОШ № 5 1 lead", "МБОУ Лицей № 14 2 co"])

            _ = try await plans.updateAction(
                world.sharedAction, ActionChange(executorIDs: [world.schoolAID]), ifVersion: nil, asOf: world.today, actor: world.coordinator)
            #expect(try await Self.listed(world.sharedAction, on: lease.pool) == ["МАОУ СОШ № 5 1 lead"])
            #expect(try await Self.assignments(world.sharedAction, on: lease.pool)
                    == ["МАОУ СОШ № 5 planned true", "МБОУ Лицей № 14 cancelled false"])
            let shown = try await plans.action(world.sharedAction, asOf: world.today, scope: world.coordinator)
            #expect(shown.executors.compactMap(\.organizationID) == [world.schoolAID])
            // School B still finds the action through its cancelled assignment, but not itself
            // among the executors.
            let asB = try await plans.action(world.sharedAction, asOf: world.today, scope: world.schoolB)
            #expect(asB.executors.compactMap(\.organizationID).isEmpty)
            var outcome = try await rollups.check(repair: false, actor: world.admin)
            #expect(outcome.differenceCount == 0, "after a removal: \(outcome.differences)")

            _ = try await plans.updateAction(
                world.sharedAction, ActionChange(executorIDs: [world.schoolBID, world.schoolAID]), ifVersion: nil, asOf: world.today,
                actor: world.coordinator)
            #expect(try await Self.listed(world.sharedAction, on: lease.pool) == ["МБОУ Лицей № 14 1 lead", "МАОУ СОШ № 5 2 lead"])
            #expect(try await Self.assignments(world.sharedAction, on: lease.pool)
                    == ["МАОУ СОШ № 5 planned true", "МБОУ Лицей № 14 planned true"])
            outcome = try await rollups.check(repair: false, actor: world.admin)
            #expect(outcome.differenceCount == 0, "after it was named again: \(outcome.differences)")
        }
    }

    @Test func aReimportThatDropsASchoolUnlistsItAndOneThatNamesItAgainListsIt() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let store = ImportStore(database: lease.database)
            let installation = Principal.installation(commandLine: "test")
            _ = try await store.importPlan(try ImportStoreTests.order770(), actor: installation)
            let action = try await lease.pool.withConnection { (connection) throws in
                try #require(try connection.query("SELECT id FROM actions WHERE position = 3").first).decode(UUID.self, "id")
            }
            let before = try await Self.listed(action, on: lease.pool)
            #expect(before.contains("МАОУ СОШ № 5 имени Ю.А.Гагарина 3 lead"))

            let dropped = try await store.importPlan(
                try ImportStoreTests.order770(thirdExecutors: "Комитет образования, МКУ «Центр сопровождения образовательной деятельности», город Тамбов"),
                actor: installation)
            #expect(dropped.changed)
            #expect(try await Self.listed(action, on: lease.pool) == before.filter { !$0.hasPrefix("МАОУ СОШ № 5") })
            #expect(try await Self.assignments(action, on: lease.pool).filter { $0.hasPrefix("МАОУ СОШ № 5") }
                    == ["МАОУ СОШ № 5 имени Ю.А.Гагарина cancelled false"])

            let again = try await store.importPlan(try ImportStoreTests.order770(), actor: installation)
            #expect(again.changed)
            #expect(again.assignmentsCreated == 0)
            #expect(try await Self.listed(action, on: lease.pool) == before)
            let rollups = try await RollupStore(database: lease.database).check(repair: false, actor: installation)
            #expect(rollups.differenceCount == 0, "\(rollups.differences)")
        }
    }

    /// A database migrated before sql/0031, with every kind of executor row it could hold,
    /// keeps each one: organisations onto their first assignment, persons in their table.
    @Test func anUpgradedDatabaseKeepsEveryExecutor() async throws {
        try await TestDatabase.withDatabase(migrated: false) { (lease) async throws in
            let all = try Migrator.embedded()
            let before = try Migrator(migrations: all.migrations.filter { $0.version < 31 })
            let action = try await lease.pool.withConnection { (connection) throws -> UUID in
                try before.migrate(on: connection)
                let ids = try connection.query("""
                    WITH c AS (INSERT INTO organizations (name, kind, normalized_name) VALUES ('Комитет', 'committee', 'комитет') RETURNING id),
                    o AS (INSERT INTO orders (issuer_id, number, issued_on) SELECT id, '1', '2019-01-10' FROM c RETURNING id),
                    p AS (INSERT INTO plans (order_id, title) SELECT id, 'План' FROM o RETURNING id),
                    g AS (INSERT INTO goals (plan_id, position, title) SELECT id, 1, 'Цель' FROM p RETURNING id)
                    INSERT INTO actions (goal_id, position, title, deadline_text, deadline_kind, deadline_period, deadline_parsed)
                    SELECT id, 1, 'Семинар', 'Ежемесячно', 'recurring', '[2019-01-01,2019-12-31]', true FROM g RETURNING id
                    """)
                let action = try #require(ids.first).decode(UUID.self, "id")
                try connection.execute(script: """
                    INSERT INTO organizations (name, kind, normalized_name) VALUES
                        ('Школа 1', 'school', 'школа 1'), ('Школа 2', 'school', 'школа 2'),
                        ('Школа 3', 'school', 'школа 3'), ('Школа 4', 'school', 'школа 4');
                    CREATE TEMP TABLE s AS SELECT name, id FROM organizations WHERE kind = 'school';
                    INSERT INTO action_executors (action_id, organization_id, position, responsibility, source_text)
                    SELECT '\(action.uuidString)', id, CASE name WHEN 'Школа 1' THEN 2 WHEN 'Школа 2' THEN 1 ELSE 3 END,
                           CASE name WHEN 'Школа 1' THEN 'co' ELSE 'lead' END, CASE name WHEN 'Школа 1' THEN 'СОШ № 1' END
                    FROM s WHERE name IN ('Школа 1', 'Школа 2', 'Школа 4');
                    INSERT INTO action_executors (action_id, person_role, position) VALUES ('\(action.uuidString)', 'Классный руководитель', 4);
                    -- Школа 1 and Школа 2 have two occurrences; Школа 3 was removed from the action
                    -- (its assignment cancelled); Школа 4 is named but was never given one.
                    INSERT INTO assignments (action_id, executor_id, occurrence, period, due_on, original_due_on, status)
                    SELECT '\(action.uuidString)', s.id, n, daterange(make_date(2019, n, 1), make_date(2019, n, 28), '[]'),
                           make_date(2019, n, 28), make_date(2019, n, 28), CASE s.name WHEN 'Школа 3' THEN 'cancelled' ELSE 'planned' END
                    FROM s, generate_series(1, 2) n WHERE s.name IN ('Школа 1', 'Школа 2') OR (s.name = 'Школа 3' AND n = 1);
                    """)
                try all.migrate(on: connection)
                return action
            }
            #expect(try await Self.listed(action, on: lease.pool)
                    == ["Школа 2 1 lead", "Школа 1 2 co", "Школа 4 3 lead", "Классный руководитель 4 lead"])
            #expect(try await Self.assignments(action, on: lease.pool) == [
                "Школа 1 planned true", "Школа 1 planned true", "Школа 2 planned true", "Школа 2 planned true",
                "Школа 3 cancelled false", "Школа 4 planned true",
            ])
            try await lease.pool.withConnection { (connection) throws in
                let written = try connection.query("""
                    SELECT source_text FROM assignments WHERE action_id = \(action) AND occurrence = 1 AND source_text IS NOT NULL
                    """).rows.map { try $0.decode(String.self, "source_text") }
                #expect(written == ["СОШ № 1"])
                let counts = try #require(try connection.query("""
                    SELECT organizations, persons FROM action_executor_counts WHERE action_id = \(action)
                    """).first)
                #expect(try counts.decode(Int.self, "organizations") == 3)
                #expect(try counts.decode(Int.self, "persons") == 1)
                #expect(try connection.query("SELECT actions FROM plan_executors ORDER BY 1").rows.map { try $0.decode(Int.self, "actions") } == [1, 1, 1])
                #expect(try connection.query("SELECT 1 FROM executor_count_differences() UNION ALL SELECT 1 FROM plan_executor_differences()").rows.isEmpty)
                // The analysts' views read the new rows and kept their grants and comments.
                #expect(try connection.query("SELECT count(*)::int AS n FROM analytics.executors WHERE action_id = \(action)").first?.decode(Int.self, "n") == 4)
                #expect(try connection.query("""
                    SELECT has_table_privilege('roadmap_analyst', 'analytics.executors', 'SELECT')
                       AND has_table_privilege('roadmap_analyst', 'analytics.calendar', 'SELECT')
                       AND obj_description('analytics.executors'::regclass, 'pg_class') IS NOT NULL
                       AND col_description('analytics.executors'::regclass, 1) IS NOT NULL AS kept
                    """).first?.decode(Bool.self, "kept") == true)
            }
        }
    }
}
