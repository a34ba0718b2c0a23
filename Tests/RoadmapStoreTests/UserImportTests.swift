import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Users for many schools at once: one executor a row, an initial password shown once, all
/// or nothing.
@Suite("Users from a table")
struct UserImportTests {
    let installation = Principal.installation(commandLine: "test")

    func table(_ rows: [[String]]) -> SourceTable {
        SourceTable(rows: rows.enumerated().map { row, texts in
            texts.enumerated().map { column, text in SourceCell(text: text, location: SourceLocation(line: row + 1, row: row + 1, column: column + 1)) }
        })
    }

    @Test func eachRowIsAnExecutorWithAPasswordThatSignsIn() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let organizations = OrganizationStore(database: lease.database)
            let school = try await organizations.create(OrganizationChange(name: "МАОУ СОШ № 5", kind: "school", aliases: ["Пятая школа"]), actor: installation)
            let lyceum = try await organizations.create(OrganizationChange(name: "МБОУ Лицей № 14", kind: "school"), actor: installation)
            let rows = try UserImport.rows(of: table([
                ["Организация", "Логин", "E-mail", "ФИО"],
                ["Пятая школа", "school5", "school5@example.ru", "Петрова И.И."],
                [lyceum.id.uuidString, "lyceum14", "", ""],
                ["", "", "", ""],
            ]))
            #expect(rows.map(\.line) == [2, 3])
            let created = try await UserImport(database: lease.database).importUsers(rows, actor: installation)
            #expect(created.map(\.login) == ["school5", "lyceum14"])
            #expect(created.map(\.organization) == ["МАОУ СОШ № 5", "МБОУ Лицей № 14"])
            #expect(Set(created.map(\.password)).count == 2 && created.allSatisfy { $0.password.count == 16 })
            let users = UserStore(database: lease.database)
            guard case .signedIn(let principal) = try await users.signIn(login: "school5", password: created[0].password, address: "127.0.0.1") else {
                Issue.record("the password shown signs in")
                return
            }
            #expect(principal.role == .executor && principal.organizationID == school.id)
            let stored = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT email, display_name FROM users WHERE login = 'school5'").first.map {
                    (try $0.decode(String?.self, "email"), try $0.decode(String?.self, "display_name"))
                }
            }
            #expect(stored?.0 == "school5@example.ru" && stored?.1 == "Петрова И.И.")
        }
    }

    @Test func anyBadRowRefusesTheWholeTableNamingEachLine() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            _ = try await OrganizationStore(database: lease.database).create(OrganizationChange(name: "МАОУ СОШ № 5", kind: "school"), actor: installation)
            _ = try await UserStore(database: lease.database).addUser(login: "taken", role: .viewer, organizationID: nil, actor: installation)
            let imports = UserImport(database: lease.database)
            let bad = [
                UserImport.Row(line: 2, organization: "МАОУ СОШ № 5", login: "ok1"),
                UserImport.Row(line: 3, organization: "Нет такой школы", login: "ok2"),
                UserImport.Row(line: 4, organization: "МАОУ СОШ № 5", login: "плохой логин"),
                UserImport.Row(line: 5, organization: "МАОУ СОШ № 5", login: "ok1"),
                UserImport.Row(line: 6, organization: "МАОУ СОШ № 5", login: "ok3", email: "not-an-address"),
            ]
            do {
                _ = try await imports.importUsers(bad, actor: installation)
                Issue.record("a table with bad rows was accepted")
            } catch let refusal as UserImport.Refusal {
                #expect(refusal.problems.map(\.line) == [3, 4, 5, 6])
                #expect(refusal.problems.map(\.kind) == [.unknownOrganization, .badLogin, .loginTwice, .badEmail])
                #expect(refusal.description.contains("line 3: no organisation «Нет такой школы»"))
            }
            // A login that exists already: the rows before it are not kept either.
            await #expect(throws: UserImport.Refusal.self) {
                _ = try await imports.importUsers([UserImport.Row(line: 2, organization: "МАОУ СОШ № 5", login: "fresh"),
                                                   UserImport.Row(line: 3, organization: "МАОУ СОШ № 5", login: "taken")], actor: installation)
            }
            let count = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT count(*)::int AS n FROM users").first?.decode(Int.self, "n")
            }
            #expect(count == 1, "nothing was written")
            #expect(throws: UseCaseError.self) { _ = try UserImport.rows(of: table([["Школа", "Имя"], ["x", "y"]])) }
        }
    }

    @Test(arguments: [Role.coordinator, .viewer, .executor])
    func onlyAnAdministratorAddsUsers(_ role: Role) async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let school = try await OrganizationStore(database: lease.database).create(OrganizationChange(name: "МАОУ СОШ № 5", kind: "school"), actor: installation)
            let users = UserStore(database: lease.database)
            _ = try await users.addUser(login: "someone", role: role, organizationID: role == .executor ? school.id : nil, actor: installation)
            let actor = try await users.actor(login: "someone", commandLine: "test")
            await #expect(throws: UseCaseError.self) {
                _ = try await UserImport(database: lease.database).importUsers([UserImport.Row(line: 2, organization: "МАОУ СОШ № 5", login: "new")], actor: actor)
            }
        }
    }
}
