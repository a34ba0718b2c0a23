import HTTPTypes
import Hummingbird
import RoadmapDomain
import RoadmapStore

/// Authenticates `Authorization: Bearer TOKEN` for the API routes, binds the principal to
/// the task, and slows clients down: an address that keeps presenting bad tokens gets 429
/// with `Retry-After` for its bad tokens (never for a valid one), and a user that floods the
/// API gets 429 too. Tokens never reach a
/// log line: the request log shows the user id only.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let users: UserStore
    let requests: RateLimiter?
    let failures: RateLimiter

    init(users: UserStore, limits: APILimits) {
        self.users = users
        self.requests = limits.requestsPerSecond > 0 ? RateLimiter(rate: limits.requestsPerSecond, burst: limits.burst) : nil
        self.failures = RateLimiter(rate: limits.failedAuthenticationsPerMinute / 60, burst: limits.failedAuthenticationBurst)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let client = context.clientKey
        guard let header = request.headers[.authorization] else {
            throw Problem.unauthorized("Sign in with an API token: Authorization: Bearer TOKEN.")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem.unauthorized("The Authorization header must be «Bearer TOKEN».")
        }
        // The token is looked up before the address's failures are consulted: a valid token
        // always gets in, so bad tokens sent from an address shared with others (a school's
        // NAT, a proxy) slow down the one presenting them and lock out nobody else.
        guard let principal = try await users.authenticate(token: String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
            if let wait = failures.take(client) {
                throw Problem.tooManyRequests(retryAfter: wait, "Too many failed sign-ins from this address.")
            }
            throw Problem.unauthorized("The token is unknown, expired or revoked.")
        }
        if let requests, let wait = requests.take(principal.userID.uuidString) {
            throw Problem.tooManyRequests(retryAfter: wait, "Too many requests; slow down.")
        }
        var context = context
        context.logger[metadataKey: "user_id"] = .string(principal.userID.lowercased)
        return try await RequestPrincipal.$current.withValue(principal) {
            try await next(request, context)
        }
    }
}
