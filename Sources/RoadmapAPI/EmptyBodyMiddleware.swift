import HTTPTypes
import OpenAPIRuntime

/// A request without a body reaches the generated code as an empty body, which it would
/// try to decode as JSON; operations whose body is optional (accepting a report, deciding
/// an extension) must see "no body" instead.
struct EmptyBodyMiddleware: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let body else { return try await next(request, nil, metadata) }
        // BodyLimitMiddleware has already read the body into memory, within its limit.
        let bytes = try await [UInt8](collecting: body, upTo: .max)
        return try await next(request, bytes.isEmpty ? nil : HTTPBody(bytes), metadata)
    }
}
