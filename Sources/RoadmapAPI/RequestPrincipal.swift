import RoadmapDomain

/// The authenticated principal of the request being handled. The generated OpenAPI
/// handlers receive no Hummingbird context, so `AuthMiddleware` binds it to the task.
enum RequestPrincipal {
    @TaskLocal static var current: Principal?

    /// The principal, or a 401 if a route was reached without authentication.
    static func require() throws -> Principal {
        guard let current else { throw Problem.unauthorized("Sign in with an API token: Authorization: Bearer TOKEN.") }
        return current
    }
}
