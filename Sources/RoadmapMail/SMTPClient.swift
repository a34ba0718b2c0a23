import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A client of the committee's SMTP server on SwiftNIO: EHLO, STARTTLS (or TLS from the
/// start), AUTH PLAIN or LOGIN, then one mail transaction per message over one connection.
/// No package here speaks SMTP, and handing messages to a local `sendmail` would move the
/// retries, the TLS policy and the "sent once" bookkeeping out of the service's sight.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    let tls: NIOSSLContext?

    public init(configuration: SMTPConfiguration) throws(SMTPError) {
        self.configuration = configuration
        do {
            var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
            if let path = configuration.trustedCertificates {
                tlsConfiguration.additionalTrustRoots = [.file(path)]
            }
            tls = configuration.security == .plainRelay ? nil : try NIOSSLContext(configuration: tlsConfiguration)
        } catch {
            throw .tls("could not set up TLS: \(error)")
        }
    }

    /// Opens a session (connect, greet, secure, authenticate), runs `body` with it and says
    /// goodbye. The session is for this task only.
    public func withSession<T: Sendable>(_ body: (SMTPSession) async throws -> T) async throws -> T {
        let configuration = configuration
        let tls = tls
        let channel: NIOAsyncChannel<SMTPResponse, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(Int64(configuration.timeout.components.seconds)))
                .connect(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if configuration.security == .implicitTLS, let tls {
                            try channel.pipeline.syncOperations.addHandler(
                                try NIOSSLClientHandler(context: tls, serverHostname: Self.serverName(configuration.host)))
                        }
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPResponseDecoder()))
                        try channel.pipeline.syncOperations.addHandler(SMTPReplyDeadline(
                            timeout: .nanoseconds(Int64(configuration.timeout.components.seconds) * 1_000_000_000
                                                  + configuration.timeout.components.attoseconds / 1_000_000_000)))
                        return try NIOAsyncChannel<SMTPResponse, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw SMTPError.connection("\(configuration.host):\(configuration.port): \(error)")
        }
        return try await channel.executeThenClose { inbound, outbound in
            let session = SMTPSession(channel: channel.channel, inbound: inbound, outbound: outbound, configuration: configuration, tls: tls)
            try await session.open()
            let result = try await body(session)
            await session.quit()
            return result
        }
    }

    /// SNI takes a name, never an address.
    static func serverName(_ host: String) -> String? {
        host.first?.isNumber == true || host.contains(":") ? nil : host
    }
}

/// One connection to the SMTP server, opened and secured: `send` hands it messages one
/// by one. Used by the one task that opened it.
public final class SMTPSession {
    let channel: any Channel
    var responses: NIOAsyncChannelInboundStream<SMTPResponse>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    let configuration: SMTPConfiguration
    let tls: NIOSSLContext?
    private(set) var capabilities: [String] = []
    /// Whether the connection is encrypted.
    public private(set) var isSecure = false

    init(channel: any Channel, inbound: NIOAsyncChannelInboundStream<SMTPResponse>, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
         configuration: SMTPConfiguration, tls: NIOSSLContext?) {
        self.channel = channel
        self.responses = inbound.makeAsyncIterator()
        self.outbound = outbound
        self.configuration = configuration
        self.tls = tls
        self.isSecure = configuration.security == .implicitTLS
    }

    func open() async throws {
        try await expect(nil, command: "the greeting", codes: 220...220)
        try await hello()
        if configuration.security != .implicitTLS, configuration.security != .plainRelay {
            if offers("STARTTLS"), let tls {
                try await expect("STARTTLS", codes: 220...220)
                let channel = channel
                let host = configuration.host
                do {
                    try await channel.eventLoop.submit {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: tls, serverHostname: SMTPClient.serverName(host)), position: .first)
                    }.get()
                } catch {
                    // The server hung up after agreeing (or this task ran too late for it): the
                    // reason, if the channel has one, waits in the inbound stream.
                    do { _ = try await responses.next() } catch { throw Self.explained(error, label: "STARTTLS") }
                    throw SMTPError.connection("the server closed the connection after agreeing to STARTTLS (\(error))")
                }
                isSecure = true
                try await hello()
            } else if !configuration.isLoopback {
                throw SMTPError.insecure("""
                    the SMTP server \(configuration.host) offers no STARTTLS; refusing to send in clear \
                    (add ?starttls=off to --smtp-url for a trusted relay without TLS)
                    """)
            }
        }
        if let username = configuration.username, let password = configuration.password {
            guard isSecure || configuration.isLoopback else {
                throw SMTPError.insecure("refusing to send the SMTP password to \(configuration.host) over an unencrypted connection")
            }
            try await authenticate(username: username, password: password)
        }
    }

    private func hello() async throws {
        let reply = try await expect("EHLO \(configuration.heloName)", codes: 250...250)
        capabilities = Array(reply.lines.dropFirst()).map { $0.uppercased() }
    }

    private func offers(_ keyword: String) -> Bool {
        capabilities.contains { $0 == keyword || $0.hasPrefix(keyword + " ") }
    }

    private func authenticate(username: String, password: String) async throws {
        let mechanisms = capabilities.first { $0.hasPrefix("AUTH ") || $0.hasPrefix("AUTH=") }
            .map { $0.dropFirst(5).split(separator: " ").map(String.init) } ?? []
        if mechanisms.contains("PLAIN") {
            let token = Data("\u{0}\(username)\u{0}\(password)".utf8).base64EncodedString()
            try await expect("AUTH PLAIN \(token)", shown: "AUTH PLAIN", codes: 235...235)
        } else if mechanisms.contains("LOGIN") {
            try await expect("AUTH LOGIN", codes: 334...334)
            try await expect(Data(username.utf8).base64EncodedString(), shown: "AUTH LOGIN (user)", codes: 334...334)
            try await expect(Data(password.utf8).base64EncodedString(), shown: "AUTH LOGIN (password)", codes: 235...235)
        } else {
            throw SMTPError.rejected(command: "AUTH", code: 504,
                                     text: "the server offers neither AUTH PLAIN nor AUTH LOGIN (it offers: \(mechanisms.joined(separator: " ")))")
        }
    }

    /// Hands one message to the server; returns when the server has taken responsibility for
    /// it (250 after the data). A refusal leaves the session usable for the next message.
    public func send(_ message: MailMessage, envelopeFrom: String) async throws {
        do {
            try await expect("MAIL FROM:<\(envelopeFrom)>", codes: 250...250)
            try await expect("RCPT TO:<\(message.to)>", codes: 250...251)
            try await expect("DATA", codes: 354...354)
            try await expect(Self.dotStuffed(message.rendered()) + ".", shown: "message", codes: 250...250)
        } catch let error as SMTPError {
            if case .rejected = error { _ = try? await expect("RSET", codes: 250...250) }
            throw error
        }
    }

    /// Lines starting with a dot get another (RFC 5321 4.5.2).
    static func dotStuffed(_ text: String) -> String {
        text.split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
    }

    func quit() async {
        _ = try? await expect("QUIT", codes: 221...221)
    }

    /// Sends a command (nil: only reads, for the greeting) and reads the reply, which must be
    /// in `codes`. `shown` names the command in errors instead of its text (secrets).
    @discardableResult
    private func expect(_ command: String?, shown: String? = nil, command name: String? = nil, codes: ClosedRange<Int>) async throws -> SMTPResponse {
        let label = name ?? shown ?? command.map { String($0.prefix(40)) } ?? "the greeting"
        if let command {
            do {
                try await outbound.write(ByteBuffer(string: command + "\r\n"))
            } catch {
                // The channel closed under us: its reason (a failed TLS handshake, …) waits in
                // the inbound stream.
                do { _ = try await responses.next() } catch { throw Self.explained(error, label: label) }
                throw SMTPError.connection("writing \(label): \(error)")
            }
        }
        let reply: SMTPResponse?
        do {
            reply = try await responses.next()
        } catch {
            throw Self.explained(error, label: label)
        }
        guard let reply else { throw SMTPError.connection("the server closed the connection after \(label)") }
        guard codes.contains(reply.code) else { throw SMTPError.rejected(command: label, code: reply.code, text: reply.text) }
        return reply
    }

    /// An error off the channel as an `SMTPError` that says what failed.
    static func explained(_ error: any Error, label: String) -> SMTPError {
        switch error {
        case let error as SMTPError:
            if case .timeout = error { return .timeout(command: label) }
            return error
        case let error as NIOSSLError: return .tls("\(error)")
        case let error as BoringSSLError: return .tls("\(error)")
        default: return .connection("reading the reply to \(label): \(error)")
        }
    }
}
