import Foundation
import RoadmapPostgres

/// Keyset pagination: a cursor is the sort key of the last item, base64url-encoded JSON,
/// opaque to clients. A cursor that does not decode is a clear 400, never a wrong page.
enum Cursor {
    static func encode(_ parts: [String]) -> String {
        let data = (try? JSONEncoder().encode(parts)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String, count: Int) throws(UseCaseError) -> [String] {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
              let parts = try? JSONDecoder().decode([String].self, from: data), parts.count == count else {
            throw .invalid(field: "cursor", reason: "is not a cursor this service gave out; start from the first page")
        }
        return parts
    }

    /// The page size: 1…500, 100 when not given.
    static func limit(_ requested: Int?) throws(UseCaseError) -> Int {
        guard let requested else { return 100 }
        guard (1...500).contains(requested) else {
            throw .invalid(field: "limit", reason: "must be between 1 and 500 (got \(requested))")
        }
        return requested
    }
}
