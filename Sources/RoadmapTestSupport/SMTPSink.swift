import Foundation

/// A real SMTP server on loopback for tests: `scripts/smtp-sink.py` (aiosmtpd, from PyPI),
/// which parses every message it accepts as a mail program would and records it. Found
/// through `ROADMAP_TEST_PYTHON` (a Python with aiosmtpd) or `.build/ics-venv`; when there
/// is none the test is skipped, unless `ROADMAP_SMTP_TESTS=required`.
public final class SMTPSink: @unchecked Sendable {
    /// One message as the server received and parsed it.
    public struct Received: Decodable, Sendable {
        public let mail_from: String
        public let rcpt_tos: [String]
        public let subject: String
        public let message_id: String
        public let headers: [String: String]
        public let text: String?
        public let html: String?
        public let tls: Bool
        public let login: String?
        public let defects: [String]
    }

    public struct Options: Sendable {
        public var tls = false
        public var auth: (user: String, password: String)?
        public var deferFirst = 0
        public var reject: String?
        public var delay: Double = 0
        /// Agree to STARTTLS, then hang up at once.
        public var closeOnStartTLS = false

        public init(tls: Bool = false, auth: (user: String, password: String)? = nil, deferFirst: Int = 0, reject: String? = nil, delay: Double = 0,
                    closeOnStartTLS: Bool = false) {
            self.tls = tls
            self.auth = auth
            self.deferFirst = deferFirst
            self.reject = reject
            self.delay = delay
            self.closeOnStartTLS = closeOnStartTLS
        }
    }

    public let port: Int
    /// The certificate the server presents with STARTTLS (PEM), for the client to trust.
    public let certificate: String?
    let process: Process
    let input: Pipe
    let output: URL
    let directory: URL

    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The Python that runs the sink, or nil when none is installed.
    public static var python: String? {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["ROADMAP_TEST_PYTHON"], environment["ROADMAP_ICALENDAR_PYTHON"],
                          repositoryRoot.appendingPathComponent(".build/ics-venv/bin/python").path].compactMap { $0 }
        for python in candidates where FileManager.default.isExecutableFile(atPath: python) {
            let check = Process()
            check.executableURL = URL(fileURLWithPath: python)
            check.arguments = ["-c", "import aiosmtpd"]
            check.standardError = FileHandle.nullDevice
            guard (try? check.run()) != nil else { continue }
            check.waitUntilExit()
            if check.terminationStatus == 0 { return python }
        }
        return nil
    }

    /// Whether this run must have the sink (CI): then a missing one fails instead of skipping.
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["ROADMAP_SMTP_TESTS"] == "required" }

    public init(python: String, options: Options = Options()) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        output = directory.appendingPathComponent("received.jsonl")
        var arguments = [Self.repositoryRoot.appendingPathComponent("scripts/smtp-sink.py").path, "--out", output.path]
        if options.tls {
            let cert = directory.appendingPathComponent("cert.pem").path
            let key = directory.appendingPathComponent("key.pem").path
            let openssl = Process()
            openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
                                 "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]
            openssl.standardError = FileHandle.nullDevice
            openssl.standardOutput = FileHandle.nullDevice
            try openssl.run()
            openssl.waitUntilExit()
            guard openssl.terminationStatus == 0 else { throw SinkError("openssl could not make a certificate") }
            arguments += ["--tls", cert, key]
            certificate = cert
        } else {
            certificate = nil
        }
        if let auth = options.auth { arguments += ["--auth", "\(auth.user):\(auth.password)"] }
        if options.deferFirst > 0 { arguments += ["--defer", "\(options.deferFirst)"] }
        if let reject = options.reject { arguments += ["--reject", reject] }
        if options.delay > 0 { arguments += ["--delay", "\(options.delay)"] }
        if options.closeOnStartTLS { arguments.append("--close-on-starttls") }
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        input = Pipe()
        let stdout = Pipe()
        process.standardInput = input
        process.standardOutput = stdout
        try process.run()
        var line = Data()
        while true {
            let byte = stdout.fileHandleForReading.readData(ofLength: 1)
            guard !byte.isEmpty else { throw SinkError("the SMTP sink stopped before it listened") }
            if byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("ready "), let port = Int(text.dropFirst(6)) else { throw SinkError("the SMTP sink said «\(text)»") }
        self.port = port
    }

    /// What the server has received so far, in order.
    public func received() throws -> [Received] {
        guard let data = FileManager.default.contents(atPath: output.path) else { return [] }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try JSONDecoder().decode(Received.self, from: Data($0.utf8))
        }
    }

    /// Waits until the server has received `count` messages (or `timeout` passes).
    public func waitFor(_ count: Int, timeout: Double = 20) async throws -> [Received] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let messages = try received()
            if messages.count >= count || Date() > deadline { return messages }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Stops the server with SIGKILL (every message it took is already on disk): closing
    /// its input is not enough, since a process started meanwhile by a parallel test may have
    /// inherited the pipe, and the test process's blocked SIGTERM may be inherited too.
    public func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    struct SinkError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
