import ArgumentParser
import Foundation
import Logging
import RoadmapStore

/// Where the database is: `--database-url`/`DATABASE_URL`, or the embedded cluster under
/// `--data-dir`/`ROADMAP_HOME` (default `./.roadmap`).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: ArgumentHelp("PostgreSQL URL or conninfo string (default: $DATABASE_URL, else the embedded cluster).", valueName: "url"))
    var databaseURL: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Folder of the embedded PostgreSQL cluster (default: $ROADMAP_HOME, else ./.roadmap).", valueName: "dir"))
    var dataDirectory: String?

    @Option(name: .customLong("pool-size"), help: "Most database connections open at once.")
    var poolSize: Int = 8

    func validate() throws {
        guard (1...200).contains(poolSize) else {
            throw ValidationError("--pool-size must be between 1 and 200, got \(poolSize)")
        }
        if let databaseURL, databaseURL.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--database-url is empty")
        }
    }

    /// The URL given explicitly or through DATABASE_URL, if any.
    var externalURL: String? {
        if let databaseURL { return databaseURL }
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty { return url }
        return nil
    }

    /// Where the database is: the URL, or the embedded cluster under the data folder.
    var location: DatabaseLocation {
        let path = dataDirectory ?? ProcessInfo.processInfo.environment["ROADMAP_HOME"] ?? ".roadmap"
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return DatabaseLocation(url: externalURL, dataDirectory: url.absoluteURL)
    }

    /// The database to use: the external one, or the embedded cluster, started if needed.
    /// `startedCluster` is true when this call started the embedded server.
    func open(logger: Logger) throws -> (database: Database, startedCluster: Bool) {
        try location.open(poolSize: poolSize, logger: logger)
    }
}
