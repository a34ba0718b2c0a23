import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RoadmapAPI
import RoadmapStore
import RoadmapTestSupport
import Testing

/// The sign-in form against what strangers try: a CSRF token they made up, guessing across
/// accounts from one address, keeping a user locked out; and the cookies behind HTTPS.
@Suite("Web sign-in: pre-sessions, throttles, secure cookies")
struct SignInSecurityTests {
    let pages = WebPagesTests()

    @Test func aTokenTheBrowserWasNotGivenByTheServerIsRefused() async throws {
        try await APIFixture.run { api, fixture in
            try await UserStore(database: fixture.database).setPassword(login: "viewer", password: "viewer-password", actor: .installation(commandLine: "test"))
            // Echoing a cookie the attacker set himself used to pass; now the token must be
            // the one the server keeps for that pre-session.
            let made = "rm_" + String(repeating: "x", count: 43)
            let forged = try await pages.post(api, "/login", form: "csrf=\(made)&login=viewer&password=viewer-password",
                                              cookies: "roadmap_login_csrf=\(made)")
            #expect(forged.status == 403)
            #expect(forged.cookie("roadmap_session") == nil)
            // A real form is good for one attempt.
            let form = try await pages.get(api, "/login")
            let csrf = try #require(form.csrf)
            let cookie = "roadmap_login_csrf=\(try #require(form.cookie("roadmap_login_csrf")))"
            #expect(try await pages.post(api, "/login", form: "csrf=\(csrf)&login=viewer&password=wrong-password", cookies: cookie).status == 401)
            #expect(try await pages.post(api, "/login", form: "csrf=\(csrf)&login=viewer&password=viewer-password", cookies: cookie).status == 403)
            #expect(try await pages.signIn(api, "viewer", "viewer-password").status == 303)
        }
    }

    @Test func oneAddressCannotGuessAcrossAccounts() async throws {
        // A day to earn the twenty back: no try comes back while the test runs, however
        // slow the machine (at the default fifteen minutes one came back now and then).
        try await APIFixture.run(limits: APILimits(requestsPerSecond: 0, signInFailureWindowSeconds: 86_400)) { api, fixture in
            try await UserStore(database: fixture.database).setPassword(login: "viewer", password: "viewer-password", actor: .installation(commandLine: "test"))
            // Four tries on each of five accounts stays under every account's lock, and
            // reaches the address's limit of twenty.
            for login in ["admin", "coord", "viewer", "school-a", "school-b"] {
                for _ in 0..<4 { #expect(try await pages.signIn(api, login, "guess-password").status == 401) }
            }
            let throttled = try await pages.signIn(api, "viewer", "viewer-password")
            #expect(throttled.status == 429)
            #expect(throttled.page.html.contains("с этого адреса"))
            #expect(throttled.session == nil)
            // Refused without a guess spent: a login nobody has is refused the same way.
            #expect(try await pages.signIn(api, "nobody", "guess-password").status == 429)
        }
    }

    @Test func behindHTTPSTheCookiesAreSecureAndHostBound() async throws {
        try await APIFixture.run(publicURL: URL(string: "https://roadmap.example")) { api, fixture in
            try await UserStore(database: fixture.database).setPassword(login: "viewer", password: "viewer-password", actor: .installation(commandLine: "test"))
            let form = try await pages.get(api, "/login")
            let line = try #require(form.setCookieLine("__Host-roadmap_login_csrf"))
            #expect(line.contains("Secure") && line.contains("HttpOnly") && line.contains("Path=/"))
            #expect(!line.contains("Domain"))
            let csrf = try #require(form.csrf)
            let challenge = try #require(form.cookie("__Host-roadmap_login_csrf"))
            let signedIn = try await pages.post(api, "/login", form: "csrf=\(csrf)&login=viewer&password=viewer-password",
                                                cookies: "__Host-roadmap_login_csrf=\(challenge)")
            #expect(signedIn.status == 303)
            let session = try #require(signedIn.setCookieLine("__Host-roadmap_session"))
            #expect(session.contains("Secure") && session.contains("HttpOnly") && session.contains("Path=/"))
            let token = try #require(signedIn.cookie("__Host-roadmap_session"))
            #expect(try await pages.get(api, "/", cookies: "__Host-roadmap_session=\(token)").status == 200)
            // The plain name means nothing here.
            #expect(try await pages.get(api, "/", cookies: "roadmap_session=\(token)").status == 303)
        }
    }

    @Test func overPlainHTTPTheCookiesAreNotSecure() async throws {
        try await APIFixture.run { api, _ in
            let line = try #require(try await pages.get(api, "/login").setCookieLine("roadmap_login_csrf"))
            #expect(!line.contains("Secure"))
        }
    }

    @Test func aNewPasswordSignsTheUserOutOfThePages() async throws {
        try await APIFixture.run { api, fixture in
            let users = UserStore(database: fixture.database)
            try await users.setPassword(login: "viewer", password: "viewer-password", actor: .installation(commandLine: "test"))
            let session = try #require(try await pages.signIn(api, "viewer", "viewer-password").session)
            #expect(try await pages.get(api, "/", cookies: "roadmap_session=\(session)").status == 200)
            try await users.setPassword(login: "viewer", password: "another-password", actor: .installation(commandLine: "test"))
            #expect(try await pages.get(api, "/", cookies: "roadmap_session=\(session)").headers[.location] == "/login")
        }
    }
}
