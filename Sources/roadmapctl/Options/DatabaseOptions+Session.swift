import Foundation
import Logging
import RoadmapStore

extension DatabaseOptions {
    /// Runs `body` with a pool on a current schema: the private cluster is started and
    /// migrated as needed; a shared database must already be migrated by its operator.
    /// The pool is closed on every path.
    func withPool<T: Sendable>(_ body: (PostgresPool) async throws -> T) async throws -> T {
        let logger = Logger(label: "roadmapctl")
        let (configuration, _) = try connect(logger: logger)
        let pool = pool(configuration, logger: logger)
        do {
            let migrator = try Migrator.embedded()
            let external = externalURL != nil
            try await pool.withConnection { connection in
                guard external else {
                    try migrator.migrate(on: connection)
                    return
                }
                let status = try migrator.status(on: connection)
                guard status.isCurrent else {
                    throw CommandError("the database schema is not current (pending: \(status.pending.joined(separator: ", "))); run `roadmapctl migrate` first")
                }
            }
            let result = try await body(pool)
            await pool.close()
            return result
        } catch {
            await pool.close()
            throw error
        }
    }
}

/// A refusal of a command, shown as it is (exit code 1).
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
