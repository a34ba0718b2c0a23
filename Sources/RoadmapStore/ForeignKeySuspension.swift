import RoadmapPostgres
/// Foreign keys of some tables taken off for a bulk insert and put back, validated, before
/// the transaction ends.
///
/// PostgreSQL checks a foreign key row by row: for 500,000 new assignments the four checks
/// of an import cost 13 seconds, more than the rows themselves. Re-adding a constraint
/// checks every row in one join instead. The price is an exclusive lock on the tables
/// until commit, so only imports that write many rows take this path; when the lock or the
/// privilege is missing, the import goes on with the constraints in place.
struct ForeignKeySuspension {
    private struct Constraint {
        /// As `regclass` prints it: already quoted where SQL needs it.
        let table: String
        let name: String
        let definition: String
    }

    private let connection: PostgresConnection
    private let constraints: [Constraint]

    /// Drops the foreign keys of `tables`, or returns nil, having changed nothing, when
    /// they cannot be dropped within `lockTimeout` (another session is using a table) or
    /// the role does not own the tables.
    static func suspend(tables: [String], on connection: PostgresConnection, lockTimeout: String = "5s") throws -> ForeignKeySuspension? {
        var constraints: [Constraint] = []
        for row in try connection.query("""
            SELECT c.conrelid::regclass::text AS "table", c.conname AS name, pg_get_constraintdef(c.oid) AS definition
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.conrelid = ANY(\(tables)::regclass[])
            ORDER BY 1, 2
            """).rows {
            constraints.append(Constraint(
                table: try row.decode(String.self, "table"), name: try row.decode(String.self, "name"),
                definition: try row.decode(String.self, "definition")))
        }
        guard !constraints.isEmpty else { return nil }
        let previousTimeout = try connection.query("SELECT current_setting('lock_timeout') AS timeout").first?.decode(String.self, "timeout") ?? "0"
        try connection.execute(script: "SAVEPOINT suspend_foreign_keys")
        _ = try connection.query("SELECT set_config('lock_timeout', \(lockTimeout), true)")
        do {
            for constraint in constraints {
                try connection.execute(script: "ALTER TABLE \(constraint.table) DROP CONSTRAINT \(identifier(constraint.name))")
            }
            try connection.execute(script: "RELEASE SAVEPOINT suspend_foreign_keys")
            // Later statements of the import wait for locks as they did before.
            _ = try connection.query("SELECT set_config('lock_timeout', \(previousTimeout), true)")
            return ForeignKeySuspension(connection: connection, constraints: constraints)
        } catch let error as PostgresError where error.sqlState == .lockNotAvailable || error.sqlState == .insufficientPrivilege {
            try connection.execute(script: "ROLLBACK TO SAVEPOINT suspend_foreign_keys; RELEASE SAVEPOINT suspend_foreign_keys")
            return nil
        }
    }

    /// Adds the constraints back; each checks all of its table's rows at once and fails
    /// the import, naming the constraint, if one row breaks it.
    func restore() throws {
        for constraint in constraints {
            try connection.execute(script: "ALTER TABLE \(constraint.table) ADD CONSTRAINT \(Self.identifier(constraint.name)) \(constraint.definition)")
        }
    }

    private static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
