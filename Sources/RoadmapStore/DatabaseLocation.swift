import Foundation
import Logging
import RoadmapPostgres

/// Where an installation's database is: a PostgreSQL server at a URL, or the private
/// cluster under a data folder that `roadmapctl` creates, starts and stops itself (and, as
/// root, runs as the `postgres` user). The CLI says where; this opens the `Database` the
/// use cases run on.
public struct DatabaseLocation: Sendable {
    /// A libpq URL or conninfo string; nil for the embedded cluster.
    public let url: String?
    /// The embedded cluster's folder.
    public let dataDirectory: URL

    public init(url: String?, dataDirectory: URL) {
        self.url = url
        self.dataDirectory = dataDirectory
    }

    /// Whether this is the installation's own private cluster (its operator is whoever
    /// runs the command), not a shared server.
    public var isEmbedded: Bool { url == nil }

    var cluster: EmbeddedCluster { EmbeddedCluster(directory: dataDirectory) }

    /// Where the embedded cluster stands.
    public enum ClusterState: Equatable, Sendable {
        case notInitialized
        case stopped
        case running(pid: Int)
    }

    /// The embedded cluster's server data folder, for messages.
    public var clusterPath: String { cluster.dataDirectory.path }

    /// The libpq URL of the embedded cluster, for psql and other tools.
    public var clusterURL: String { cluster.connectionString() }

    public func clusterState() throws -> ClusterState {
        switch try cluster.state() {
        case .notInitialized: .notInitialized
        case .stopped: .stopped
        case .running(let pid): .running(pid: pid)
        }
    }

    /// Creates the embedded cluster if needed and starts it; false when it already ran.
    public func startCluster(logger: Logger) throws -> Bool {
        try cluster.start(logger: logger)
    }

    /// Stops the embedded cluster; false when it was not running.
    public func stopCluster() throws -> Bool {
        guard case .running = try cluster.state() else { return false }
        try cluster.stop()
        return true
    }

    /// The database to use: the server at the URL, or the embedded cluster, started if
    /// needed. `startedCluster` is true when this call started the embedded server (the
    /// caller stops it on the way out).
    public func open(poolSize: Int, logger: Logger) throws -> (database: Database, startedCluster: Bool) {
        let configuration: PostgresConfiguration
        var started = false
        if let url {
            configuration = PostgresConfiguration(url)
        } else {
            started = try cluster.start(logger: logger)
            configuration = cluster.configuration
        }
        let pool = PostgresPool(configuration: configuration, maximumConnections: poolSize, logger: logger)
        return (Database(pool: pool, isPrivate: isEmbedded), started)
    }
}
