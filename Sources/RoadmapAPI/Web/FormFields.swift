import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body with repeated names kept: a form's checkboxes
/// named like the API's arrays (`executor_ids`, `task_ids`) arrive as one value each.
struct FormFields: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(_ body: String) {
        // «+» is a space in a form body; a real «+» comes as %2B.
        let items = URLComponents(string: "?" + body.replacingOccurrences(of: "+", with: "%20"))?.queryItems ?? []
        for item in items { values[item.name, default: []].append(item.value ?? "") }
    }

    /// The first value sent under `name`, or "".
    subscript(_ name: String) -> String { values[name]?.first ?? "" }

    /// Every value sent under `name`, empty ones left out.
    func all(_ name: String) -> [String] { (values[name] ?? []).filter { !$0.isEmpty } }

    /// A form body read up to 1 MB (an action's executors may be hundreds of ids).
    static func read(_ request: Request) async throws -> FormFields {
        var request = request
        let buffer = try await request.collectBody(upTo: 1024 * 1024)
        return FormFields(String(buffer: buffer))
    }
}
