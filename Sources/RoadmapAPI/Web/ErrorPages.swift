import Hummingbird

/// Turns a problem into the Russian error page a browser gets: the heading for its status,
/// the catalogue's words for its type (or the page's own refusal), the request's number,
/// and the menu and sign-out of whoever is signed in.
struct ErrorPages: Sendable {
    let render: @Sendable (Problem, Request, String) async -> Response
}
