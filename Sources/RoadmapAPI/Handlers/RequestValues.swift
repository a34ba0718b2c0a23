import Foundation
import RoadmapDomain
import RoadmapStore

/// Reading the strings of a request (ids, dates, entity tags) into typed values, with
/// errors that name the field.
enum RequestValues {
    /// An id in the path: a malformed one names nothing, so it is "not found".
    static func pathID(_ text: String, entity: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw UseCaseError.notFound(entity: entity, id: text) }
        return id
    }

    static func id(_ text: String, field: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw UseCaseError.invalid(field: field, reason: "«\(text)» is not a UUID")
        }
        return id
    }

    static func optionalID(_ text: String?, field: String) throws -> UUID? {
        try text.map { try id($0, field: field) }
    }

    static func date(_ text: String, field: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw UseCaseError.invalid(field: field, reason: "«\(text)» is not a date YYYY-MM-DD")
        }
        return date
    }

    static func optionalDate(_ text: String?, field: String) throws -> CalendarDate? {
        try text.map { try date($0, field: field) }
    }

    /// The version an `If-Match` header names: `"3"` or `W/"3"`; `*` or no header is nil.
    /// Anything else cannot match the current version, so it is stale (412).
    static func version(ifMatch header: String?, entity: String) throws -> Int? {
        guard var text = header?.trimmingCharacters(in: .whitespaces), text != "*" else { return nil }
        guard text.unicodeScalars.count <= 100 else {
            throw Problem.badRequest("If-Match is longer than any entity tag of this service.", type: "bad-parameter")
        }
        if text.hasPrefix("W/") { text.removeFirst(2) }
        let digits = text.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int(digits) else {
            throw Problem.preconditionFailed("If-Match «\(header ?? "")» is not an entity tag of this \(entity); send the ETag you read.")
        }
        return version
    }

    static func etag(_ version: Int) -> String { "\"\(version)\"" }
}
