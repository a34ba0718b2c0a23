import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// Reading what people type for ids and dates into values, refusing bad usage (exit 2).
enum Reference {
    static func id(_ text: String, entity: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw ValidationError("\(entity) must be an id (a UUID), got «\(text)»")
        }
        return id
    }

    static func date(_ text: String, option: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw ValidationError("\(option) must be a real date as YYYY-MM-DD, got «\(text)»")
        }
        return date
    }
}
