import Hummingbird
import RoadmapStore

/// `GET /healthz` (the process is alive) and `GET /readyz` (the database answers and its
/// schema is the one this build expects), for load balancers and service managers.
struct HealthController {
    let pool: PostgresPool
    let migrator: Migrator

    struct Health: ResponseEncodable {
        var status: String
        var schema: String?
        var pool: PoolUsage?
    }

    struct PoolUsage: Codable {
        var open: Int
        var idle: Int
        var leased: Int
        var waiting: Int
        var maximum: Int
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ in
            Health(status: "ok")
        }
        router.get("/readyz") { _, _ -> Health in
            let status: Migrator.Status
            do {
                status = try await pool.withConnection { [migrator] connection in
                    try migrator.status(on: connection)
                }
            } catch let error as MigrationError {
                throw Problem.serviceUnavailable("The database schema does not match this build: \(error)")
            } catch let error as PostgresError {
                throw Problem.serviceUnavailable("The database is unreachable: \(error)")
            }
            guard status.isCurrent else {
                throw Problem.serviceUnavailable("The database schema is not current: pending \(status.pending.joined(separator: ", ")); run `roadmapctl migrate`.")
            }
            let usage = pool.usage
            return Health(
                status: "ready", schema: status.applied.last,
                pool: PoolUsage(open: usage.open, idle: usage.idle, leased: usage.leased, waiting: usage.waiting, maximum: usage.maximum))
        }
    }
}
