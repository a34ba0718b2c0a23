import ArgumentParser
import Foundation
import Logging
import RoadmapMail
import RoadmapStore

/// How messages leave: `--smtp-url smtp://user@host:587` with the password from
/// `ROADMAP_SMTP_PASSWORD` or `--smtp-password-file` (never a flag), the sender's address,
/// and the service's public address for the links in messages.
struct MailOptions: ParsableArguments {
    @Option(name: .customLong("smtp-url"), help: ArgumentHelp(
        "The committee's mail server: smtp://user@host:587 (STARTTLS) or smtps://user@host:465; the password comes from $ROADMAP_SMTP_PASSWORD or --smtp-password-file.",
        valueName: "url"))
    var smtpURL: String?

    @Option(name: .customLong("smtp-password-file"), help: ArgumentHelp("A file holding the SMTP password (its first line).", valueName: "path"))
    var smtpPasswordFile: String?

    @Option(name: .customLong("smtp-ca-file"), help: ArgumentHelp("PEM certificates to trust for the mail server besides the system's.", valueName: "path"))
    var smtpCAFile: String?

    @Option(name: .customLong("mail-from"), help: ArgumentHelp("The address messages come from (default roadmap@ the mail server's domain).", valueName: "address"))
    var mailFrom: String?

    func validate() throws {
        if smtpURL == nil, smtpPasswordFile != nil || smtpCAFile != nil || mailFrom != nil {
            throw ValidationError("--smtp-password-file, --smtp-ca-file and --mail-from need --smtp-url")
        }
        if let mailFrom, !UserStore.isEmail(mailFrom) {
            throw ValidationError("--mail-from «\(mailFrom)» is not an e-mail address")
        }
        if let smtpCAFile, !FileManager.default.isReadableFile(atPath: smtpCAFile) {
            throw ValidationError("--smtp-ca-file \(smtpCAFile) cannot be read")
        }
        _ = try configuration()
    }

    /// The server's settings, or nil when no --smtp-url was given.
    func configuration() throws -> SMTPConfiguration? {
        guard let smtpURL else { return nil }
        var password = ProcessInfo.processInfo.environment["ROADMAP_SMTP_PASSWORD"]
        if let smtpPasswordFile {
            guard let text = try? String(contentsOfFile: smtpPasswordFile, encoding: .utf8) else {
                throw ValidationError("--smtp-password-file \(smtpPasswordFile) cannot be read")
            }
            password = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
        }
        do {
            return try SMTPConfiguration(url: smtpURL, password: password, trustedCertificates: smtpCAFile)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The sender of the outbox, or nil when no mail server is configured (messages then
    /// stay in the outbox and on the «Уведомления» page).
    func sender(database: Database, publicURL: String, settings: NotificationSender.Settings = .init(), logger: Logger) throws -> NotificationSender? {
        guard let configuration = try configuration() else { return nil }
        let domain = configuration.host.split(separator: ".").count >= 2 ? configuration.host.split(separator: ".").dropFirst().joined(separator: ".") : "localhost"
        let from = mailFrom ?? "roadmap@\(domain)"
        return NotificationSender(
            delivery: OutboxDelivery(database: database), client: try SMTPClient(configuration: configuration),
            letters: NotificationLetter(publicURL: publicURL, fromAddress: from), settings: settings, logger: logger)
    }
}
