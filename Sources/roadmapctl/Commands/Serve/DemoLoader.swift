import Foundation
import Logging
import RoadmapDomain
import RoadmapImport
import RoadmapStore

/// Loads the demo data set: the organisations of `sql/demo/`, then each sample document of
/// `demo/` imported exactly as `roadmapctl import` would (order № 770 and its plan, a
/// school's plan with its partners, a kindergarten's partner table). Idempotent.
struct DemoLoader {
    let database: Database
    let logger: Logger

    /// The demo is loaded by the installation's administrator, as `serve --demo` says.
    static let installation = Principal.installation(commandLine: "roadmapctl serve --demo")

    /// Per-document context a person would give on the command line.
    static let academicYears: [String: Int] = [
        "000_ddb912d28cb13497.txt": 2022,
        "002_8a4f5a097a206d04.txt": 2022,
    ]

    func load() async throws {
        try await DemoData.loadOrganizations(into: database)
        let store = ImportStore(database: database)
        for document in DemoData.documents {
            let source = TextDocumentReader.read(document.text, name: document.name)
            let draft = try PlanDocumentParser(academicYear: Self.academicYears[document.name]).parse(source)
            let outcome = try await store.importPlan(draft, actor: Self.installation)
            logger.info("demo document imported", metadata: [
                "document": "\(document.name)", "actions": "\(outcome.actions)",
                "assignments_created": "\(outcome.assignmentsCreated)",
            ])
        }
    }

    /// The demo's users, one a role, with the school's deputy acting for СОШ № 5. Their
    /// addresses are in a reserved domain (.example): messages to them wait in the outbox.
    static let users: [(login: String, role: Role, organization: UUID?)] = [
        ("admin", .admin, nil),
        ("coordinator", .coordinator, nil),
        ("viewer", .viewer, nil),
        ("school5", .executor, UUID(uuidString: "00000000-0000-4000-8000-000000000003")),
    ]

    static func email(_ login: String) -> String { "\(login)@demo.roadmap.example" }

    /// The demo users' password for the web pages (demo data only).
    static let password = "roadmap-demo"

    /// Adds the demo users that are missing and issues a one-day token for each, so the API
    /// can be tried at once. Returns the tokens by login.
    func issueDemoTokens() async throws -> [(login: String, token: String)] {
        let store = UserStore(database: database)
        let existing = Set(try await store.listUsers(scope: Self.installation).map(\.login))
        var tokens: [(login: String, token: String)] = []
        for user in Self.users {
            if !existing.contains(user.login) {
                _ = try await store.addUser(login: user.login, role: user.role, organizationID: user.organization,
                                            email: Self.email(user.login), password: Self.password, actor: Self.installation)
            }
            tokens.append((user.login, try await store.issueToken(login: user.login, name: "demo", lifetime: 86_400,
                                                                  actor: Self.installation).token))
        }
        return tokens
    }
}
