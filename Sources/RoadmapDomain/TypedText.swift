import Foundation

/// The rule for every name and text a person types into the service (titles, names,
/// aliases, report texts, comments, reasons): NFC, line breaks unified to «\n», ends
/// trimmed; control characters other than tab and line feed, and the bidirectional
/// controls that make a text read differently from how it is stored («Trojan Source»),
/// are refused rather than silently kept or dropped.
public enum TypedText {
    /// Why a text was refused.
    public enum Violation: Error, Equatable, Sendable, CustomStringConvertible {
        /// A control character (U+0000–U+001F other than tab and line feed, U+007F–U+009F).
        case controlCharacter(UInt32)
        /// A bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
        case bidirectionalControl(UInt32)

        public var description: String {
            switch self {
            case .controlCharacter(let value): "must not contain the control character U+\(Self.hex(value))"
            case .bidirectionalControl(let value):
                "must not contain the bidirectional control U+\(Self.hex(value)), which makes a text read differently from how it is stored"
            }
        }

        static func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
    }

    /// `text` as the service keeps it, or the first violation in it.
    public static func cleaned(_ text: String) throws(Violation) -> String {
        // Browsers send a textarea's line breaks as CR LF; a lone CR is an old Mac's.
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if let violation = violation(in: unified) { throw violation }
        return unified.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The first character of `text` the rule refuses, if any.
    public static func violation(in text: String) -> Violation? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x09, 0x0A: continue
            case 0x00...0x1F, 0x7F...0x9F: return .controlCharacter(value)
            case 0x202A...0x202E, 0x2066...0x2069: return .bidirectionalControl(value)
            default: continue
            }
        }
        return nil
    }
}
