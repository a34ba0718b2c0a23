import Foundation
import RoadmapPostgres
import RoadmapTestSupport
import Testing

@Suite("roadmapctl user and token")
struct UserTokenCommandTests {
    let runner = RoadmapctlRunner()

    func run(_ arguments: [String], _ lease: TestDatabase.Lease) throws -> RoadmapctlRunner.Outcome {
        try runner.run(arguments + ["--database-url", lease.connectionString])
    }

    @Test func usersGetTokensThatAreHashedListedAndRevoked() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let school = try await lease.pool.withConnection { connection in
                try connection.query("""
                    INSERT INTO organizations (name, kind, normalized_name) VALUES ('МАОУ СОШ № 5', 'school', 'маоу сош 5') RETURNING id
                    """).first?.decode(UUID.self, "id")
            }
            let schoolID = try #require(school).uuidString.lowercased()
            let added = try run(["user", "add", "school5", "--role", "executor", "--organization", schoolID], lease)
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.contains("МАОУ СОШ № 5"))
            #expect(try run(["user", "add", "boss", "--role", "coordinator", "--format", "json"], lease).stdout.contains("\"role\":\"coordinator\""))

            let issued = try run(["token", "issue", "school5", "--expires-in", "90d"], lease)
            #expect(issued.status == 0, "\(issued.stderr)")
            let token = try #require(issued.stdout.split(separator: "\n").last.map(String.init))
            #expect(token.hasPrefix("rm_") && token.count == 46)
            let json = try run(["token", "issue", "boss", "--format", "json"], lease)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect((object["token"] as? String)?.hasPrefix("rm_") == true)
            #expect(object["expires_at"] is NSNull)

            let listed = try run(["token", "list", "--format", "csv"], lease)
            #expect(listed.stdout.hasPrefix("prefix,user,label,created,expires,state"))
            #expect(!listed.stdout.contains(token), "a listing never shows a token")
            #expect(listed.stdout.contains(String(token.prefix(10))))

            let revoked = try run(["token", "revoke", String(token.prefix(10))], lease)
            #expect(revoked.status == 0, "\(revoked.stderr)")
            #expect(try run(["token", "list", "school5"], lease).stdout.contains("revoked"))
            let stored = try await lease.pool.withConnection { connection in
                try connection.query("SELECT count(*)::int AS n FROM api_tokens WHERE token_hash = sha256(convert_to(\(token), 'UTF8'))").first?.decode(Int.self, "n")
            }
            #expect(stored == 1, "the token is kept as its SHA-256 hash")

            let withPassword = try runner.run(["user", "add", "deputy", "--role", "viewer", "--password-stdin", "--database-url", lease.connectionString], stdin: "очень-длинный-пароль\n")
            #expect(withPassword.status == 0, "\(withPassword.stderr)")
            #expect(!withPassword.stdout.contains("очень-длинный-пароль"))
            let passwd = try runner.run(["user", "passwd", "deputy", "--password-stdin", "--database-url", lease.connectionString], stdin: "другой-длинный-пароль\n")
            #expect(passwd.status == 0, "\(passwd.stderr)")
            let tooShort = try runner.run(["user", "passwd", "deputy", "--password-stdin", "--database-url", lease.connectionString], stdin: "коротко\n")
            #expect(tooShort.status == 1)
            #expect(try runner.run(["user", "passwd", "deputy", "--database-url", lease.connectionString]).status == 2)
            let hash = try await lease.pool.withConnection { connection in
                try connection.query("SELECT password_hash = crypt('другой-длинный-пароль', password_hash) AS ok FROM users WHERE login = 'deputy'").first?.decode(Bool.self, "ok")
            }
            #expect(hash == true)

            let users = try run(["user", "list"], lease)
            #expect(users.stdout.contains("school5") && users.stdout.contains("boss"))
            #expect(try run(["user", "disable", "school5"], lease).status == 0)
            #expect(try run(["user", "list", "--format", "json"], lease).stdout.contains("\"disabled\":true"))
        }
    }

    @Test func badUsersAndTokensAreRefusedClearly() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let noOrganization = try run(["user", "add", "x", "--role", "executor"], lease)
            #expect(noOrganization.status == 2)
            #expect(noOrganization.stderr.contains("--organization"))
            let badRole = try run(["user", "add", "x", "--role", "superuser"], lease)
            #expect(badRole.status == 2)
            let unknownOrganization = try run(["user", "add", "x", "--role", "executor", "--organization", UUID().uuidString], lease)
            #expect(unknownOrganization.status == 1)
            #expect(unknownOrganization.stderr.contains("No organization"))
            let badLogin = try run(["user", "add", "иванова", "--role", "viewer"], lease)
            #expect(badLogin.status == 1)
            #expect(badLogin.stderr.contains("login"))
            #expect(try run(["user", "add", "ivanova", "--role", "viewer"], lease).status == 0)
            let duplicate = try run(["user", "add", "IVANOVA", "--role", "viewer"], lease)
            #expect(duplicate.status == 1)
            #expect(duplicate.stderr.contains("already exists"))
            #expect(try run(["token", "issue", "nobody"], lease).status == 1)
            let badExpiry = try run(["token", "issue", "ivanova", "--expires-in", "soon"], lease)
            #expect(badExpiry.status == 2)
            #expect(badExpiry.stderr.contains("--expires-in"))
            #expect(try run(["token", "revoke", "rm_nothing"], lease).status == 1)
            let users = try await lease.pool.withConnection { try $0.query("SELECT count(*)::int AS n FROM users").first?.decode(Int.self, "n") }
            #expect(users == 1)
        }
    }

    @Test func anAdministratorUnlocksAUser() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            #expect(try run(["user", "add", "kozlova", "--role", "viewer"], lease).status == 0)
            try await lease.pool.withConnection { (connection) throws in
                _ = try connection.execute("""
                    INSERT INTO sign_in_failures (user_id, address, failures, locked_until)
                    SELECT id, '203.0.113.9', 5, now() + interval '15 minutes' FROM users WHERE login = 'kozlova'
                    """)
            }
            #expect(try run(["user", "list", "--format", "csv"], lease).stdout.contains("kozlova,viewer,,locked"))
            let unlocked = try run(["user", "unlock", "kozlova"], lease)
            #expect(unlocked.status == 0, "\(unlocked.stderr)")
            #expect(unlocked.stdout.contains("Unlocked «kozlova»"))
            #expect(try run(["user", "list", "--format", "csv"], lease).stdout.contains("kozlova,viewer,,active"))
            #expect(try run(["user", "unlock", "nobody"], lease).status == 1)
        }
    }

    @Test func schoolUsersComeFromACSVFileWithPasswordsShownOnce() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            #expect(try run(["org", "add", "МАОУ СОШ № 5", "--kind", "school"], lease).status == 0)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("users-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let good = folder.appendingPathComponent("users.csv")
            try "organization;login;email;full_name\r\nСОШ № 5;school5;school5@example.ru;Петрова И.И.\r\n".write(to: good, atomically: true, encoding: .utf8)
            let imported = try run(["user", "import", good.path], lease)
            #expect(imported.status == 0, "\(imported.stderr)")
            let lines = imported.stdout.split(separator: "\n")
            #expect(lines.first == "login;organization;password")
            #expect(lines.dropFirst().first?.hasPrefix("school5;МАОУ СОШ № 5;") == true, "\(imported.stdout)")
            #expect(imported.stderr.contains("shown once"))
            // Again: the login exists, nothing is added, the line is named.
            let again = try run(["user", "import", good.path], lease)
            #expect(again.status == 1)
            #expect(again.stderr.contains("line 2"))
            let bad = folder.appendingPathComponent("bad.csv")
            try "школа;имя\r\nСОШ № 5;x\r\n".write(to: bad, atomically: true, encoding: .utf8)
            #expect(try run(["user", "import", bad.path], lease).status == 1)
            #expect(try run(["user", "import", folder.appendingPathComponent("missing.csv").path], lease).status != 0)
        }
    }
}
