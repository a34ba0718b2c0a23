import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

@Suite("Passwords and lockout")
struct PasswordTests {
    @Test func aPasswordIsHashedCheckedAndLocksAfterRepeatedFailures() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let users = UserStore(database: lease.database)
            let stranger = "203.0.113.9"
            _ = try await users.addUser(login: "ivanova", role: .coordinator, organizationID: nil, actor: .installation(commandLine: "test"))
            #expect(try await users.signIn(login: "ivanova", password: "anything-at-all", address: stranger) == .refused, "no password yet")
            await #expect(throws: UseCaseError.self) { try await users.setPassword(login: "ivanova", password: "short", actor: .installation(commandLine: "test")) }
            try await users.setPassword(login: "ivanova", password: "Тамбов-2018-пароль", actor: .installation(commandLine: "test"))

            let stored = try await lease.pool.withConnection { connection in
                try connection.query("SELECT password_hash FROM users WHERE login = 'ivanova'").first?.decode(String.self, "password_hash")
            }
            #expect(stored?.hasPrefix("$2a$10$") == true, "bcrypt, cost 10")
            #expect(stored?.contains("Тамбов") == false)

            guard case .signedIn(let principal) = try await users.signIn(login: "IVANOVA", password: "Тамбов-2018-пароль", address: stranger) else {
                Issue.record("the right password must sign in")
                return
            }
            #expect(principal.role == .coordinator)
            #expect(try await users.signIn(login: "nobody", password: "Тамбов-2018-пароль", address: stranger) == .refused)

            for _ in 1..<UserStore.lockoutThreshold {
                #expect(try await users.signIn(login: "ivanova", password: "wrong-password", address: stranger) == .refused)
            }
            guard case .locked(let until) = try await users.signIn(login: "ivanova", password: "wrong-password", address: stranger) else {
                Issue.record("the fifth failure must lock the account")
                return
            }
            #expect(until > Date())
            guard case .locked = try await users.signIn(login: "ivanova", password: "Тамбов-2018-пароль", address: stranger) else {
                Issue.record("a locked account refuses even the right password")
                return
            }
            // The lock holds for the address the failures came from: the user signing in
            // from the committee's own network is not kept out by a stranger.
            guard case .signedIn = try await users.signIn(login: "ivanova", password: "Тамбов-2018-пароль", address: "198.51.100.7") else {
                Issue.record("another address is not locked")
                return
            }
            // Setting a new password unlocks it.
            try await users.setPassword(login: "ivanova", password: "Новый-пароль-2019", actor: .installation(commandLine: "test"))
            guard case .signedIn = try await users.signIn(login: "ivanova", password: "Новый-пароль-2019", address: stranger) else {
                Issue.record("a new password unlocks the account")
                return
            }
            _ = try await users.disableUser(login: "ivanova", actor: .installation(commandLine: "test"))
            #expect(try await users.signIn(login: "ivanova", password: "Новый-пароль-2019", address: stranger) == .refused)
        }
    }

    /// An administrator lifts a lock; nobody else may; the list shows who is locked.
    @Test func anAdministratorUnlocksAnAccount() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let users = UserStore(database: lease.database)
            let installation = Principal.installation(commandLine: "test")
            let address = "203.0.113.9"
            _ = try await users.addUser(login: "kozlova", role: .coordinator, organizationID: nil, password: "Верный-пароль-1", actor: installation)
            _ = try await users.addUser(login: "coord", role: .coordinator, organizationID: nil, actor: installation)
            for _ in 1...UserStore.lockoutThreshold {
                _ = try await users.signIn(login: "kozlova", password: "wrong-password", address: address)
            }
            guard case .locked = try await users.signIn(login: "kozlova", password: "Верный-пароль-1", address: address) else {
                Issue.record("the account must be locked")
                return
            }
            #expect(try await users.listUsers(scope: installation).first { $0.login == "kozlova" }?.locked == true)
            let coordinator = try await users.actor(login: "coord", commandLine: "test")
            await #expect(throws: UseCaseError.self) { _ = try await users.unlockUser(login: "kozlova", actor: coordinator) }
            let unlocked = try await users.unlockUser(login: "kozlova", actor: installation)
            #expect(!unlocked.locked)
            guard case .signedIn = try await users.signIn(login: "kozlova", password: "Верный-пароль-1", address: address) else {
                Issue.record("an unlocked account signs in at once")
                return
            }
            await #expect(throws: UseCaseError.self) { _ = try await users.unlockUser(login: "nobody", actor: installation) }
        }
    }

    @Test func aNewPasswordEndsTheUsersSessions() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let users = UserStore(database: lease.database)
            let sessions = SessionStore(database: lease.database)
            _ = try await users.addUser(login: "petrova", role: .viewer, organizationID: nil, actor: .installation(commandLine: "test"))
            _ = try await users.addUser(login: "sidorov", role: .viewer, organizationID: nil, actor: .installation(commandLine: "test"))
            try await users.setPassword(login: "petrova", password: "first-password-1", actor: .installation(commandLine: "test"))
            try await users.setPassword(login: "sidorov", password: "other-password-1", actor: .installation(commandLine: "test"))
            guard case .signedIn(let petrova) = try await users.signIn(login: "petrova", password: "first-password-1", address: "127.0.0.1"),
                  case .signedIn(let sidorov) = try await users.signIn(login: "sidorov", password: "other-password-1", address: "127.0.0.1") else {
                Issue.record("both sign in")
                return
            }
            let first = try await sessions.open(for: petrova)
            let second = try await sessions.open(for: petrova)
            let other = try await sessions.open(for: sidorov)
            try await users.setPassword(login: "petrova", password: "second-password-2", actor: .installation(commandLine: "test"))
            #expect(try await sessions.session(token: first.token) == nil)
            #expect(try await sessions.session(token: second.token) == nil)
            #expect(try await sessions.session(token: other.token) != nil, "another user's session stays")
        }
    }

    /// Not a timing assertion: PostgreSQL's own function statistics show that signing in
    /// as a login that does not exist runs bcrypt just as a wrong password does, so the
    /// answer takes as long either way.
    @Test func anUnknownLoginRunsABcryptToo() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            try await lease.pool.withConnection { connection in
                try connection.execute(script: "ALTER DATABASE \(SQL.quoteIdentifier(lease.name)) SET track_functions = 'all'")
            }
            // Connections opened from here on track calls of C functions such as crypt().
            let tracked = PostgresPool(configuration: lease.configuration, maximumConnections: 1)
            let users = UserStore(database: Database(pool: tracked))
            func cryptCalls() async throws -> Int {
                try await lease.pool.withConnection { connection in
                    try connection.query("""
                        SELECT coalesce(sum(calls), 0)::int AS n FROM pg_stat_user_functions WHERE funcname = 'crypt'
                        """).first?.decode(Int.self, "n") ?? 0
                }
            }
            func callsAfter(_ signIn: () async throws -> Void) async throws -> Int {
                let before = try await cryptCalls()
                try await signIn()
                // The one backend of `tracked` reports its statistics as soon as it is idle.
                _ = try await tracked.withConnection { try $0.query("SELECT pg_stat_force_next_flush()") }
                for _ in 0..<50 {
                    let now = try await cryptCalls()
                    if now > before { return now - before }
                    try await Task.sleep(for: .milliseconds(100))
                }
                return 0
            }
            _ = try await users.addUser(login: "ivanova", role: .viewer, organizationID: nil, password: "right-password-1",
                                        actor: .installation(commandLine: "test"))
            _ = try await callsAfter {}
            let known = try await callsAfter {
                let answer = try await users.signIn(login: "ivanova", password: "wrong-password", address: "127.0.0.1")
                #expect(answer == .refused)
            }
            let unknown = try await callsAfter {
                let answer = try await users.signIn(login: "nobody", password: "wrong-password", address: "127.0.0.1")
                #expect(answer == .refused)
            }
            #expect(known >= 1)
            #expect(unknown == known, "an unknown login costs as many bcrypt rounds as a known one")
            await tracked.close()
        }
    }
}
