import Foundation
import Logging
import RoadmapPostgres
import ServiceLifecycle

/// The database the use cases run on: a pool of connections to one PostgreSQL, run as a
/// service of the application's service group. The HTTP service and the CLI hold one and
/// hand it to the use cases; they never see a connection, a row or a driver error.
///
/// A database that cannot be reached surfaces as `UseCaseError.unavailable`, mapped here
/// once, so every adapter turns it into its own "try again" (503, exit code 1).
public final class Database: Service, Sendable {
    let pool: PostgresPool
    /// Whether this is the installation's own private cluster, whose operator is whoever
    /// runs the command (see `UserStore.actor(login:commandLine:)`).
    let isPrivate: Bool

    /// For test support and the store's own wiring: a pool made elsewhere.
    public init(pool: PostgresPool, isPrivate: Bool = false) {
        self.pool = pool
        self.isPrivate = isPrivate
    }

    /// Connections opened at most.
    public var maximumConnections: Int { pool.maximumConnections }

    /// How the pool's connections are used right now, for metrics.
    public var usage: PoolUsage {
        let usage = pool.usage
        return PoolUsage(open: usage.open, idle: usage.idle, leased: usage.leased, waiting: usage.waiting, maximum: usage.maximum)
    }

    /// Runs until the service group shuts down, then closes the connections.
    public func run() async throws {
        try await pool.run()
    }

    /// Closes the connections; waiting callers get `unavailable`.
    public func close() async {
        await pool.close()
    }

    func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        do {
            return try await pool.withConnection(body)
        } catch let error as PostgresError where error.isConnectionFailure || error.kind == .poolClosed {
            throw UseCaseError.unavailable(error.description)
        }
    }

    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        do {
            return try await pool.transaction(body)
        } catch let error as PostgresError where error.isConnectionFailure || error.kind == .poolClosed {
            throw UseCaseError.unavailable(error.description)
        }
    }
}

/// How a pool's connections are used: open, idle, leased, callers waiting, the maximum.
public struct PoolUsage: Sendable, Equatable {
    public var open: Int
    public var idle: Int
    public var leased: Int
    public var waiting: Int
    public var maximum: Int
}
