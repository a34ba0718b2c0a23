import Hummingbird
import NIOCore

/// Collects a request body up to a limit before any handler sees it, so an oversize body
/// is a 413 problem (a page in Russian for a browser) and never half-read, whether it
/// announced its length or came chunked.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let maximumBytes: Int
    let maximumImportBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let limit = request.uri.path.hasPrefix("/v1/imports") || request.uri.path == "/import" ? maximumImportBytes : maximumBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw Problem.contentTooLarge(limit: limit)
        }
        var request = request
        do {
            _ = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Problem.contentTooLarge(limit: limit)
        } catch is NIOTooManyBytesError {
            // A chunked body has no length to refuse up front; it is cut off while it is read.
            throw Problem.contentTooLarge(limit: limit)
        }
        return try await next(request, context)
    }
}
