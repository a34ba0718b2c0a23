import Hummingbird
import Logging
import RoadmapStore

/// How the HTTP service is run.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// The router with every route of the service.
public func buildRouter(pool: PostgresPool, migrator: Migrator) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ProblemMiddleware())
    HealthController(pool: pool, migrator: migrator).addRoutes(to: router)
    return router
}

/// The application: the router served over HTTP/1.1, with the database pool as a service
/// of the same service group so graceful shutdown closes it after the server stops.
public func buildApplication(
    configuration: ServerConfiguration,
    pool: PostgresPool,
    migrator: Migrator,
    logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(pool: pool, migrator: migrator)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "roadmap"),
        services: [pool],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}
