import Foundation

/// A whole database copied with PostgreSQL's own tools: `pg_dump` in its custom format
/// (compressed; every table, evidence files included, since they live in the database) and
/// `pg_restore` back into an empty database in a single transaction, so a restore that
/// fails leaves nothing behind. Both reach the database by its libpq URL or conninfo, so
/// the embedded cluster and a server are the same to them.
///
/// These calls block for as long as the tools run: call them off any event loop.
public struct PostgresDump: Sendable {
    /// What went wrong, in words an operator can act on.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let conninfo: String

    public init(conninfo: String) {
        self.conninfo = conninfo
    }

    /// Writes the database to `file` (mode 0640): first to `file.partial`, checked with
    /// `pg_restore --list`, then renamed, so `file` is only ever a complete backup.
    public func dump(to file: URL) throws {
        let partial = URL(fileURLWithPath: file.path + ".partial")
        try? FileManager.default.removeItem(at: partial)
        // Readable by the owner and its group only, whatever the umask of whoever runs it: a
        // backup holds everything, persons and their reports included. pg_dump keeps the mode
        // of the file it writes into.
        guard FileManager.default.createFile(atPath: partial.path, contents: nil, attributes: [.posixPermissions: 0o640]) else {
            throw Failure(description: "cannot create \(partial.path): check that the folder exists and is writable")
        }
        do {
            try Self.run("pg_dump", ["--format=custom", "--compress=6", "--no-owner", "--no-privileges",
                                     "--file=\(partial.path)", "--dbname=\(conninfo)"])
            try Self.list(partial)
            try FileManager.default.moveItem(at: partial, to: file)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }

    /// Restores `file` into this database, which should be empty; in one transaction.
    /// Ownership and grants are left out: the restoring role owns everything. So are the
    /// comments on extensions (pgcrypto, btree_gist), which only their owner may set: the
    /// database's owner restores as well as a superuser.
    public func restore(from file: URL) throws {
        let contents = try Self.list(file)
        let kept = contents.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains(" COMMENT - EXTENSION ") }
            .joined(separator: "\n")
        let listFile = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("roadmap-restore-\(UUID().uuidString).list")
        try kept.write(to: listFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: listFile) }
        try Self.run("pg_restore", ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges",
                                    "--use-list=\(listFile.path)", "--dbname=\(conninfo)", file.path])
    }

    /// The backup's table of contents; a file `pg_restore` cannot read as a backup is refused.
    @discardableResult
    static func list(_ file: URL) throws -> String {
        do {
            return try run("pg_restore", ["--list", file.path])
        } catch let failure as Failure {
            throw Failure(description: "\(file.path) is not a backup pg_restore can read: \(failure.description)")
        }
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let executable = try locate(tool)
        do {
            return try SystemCommand(executable, arguments).run()
        } catch let failure as SystemCommand.Failure {
            // The conninfo may hold a password: it is never repeated in a message.
            let output = failure.output.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "\(tool) failed (exit status \(failure.status))" + (output.isEmpty ? "" : ": \(output)"))
        }
    }

    /// `pg_dump` or `pg_restore`: the newest under `/usr/lib/postgresql/*/bin` (a client no
    /// older than the server), else on PATH.
    static func locate(_ tool: String) throws -> String {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for version in versions.compactMap(Int.init).sorted(by: >) where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/\(tool)") {
            return "\(root)/\(version)/bin/\(tool)"
        }
        if let found = SystemCommand.locate(tool) { return found }
        throw Failure(description: "\(tool) was not found under /usr/lib/postgresql/*/bin or on PATH; install PostgreSQL's client programs (apt-get install postgresql-client)")
    }
}
