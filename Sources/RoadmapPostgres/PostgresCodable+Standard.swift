import Foundation
import RoadmapDomain

extension String: PostgresCodable {
    // Unspecified, so the server reads the text as whatever the context needs
    // (uuid, date, an enum-like text column) instead of refusing `uuid = text`.
    public static var postgresType: PostgresType { .unspecified }
    public var postgresText: String { self }
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> String {
        text
    }
}

extension Int: PostgresCodable {
    public static var postgresType: PostgresType { .int8 }
    public var postgresText: String { String(self) }
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> Int {
        guard let value = Int(text) else { throw context.mismatch(text, expected: Int.self) }
        return value
    }
}

extension Int64: PostgresCodable {
    public static var postgresType: PostgresType { .int8 }
    public var postgresText: String { String(self) }
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> Int64 {
        guard let value = Int64(text) else { throw context.mismatch(text, expected: Int64.self) }
        return value
    }
}

extension Int32: PostgresCodable {
    public static var postgresType: PostgresType { .int4 }
    public var postgresText: String { String(self) }
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> Int32 {
        guard let value = Int32(text) else { throw context.mismatch(text, expected: Int32.self) }
        return value
    }
}

extension Int16: PostgresCodable {
    public static var postgresType: PostgresType { .int2 }
    public var postgresText: String { String(self) }
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> Int16 {
        guard let value = Int16(text) else { throw context.mismatch(text, expected: Int16.self) }
        return value
    }
}

extension Bool: PostgresCodable {
    public static var postgresType: PostgresType { .bool }
    public var postgresText: String { self ? "t" : "f" }
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> Bool {
        switch text {
        case "t", "true": return true
        case "f", "false": return false
        default: throw context.mismatch(text, expected: Bool.self)
        }
    }
}

extension Double: PostgresCodable {
    public static var postgresType: PostgresType { .float8 }
    public var postgresText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self > 0 ? "Infinity" : "-Infinity" }
        return "\(self)"
    }
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> Double {
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default:
            guard let value = Double(text) else { throw context.mismatch(text, expected: Double.self) }
            return value
        }
    }
}

extension Decimal: PostgresCodable {
    public static var postgresType: PostgresType { .numeric }
    public var postgresText: String { NSDecimalNumber(decimal: self).description(withLocale: Locale(identifier: "en_US_POSIX")) }
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> Decimal {
        guard text != "NaN", let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw context.mismatch(text, expected: Decimal.self)
        }
        return value
    }
}

extension UUID: PostgresCodable {
    public static var postgresType: PostgresType { .uuid }
    /// Lower-case hex with dashes (`UUID.lowercased`): a bulk import renders a million of these.
    public var postgresText: String { self.lowercased }
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> UUID {
        guard let value = UUID(postgresHex: text) else { throw context.mismatch(text, expected: UUID.self) }
        return value
    }

    /// Straight from libpq's bytes: no `String` is made of the 36 characters (an order page
    /// reads a few thousand ids, and their strings were a twentieth of its CPU).
    public static func decode(postgresBytes bytes: UnsafeBufferPointer<UInt8>, context: PostgresDecodingContext) throws -> UUID {
        guard let value = UUID(postgresHex: bytes) else {
            throw context.mismatch(String(decoding: bytes, as: UTF8.self), expected: UUID.self)
        }
        return value
    }

    /// Reads the 36 characters PostgreSQL writes (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hex
    /// in either case) byte by byte. Foundation's `UUID(uuidString:)` goes through `sscanf`,
    /// which was a tenth of a large page's time: every row carries ids.
    public init?(postgresHex text: String) {
        var text = text
        guard let value = text.withUTF8({ UUID(postgresHex: $0) }) else { return nil }
        self = value
    }

    /// `init?(postgresHex:)` of the text's UTF-8 bytes.
    public init?(postgresHex bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 36 else { return nil }
        var out: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let ok = withUnsafeMutableBytes(of: &out) { raw -> Bool in
            var index = 0
            for position in 0..<16 {
                if position == 4 || position == 6 || position == 8 || position == 10 {
                    guard bytes[index] == UInt8(ascii: "-") else { return false }
                    index += 1
                }
                guard let high = Self.nibble(bytes[index]), let low = Self.nibble(bytes[index + 1]) else { return false }
                raw[position] = high << 4 | low
                index += 2
            }
            return true
        }
        guard ok else { return nil }
        self.init(uuid: out)
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Data: PostgresCodable {
    public static var postgresType: PostgresType { .bytea }
    public var postgresText: String {
        // By table, not String(format:): an uploaded document can be megabytes.
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8](repeating: 0, count: 2 + count * 2)
        text[0] = UInt8(ascii: "\\")
        text[1] = UInt8(ascii: "x")
        for (index, byte) in enumerated() {
            text[2 + index * 2] = digits[Int(byte >> 4)]
            text[3 + index * 2] = digits[Int(byte & 0x0F)]
        }
        return String(decoding: text, as: UTF8.self)
    }
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> Data {
        guard text.hasPrefix("\\x"), text.count % 2 == 0 else { throw context.mismatch(text, expected: Data.self) }
        var bytes = Data(capacity: (text.utf8.count - 2) / 2)
        var high: UInt8?
        for byte in text.utf8.dropFirst(2) {
            guard let nibble = hexValue(byte) else { throw context.mismatch(text, expected: Data.self) }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Date: PostgresCodable {
    public static var postgresType: PostgresType { .timestamptz }
    public var postgresText: String { PostgresTimestamp.format(self) }
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> Date {
        guard let value = PostgresTimestamp.parse(text) else { throw context.mismatch(text, expected: Date.self) }
        return value
    }
}

extension CalendarDate: PostgresCodable {
    public static var postgresType: PostgresType { .date }
    public var postgresText: String { iso }
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> CalendarDate {
        guard let value = CalendarDate(iso: text) else { throw context.mismatch(text, expected: CalendarDate.self) }
        return value
    }
}

/// `DatePeriod` travels as a canonical `daterange` `[first,last+1)`; an empty or unbounded
/// range does not decode into a period (decode `DatePeriod?` and map NULL instead).
extension DatePeriod: PostgresCodable {
    public static var postgresType: PostgresType { .daterange }
    public var postgresText: String { "[\(first.iso),\(last.iso)]" }
    public static func decode(postgresText text: String, context: PostgresDecodingContext) throws -> DatePeriod {
        // Canonical form from the server: [YYYY-MM-DD,YYYY-MM-DD)
        guard text.count == 23, text.first == "[", text.last == ")" else {
            throw context.mismatch(text, expected: DatePeriod.self)
        }
        let inner = text.dropFirst().dropLast().split(separator: ",")
        guard inner.count == 2,
              let first = CalendarDate(iso: String(inner[0])),
              let upper = CalendarDate(iso: String(inner[1])),
              let last = upper.adding(days: -1),
              let period = DatePeriod(first: first, last: last)
        else { throw context.mismatch(text, expected: DatePeriod.self) }
        return period
    }
}
