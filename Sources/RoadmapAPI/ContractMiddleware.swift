import Foundation
import Hummingbird

/// Refuses requests that break the document's bounds (see `ContractValidator`) before a
/// handler runs: 400 for a parameter or header, 422 for a body field or a key written twice.
struct ContractMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let route = RouteTable.api.route(for: request.uri.path) else { return try await next(request, context) }
        var request = request
        // BodyLimitMiddleware has already read the body within its limit.
        let buffer = try await request.collectBody(upTo: .max)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let query = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
        if buffer.readableBytes > 0, let duplicate = JSONDuplicateKey.first(in: Array(buffer.readableBytesView)) {
            let reason = "is written twice in one object; send each field once"
            throw Problem.invalid("\(duplicate.path) \(reason)", fields: [.init(name: duplicate.path, reason: reason)])
        }
        do {
            try ContractValidator.api.validate(
                method: request.method.rawValue, template: route.template, query: query, headers: headers,
                body: buffer.readableBytes > 0 ? Data(buffer.readableBytesView) : nil)
        } catch {
            if error.inBody {
                throw Problem.invalid("\(error.location) \(error.reason)", fields: [.init(name: error.location, reason: error.reason)])
            }
            throw Problem.badRequest("\(error.location) \(error.reason)", type: "bad-parameter", fields: [.init(name: error.location, reason: error.reason)])
        }
        return try await next(request, context)
    }
}
