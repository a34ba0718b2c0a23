import Foundation

/// Where and how messages are handed to the committee's mail server, from
/// `--smtp-url smtp://user@host:587`: STARTTLS on `smtp://` (refused in clear unless the
/// server is on this machine, or `?starttls=off` names a trusted relay that has none, and a
/// password never goes in clear), TLS from the start on `smtps://` (port 465). The password
/// comes from the environment or a file, never from the URL or a flag.
public struct SMTPConfiguration: Sendable, Hashable {
    public enum Security: Sendable, Hashable {
        /// Upgrade with STARTTLS; without it, only to a server on this machine.
        case startTLS
        /// A relay named as having no TLS (`?starttls=off`): messages go in clear, passwords never.
        case plainRelay
        /// TLS from the first byte (smtps://).
        case implicitTLS
    }

    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var security: Security
    /// A PEM file of certificates to trust besides the system's (a committee's own CA).
    public var trustedCertificates: String?
    /// The name this machine gives in EHLO.
    public var heloName: String
    /// How long each answer of the server may take.
    public var timeout: Duration

    public init(host: String, port: Int, username: String? = nil, password: String? = nil, security: Security = .startTLS,
                trustedCertificates: String? = nil, heloName: String? = nil, timeout: Duration = .seconds(60)) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.security = security
        self.trustedCertificates = trustedCertificates
        self.heloName = heloName ?? Self.localName()
        self.timeout = timeout
    }

    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Reads `smtp://[user@]host[:port][?starttls=off]` or `smtps://[user@]host[:port]`.
    public init(url text: String, password: String?, trustedCertificates: String? = nil) throws(Refusal) {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), ["smtp", "smtps"].contains(scheme) else {
            throw Refusal(description: "--smtp-url must look like smtp://user@host:587 or smtps://user@host:465, got «\(text)»")
        }
        guard let host = url.host, !host.isEmpty else { throw Refusal(description: "--smtp-url «\(text)» names no host") }
        guard url.password == nil else {
            throw Refusal(description: "--smtp-url must not carry the password; put it in ROADMAP_SMTP_PASSWORD or --smtp-password-file")
        }
        guard url.path.isEmpty || url.path == "/" else { throw Refusal(description: "--smtp-url «\(text)» has a path; an SMTP address has none") }
        var security: Security = scheme == "smtps" ? .implicitTLS : .startTLS
        for item in url.queryItems ?? [] {
            switch (item.name, item.value?.lowercased()) {
            case ("starttls", "off") where scheme == "smtp": security = .plainRelay
            case ("starttls", "on") where scheme == "smtp": security = .startTLS
            default: throw Refusal(description: "--smtp-url: unknown setting «\(item.name)=\(item.value ?? "")»; only starttls=off is known")
            }
        }
        let port = url.port ?? (scheme == "smtps" ? 465 : 587)
        guard (1...65_535).contains(port) else { throw Refusal(description: "--smtp-url port \(port) is out of range") }
        let user = url.user.flatMap { $0.isEmpty ? nil : $0 }
        if user != nil && (password ?? "").isEmpty {
            throw Refusal(description: "--smtp-url names the user «\(user ?? "")» but no password was given (ROADMAP_SMTP_PASSWORD or --smtp-password-file)")
        }
        self.init(host: host, port: port, username: user, password: user == nil ? nil : password, security: security,
                  trustedCertificates: trustedCertificates)
    }

    /// Whether the server is on this machine, where nothing crosses a network.
    public var isLoopback: Bool {
        ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
    }

    static func localName() -> String {
        let name = ProcessInfo.processInfo.hostName
        return name.isEmpty || name.contains(" ") ? "localhost" : name
    }
}
