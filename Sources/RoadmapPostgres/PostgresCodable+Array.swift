import Foundation
import RoadmapDomain

/// One-dimensional arrays in PostgreSQL's text format: `{a,"b c",NULL}`.
extension Array: PostgresEncodable where Element: PostgresArrayElement {
    public static var postgresType: PostgresType { Element.postgresArrayType }
    public var postgresText: String {
        "{" + map { PostgresArrayText.quote($0.postgresText) }.joined(separator: ",") + "}"
    }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> [Element] {
        guard let items = PostgresArrayText.split(text) else {
            throw context.mismatch(text, expected: [Element].self)
        }
        let elementContext = PostgresDecodingContext(column: context.column, type: .unspecified)
        return try items.map { item in
            guard let item else { return try Element.decodeNull(context: elementContext) }
            return try Element.decode(postgresText: item, context: elementContext)
        }
    }
}

/// A type whose values can be array elements, with the OID of its array type.
public protocol PostgresArrayElement: PostgresEncodable {
    static var postgresArrayType: PostgresType { get }
}

extension String: PostgresArrayElement {
    public static var postgresArrayType: PostgresType { .textArray }
}

extension Int: PostgresArrayElement {
    public static var postgresArrayType: PostgresType { .int8Array }
}

extension Foundation.UUID: PostgresArrayElement {
    public static var postgresArrayType: PostgresType { .uuidArray }
}

extension CalendarDate: PostgresArrayElement {
    public static var postgresArrayType: PostgresType { .dateArray }
}

/// Quoting and splitting of one-dimensional array literals.
enum PostgresArrayText {
    /// The element as an array literal writes it: quoted when it is empty, NULL, or holds a
    /// brace, comma, quote, backslash or white space; `"` and `\\` escaped. Read byte by byte:
    /// a parameter of 1,000 ids is quoted for every query that uses it.
    static func quote(_ element: String) -> String {
        var needsQuotes = element.isEmpty
        var needsEscapes = false
        for byte in element.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                needsQuotes = true
                needsEscapes = true
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: " "), 0x09...0x0D:
                needsQuotes = true
            default:
                break
            }
        }
        if !needsQuotes, element.utf8.count == 4, element.uppercased() == "NULL" { needsQuotes = true }
        guard needsQuotes else { return element }
        guard needsEscapes else { return "\"" + element + "\"" }
        var quoted = "\""
        for character in element {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// The elements of `{…}`, nil for NULL elements; nil when the text is not a
    /// one-dimensional array literal.
    static func split(_ text: String) -> [String?]? {
        var characters = Substring(text)
        // An explicit lower bound, `[0:2]={…}`, is not used by this service.
        guard characters.first == "{", characters.last == "}" else { return nil }
        characters = characters.dropFirst().dropLast()
        if characters.isEmpty { return [] }
        var items: [String?] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        var escaped = false
        for character in characters {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
                wasQuoted = true
            } else if character == "," && !quoted {
                items.append(!wasQuoted && current == "NULL" ? nil : current)
                current = ""
                wasQuoted = false
            } else if character == "{" && !quoted {
                return nil  // nested arrays are not supported
            } else {
                current.append(character)
            }
        }
        guard !quoted, !escaped else { return nil }
        items.append(!wasQuoted && current == "NULL" ? nil : current)
        return items
    }
}
