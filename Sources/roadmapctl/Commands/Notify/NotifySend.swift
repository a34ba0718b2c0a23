import ArgumentParser
import Foundation
import Logging
import RoadmapMail
import RoadmapStore

/// `roadmapctl notify send`: delivers the outbox through the mail server, once or until
/// stopped. Any number may run beside the service: each message still goes once.
struct NotifySend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send", abstract: "Deliver the outbox's messages through the committee's mail server.",
        discussion: """
            Without --once it keeps delivering every few seconds until SIGINT or SIGTERM, as `serve --smtp-url` does.
            The password is read from $ROADMAP_SMTP_PASSWORD or --smtp-password-file, never from a flag.
            Examples:
              ROADMAP_SMTP_PASSWORD=… roadmapctl notify send --smtp-url smtp://roadmap@mail.komitet.ru:587 --public-url https://roadmap.komitet.ru --once
            """)

    @OptionGroup var mail: MailOptions
    @Option(name: .customLong("public-url"), help: ArgumentHelp("The service's address, for the links in messages.", valueName: "url"))
    var publicURL: String = "http://127.0.0.1:8080"
    @Flag(help: "Deliver what is due now, then stop.") var once = false
    @Option(help: ArgumentHelp("Messages claimed at once.", valueName: "n")) var batch = 20
    @Option(help: ArgumentHelp("Seconds a claim lasts: messages of a sender killed mid-delivery go to others after this.", valueName: "seconds"))
    var lease: Double = 300
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard mail.smtpURL != nil else { throw ValidationError("--smtp-url is required: where should the messages go?") }
        guard (1...500).contains(batch) else { throw ValidationError("--batch must be 1–500, got \(batch)") }
        guard lease >= 1 && lease <= 86_400 else { throw ValidationError("--lease must be 1–86400 seconds, got \(lease)") }
        guard let url = URL(string: publicURL), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
            throw ValidationError("--public-url must be an http(s) address, got «\(publicURL)»")
        }
    }

    func run() async throws {
        var logger = Logger(label: "roadmap")
        logger.logLevel = .info
        let round = try await database.withDatabase { db in
            // Only an administrator (or the installation) may deliver the outbox.
            _ = try await NotificationStore(database: db).overview(actor: try await actor.principal(db))
            guard let sender = try mail.sender(
                database: db, publicURL: publicURL, settings: .init(batch: batch, lease: .milliseconds(Int64(lease * 1000))), logger: logger)
            else { return NotificationSender.Round() }
            if once { return try await sender.drain() }
            try await SignalledService.run(sender, logger: logger)
            return NotificationSender.Round()
        }
        if once {
            FileHandle.standardError.write(Data("""
                \(round.sent) sent, \(round.deferred) to retry later, \(round.failed) failed, \(round.reclaimed) taken over from a stopped sender.

                """.utf8))
        }
    }
}
