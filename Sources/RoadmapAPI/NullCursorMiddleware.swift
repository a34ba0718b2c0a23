import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Lists answer `{"items": […], "next_cursor": … or null}`. The generated encoder leaves
/// a nil optional out, so on the list operations this writes the null in explicitly.
struct NullCursorMiddleware: ServerMiddleware {
    static let marker = Array(#","next_cursor":"#.utf8)

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = try await next(request, body, metadata)
        guard operationID.hasPrefix("list"), response.status == .ok, let responseBody,
              response.headerFields[.contentType]?.hasPrefix("application/json") == true else {
            return (response, responseBody)
        }
        var bytes = try await [UInt8](collecting: responseBody, upTo: 64 * 1024 * 1024)
        guard bytes.last == UInt8(ascii: "}"), !Self.contains(bytes, Self.marker) else {
            return (response, HTTPBody(bytes))
        }
        bytes.removeLast()
        bytes += Array(#","next_cursor":null}"#.utf8)
        var headers = response
        headers.headerFields[.contentLength] = nil
        return (headers, HTTPBody(bytes))
    }

    static func contains(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }
}
