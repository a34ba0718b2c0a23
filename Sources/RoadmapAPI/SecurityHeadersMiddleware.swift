import HTTPTypes
import Hummingbird

/// Headers every answer carries, errors included (it sits outside `ProblemMiddleware`):
/// `X-Content-Type-Options: nosniff` so no browser guesses a type the service did not
/// send; on pages `Referrer-Policy: same-origin`, so ids in page addresses do not leave
/// the site; on the API `Cache-Control: no-store`, so no proxy or browser keeps another
/// user's answer.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    static let referrerPolicy = HTTPField.Name("Referrer-Policy")
    static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        Self.apply(to: &response.headers, path: request.uri.path)
        return response
    }

    static func apply(to headers: inout HTTPFields, path: String) {
        if let name = contentTypeOptions { headers[name] = "nosniff" }
        if path == "/v1" || path.hasPrefix("/v1/") {
            headers[.cacheControl] = "no-store"
        } else if let name = referrerPolicy {
            headers[name] = "same-origin"
        }
    }
}
