import Foundation
import RoadmapDomain
import RoadmapStore
import RoadmapTestSupport
import Testing

@Suite("Passwords and lockout")
struct PasswordTests {
    @Test func aPasswordIsHashedCheckedAndLocksAfterRepeatedFailures() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let users = UserStore(pool: lease.pool)
            _ = try await users.addUser(login: "ivanova", role: .coordinator, organizationID: nil)
            #expect(try await users.signIn(login: "ivanova", password: "anything-at-all") == .refused, "no password yet")
            await #expect(throws: UseCaseError.self) { try await users.setPassword(login: "ivanova", password: "short") }
            try await users.setPassword(login: "ivanova", password: "Тамбов-2018-пароль")

            let stored = try await lease.pool.withConnection { connection in
                try connection.query("SELECT password_hash FROM users WHERE login = 'ivanova'").first?.decode(String.self, "password_hash")
            }
            #expect(stored?.hasPrefix("$2a$10$") == true, "bcrypt, cost 10")
            #expect(stored?.contains("Тамбов") == false)

            guard case .signedIn(let principal) = try await users.signIn(login: "IVANOVA", password: "Тамбов-2018-пароль") else {
                Issue.record("the right password must sign in")
                return
            }
            #expect(principal.role == .coordinator)
            #expect(try await users.signIn(login: "nobody", password: "Тамбов-2018-пароль") == .refused)

            for _ in 1..<UserStore.lockoutThreshold {
                #expect(try await users.signIn(login: "ivanova", password: "wrong-password") == .refused)
            }
            guard case .locked(let until) = try await users.signIn(login: "ivanova", password: "wrong-password") else {
                Issue.record("the fifth failure must lock the account")
                return
            }
            #expect(until > Date())
            guard case .locked = try await users.signIn(login: "ivanova", password: "Тамбов-2018-пароль") else {
                Issue.record("a locked account refuses even the right password")
                return
            }
            // Setting a new password unlocks it.
            try await users.setPassword(login: "ivanova", password: "Новый-пароль-2019")
            guard case .signedIn = try await users.signIn(login: "ivanova", password: "Новый-пароль-2019") else {
                Issue.record("a new password unlocks the account")
                return
            }
            _ = try await users.disableUser(login: "ivanova")
            #expect(try await users.signIn(login: "ivanova", password: "Новый-пароль-2019") == .refused)
        }
    }
}
