import Foundation
import Logging
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

@Suite("Connection pool")
struct PostgresPoolTests {
    @Test func concurrentLoadStaysWithinTheBound() async throws {
        try await TestDatabase.withDatabase(migrated: false, maximumConnections: 4) { (lease) async throws in
            let pool = lease.pool
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<200 {
                    group.addTask {
                        try await pool.withConnection { (connection) throws in
                            try connection.query("SELECT \(n)::bigint + pg_backend_pid() * 0 AS n, pg_sleep(0.001)").first?.decode(Int.self, "n") ?? -1
                        }
                    }
                }
                var collected: [Int] = []
                for try await value in group { collected.append(value) }
                return collected
            }
            #expect(results.sorted() == Array(0..<200))
            let usage = pool.usage
            #expect(usage.open <= 4)
            #expect(usage.leased == 0)
            #expect(usage.waiting == 0)
            // Distinct server sessions used: never more than the bound.
            let backends = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await pool.withConnection { try $0.query("SELECT pg_backend_pid() AS pid, pg_sleep(0.005)").first?.decode(Int.self, "pid") ?? 0 }
                    }
                }
                var pids = Set<Int>()
                for try await pid in group { pids.insert(pid) }
                return pids
            }
            #expect(backends.count <= 4)
        }
    }

    @Test func aFailedBodyReturnsItsConnection() async throws {
        try await TestDatabase.withDatabase(migrated: false, maximumConnections: 1) { (lease) async throws in
            for _ in 0..<5 {
                await #expect(throws: PostgresError.self) {
                    try await lease.pool.withConnection { try $0.execute("SELECT * FROM no_such_table") }
                }
            }
            // With one connection, this would hang if a failure leaked its place.
            let one = try await lease.pool.withConnection { try $0.query("SELECT 1 AS one").first?.decode(Int.self, "one") }
            #expect(one == 1)
        }
    }

    @Test func aConnectionLeftInATransactionIsNotReused() async throws {
        try await TestDatabase.withDatabase(migrated: false, maximumConnections: 1) { (lease) async throws in
            let first = try await lease.pool.withConnection { connection -> Int in
                try connection.execute(script: "BEGIN")
                return try connection.query("SELECT pg_backend_pid() AS pid").first?.decode(Int.self, "pid") ?? 0
            }
            let second = try await lease.pool.withConnection { connection -> (Int, Bool) in
                (try connection.query("SELECT pg_backend_pid() AS pid").first?.decode(Int.self, "pid") ?? 0, connection.isIdle)
            }
            #expect(first != second.0)
            #expect(second.1)
        }
    }

    @Test func unreachableServerIsAClearConnectionError() async throws {
        let pool = PostgresPool(configuration: PostgresConfiguration("postgresql:///roadmap?host=/nonexistent/socket/dir", connectTimeout: 2), maximumConnections: 1)
        let error = await #expect(throws: PostgresError.self) {
            try await pool.withConnection { _ in 1 }
        }
        #expect(error?.kind == .connection)
        #expect(error?.isConnectionFailure == true)
        // The failed attempt gave its place back: the next one fails the same way, no hang.
        await #expect(throws: PostgresError.self) { try await pool.withConnection { _ in 1 } }
        await pool.close()
        let closed = await #expect(throws: PostgresError.self) { try await pool.withConnection { _ in 1 } }
        #expect(closed?.kind == .poolClosed)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["DATABASE_URL"] == nil, "needs a cluster of its own to restart"))
    func recoversAfterThePostgreSQLServerRestarts() async throws {
        let cluster = EmbeddedCluster(directory: URL(fileURLWithPath: "/tmp/roadmap-restart-\(UUID().uuidString.prefix(8))"), forTesting: true)
        try cluster.start()
        defer { cluster.destroy() }
        let pool = PostgresPool(configuration: cluster.configuration, maximumConnections: 3)
        let pids = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<3 {
                group.addTask { try await pool.withConnection { try $0.query("SELECT pg_backend_pid() AS pid, pg_sleep(0.05)").first?.decode(Int.self, "pid") ?? 0 } }
            }
            var all: [Int] = []
            for try await pid in group { all.append(pid) }
            return all
        }
        #expect(pids.count == 3)

        try cluster.stop()
        let whileDown = await #expect(throws: PostgresError.self) {
            try await pool.withConnection { try $0.query("SELECT 1 AS one") }
        }
        #expect(whileDown?.isConnectionFailure == true)
        try cluster.start()

        // Every idle connection died with the old server; each checkout now gets a live one.
        for _ in 0..<6 {
            let one = try await pool.withConnection { try $0.query("SELECT 1 AS one").first?.decode(Int.self, "one") }
            #expect(one == 1)
        }
        #expect(pool.usage.open <= 3)
        await pool.close()
    }
}
