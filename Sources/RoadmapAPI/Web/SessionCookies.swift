import Foundation
import Hummingbird

/// The names and attributes of the pages' cookies. Served over HTTPS (a `--public-url`
/// starting with https://, as behind a TLS proxy) they are `Secure` and carry the
/// `__Host-` prefix, which browsers accept only from a secure origin, for the whole site
/// (`Path=/`) and with no `Domain`, so no other host or plain-HTTP page can set or
/// shadow them.
struct SessionCookies: Sendable {
    let secure: Bool

    init(publicURL: URL?) {
        secure = publicURL?.scheme?.lowercased() == "https"
    }

    private var prefix: String { secure ? "__Host-" : "" }

    /// The session: HttpOnly, SameSite=Lax so a link from a letter opens the page signed in.
    var sessionName: String { prefix + "roadmap_session" }

    /// The sign-in form's pre-session: HttpOnly, SameSite=Strict.
    var signInName: String { prefix + "roadmap_login_csrf" }

    func session(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: sessionName, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func signIn(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: signInName, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    func clearedSession() -> Cookie { session("", maxAge: 0) }

    func clearedSignIn() -> Cookie { signIn("", maxAge: 0) }
}
