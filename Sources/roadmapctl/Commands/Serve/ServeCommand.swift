import ArgumentParser
import Foundation
import Hummingbird
import Logging
import RoadmapAPI
import RoadmapDomain
import RoadmapStore
import ServiceLifecycle

/// `roadmapctl serve`: migrates, then serves the HTTP API and pages until SIGINT/SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Migrate the database, then serve the HTTP API and web pages.",
        discussion: """
            Shuts down cleanly on SIGINT or SIGTERM, finishing requests in flight. When it
            started the embedded cluster itself, it stops it on the way out.

            Examples:
              roadmapctl serve --demo
              roadmapctl serve --host 0.0.0.0 --port 8080 --database-url postgresql://roadmap@db/roadmap
              ROADMAP_SMTP_PASSWORD=… roadmapctl serve --public-url https://roadmap.komitet.ru --smtp-url smtp://roadmap@mail.komitet.ru:587
            """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8080

    @Flag(help: "Load the demo data set (order № 770 and the sample plans) before serving.")
    var demo = false

    @Option(name: .customLong("rate-limit"), help: ArgumentHelp("Requests a second each user may make on average (0: no limit).", valueName: "n"))
    var rateLimit: Double = 50

    @Option(name: .customLong("auth-failures"), help: ArgumentHelp("Failed sign-ins an address may make before it is slowed to six a minute.", valueName: "n"))
    var authFailures: Double = 10

    @Option(name: .customLong("public-url"), help: ArgumentHelp(
        "The address users reach the service at, e.g. https://roadmap.example behind a TLS proxy; with https the sign-in cookies are Secure.",
        valueName: "url"))
    var publicURL: String?

    @Option(name: .customLong("trusted-proxy"), help: ArgumentHelp(
        "A proxy's address (repeatable): from it, X-Forwarded-For names the client, for rate limits and logs.", valueName: "ip"))
    var trustedProxies: [String] = []

    @Option(name: .customLong("reminders-at"), help: ArgumentHelp(
        "When the daily reminder pass runs, committee time (it also runs at start once that time has passed).", valueName: "HH:MM"))
    var remindersAt = "07:00"

    @Option(name: .customLong("read-database-url"), help: ArgumentHelp(
        "A standby for the report pages (dashboard, matrix, summary, progress, discipline), e.g. the cluster's URL with target_session_attrs=prefer-standby (default: $READ_DATABASE_URL, else the main database).",
        valueName: "url"))
    var readDatabaseURL: String?

    @OptionGroup var mail: MailOptions
    @OptionGroup var database: DatabaseOptions

    /// --read-database-url or READ_DATABASE_URL, if any.
    var readURL: String? {
        if let readDatabaseURL { return readDatabaseURL }
        if let url = ProcessInfo.processInfo.environment["READ_DATABASE_URL"], !url.isEmpty { return url }
        return nil
    }

    /// --reminders-at as hour and minute.
    var reminderTime: (hour: Int, minute: Int)? {
        let parts = remindersAt.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return (hour, minute)
    }

    func validate() throws {
        guard reminderTime != nil else { throw ValidationError("--reminders-at must be a time like 07:00, got «\(remindersAt)»") }
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, got \(port)")
        }
        guard !host.isEmpty else { throw ValidationError("--host is empty") }
        for proxy in trustedProxies where proxy.isEmpty || !proxy.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) {
            throw ValidationError("--trusted-proxy must be an IP address, got «\(proxy)»")
        }
        if let readDatabaseURL, readDatabaseURL.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--read-database-url is empty")
        }
        guard authFailures >= 1 else { throw ValidationError("--auth-failures must be 1 or more, got \(authFailures)") }
        guard rateLimit >= 0 else { throw ValidationError("--rate-limit must be 0 or more, got \(rateLimit)") }
        if let publicURL {
            guard let url = URL(string: publicURL), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                  url.host?.isEmpty == false else {
                throw ValidationError("--public-url must be an http:// or https:// address, got «\(publicURL)»")
            }
        }
    }

    func run() async throws {
        var logger = Logger(label: "roadmap")
        logger.logLevel = .info
        let location = database.location
        let (store, startedCluster) = try database.open(logger: logger)
        var demoTokens: [(login: String, token: String)] = []
        do {
            let outcome = try await SchemaStore(database: store).migrate()
            for name in outcome.applied { logger.info("applied migration", metadata: ["migration": "\(name)"]) }
            if demo {
                let loader = DemoLoader(database: store, logger: logger)
                try await loader.load()
                demoTokens = try await loader.issueDemoTokens()
            }
        } catch {
            await store.close()
            if startedCluster { _ = try? location.stopCluster() }
            throw error
        }
        // The report pages' standby, when one is named: its own pool, closed with the service.
        let reader = try readURL.map { url in
            try DatabaseLocation(url: url, dataDirectory: location.dataDirectory).open(poolSize: database.poolSize, logger: logger).database
        }
        // The control loop: the morning pass always; the sender when a mail server is set
        // (without one, messages wait in the outbox and show on «Уведомления»).
        var loop: [any Service] = []
        let time = reminderTime ?? (7, 0)
        loop.append(MorningPass(database: store, clock: CommitteeClock(), hour: time.hour, minute: time.minute, logger: logger))
        if let sender = try mail.sender(database: store, publicURL: publicURL ?? "http://\(host):\(port)", logger: logger) {
            loop.append(sender)
        }
        let app = try buildApplication(
            configuration: ServerConfiguration(
                host: host, port: port, limits: APILimits(requestsPerSecond: rateLimit, failedAuthenticationBurst: authFailures),
                publicURL: publicURL.flatMap(URL.init(string:)), trustedProxies: Set(trustedProxies)),
            database: store, readDatabase: reader, logger: logger, services: loop,
            onServerRunning: { [host, demoTokens] port in
                // Written unbuffered: scripts and tests wait for these lines on a pipe.
                var lines = ""
                if !demoTokens.isEmpty {
                    lines += "Demo API tokens (valid one day), e.g. curl -H \"Authorization: Bearer TOKEN\" http://\(host):\(port)/v1/me\n"
                    for (login, token) in demoTokens { lines += "  \(login.padding(toLength: 12, withPad: " ", startingAt: 0)) \(token)\n" }
                    lines += "Web pages: http://\(host):\(port)/login as any of these users, password \(DemoLoader.password)\n"
                }
                lines += "Roadmap is serving on http://\(host):\(port)  (Ctrl-C stops it)\n"
                FileHandle.standardOutput.write(Data(lines.utf8))
            })
        try await app.runService()
        if startedCluster {
            _ = try location.stopCluster()
            logger.info("embedded PostgreSQL stopped")
        }
    }
}
