import CPostgres

/// An error from PostgreSQL or from this layer over libpq. Carries what callers need to
/// turn it into a domain error: the SQLSTATE, the constraint and the table.
///
/// `description` is safe to show a user (no SQL, no parameters); `debugDescription` has
/// everything, for logs.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What failed.
    public enum Kind: String, Sendable {
        /// Could not connect, or the connection broke.
        case connection
        /// The server refused a statement (see `sqlState`).
        case server
        /// A value in a result could not be decoded into the requested Swift type.
        case decoding
        /// A parameter could not be sent (for example text with a NUL character).
        case encoding
        /// The pool is closed or was shut down.
        case poolClosed
        /// Something libpq or the server did that this layer did not expect.
        case unexpected
    }

    public var kind: Kind
    public var message: String
    public var sqlState: SQLState?
    public var detail: String?
    public var hint: String?
    public var constraint: String?
    public var table: String?
    public var column: String?
    /// The statement text (never the parameters), for debugging only.
    public var statement: String?

    public init(
        _ kind: Kind, message: String, sqlState: SQLState? = nil, detail: String? = nil,
        hint: String? = nil, constraint: String? = nil, table: String? = nil,
        column: String? = nil, statement: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
        self.statement = statement
    }

    /// Reads every diagnostic field of a failed result.
    init(result: OpaquePointer, statement: String?) {
        func field(_ code: Int32) -> String? {
            guard let pointer = PQresultErrorField(result, code) else { return nil }
            return String(cString: pointer)
        }
        let primary = field(CPG_DIAG_MESSAGE_PRIMARY)
            ?? PQresultErrorMessage(result).map { String(cString: $0) }
            ?? "unknown server error"
        self.init(
            .server,
            message: primary.trimmingTrailingNewlines(),
            sqlState: field(CPG_DIAG_SQLSTATE).map(SQLState.init(rawValue:)),
            detail: field(CPG_DIAG_MESSAGE_DETAIL),
            hint: field(CPG_DIAG_MESSAGE_HINT),
            constraint: field(CPG_DIAG_CONSTRAINT_NAME),
            table: field(CPG_DIAG_TABLE_NAME),
            column: field(CPG_DIAG_COLUMN_NAME),
            statement: statement
        )
    }

    /// True when the connection itself is lost (server restarted, network gone), as
    /// opposed to a statement the server refused.
    public var isConnectionFailure: Bool {
        if kind == .connection { return true }
        guard let sqlState else { return false }
        return sqlState.rawValue.hasPrefix("08") || sqlState == .adminShutdown
            || sqlState == .crashShutdown || sqlState == .cannotConnectNow
    }

    public var description: String {
        switch kind {
        case .server:
            var text = "database error"
            if let sqlState { text += " \(sqlState.rawValue)" }
            text += ": \(message)"
            if let detail { text += " (\(detail))" }
            return text
        case .connection: return "database connection failed: \(message)"
        case .decoding: return "could not read \(column.map { "column «\($0)»" } ?? "a value"): \(message)"
        case .encoding: return "could not send a value: \(message)"
        case .poolClosed: return "the database pool is closed"
        case .unexpected: return "unexpected database behaviour: \(message)"
        }
    }

    public var debugDescription: String {
        var parts = [description]
        if let hint { parts.append("hint: \(hint)") }
        if let constraint { parts.append("constraint: \(constraint)") }
        if let table { parts.append("table: \(table)") }
        if let column, kind == .server { parts.append("column: \(column)") }
        if let statement { parts.append("statement: \(statement)") }
        return parts.joined(separator: "; ")
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" || text.last == " " { text.removeLast() }
        return text
    }
}
