import HTTPTypes
import Hummingbird

/// Behind a trusted proxy, the client's address is the one the proxy passed on
/// (`ClientAddress`); from anybody else the header is ignored.
struct ForwardedClientMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trusted: Set<String>

    static let header = HTTPField.Name("X-Forwarded-For")

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        guard !trusted.isEmpty, let header = Self.header else { return try await next(request, context) }
        let values = request.headers[values: header]
        var context = context
        context.forwardedClient = ClientAddress.resolve(
            peer: context.remoteAddress?.ipAddress, forwardedFor: values.isEmpty ? nil : values.joined(separator: ","), trusted: trusted)
        return try await next(request, context)
    }
}
