import Foundation
import HTTPTypes
import OpenAPIRuntime

/// The generated server percent-encodes string header values (an `ETag` of `"3"` would go
/// out as `%223%22`). Entity tags, locations and a download's `Content-Disposition` (whose
/// UTF-8 file name is percent-encoded already, RFC 8187) are sent as they were written.
struct HeaderDecodingMiddleware: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var (response, responseBody) = try await next(request, body, metadata)
        for name in [HTTPField.Name.eTag, .location, .contentDisposition] {
            if let value = response.headerFields[name], let decoded = value.removingPercentEncoding {
                response.headerFields[name] = decoded
            }
        }
        return (response, responseBody)
    }
}
