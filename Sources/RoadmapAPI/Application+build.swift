import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime
import RoadmapDomain
import RoadmapStore
import ServiceLifecycle

/// How the HTTP service is run.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var limits: APILimits
    /// The address users reach the service at, when it differs from where it listens (a
    /// TLS proxy in front): with https, the pages' cookies are `Secure` and `__Host-`.
    public var publicURL: URL?
    /// Proxies whose `X-Forwarded-For` names the client (their addresses, exactly).
    public var trustedProxies: Set<String>

    public init(host: String = "127.0.0.1", port: Int = 8080, limits: APILimits = APILimits(), publicURL: URL? = nil,
                trustedProxies: Set<String> = []) {
        self.host = host
        self.port = port
        self.limits = limits
        self.publicURL = publicURL
        self.trustedProxies = trustedProxies
    }
}

/// The router with every route of the service: health and metrics, the OpenAPI document,
/// and the API generated from it behind authentication.
public func buildRouter(
    database: Database, readDatabase: Database? = nil, limits: APILimits = APILimits(), clock: CommitteeClock = CommitteeClock(),
    publicURL: URL? = nil, trustedProxies: Set<String> = []
) throws -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ForwardedClientMiddleware(trusted: trustedProxies))
    let useCases = UseCases(database: database, readDatabase: readDatabase, clock: clock)
    let web = try WebController(useCases: useCases, cookies: SessionCookies(publicURL: publicURL), publicURL: publicURL, limits: limits)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestMetricsMiddleware())
    router.add(middleware: ProblemMiddleware(pages: web.errorPages))
    router.add(middleware: BodyLimitMiddleware(limits: limits))
    HealthController(schema: try SchemaStore(database: database)).addRoutes(to: router)
    router.get("/openapi.yaml") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: EmbeddedOpenAPI.text)))
    }
    _ = ServiceMetrics.registry
    router.get("/metrics") { _, _ in
        // The last backup and the outbox: a scrape that cannot read them still answers, without them.
        let lastBackup = try? await useCases.backupLog.latest()
        let backlog = try? await useCases.notifications.backlog()
        let standbys = (try? await useCases.backupLog.standbys()) ?? []
        let text = ServiceMetrics.exposition(database: database, lastBackup: lastBackup?.finishedAt, backlog: backlog, standbys: standbys)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }
    web.addRoutes(to: router)
    let api = router.group()
        .add(middleware: AuthMiddleware(users: useCases.users, limits: limits))
        .add(middleware: ContractMiddleware())
    try APIHandler(useCases: useCases).registerHandlers(
        on: api, serverURL: Servers.Server1.url(),
        configuration: Configuration(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]),
        middlewares: [EmptyBodyMiddleware(), HeaderDecodingMiddleware(), NullCursorMiddleware()])
    return router
}

/// The application: the router served over HTTP/1.1, with the database pool as a service
/// of the same service group so graceful shutdown closes it after the server stops, and
/// `services` (the notification sender, the morning pass) beside it.
public func buildApplication(
    configuration: ServerConfiguration,
    database: Database,
    readDatabase: Database? = nil,
    logger: Logger,
    services: [any Service] = [],
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let router = try buildRouter(database: database, readDatabase: readDatabase, limits: configuration.limits,
                                 publicURL: configuration.publicURL, trustedProxies: configuration.trustedProxies)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "roadmap"),
        services: [database] + (readDatabase.map { [$0] } ?? []) + services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}
