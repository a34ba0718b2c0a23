import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// Whom a command acts as: `--as USER`, default the first admin. The same rules and the
/// same history events as the API follow from acting as a named user.
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("The user to act as (default: the first admin).", valueName: "login"))
    var login: String?

    func principal(_ pool: PostgresPool) async throws -> Principal {
        let users = UserStore(pool: pool)
        let user: UserRecord
        if let login {
            user = try await users.user(login: login)
        } else {
            guard let admin = try await users.firstAdmin() else {
                throw CommandError("there is no admin to act as; add one (`roadmapctl user add NAME --role admin`) or pass --as USER")
            }
            user = admin
        }
        guard !user.disabled else { throw CommandError("user «\(user.login)» is disabled") }
        return Principal(userID: user.id, login: user.login, role: user.role, organizationID: user.organizationID)
    }
}

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

/// Colour for terminals only: scripts and pipes get plain text.
enum Terminal {
    static let isColour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func red(_ text: String) -> String { isColour ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
    static func green(_ text: String) -> String { isColour ? "\u{1B}[32m\(text)\u{1B}[0m" : text }
}
