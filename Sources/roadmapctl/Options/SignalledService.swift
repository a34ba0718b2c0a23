import Logging
import ServiceLifecycle

/// Runs a service until SIGINT or SIGTERM asks it to stop gracefully.
enum SignalledService {
    static func run(_ service: any Service, logger: Logger) async throws {
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: service)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
