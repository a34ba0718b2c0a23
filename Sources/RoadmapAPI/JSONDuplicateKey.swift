import Foundation

/// Finds a key written twice in one JSON object. JSON parsers disagree on which copy wins
/// (the contract check read the last, the decoder the first), so a body with a duplicate
/// key could pass the bounds with one copy and be stored with the other: such a body is
/// refused whole. Keys are compared after their escapes are decoded («"a"» and «"\u0061"»
/// are the same key). Anything that is not JSON is left to the decoder to report.
struct JSONDuplicateKey: Equatable, Sendable {
    /// Where the duplicate stands, as a field path («evidence_urls», «items[2].title»).
    let path: String

    /// The first duplicate key in `bytes`, or nil when there is none or the text is not JSON.
    static func first(in bytes: [UInt8]) -> JSONDuplicateKey? {
        var scanner = Scanner(bytes: bytes)
        do {
            try scanner.value(path: "")
            return nil
        } catch .duplicate(let path) {
            return JSONDuplicateKey(path: path)
        } catch {
            return nil
        }
    }

    private enum Stop: Error {
        case duplicate(String)
        case malformed
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        /// Deep nesting is the decoder's to refuse; the scanner stops well before the stack would.
        var depth = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value(path: String) throws(Stop) {
            skipSpace()
            guard index < bytes.count else { throw .malformed }
            switch bytes[index] {
            case UInt8(ascii: "{"): try object(path: path)
            case UInt8(ascii: "["): try array(path: path)
            case UInt8(ascii: "\""): _ = try string()
            default:
                // A number, true, false or null: skip to the next delimiter.
                while index < bytes.count, !",]} \t\r\n".utf8.contains(bytes[index]) { index += 1 }
            }
        }

        mutating func object(path: String) throws(Stop) {
            depth += 1
            guard depth < 512 else { throw .malformed }
            defer { depth -= 1 }
            index += 1
            var keys = Set<String>()
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw .malformed }
                let key = try string()
                let keyPath = path.isEmpty ? key : "\(path).\(key)"
                guard keys.insert(key).inserted else { throw .duplicate(keyPath) }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw .malformed }
                index += 1
                try value(path: keyPath)
                skipSpace()
                guard index < bytes.count else { throw .malformed }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else { throw .malformed }
                index += 1
                return
            }
        }

        mutating func array(path: String) throws(Stop) {
            depth += 1
            guard depth < 512 else { throw .malformed }
            defer { depth -= 1 }
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return
            }
            var position = 0
            while true {
                try value(path: "\(path)[\(position)]")
                position += 1
                skipSpace()
                guard index < bytes.count else { throw .malformed }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]") else { throw .malformed }
                index += 1
                return
            }
        }

        /// A string token, its escapes decoded.
        mutating func string() throws(Stop) -> String {
            index += 1
            let start = index
            var escaped = false
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") {
                    escaped = true
                    index += 1
                }
                index += 1
            }
            guard index < bytes.count else { throw .malformed }
            let raw = bytes[start..<index]
            index += 1
            guard escaped else { return String(decoding: raw, as: UTF8.self) }
            // Foundation decodes the escapes (\u surrogate pairs included) of one string token.
            let token = Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
            guard let decoded = try? JSONSerialization.jsonObject(with: token, options: [.fragmentsAllowed]) as? String else {
                throw .malformed
            }
            return decoded
        }
    }
}
