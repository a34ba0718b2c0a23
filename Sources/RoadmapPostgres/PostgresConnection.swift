import CPostgres
import Foundation

/// One libpq connection. It owns its `PGconn` and finishes it exactly once.
///
/// Every call blocks the calling thread until the server answers: use a connection from a
/// thread-pool thread (the pool does this), never from an event loop or an actor.
public final class PostgresConnection: @unchecked Sendable {
    // Safe to share: libpq allows one thread at a time per connection, and the pool hands a
    // connection to exactly one job at a time; nothing else touches `handle`.
    private var handle: OpaquePointer?

    /// Connects, or throws a `.connection` error with libpq's message.
    public init(configuration: PostgresConfiguration) throws {
        let pairs = configuration.keywordsAndValues
        let keywords = pairs.map { strdup($0.0) }
        let values = pairs.map { strdup($0.1) }
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        var keywordPointers = keywords.map { UnsafePointer<CChar>($0) } + [nil]
        var valuePointers = values.map { UnsafePointer<CChar>($0) } + [nil]
        let connection = keywordPointers.withUnsafeMutableBufferPointer { keywordBuffer in
            valuePointers.withUnsafeMutableBufferPointer { valueBuffer in
                PQconnectdbParams(keywordBuffer.baseAddress, valueBuffer.baseAddress, 1)
            }
        }
        guard let connection else {
            throw PostgresError(.connection, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = PQerrorMessage(connection).map { String(cString: $0) } ?? "unknown error"
            PQfinish(connection)
            throw PostgresError(.connection, message: message.trimmingTrailingNewlines())
        }
        // Notices ("extension already exists, skipping") would go to stderr; drop them.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = connection
        // Fixed formats the decoders rely on, whatever the server's or role's defaults.
        try execute(script: "SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET IntervalStyle = 'postgres'")
    }

    deinit {
        close()
    }

    /// Closes the connection; later calls fail with a `.connection` error.
    public func close() {
        if let handle {
            PQfinish(handle)
            self.handle = nil
        }
    }

    /// True while the connection is open and not broken.
    public var isOpen: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// True when no transaction is open (the state a pooled connection must be returned in).
    public var isIdle: Bool {
        guard let handle else { return false }
        return PQtransactionStatus(handle) == PQTRANS_IDLE
    }

    /// Reads whatever the server sent while the connection sat idle, without blocking:
    /// a connection whose server restarted shows up as broken here, before it is reused.
    public func checkAlive() -> Bool {
        guard let handle else { return false }
        // A server that shut down sends a FATAL message, then closes: the first read takes
        // the message (libpq treats it as a notice), a second one meets the end of stream.
        for _ in 0..<2 {
            guard PQconsumeInput(handle) == 1, PQstatus(handle) == CONNECTION_OK else { return false }
        }
        return true
    }

    /// Statements attempted since the pool handed this connection out: a connection
    /// failure on the first one means nothing reached the server, so it may be retried.
    public internal(set) var statementsAttempted = 0

    /// The server's version number (150018 for 15.18).
    public var serverVersion: Int {
        guard let handle else { return 0 }
        return Int(PQserverVersion(handle))
    }

    /// Where this connection went: the host (or socket folder), port and database, as
    /// libpq resolved them, for building a URL to the same server.
    public var address: (host: String, port: String, database: String)? {
        guard let handle, let host = PQhost(handle), let port = PQport(handle), let database = PQdb(handle) else { return nil }
        return (String(cString: host), String(cString: port), String(cString: database))
    }

    private func requireHandle() throws -> OpaquePointer {
        statementsAttempted += 1
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            throw PostgresError(.connection, message: "the connection is closed or broken")
        }
        return handle
    }

    private func connectionError(_ handle: OpaquePointer) -> PostgresError {
        let message = PQerrorMessage(handle).map { String(cString: $0) } ?? "unknown error"
        return PostgresError(.connection, message: message.trimmingTrailingNewlines())
    }

    /// Runs one statement with its parameters bound and returns its rows: unnamed
    /// (`PQexecParams`), or, for a statement marked `prepared()`, prepared once per
    /// connection and run by name afterwards (`PQprepare`, `PQexecPrepared`).
    @discardableResult
    public func query(_ sql: SQL) throws -> PostgresResult {
        let handle = try requireHandle()
        let (text, bindings) = sql.rendered()
        for (position, binding) in bindings.enumerated() where binding.text?.utf8.contains(0) == true {
            throw PostgresError(
                .encoding, message: "parameter $\(position + 1) contains a NUL character, which PostgreSQL text cannot hold",
                statement: text)
        }
        let types = bindings.map { Oid($0.type.rawValue) }
        let values = bindings.map { $0.text.map { strdup($0) } ?? nil }
        defer { values.forEach { free($0) } }
        let valuePointers = values.map { $0.map { UnsafePointer<CChar>($0) } }
        if sql.isPrepared {
            let name = try prepared(text, types: types, handle: handle)
            let raw = valuePointers.withUnsafeBufferPointer { valueBuffer in
                PQexecPrepared(handle, name, Int32(bindings.count), valueBuffer.baseAddress, nil, nil, 0)
            }
            do {
                return try check(raw, statement: text, handle: handle)
            } catch let error as PostgresError where PreparedStatements.isStale(error) {
                // The statement was dropped or its plan can no longer give the same columns
                // (a migration changed a table under a live connection): prepared again next
                // time, and run unnamed now, unless the failure ended the transaction around it.
                statements.forget(text, types: types)
                guard PQtransactionStatus(handle) != PQTRANS_INERROR else { throw error }
                _ = try? execute(script: "DEALLOCATE \"\(name)\"")
            }
        }
        let raw = types.withUnsafeBufferPointer { typeBuffer in
            valuePointers.withUnsafeBufferPointer { valueBuffer in
                PQexecParams(
                    handle, text, Int32(bindings.count), typeBuffer.baseAddress, valueBuffer.baseAddress,
                    nil, nil, 0)
            }
        }
        return try check(raw, statement: text, handle: handle)
    }

    /// The queries prepared on this connection.
    private var statements = PreparedStatements()

    /// The name `text` is prepared under, preparing it first if needed.
    private func prepared(_ text: String, types: [Oid], handle: OpaquePointer) throws -> String {
        if let name = statements.name(of: text, types: types) { return name }
        if statements.isFull {
            // Rarely reached: the service asks a few hundred distinct queries in all.
            _ = try check(PQexec(handle, "DEALLOCATE ALL"), statement: "DEALLOCATE ALL", handle: handle)
            statements.removeAll()
        }
        let name = statements.nextName()
        let raw = types.withUnsafeBufferPointer { typeBuffer in
            PQprepare(handle, name, text, Int32(types.count), typeBuffer.baseAddress)
        }
        _ = try check(raw, statement: text, handle: handle)
        statements.remember(text, types: types, as: name)
        return name
    }

    /// Runs a statement and returns the number of rows it inserted, updated or deleted.
    @discardableResult
    public func execute(_ sql: SQL) throws -> Int {
        try query(sql).affectedRows
    }

    /// Runs a script of several statements with no parameters (`PQexec`), as migrations are.
    public func execute(script: String) throws {
        let handle = try requireHandle()
        guard !script.utf8.contains(0) else {
            throw PostgresError(.encoding, message: "the script contains a NUL character")
        }
        _ = try check(PQexec(handle, script), statement: String(script.prefix(200)), handle: handle)
    }

    private func check(_ raw: OpaquePointer?, statement: String, handle: OpaquePointer) throws -> PostgresResult {
        guard let raw else { throw connectionError(handle) }
        switch PQresultStatus(raw) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PostgresResult(handle: raw)
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR:
            var error = PostgresError(result: raw, statement: statement)
            PQclear(raw)
            if PQstatus(handle) != CONNECTION_OK, error.sqlState == nil {
                error.kind = .connection
            }
            throw error
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            PQclear(raw)
            // Leave no half-open COPY behind: abort it and drain its results.
            _ = PQputCopyEnd(handle, "COPY must go through copy(_:rows:)")
            while let pending = PQgetResult(handle) { PQclear(pending) }
            throw PostgresError(.unexpected, message: "COPY must go through copy(_:rows:)", statement: statement)
        default:
            let message = PQresStatus(PQresultStatus(raw)).map { String(cString: $0) } ?? "unknown status"
            PQclear(raw)
            throw PostgresError(.unexpected, message: "unexpected result status \(message)", statement: statement)
        }
    }

    /// Bulk-loads rows with `COPY … FROM STDIN` (text format). `statement` is the COPY
    /// statement; each row holds the text form of each column, nil for NULL. Returns the
    /// number of rows the server loaded. On any error the COPY is aborted and nothing loads.
    @discardableResult
    public func copy<Rows: Sequence>(_ statement: SQL, rows: Rows) throws -> Int where Rows.Element == [PostgresBinding] {
        let handle = try requireHandle()
        let (text, bindings) = statement.rendered()
        guard bindings.isEmpty else {
            throw PostgresError(.encoding, message: "a COPY statement cannot take parameters", statement: text)
        }
        guard let started = PQexec(handle, text) else { throw connectionError(handle) }
        guard PQresultStatus(started) == PGRES_COPY_IN else {
            _ = try check(started, statement: text, handle: handle)
            throw PostgresError(.unexpected, message: "the statement did not start COPY FROM STDIN", statement: text)
        }
        PQclear(started)

        var buffer = [UInt8]()
        buffer.reserveCapacity(64 * 1024)
        var sendError: String?
        func flush() -> Bool {
            guard !buffer.isEmpty else { return true }
            let sent = buffer.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
            }
            buffer.removeAll(keepingCapacity: true)
            return sent == 1
        }
        rowLoop: for (rowNumber, row) in rows.enumerated() {
            for (column, value) in row.enumerated() {
                if column > 0 { buffer.append(UInt8(ascii: "\t")) }
                guard let value = value.text else {
                    buffer.append(UInt8(ascii: "\\"))
                    buffer.append(UInt8(ascii: "N"))
                    continue
                }
                guard PostgresCopyText.escape(value, into: &buffer) else {
                    sendError = "row \(rowNumber + 1), column \(column + 1) contains a NUL character"
                    break rowLoop
                }
            }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 60 * 1024, !flush() {
                sendError = connectionError(handle).message
                break rowLoop
            }
        }
        if sendError == nil, !flush() { sendError = connectionError(handle).message }
        _ = PQputCopyEnd(handle, sendError)
        var outcome: Result<Int, PostgresError> = .success(0)
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                let loaded = PQcmdTuples(result).flatMap { Int(String(cString: $0)) } ?? 0
                if case .success = outcome { outcome = .success(loaded) }
            } else if case .success = outcome {
                var error = PostgresError(result: result, statement: text)
                if let sendError { error = PostgresError(.encoding, message: sendError, statement: text) }
                outcome = .failure(error)
            }
            PQclear(result)
        }
        return try outcome.get()
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws
    /// (and rethrows the error).
    public func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try execute(script: "BEGIN")
        let value: T
        do {
            value = try body(self)
        } catch {
            if isOpen { try? execute(script: "ROLLBACK") }
            throw error
        }
        if let handle, PQtransactionStatus(handle) == PQTRANS_INERROR {
            // A statement failed and the body swallowed the error: COMMIT would silently roll back.
            try? execute(script: "ROLLBACK")
            throw PostgresError(.unexpected, message: "the transaction was aborted by an earlier failed statement and was rolled back")
        }
        try execute(script: "COMMIT")
        return value
    }
}

/// Escaping for COPY's text format: backslash, tab, newline and carriage return.
enum PostgresCopyText {
    /// Appends `value` escaped for COPY's text format; false when it holds a NUL, which
    /// COPY cannot carry.
    static func escape(_ value: String, into buffer: inout [UInt8]) -> Bool {
        // Most values (ids, dates, names) need no escaping: copied whole.
        var value = value
        let plain = value.withUTF8 { bytes in
            if !bytes.contains(where: { $0 == 0 || $0 == 92 || $0 == 9 || $0 == 10 || $0 == 13 }) {
                buffer.append(contentsOf: bytes)
                return true
            }
            return false
        }
        if plain { return true }
        for byte in value.utf8 {
            switch byte {
            case 0: return false
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [92, 92])
            case UInt8(ascii: "\t"): buffer.append(contentsOf: [92, UInt8(ascii: "t")])
            case UInt8(ascii: "\n"): buffer.append(contentsOf: [92, UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): buffer.append(contentsOf: [92, UInt8(ascii: "r")])
            default: buffer.append(byte)
            }
        }
        return true
    }
}
