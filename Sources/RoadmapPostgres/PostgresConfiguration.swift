import Foundation

/// How to reach PostgreSQL: a URL (`postgresql://user@host/db?sslmode=…`) or a conninfo
/// string (`host=/run/roadmap dbname=roadmap`), passed to libpq as it is, plus the
/// timeouts this service always sets.
public struct PostgresConfiguration: Sendable, Hashable {
    /// The URL or conninfo string.
    public var connectionString: String
    /// Seconds to wait for a connection (`connect_timeout`).
    public var connectTimeout: Int
    /// Milliseconds a statement may run before the server cancels it (`statement_timeout`);
    /// 0 disables it.
    public var statementTimeoutMilliseconds: Int
    /// Reported in `pg_stat_activity`.
    public var applicationName: String
    /// Connects to this database instead of the one the connection string names.
    public var databaseOverride: String?

    public init(
        _ connectionString: String,
        connectTimeout: Int = 10,
        statementTimeoutMilliseconds: Int = 30_000,
        applicationName: String = "roadmap"
    ) {
        self.connectionString = connectionString
        self.connectTimeout = connectTimeout
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
        self.applicationName = applicationName
    }

    /// The keyword/value pairs for `PQconnectdbParams`. Our defaults come first so that
    /// the URL or conninfo (expanded from `dbname`) can override them.
    var keywordsAndValues: [(String, String)] {
        [
            ("connect_timeout", String(connectTimeout)),
            ("fallback_application_name", applicationName),
            ("options", "-c statement_timeout=\(statementTimeoutMilliseconds)"),
            ("client_encoding", "UTF8"),
            ("dbname", connectionString),
        ] + (databaseOverride.map { [("dbname", $0)] } ?? [])
    }

    /// The same server and credentials, another database.
    public func database(_ name: String) -> PostgresConfiguration {
        var copy = self
        copy.databaseOverride = name
        return copy
    }

    /// The connection string with any password replaced by `***`, for logs and messages.
    public var redacted: String {
        PostgresConfiguration.redact(connectionString)
    }

    static func redact(_ text: String) -> String {
        var result = text
        // URL form: scheme://user:password@host
        if let schemeEnd = result.range(of: "://"),
           let at = result[schemeEnd.upperBound...].firstIndex(of: "@"),
           let colon = result[schemeEnd.upperBound..<at].firstIndex(of: ":") {
            result.replaceSubrange(result.index(after: colon)..<at, with: "***")
        }
        // conninfo or query form: password=secret
        for marker in ["password=", "password ="] {
            var searchStart = result.startIndex
            while let range = result.range(of: marker, range: searchStart..<result.endIndex) {
                let valueEnd = result[range.upperBound...].firstIndex(where: { $0 == " " || $0 == "&" }) ?? result.endIndex
                result.replaceSubrange(range.upperBound..<valueEnd, with: "***")
                searchStart = result.index(range.upperBound, offsetBy: 3, limitedBy: result.endIndex) ?? result.endIndex
            }
        }
        return result
    }
}
