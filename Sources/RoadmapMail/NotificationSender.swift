import Foundation
import Logging
import RoadmapStore
import ServiceLifecycle

/// Delivers the outbox: claims the messages due (a few at a time, with a lease), hands them
/// to the SMTP server over one session, and marks each sent the moment the server accepts
/// it. A refused message is retried with back-off or, refused for good, left failed; a
/// broken connection fails only the message in flight and gives the others back. Runs as a
/// service of `serve --smtp-url` (every second) or once from `notify send`.
public struct NotificationSender: Service {
    public struct Settings: Sendable {
        /// Messages claimed at once.
        public var batch: Int
        /// How long a claim lasts: a sender killed while sending leaves its messages to
        /// others once this passes.
        public var lease: Duration
        /// How often the outbox is looked at when it was empty.
        public var interval: Duration

        public init(batch: Int = 20, lease: Duration = .seconds(300), interval: Duration = .seconds(1)) {
            self.batch = max(batch, 1)
            self.lease = lease
            self.interval = interval
        }
    }

    /// What one round did.
    public struct Round: Sendable, Hashable {
        public var claimed = 0
        public var sent = 0
        /// Deliveries that failed and will be tried again later.
        public var deferred = 0
        /// Messages refused for good.
        public var failed = 0
        /// Messages taken over from a sender that stopped while sending them.
        public var reclaimed = 0

        public init() {}
    }

    let delivery: OutboxDelivery
    let client: SMTPClient
    let letters: NotificationLetter
    let settings: Settings
    /// This sender's name in the outbox («host:pid:random»), unique among running senders.
    public let name: String
    let logger: Logger

    public init(delivery: OutboxDelivery, client: SMTPClient, letters: NotificationLetter, settings: Settings = Settings(), logger: Logger) {
        self.delivery = delivery
        self.client = client
        self.letters = letters
        self.settings = settings
        self.logger = logger
        name = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8).lowercased())"
    }

    public func run() async throws {
        logger.info("notification sender started", metadata: ["smtp": "\(client.configuration.host):\(client.configuration.port)", "sender": "\(name)"])
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var round = Round()
            do {
                round = try await deliverDue()
            } catch {
                logger.error("notification round failed", metadata: ["error": "\(error)"])
            }
            if round.claimed < settings.batch {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: settings.interval) }
            }
        }
    }

    /// Claims and delivers one batch of due messages.
    public func deliverDue() async throws -> Round {
        let claimed = try await delivery.claim(limit: settings.batch, lease: settings.lease, sender: name)
        var round = Round()
        round.claimed = claimed.count
        round.reclaimed = claimed.filter(\.reclaimed).count
        guard !claimed.isEmpty else { return round }
        var untried = claimed[...]
        do {
            round = try await client.withSession { [round] session in
                var round = round
                while let letter = untried.first {
                    do {
                        try await session.send(letters.message(for: letter), envelopeFrom: letters.fromAddress)
                    } catch let error as SMTPError {
                        guard case .rejected = error else { throw error }
                        untried = untried.dropFirst()
                        try await delivery.markFailed(letter.id, sender: name, error: error.description, permanent: error.isPermanentForMessage)
                        if error.isPermanentForMessage { round.failed += 1 } else { round.deferred += 1 }
                        logger.warning("message refused", metadata: ["id": "\(letter.id)", "error": "\(error)"])
                        continue
                    }
                    untried = untried.dropFirst()
                    if try await delivery.markSent(letter.id, sender: name) {
                        round.sent += 1
                    } else {
                        logger.warning("message sent after its claim ran out: it may go out twice", metadata: ["id": "\(letter.id)"])
                    }
                }
                return round
            }
        } catch {
            // The session broke: the message in flight is retried later, the rest go back.
            if let current = untried.first {
                try await delivery.markFailed(current.id, sender: name, error: "\(error)", permanent: false)
                round.deferred += 1
                try await delivery.release(untried.dropFirst().map(\.id), sender: name)
            }
            logger.warning("SMTP session failed", metadata: ["error": "\(error)"])
        }
        return round
    }

    /// Delivers rounds until nothing is due (for `notify send --once`).
    public func drain() async throws -> Round {
        var total = Round()
        while true {
            let round = try await deliverDue()
            total.claimed += round.claimed
            total.sent += round.sent
            total.deferred += round.deferred
            total.failed += round.failed
            total.reclaimed += round.reclaimed
            if round.claimed == 0 || round.sent + round.failed == 0 { return total }
        }
    }
}
