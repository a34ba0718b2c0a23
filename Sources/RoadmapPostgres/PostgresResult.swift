import CPostgres

/// The rows of one statement. Owns its `PGresult` and clears it exactly once; rows keep
/// their result alive.
public final class PostgresResult: @unchecked Sendable {
    // Safe to share: a PGresult is immutable once returned by libpq, and this class only reads it.
    private let handle: OpaquePointer
    /// Column names in order.
    public let columns: [String]
    let columnTypes: [PostgresType]
    /// Number of rows returned.
    public let count: Int
    /// Rows inserted, updated or deleted (`PQcmdTuples`), 0 when not reported.
    public let affectedRows: Int

    init(handle: OpaquePointer) {
        self.handle = handle
        let fieldCount = PQnfields(handle)
        var names: [String] = []
        var types: [PostgresType] = []
        for field in 0..<fieldCount {
            names.append(PQfname(handle, field).map { String(cString: $0) } ?? "?column?")
            types.append(PostgresType(rawValue: PQftype(handle, field)))
        }
        columns = names
        columnTypes = types
        count = Int(PQntuples(handle))
        affectedRows = PQcmdTuples(handle).flatMap { Int(String(cString: $0)) } ?? 0
    }

    deinit {
        PQclear(handle)
    }

    /// The rows, in order.
    public var rows: [PostgresRow] {
        (0..<count).map { PostgresRow(result: self, index: Int32($0)) }
    }

    /// The first row, or nil when there is none.
    public var first: PostgresRow? {
        count > 0 ? PostgresRow(result: self, index: 0) : nil
    }

    /// The first column named `name`. A statement has a few columns and each row's values are
    /// decoded by name, so they are compared in order: hashing the name for a dictionary cost
    /// more (a twentieth of the order page's CPU went to `Hasher`).
    func column(named name: String) throws -> Int32 {
        guard let index = columns.firstIndex(of: name).map(Int32.init) else {
            throw PostgresError(.decoding, message: "no such column in the result (columns: \(columns.joined(separator: ", ")))", column: name)
        }
        return index
    }

    func isNull(row: Int32, column: Int32) -> Bool {
        PQgetisnull(handle, row, column) == 1
    }

    /// The value's text as the bytes libpq holds (valid while this result lives).
    func withBytes<R>(row: Int32, column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let pointer = PQgetvalue(handle, row, column) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let length = Int(PQgetlength(handle, row, column))
        return try pointer.withMemoryRebound(to: UInt8.self, capacity: max(length, 1)) {
            try body(UnsafeBufferPointer(start: $0, count: length))
        }
    }
}

/// One row of a result.
public struct PostgresRow: Sendable {
    let result: PostgresResult
    let index: Int32

    /// Decodes the named column; `T?` for nullable columns. Throws a `.decoding` error
    /// naming the column when the value does not fit `T`.
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, _ column: String) throws -> T {
        try decode(type, at: Int(result.column(named: column)))
    }

    /// Decodes the column at a position (0-based).
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, at column: Int) throws -> T {
        guard column >= 0, column < result.columns.count else {
            throw PostgresError(.decoding, message: "no column at position \(column)", column: "#\(column)")
        }
        let field = Int32(column)
        let context = PostgresDecodingContext(column: result.columns[column], type: result.columnTypes[column])
        if result.isNull(row: index, column: field) {
            return try T.decodeNull(context: context)
        }
        return try result.withBytes(row: index, column: field) { try T.decode(postgresBytes: $0, context: context) }
    }

    /// True when the named column is SQL NULL.
    public func isNull(_ column: String) throws -> Bool {
        result.isNull(row: index, column: try result.column(named: column))
    }
}
