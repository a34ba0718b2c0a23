import Foundation
import Logging
import RoadmapStore

extension DatabaseOptions {
    /// Runs `body` with the database on a current schema: the private cluster is started
    /// and migrated as needed; a shared database must already be migrated by its operator.
    /// The connections are closed on every path.
    ///
    /// With `preparing` false the schema is left as it is (a restore needs an empty database).
    func withDatabase<T: Sendable>(preparing: Bool = true, _ body: (Database) async throws -> T) async throws -> T {
        let logger = Logger(label: "roadmapctl")
        let (database, _) = try open(logger: logger)
        do {
            if preparing { try await SchemaStore(database: database).prepare(migrating: location.isEmbedded) }
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }
}

extension DatabaseOptions {
    /// The libpq URL or conninfo of the database, for PostgreSQL's own tools.
    var conninfo: String { location.url ?? location.clusterURL }
}

/// A refusal of a command, shown as it is (exit code 1).
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
