import Foundation
import RoadmapPostgres

/// Bearer tokens: 32 random bytes from the system's secure generator, base64url, behind a
/// recognisable prefix. Only a SHA-256 hash of a token is stored (computed by PostgreSQL).
enum TokenSecret {
    static let marker = "rm_"
    /// How many characters of a token are kept to tell tokens apart in a list.
    static let prefixLength = 10

    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let encoded = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return marker + encoded
    }

    /// Compares secrets in time that does not depend on where they differ.
    static func same(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Whether `text` has a token's shape; anything else is refused without a database trip.
    static func isWellFormed(_ text: String) -> Bool {
        text.hasPrefix(marker) && text.count == marker.count + 43
            && text.utf8.allSatisfy { $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}
