import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// A private PostgreSQL cluster under a data folder, used when no database URL is given:
/// created with `initdb` on first use, started on demand with `pg_ctl`, listening on a
/// Unix socket inside the folder and on no TCP address. PostgreSQL refuses to run as
/// root, so as root the server runs as the `postgres` system user.
public struct EmbeddedCluster: Sendable {
    /// The folder that holds everything (`ROADMAP_HOME`, default `./.roadmap`).
    public let directory: URL
    /// The database the service uses inside the cluster.
    public let databaseName: String
    /// Trades durability for speed (fsync off): only for throwaway test clusters.
    public let forTesting: Bool
    let port = 5432

    public init(directory: URL, databaseName: String = "roadmap", forTesting: Bool = false) {
        self.directory = directory.standardizedFileURL
        self.databaseName = databaseName
        self.forTesting = forTesting
    }

    public var dataDirectory: URL { directory.appendingPathComponent("pgdata") }
    public var socketDirectory: URL { directory.appendingPathComponent("run") }
    public var logFile: URL { directory.appendingPathComponent("postgresql.log") }
    private var lockFile: URL { directory.appendingPathComponent(".lock") }

    /// The system user the server runs as when we are root.
    static let serverUser = "postgres"

    static var isRoot: Bool { geteuid() == 0 }

    private var runAs: String? { Self.isRoot ? Self.serverUser : nil }

    /// A libpq URL for `database` in this cluster, through the socket folder.
    public func connectionString(database: String? = nil) -> String {
        let host = socketDirectory.path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? socketDirectory.path
        return "postgresql:///\(database ?? databaseName)?host=\(host)&port=\(port)&user=\(Self.serverUser)"
    }

    public var configuration: PostgresConfiguration {
        PostgresConfiguration(connectionString())
    }

    /// Where the cluster stands.
    public enum State: Equatable, Sendable {
        case notInitialized
        case stopped
        case running(pid: Int)
    }

    /// Errors that say what to do.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    // MARK: - Binaries

    /// The folder of `initdb` and `pg_ctl`: on PATH, else the newest `/usr/lib/postgresql/*/bin`.
    static func binaries() throws -> (initdb: String, pgctl: String) {
        if let initdb = SystemCommand.locate("initdb"), let pgctl = SystemCommand.locate("pg_ctl") {
            return (initdb, pgctl)
        }
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for version in versions.compactMap(Int.init).sorted(by: >) {
            let bin = "\(root)/\(version)/bin"
            if FileManager.default.isExecutableFile(atPath: "\(bin)/initdb"),
               FileManager.default.isExecutableFile(atPath: "\(bin)/pg_ctl") {
                return ("\(bin)/initdb", "\(bin)/pg_ctl")
            }
        }
        throw Failure(description: "PostgreSQL server programs (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin; install them (apt-get install postgresql) or pass --database-url")
    }

    // MARK: - State

    public func state() throws -> State {
        guard FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("PG_VERSION").path) else {
            return .notInitialized
        }
        let pgctl = try Self.binaries().pgctl
        let (status, output) = try SystemCommand(pgctl, ["-D", dataDirectory.path, "status"], as: runAs, in: directory)
            .runReturningStatus()
        guard status == 0 else { return .stopped }
        // "pg_ctl: server is running (PID: 1234)"
        let pid = output.range(of: "PID: ").flatMap { range in
            Int(output[range.upperBound...].prefix(while: \.isNumber))
        } ?? 0
        return .running(pid: pid)
    }

    // MARK: - Start and stop

    /// Creates the cluster if needed, starts it if stopped, and creates the service's
    /// database. Returns true when this call started the server. Safe to call from several
    /// processes at once (a lock file serialises them).
    @discardableResult
    public func start(logger: Logger = Logger(label: "roadmap.cluster")) throws -> Bool {
        try prepareDirectory()
        return try withLock {
            let binaries = try Self.binaries()
            if try state() == .notInitialized {
                logger.info("creating a PostgreSQL cluster", metadata: ["directory": "\(dataDirectory.path)"])
                try initialize(initdb: binaries.initdb)
            }
            var started = false
            if case .stopped = try state() {
                logger.info("starting PostgreSQL", metadata: ["socket": "\(socketDirectory.path)"])
                do {
                    try SystemCommand(
                        binaries.pgctl,
                        ["-D", dataDirectory.path, "-l", logFile.path, "-w", "-t", "60", "start"],
                        as: runAs, in: directory
                    ).run()
                } catch let failure as SystemCommand.Failure {
                    throw Failure(description: "PostgreSQL did not start: \(failure)\n\(logTail())")
                }
                started = true
            }
            try createDatabaseIfMissing()
            return started
        }
    }

    /// Stops the server if it runs (fast shutdown: open sessions are ended).
    public func stop() throws {
        try withLock {
            guard case .running = try state() else { return }
            try SystemCommand(try Self.binaries().pgctl, ["-D", dataDirectory.path, "-m", "fast", "-w", "-t", "60", "stop"], as: runAs, in: directory).run()
        }
    }

    /// Stops the server and deletes the whole folder (test clusters).
    public func destroy() {
        try? stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The last lines of the server log, to show when starting fails.
    public func logTail(lines: Int = 15) -> String {
        guard let text = try? String(contentsOf: logFile, encoding: .utf8) else { return "" }
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    // MARK: - Internals

    private func prepareDirectory() throws {
        let socketPath = socketDirectory.appendingPathComponent(".s.PGSQL.\(port)").path
        guard socketPath.utf8.count < 108 else {
            throw Failure(description: "the data folder path is too long for a Unix socket (\(socketPath.utf8.count) bytes, at most 107): choose a shorter --data-dir")
        }
        let manager = FileManager.default
        let existed = manager.fileExists(atPath: directory.path)
        try manager.createDirectory(at: socketDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        if Self.isRoot {
            guard let account = getpwnam(Self.serverUser) else {
                throw Failure(description: "running as root, but there is no «\(Self.serverUser)» system user to run PostgreSQL as (apt-get install postgresql creates it)")
            }
            let uid = account.pointee.pw_uid
            let gid = account.pointee.pw_gid
            for path in [directory.path, socketDirectory.path] {
                guard chown(path, uid, gid) == 0 else {
                    throw Failure(description: "could not give \(path) to the \(Self.serverUser) user: \(String(cString: strerror(errno)))")
                }
            }
            if manager.fileExists(atPath: logFile.path) { _ = chown(logFile.path, uid, gid) }
            let (status, _) = try SystemCommand("/usr/bin/test", ["-w", directory.path, "-a", "-x", directory.path], as: Self.serverUser, in: URL(fileURLWithPath: "/")).runReturningStatus()
            guard status == 0 else {
                // Nothing is left behind: a folder made just now for a cluster that cannot run here goes.
                if !existed { try? manager.removeItem(at: directory) }
                throw Failure(description: "the \(Self.serverUser) system user cannot enter \(directory.path) (a parent folder is closed to other users): choose a --data-dir it can reach, such as /var/lib/roadmap or /tmp/roadmap")
            }
        }
    }

    private func initialize(initdb: String) throws {
        var arguments = ["-D", dataDirectory.path, "-U", Self.serverUser, "-A", "trust", "-E", "UTF8"]
        // A UTF-8 ctype so lower()/upper() and ILIKE work on Cyrillic text.
        arguments += Self.hasUTF8CLocale ? ["--locale=C.UTF-8"] : ["--no-locale"]
        do {
            try SystemCommand(initdb, arguments, as: runAs, in: directory).run()
        } catch let failure as SystemCommand.Failure {
            try? FileManager.default.removeItem(at: dataDirectory)
            throw Failure(description: "initdb failed: \(failure)")
        }
        var settings = """

            # Added by roadmapctl: a private server on a Unix socket, no TCP.
            listen_addresses = ''
            unix_socket_directories = '\(socketDirectory.path.replacingOccurrences(of: "'", with: "''"))'
            unix_socket_permissions = 0700
            port = \(port)
            max_connections = 100
            timezone = 'UTC'
            # A region-sized import writes about 600 MB of WAL; room for it avoids a
            # checkpoint in the middle.
            max_wal_size = '2GB'

            """
        if !forTesting {
            settings += """
                # Room in memory for the assignments' indexes: with PostgreSQL's 128 MB, a
                # region-sized import wrote their pages out and read them back as it went
                # (13.4–13.9 s against 16.6–17.8 s for 500,000 assignments).
                shared_buffers = '\(Self.sharedBuffersMB)MB'
                wal_buffers = '64MB'

                """
        } else {
            // Test suites run many databases at once, each with a pool of its own.
            settings += """
                max_connections = 400
                fsync = off
                synchronous_commit = off
                full_page_writes = off

                """
        }
        let configFile = dataDirectory.appendingPathComponent("postgresql.conf")
        let handle = try FileHandle(forWritingTo: configFile)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(settings.utf8))
    }

    /// An eighth of the machine's memory, from PostgreSQL's own 128 MB up to 1 GB.
    public static var sharedBuffersMB: UInt64 {
        let eighth = ProcessInfo.processInfo.physicalMemory / 8 / (1 << 20)
        return min(max(eighth, 128), 1024)
    }

    private static var hasUTF8CLocale: Bool {
        guard let locale = SystemCommand.locate("locale"),
              let output = try? SystemCommand(locale, ["-a"]).run()
        else { return false }
        return output.split(separator: "\n").contains { $0.lowercased() == "c.utf8" || $0.lowercased() == "c.utf-8" }
    }

    private func createDatabaseIfMissing() throws {
        let admin = try PostgresConnection(configuration: PostgresConfiguration(connectionString(database: "postgres")))
        defer { admin.close() }
        let exists = try admin.query("SELECT 1 FROM pg_database WHERE datname = \(databaseName)").count > 0
        guard !exists else { return }
        do {
            try admin.execute(script: "CREATE DATABASE \(SQL.quoteIdentifier(databaseName))")
        } catch let error as PostgresError where error.sqlState == .duplicateDatabase || error.sqlState == .uniqueViolation {
            // Another process created it first.
        }
    }

    /// Serialises start and stop across processes with an exclusive lock on a file.
    private func withLock<T>(_ body: () throws -> T) throws -> T {
        let descriptor = open(lockFile.path, O_CREAT | O_RDWR, 0o600)
        guard descriptor >= 0 else {
            throw Failure(description: "could not open the lock file \(lockFile.path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else {
            throw Failure(description: "could not lock \(lockFile.path): \(String(cString: strerror(errno)))")
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
