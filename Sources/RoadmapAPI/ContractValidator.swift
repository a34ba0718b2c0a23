import Foundation
import Yams

/// Enforces the bounds `openapi.yaml` states that the generated decoder does not: string
/// lengths, number ranges and array sizes of query parameters, headers and JSON bodies.
/// Types, enums, required and unknown fields are the decoder's; this adds the limits, so
/// a request the contract calls invalid is refused, never half-accepted.
struct ContractValidator: Sendable {
    /// One broken bound: where and why.
    struct Violation: Error, Equatable {
        let location: String
        let reason: String
        let inBody: Bool
    }

    /// The document as plain values (dictionaries, arrays, strings, numbers).
    private let document: [String: any Sendable]

    static let api: ContractValidator = {
        let loaded = (try? Yams.load(yaml: EmbeddedOpenAPI.text)) as? [String: Any] ?? [:]
        return ContractValidator(document: Self.sendable(loaded) as? [String: any Sendable] ?? [:])
    }()

    init(document: [String: any Sendable]) {
        self.document = document
    }

    private static func sendable(_ value: Any) -> any Sendable {
        switch value {
        case let dictionary as [String: Any]: return dictionary.mapValues(sendable)
        case let array as [Any]: return array.map(sendable)
        case let string as String: return string
        case let int as Int: return int
        case let double as Double: return double
        case let bool as Bool: return bool
        default: return String(describing: value)
        }
    }

    /// Checks a request to `template` (a path of the document) with `method`.
    func validate(method: String, template: String, query: [(String, String)], headers: [String: String], body: Data?) throws(Violation) {
        guard let paths = document["paths"] as? [String: any Sendable],
              let item = paths[template] as? [String: any Sendable],
              let operation = item[method.lowercased()] as? [String: any Sendable] else { return }
        let parameters = ((item["parameters"] as? [any Sendable]) ?? []) + ((operation["parameters"] as? [any Sendable]) ?? [])
        for case let parameter as [String: any Sendable] in parameters.map(resolve) {
            guard let name = parameter["name"] as? String, let location = parameter["in"] as? String,
                  let schema = (parameter["schema"]).map(resolve) as? [String: any Sendable] else { continue }
            let value: String?
            switch location {
            case "query": value = query.first { $0.0 == name }?.1
            case "header": value = headers[name.lowercased()]
            default: value = nil
            }
            guard let value else { continue }
            if let type = schema["type"] as? String, type == "integer", let number = Int(value) {
                try check(number: Double(number), schema: schema, at: name, inBody: false)
            } else if schema["type"] as? String == "string" {
                try check(string: value, schema: schema, at: name, inBody: false)
            }
        }
        guard let body, !body.isEmpty,
              let requestBody = (operation["requestBody"]).map(resolve) as? [String: any Sendable],
              let content = requestBody["content"] as? [String: any Sendable],
              let json = content["application/json"] as? [String: any Sendable],
              let schema = json["schema"],
              let value = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else { return }
        try check(value, against: resolve(schema), at: "")
    }

    private func resolve(_ value: any Sendable) -> any Sendable {
        guard let object = value as? [String: any Sendable], let reference = object["$ref"] as? String,
              reference.hasPrefix("#/") else { return value }
        var current: (any Sendable)? = document
        for part in reference.dropFirst(2).split(separator: "/") {
            current = (current as? [String: any Sendable])?[String(part)]
        }
        return current.map(resolve) ?? value
    }

    private func check(_ value: Any, against schemaValue: any Sendable, at path: String) throws(Violation) {
        guard let schema = schemaValue as? [String: any Sendable] else { return }
        if value is NSNull {
            let types = schema["type"] as? [any Sendable] ?? []
            if schema["type"] != nil, !types.contains(where: { $0 as? String == "null" }) {
                throw Violation(location: path, reason: "must not be null", inBody: true)
            }
            return
        }
        switch value {
        case let object as [String: Any]:
            let properties = schema["properties"] as? [String: any Sendable] ?? [:]
            for (key, child) in object {
                guard let property = properties[key] else { continue }
                try check(child, against: resolve(property), at: path.isEmpty ? key : "\(path).\(key)")
            }
        case let array as [Any]:
            if let maximum = schema["maxItems"] as? Int, array.count > maximum {
                throw Violation(location: path, reason: "has \(array.count) items; at most \(maximum) are allowed", inBody: true)
            }
            if let items = schema["items"] {
                for (index, item) in array.enumerated() { try check(item, against: resolve(items), at: "\(path)[\(index)]") }
            }
        case let string as String:
            try check(string: string, schema: schema, at: path, inBody: true)
        default:
            // No body field of the document bounds a number.
            break
        }
    }

    private func check(string: String, schema: [String: any Sendable], at path: String, inBody: Bool) throws(Violation) {
        if string.unicodeScalars.contains("\u{0}") {
            // PostgreSQL text cannot hold it, and no document needs it.
            throw Violation(location: path, reason: "must not contain the NUL character", inBody: inBody)
        }
        let length = string.unicodeScalars.count
        if let maximum = schema["maxLength"] as? Int, length > maximum {
            throw Violation(location: path, reason: "is \(length) characters long; at most \(maximum) are allowed", inBody: inBody)
        }
        if let minimum = schema["minLength"] as? Int, length < minimum {
            throw Violation(location: path, reason: "must be at least \(minimum) character\(minimum == 1 ? "" : "s") long", inBody: inBody)
        }
    }

    private func check(number: Double, schema: [String: any Sendable], at path: String, inBody: Bool) throws(Violation) {
        if let maximum = (schema["maximum"] as? Int).map(Double.init) ?? (schema["maximum"] as? Double), number > maximum {
            throw Violation(location: path, reason: "must be at most \(Self.format(maximum))", inBody: inBody)
        }
        if let minimum = (schema["minimum"] as? Int).map(Double.init) ?? (schema["minimum"] as? Double), number < minimum {
            throw Violation(location: path, reason: "must be at least \(Self.format(minimum))", inBody: inBody)
        }
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
