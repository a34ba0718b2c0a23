import Hummingbird
import RoadmapStore

/// `GET /healthz` (the process is alive) and `GET /readyz` (the database answers and its
/// schema is the one this build expects), for load balancers and service managers.
struct HealthController {
    let schema: SchemaStore

    struct Health: ResponseEncodable {
        var status: String
        var schema: String?
        var pool: Pool?
    }

    struct Pool: Codable {
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
            switch await schema.readiness() {
            case .notReady(let reason):
                throw Problem.serviceUnavailable(reason)
            case .ready(let name, let usage):
                return Health(
                    status: "ready", schema: name,
                    pool: Pool(open: usage.open, idle: usage.idle, leased: usage.leased, waiting: usage.waiting, maximum: usage.maximum))
            }
        }
    }
}
