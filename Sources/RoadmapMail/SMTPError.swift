/// Why a message did not reach the SMTP server, and whether trying again may help.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server could not be reached, or the connection broke.
    case connection(String)
    /// The server did not answer in time.
    case timeout(command: String)
    /// The server answered a command with an error: 4xx is temporary, 5xx permanent.
    case rejected(command: String, code: Int, text: String)
    /// The server said something that is not SMTP.
    case protocolViolation(String)
    /// Sending would put the password or the messages in clear on the network.
    case insecure(String)
    /// The TLS handshake failed (an untrusted or wrong certificate, …).
    case tls(String)

    /// A permanent refusal of this message itself (the server refused the sender, the
    /// recipient or the content with a 5xx): trying it again cannot help. Everything else,
    /// including a refused password, is retried, since an administrator may fix it.
    public var isPermanentForMessage: Bool {
        if case .rejected(let command, let code, _) = self, (500...599).contains(code) {
            return command.hasPrefix("MAIL") || command.hasPrefix("RCPT") || command == "DATA" || command == "message"
        }
        return false
    }

    public var description: String {
        switch self {
        case .connection(let reason): "SMTP connection failed: \(reason)"
        case .timeout(let command): "the SMTP server did not answer \(command) in time"
        case .rejected(let command, let code, let text): "the SMTP server refused \(command): \(code) \(text)"
        case .protocolViolation(let reason): "the SMTP server broke the protocol: \(reason)"
        case .insecure(let reason): reason
        case .tls(let reason): "TLS with the SMTP server failed: \(reason)"
        }
    }
}
