import Foundation

/// A statement and its parameters, built by string interpolation: every `\(value)`
/// becomes a `$n` placeholder with the value bound as a parameter, so values never
/// reach the SQL text. Raw text needs the explicit `\(unescaped:)`, and identifiers
/// `\(identifier:)`. Fragments compose: `\(otherSQL)` splices a fragment with its
/// parameters renumbered.
///
/// ```swift
/// let sql: SQL = "SELECT id FROM orders WHERE number = \(number) AND issued_on = \(date)"
/// ```
public struct SQL: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    enum Segment: Sendable, Hashable {
        case text(String)
        case parameter(PostgresBinding)
    }

    var segments: [Segment]

    /// Whether the connection keeps this statement prepared and runs it by name (`prepared()`).
    public private(set) var isPrepared = false

    /// The same statement, prepared once per connection and run by name afterwards, so that
    /// PostgreSQL parses and plans it once rather than on every call. For the queries a page
    /// asks on every view whose best plan does not depend on the values bound (a list of ids,
    /// a key): after five calls PostgreSQL may keep one plan for all values, which for a date
    /// range or one executor's rows can be worse than planning each call.
    public func prepared() -> SQL {
        var copy = self
        copy.isPrepared = true
        return copy
    }

    /// `sql`, prepared (see `prepared()`): `connection.query(.prepared("SELECT …"))`.
    public static func prepared(_ sql: SQL) -> SQL {
        sql.prepared()
    }

    public init(stringLiteral value: String) {
        segments = [.text(value)]
    }

    public init(stringInterpolation: StringInterpolation) {
        segments = stringInterpolation.segments
    }

    /// Raw SQL text with no parameters; use only for text the program itself wrote.
    public init(unescaped text: String) {
        segments = [.text(text)]
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var segments: [Segment] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            segments.append(.text(literal))
        }

        /// A bound parameter.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            segments.append(.parameter(PostgresBinding(value)))
        }

        /// A bound parameter that may be NULL.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            segments.append(.parameter(value.map(PostgresBinding.init) ?? PostgresBinding.null(Value.self)))
        }

        /// A fragment, its parameters renumbered into this statement.
        public mutating func appendInterpolation(_ fragment: SQL) {
            segments.append(contentsOf: fragment.segments)
        }

        /// Raw text spliced as it is: only for text the program itself wrote.
        public mutating func appendInterpolation(unescaped text: String) {
            segments.append(.text(text))
        }

        /// A quoted identifier (a table or column name).
        public mutating func appendInterpolation(identifier name: String) {
            segments.append(.text(SQL.quoteIdentifier(name)))
        }
    }

    /// The statement text with `$1…$n` placeholders and the parameters in order.
    public func rendered() -> (text: String, bindings: [PostgresBinding]) {
        var text = ""
        var bindings: [PostgresBinding] = []
        for segment in segments {
            switch segment {
            case .text(let literal):
                text += literal
            case .parameter(let binding):
                bindings.append(binding)
                text += "$\(bindings.count)"
            }
        }
        return (text, bindings)
    }

    /// The statement text alone, for logs and errors (parameters are never shown).
    public var description: String { rendered().text }

    public static func + (lhs: SQL, rhs: SQL) -> SQL {
        var result = lhs
        result.segments += rhs.segments
        return result
    }

    public static func += (lhs: inout SQL, rhs: SQL) {
        lhs.segments += rhs.segments
    }

    /// Joins fragments with a separator (`, ` or ` AND `).
    public static func joined(_ fragments: [SQL], separator: String) -> SQL {
        var result = SQL(unescaped: "")
        for (index, fragment) in fragments.enumerated() {
            if index > 0 { result.segments.append(.text(separator)) }
            result.segments += fragment.segments
        }
        return result
    }

    /// Quotes an identifier the way PostgreSQL does (`"a""b"`).
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Quotes a string literal (`'it''s'`), for the rare statements that take no
    /// parameters, such as `CREATE ROLE … PASSWORD`.
    public static func quoteLiteral(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

/// One parameter of a statement: its text form (nil for NULL) and its type.
public struct PostgresBinding: Sendable, Hashable {
    public var text: String?
    public var type: PostgresType

    public init(text: String?, type: PostgresType) {
        self.text = text
        self.type = type
    }

    public init<Value: PostgresEncodable>(_ value: Value) {
        self.init(text: value.postgresText, type: Value.postgresType)
    }

    public static func null<Value: PostgresEncodable>(_ type: Value.Type) -> PostgresBinding {
        PostgresBinding(text: nil, type: Value.postgresType)
    }
}
