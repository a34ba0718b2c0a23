import Logging
import NIOConcurrencyHelpers
import NIOPosix
import ServiceLifecycle

/// A bounded pool of libpq connections with async checkout.
///
/// Blocking libpq calls run on the pool's own `NIOThreadPool` (one thread per
/// connection), never on an event loop or the cooperative thread pool. A connection that
/// broke (server restarted, network dropped) is discarded and a new one is opened in its
/// place on the next checkout, so the service recovers by itself when PostgreSQL is back.
///
/// It is a `Service`: run it in the application's service group; graceful shutdown
/// closes its connections and stops its threads.
public final class PostgresPool: Service, Sendable {
    public let configuration: PostgresConfiguration
    /// The most connections open at once.
    public let maximumConnections: Int
    private let threadPool: NIOThreadPool
    private let state: NIOLockedValueBox<State>
    private let logger: Logger

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<PostgresConnection?, any Error>
    }

    private struct State {
        var idle: [PostgresConnection] = []
        /// Places for a connection that is not open yet.
        var unopened: Int
        var leased = 0
        var waiters: [Waiter] = []
        var nextWaiterID: UInt64 = 0
        var closed = false

        /// Leases a place if one is free: `.some(connection)` for an idle connection,
        /// `.some(nil)` for room to open a new one, nil when every place is taken.
        mutating func takePlace() -> PostgresConnection?? {
            if let connection = idle.popLast() {
                leased += 1
                return .some(connection)
            }
            if unopened > 0 {
                unopened -= 1
                leased += 1
                return .some(nil)
            }
            return nil
        }
    }

    /// How busy the pool is, for `/metrics` and `/readyz`.
    public struct Usage: Sendable, Equatable {
        public var open: Int
        public var idle: Int
        public var leased: Int
        public var waiting: Int
        public var maximum: Int
    }

    public init(configuration: PostgresConfiguration, maximumConnections: Int = 8, logger: Logger = Logger(label: "roadmap.postgres")) {
        precondition(maximumConnections > 0, "a pool needs at least one connection")
        self.configuration = configuration
        self.maximumConnections = maximumConnections
        self.logger = logger
        self.threadPool = NIOThreadPool(numberOfThreads: maximumConnections)
        self.threadPool.start()
        self.state = NIOLockedValueBox(State(unopened: maximumConnections))
    }

    public var usage: Usage {
        state.withLockedValue { state in
            Usage(
                open: maximumConnections - state.unopened, idle: state.idle.count, leased: state.leased,
                waiting: state.waiters.count, maximum: maximumConnections)
        }
    }

    /// Runs `body` with a connection of its own, on a pool thread. The connection returns to
    /// the pool afterwards, or is discarded if it broke or was left inside a transaction.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        let leased = try await acquire()
        return try await threadPool.runIfActive { [configuration, logger] in
            var connection = leased
            do {
                if let existing = connection, !existing.checkAlive() {
                    logger.info("discarding a broken database connection")
                    existing.close()
                    connection = nil
                }
                let reused = connection != nil
                let live = try connection ?? PostgresConnection(configuration: configuration)
                connection = live
                live.statementsAttempted = 0
                do {
                    let value = try body(live)
                    self.release(live)
                    return value
                } catch let error as PostgresError
                    where reused && error.kind == .connection && live.statementsAttempted <= 1 && !live.isOpen {
                    // The server went away while this connection sat idle and nothing reached
                    // it: run the body once more on a new connection.
                    logger.info("database connection was lost while idle; reconnecting")
                    live.close()
                    connection = nil
                    let fresh = try PostgresConnection(configuration: configuration)
                    connection = fresh
                    fresh.statementsAttempted = 0
                    let value = try body(fresh)
                    self.release(fresh)
                    return value
                }
            } catch {
                self.release(connection)
                throw error
            }
        }
    }

    /// Runs `body` in a transaction on a connection of its own: commits when it returns,
    /// rolls back when it throws.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        try await withConnection { connection in
            try connection.transaction(body)
        }
    }

    /// Waits for a place: an idle connection, or nil meaning "open a new one".
    private func acquire() async throws -> PostgresConnection? {
        enum Immediate {
            case connection(PostgresConnection?)
            case closed
            case wait
        }
        let immediate: Immediate = state.withLockedValue { state in
            if state.closed { return .closed }
            if let place = state.takePlace() { return .connection(place) }
            return .wait
        }
        switch immediate {
        case .connection(let connection): return connection
        case .closed: throw PostgresError(.poolClosed, message: "the pool is closed")
        case .wait: break
        }
        let id = state.withLockedValue { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                enum Outcome {
                    case connection(PostgresConnection?)
                    case closed
                    case cancelled
                    case queued
                }
                let outcome: Outcome = state.withLockedValue { state in
                    if state.closed { return .closed }
                    if Task.isCancelled { return .cancelled }
                    // A place may have freed up between the first look and now.
                    if let place = state.takePlace() { return .connection(place) }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return .queued
                }
                switch outcome {
                case .connection(let connection): continuation.resume(returning: connection)
                case .closed: continuation.resume(throwing: PostgresError(.poolClosed, message: "the pool is closed"))
                case .cancelled: continuation.resume(throwing: CancellationError())
                case .queued: break
                }
            }
        } onCancel: {
            let waiter = state.withLockedValue { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Gives a place back: to the next waiter if any, else to the idle list. A broken
    /// connection, or one left in a transaction, is closed and its place freed.
    private func release(_ connection: PostgresConnection?) {
        var reusable = connection
        if let candidate = connection, !(candidate.isOpen && candidate.isIdle) {
            candidate.close()
            reusable = nil
        }
        enum Next {
            case handOver(Waiter)
            case none
            case closeIt(PostgresConnection)
        }
        let next: Next = state.withLockedValue { state in
            if state.closed {
                state.leased -= 1
                state.unopened += 1
                if let reusable { return .closeIt(reusable) }
                return .none
            }
            if !state.waiters.isEmpty {
                // The place moves to the waiter as it is, open or not.
                return .handOver(state.waiters.removeFirst())
            }
            state.leased -= 1
            if let reusable {
                state.idle.append(reusable)
            } else {
                state.unopened += 1
            }
            return .none
        }
        switch next {
        case .handOver(let waiter): waiter.continuation.resume(returning: reusable)
        case .closeIt(let connection): connection.close()
        case .none: break
        }
    }

    /// Closes idle connections, fails waiters and refuses new checkouts; connections in
    /// use are closed as they come back.
    public func close() async {
        let (idle, waiters) = state.withLockedValue { state -> ([PostgresConnection], [Waiter]) in
            state.closed = true
            let idle = state.idle
            state.unopened += idle.count
            state.idle = []
            let waiters = state.waiters
            state.waiters = []
            return (idle, waiters)
        }
        for waiter in waiters {
            waiter.continuation.resume(throwing: PostgresError(.poolClosed, message: "the pool is closed"))
        }
        idle.forEach { $0.close() }
        try? await threadPool.shutdownGracefully()
    }

    /// Runs until graceful shutdown, then closes the pool.
    public func run() async throws {
        try? await gracefulShutdown()
        await close()
    }
}
