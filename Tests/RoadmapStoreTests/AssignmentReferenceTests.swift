import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Assignments' references to their action and executor are checked by statement triggers
/// (sql/0036) rather than by foreign keys: what the keys guaranteed must still hold, with the
/// keys' names and SQLSTATE, and an import must take no lock a reader waits for.
@Suite("References of assignments")
struct AssignmentReferenceTests {
    /// Order № 770 imported, and one of its actions.
    private func imported(_ lease: TestDatabase.Lease) async throws -> UUID {
        _ = try await ImportStore(database: lease.database).importPlan(try ImportStoreTests.order770(), actor: .installation(commandLine: "test"))
        return try await lease.pool.withConnection { (connection) throws in
            try connection.query("SELECT id FROM actions ORDER BY id LIMIT 1").first?.decode(UUID.self, "id") ?? UUID()
        }
    }

    private func newOrganization(_ connection: PostgresConnection, _ name: String) throws -> UUID {
        try connection.query("""
            INSERT INTO organizations (name, kind, normalized_name) VALUES (\(name), 'school', \(OrganizationName(name).key)) RETURNING id
            """).first?.decode(UUID.self, "id") ?? UUID()
    }

    private func assignments(_ connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) AS n FROM assignments").first?.decode(Int.self, "n") ?? -1
    }

    @Test func aStatementNamingAnActionOrExecutorThatDoesNotExistWritesNothing() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let action = try await imported(lease)
            try await lease.pool.withConnection { (connection) throws in
                let school = try newOrganization(connection, "МБОУ СОШ № 41")
                let before = try assignments(connection)
                // Two rows in one statement, the second with an executor nobody has.
                let executor = #expect(throws: PostgresError.self) {
                    try connection.execute("""
                        INSERT INTO assignments (action_id, executor_id, occurrence)
                        VALUES (\(action), \(school), 1), (\(action), \(UUID()), 1)
                        """)
                }
                #expect(executor?.sqlState == .foreignKeyViolation)
                #expect(executor?.constraint == "assignments_executor_id_fkey")
                #expect(executor?.table == "assignments")
                let unknownAction = #expect(throws: PostgresError.self) {
                    try connection.execute("INSERT INTO assignments (action_id, executor_id, occurrence) VALUES (\(UUID()), \(school), 1)")
                }
                #expect(unknownAction?.sqlState == .foreignKeyViolation)
                #expect(unknownAction?.constraint == "assignments_action_id_fkey")
                #expect(try assignments(connection) == before)
                // Both references there: written.
                #expect(try connection.execute("INSERT INTO assignments (action_id, executor_id, occurrence) VALUES (\(action), \(school), 1)") == 1)
                // Moving a row to an executor nobody has is refused; a change of status is not checked.
                let moved = #expect(throws: PostgresError.self) {
                    try connection.execute("UPDATE assignments SET executor_id = \(UUID()) WHERE executor_id = \(school)")
                }
                #expect(moved?.constraint == "assignments_executor_id_fkey")
                #expect(try connection.execute("UPDATE assignments SET status = 'in_progress' WHERE executor_id = \(school)") == 1)
            }
        }
    }

    @Test func anActionOrOrganisationWithAssignmentsIsNeitherDeletedNorGivenAnotherID() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let action = try await imported(lease)
            try await lease.pool.withConnection { (connection) throws in
                let school = try newOrganization(connection, "МБОУ СОШ № 42")
                _ = try connection.execute("INSERT INTO assignments (action_id, executor_id, occurrence) VALUES (\(action), \(school), 1)")
                let organization = #expect(throws: PostgresError.self) {
                    try connection.execute("DELETE FROM organizations WHERE id = \(school)")
                }
                #expect(organization?.sqlState == .foreignKeyViolation)
                #expect(organization?.constraint == "assignments_executor_id_fkey")
                #expect(organization?.detail?.contains(school.lowercased) == true)
                let renumbered = #expect(throws: PostgresError.self) {
                    try connection.execute("UPDATE organizations SET id = \(UUID()) WHERE id = \(school)")
                }
                #expect(renumbered?.constraint == "assignments_executor_id_fkey")
                // Renaming is not a change of id.
                #expect(try connection.execute("UPDATE organizations SET short_name = 'СОШ 42' WHERE id = \(school)") == 1)
                let deletedAction = #expect(throws: PostgresError.self) {
                    try connection.execute("DELETE FROM actions WHERE id = \(action)")
                }
                #expect(deletedAction?.sqlState == .foreignKeyViolation)
                #expect(deletedAction?.constraint == "assignments_action_id_fkey")
                // With its assignment gone, the school can go.
                _ = try connection.execute("DELETE FROM assignments WHERE executor_id = \(school)")
                #expect(try connection.execute("DELETE FROM organizations WHERE id = \(school)") == 1)
            }
        }
    }

    /// The deleting statement's check must see rows committed after its transaction began,
    /// which a snapshot of REPEATABLE READ does not: such deletes are refused.
    @Test func aDeleteUnderRepeatableReadIsRefused() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            try await lease.pool.withConnection { (connection) throws in
                let school = try newOrganization(connection, "МБОУ СОШ № 43")
                try connection.execute(script: "BEGIN ISOLATION LEVEL REPEATABLE READ")
                let refused = #expect(throws: PostgresError.self) {
                    try connection.execute("DELETE FROM organizations WHERE id = \(school)")
                }
                try connection.execute(script: "ROLLBACK")
                #expect(refused?.sqlState == SQLState(rawValue: "55000"))
                #expect(refused?.message.contains("READ COMMITTED") == true)
                // A statement that deletes nothing is not refused.
                try connection.execute(script: "BEGIN ISOLATION LEVEL REPEATABLE READ")
                #expect(try connection.execute("DELETE FROM organizations WHERE id = \(UUID())") == 0)
                try connection.execute(script: "ROLLBACK")
                #expect(try connection.execute("DELETE FROM organizations WHERE id = \(school)") == 1)
            }
        }
    }

    /// A writer locks what its rows reference until it commits, as a foreign key's check does;
    /// a row deleted by a transaction that commits first is reported missing.
    @Test func aWriterAndADeleterOfWhatItReferencesWaitForEachOther() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let action = try await imported(lease)
            let writer = try PostgresConnection(configuration: lease.pool.configuration)
            let deleter = try PostgresConnection(configuration: lease.pool.configuration)
            defer { writer.close(); deleter.close() }
            let school = try newOrganization(writer, "МБОУ СОШ № 44")
            try deleter.execute(script: "SET lock_timeout = '200ms'")

            try writer.execute(script: "BEGIN")
            _ = try writer.execute("INSERT INTO assignments (action_id, executor_id, occurrence) VALUES (\(action), \(school), 1)")
            let waited = #expect(throws: PostgresError.self) {
                try deleter.execute("DELETE FROM organizations WHERE id = \(school)")
            }
            #expect(waited?.sqlState == .lockNotAvailable)
            try writer.execute(script: "ROLLBACK")

            try deleter.execute(script: "BEGIN")
            #expect(try deleter.execute("DELETE FROM organizations WHERE id = \(school)") == 1)
            try writer.execute(script: "SET lock_timeout = '200ms'")
            let blocked = #expect(throws: PostgresError.self) {
                try writer.execute("INSERT INTO assignments (action_id, executor_id, occurrence) VALUES (\(action), \(school), 1)")
            }
            #expect(blocked?.sqlState == .lockNotAvailable)
            try deleter.execute(script: "COMMIT")
            let missing = #expect(throws: PostgresError.self) {
                try writer.execute("INSERT INTO assignments (action_id, executor_id, occurrence) VALUES (\(action), \(school), 1)")
            }
            #expect(missing?.sqlState == .foreignKeyViolation)
            #expect(missing?.constraint == "assignments_executor_id_fkey")
        }
    }

    /// An import of 20,000 assignments or more used to take the foreign keys of assignments
    /// off, which locked the table against every reader until it committed: on the region,
    /// pages waited 20 s. Here such an import (100 actions for 200 schools) is held after it
    /// has written its assignments (another session holds the events table it writes next)
    /// and a reader must get its answer without waiting.
    @Test func aReaderDoesNotWaitForALargeImport() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let holder = try PostgresConnection(configuration: lease.pool.configuration)
            let reader = try PostgresConnection(configuration: lease.pool.configuration)
            defer { holder.close(); reader.close() }
            let schools = (1...200).map { "МАОУ СОШ № \($0)" }.joined(separator: ", ")
            let rows = (1...100).map { "Мероприятие \($0);Март 2025;\"\(schools)\"" }
            let plan = Data((["Мероприятие;Срок;Ответственный исполнитель"] + rows).joined(separator: "\n").utf8)
            let options = ImportOptions(orderNumber: "1", orderDate: CalendarDate(year: 2025, month: 1, day: 30), issuer: "Комитет образования")
            try holder.execute(script: "BEGIN; LOCK TABLE events IN SHARE MODE")
            let store = ImportStore(database: lease.database)
            let importing = Task {
                try await store.importDocument(plan, fileName: "plan.csv", options: options, actor: .installation(commandLine: "test"))
            }
            // Until the import waits for the events table, past its assignments.
            var waiting = false
            for _ in 0..<1200 where !waiting {
                waiting = try holder.query("""
                    SELECT EXISTS (SELECT 1 FROM pg_locks WHERE relation = 'events'::regclass AND NOT granted) AS waiting
                    """).first?.decode(Bool.self, "waiting") ?? false
                if !waiting { try await Task.sleep(nanoseconds: 50_000_000) }
            }
            #expect(waiting)
            try reader.execute(script: "SET lock_timeout = '2s'")
            // The import's rows are not committed: the reader sees none, and does not wait.
            #expect(try assignments(reader) == 0)
            #expect(try reader.query("SELECT count(*) AS n FROM actions").first?.decode(Int.self, "n") == 0)
            try holder.execute(script: "COMMIT")
            let outcome = try await importing.value
            #expect(outcome.assignmentsCreated == 20_000)
            #expect(try assignments(reader) == 20_000)
        }
    }
}
