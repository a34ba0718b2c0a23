import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// Finding things by what people type: ids, «770/2018-06-25», organisation names.
enum Reference {
    static func organization(_ text: String, pool: PostgresPool) async throws -> OrganizationRecord {
        let store = OrganizationStore(pool: pool)
        if let id = UUID(uuidString: text) { return try await store.get(id) }
        let found = try await store.list(kind: nil, query: text, limit: 20, cursor: nil).items
        let key = OrganizationName(text).key
        if let exact = found.first(where: { OrganizationName($0.name).key == key || $0.aliases.contains { OrganizationName($0).key == key } }) {
            return exact
        }
        guard found.count == 1, let only = found.first else {
            if found.isEmpty { throw UseCaseError.notFound(entity: "organisation", id: text) }
            throw CommandError("«\(text)» fits \(found.count) organisations (\(found.prefix(5).map(\.name).joined(separator: "; "))); give its id")
        }
        return only
    }

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
