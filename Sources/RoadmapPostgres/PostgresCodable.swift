/// A Swift value that can be sent as a statement parameter, in PostgreSQL's text format.
public protocol PostgresEncodable: Sendable {
    /// The parameter type sent to the server; `.unspecified` lets the server infer it.
    static var postgresType: PostgresType { get }
    /// The value in PostgreSQL's text input format.
    var postgresText: String { get }
}

/// A Swift value that can be read from a result column in PostgreSQL's text format.
public protocol PostgresDecodable: Sendable {
    /// Decodes a non-NULL value; throws a `.decoding` error naming the column on mismatch.
    static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> Self
    /// Decodes a non-NULL value from the bytes of its text, as libpq holds them; by default as
    /// `decode(postgresText:)` of those bytes. A type read from every row (`UUID`) reads them
    /// without making a `String` of them first.
    static func decode(postgresBytes bytes: UnsafeBufferPointer<UInt8>, context: PostgresDecodingContext) throws -> Self
    /// Decodes SQL NULL: an error unless the type is Optional.
    static func decodeNull(context: PostgresDecodingContext) throws -> Self
}

extension PostgresDecodable {
    public static func decode(postgresBytes bytes: UnsafeBufferPointer<UInt8>, context: PostgresDecodingContext) throws -> Self {
        try decode(postgresText: String(decoding: bytes, as: UTF8.self), context: context)
    }

    public static func decodeNull(context: PostgresDecodingContext) throws -> Self {
        throw context.error("is NULL, expected \(Self.self)")
    }
}

/// A value that travels both ways.
public typealias PostgresCodable = PostgresEncodable & PostgresDecodable

/// Where a value being decoded came from, so errors can name the column and its type.
public struct PostgresDecodingContext: Sendable {
    public var column: String
    public var type: PostgresType

    public init(column: String, type: PostgresType) {
        self.column = column
        self.type = type
    }

    public func error(_ message: String) -> PostgresError {
        PostgresError(.decoding, message: "\(type) value \(message)", column: column)
    }

    public func mismatch(_ text: String, expected: Any.Type) -> PostgresError {
        let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
        return error("«\(shown)» is not a valid \(expected)")
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> Self {
        try Wrapped.decode(postgresText: text, context: context)
    }

    public static func decode(postgresBytes bytes: UnsafeBufferPointer<UInt8>, context: PostgresDecodingContext) throws -> Self {
        try Wrapped.decode(postgresBytes: bytes, context: context)
    }

    public static func decodeNull(context: PostgresDecodingContext) throws -> Self {
        nil
    }
}
