import Hummingbird
import NIOCore

/// Collects a request body up to a limit before any handler sees it, so an oversize body
/// is a 413 problem (a page in Russian for a browser) and never half-read, whether it
/// announced its length or came chunked.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let limits: APILimits

    /// The limit of the route `path` falls on: documents, evidence files, report forms with
    /// their files, and everything else.
    func limit(for path: String) -> Int {
        let parts = path.split(separator: "/")
        if path.hasPrefix("/v1/imports") || path == "/import" { return limits.maximumImportBytes }
        if parts.count == 4, parts[0] == "v1", parts[1] == "reports", parts[3] == "files" { return limits.maximumEvidenceFileBytes }
        if parts.count == 3, parts[0] == "assignments", parts[2] == "report" { return limits.maximumReportFormBytes }
        return limits.maximumBodyBytes
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let limit = limit(for: request.uri.path)
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
