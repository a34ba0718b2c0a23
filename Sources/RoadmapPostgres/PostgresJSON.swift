import Foundation

/// A `jsonb` value decoded into, or encoded from, a Codable Swift value.
public struct PostgresJSON<Value: Codable & Sendable>: PostgresCodable {
    public var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public static var postgresType: PostgresType { .jsonb }

    public var postgresText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a Codable value into JSON fails only for non-finite floats, which the
        // service never stores; `null` keeps the statement valid if it ever happens.
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else {
            return "null"
        }
        return text
    }

    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> PostgresJSON {
        do {
            return PostgresJSON(try JSONDecoder().decode(Value.self, from: Data(text.utf8)))
        } catch {
            throw context.error("does not decode as \(Value.self): \(error)")
        }
    }
}
