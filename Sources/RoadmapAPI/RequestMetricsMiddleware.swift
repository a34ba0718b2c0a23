import Dispatch
import HTTPTypes
import Hummingbird
import Metrics

/// Counts requests and their latency per route pattern, method and status, and counts as
/// errors only the true server errors (5xx). It sits outside `ProblemMiddleware`, so it
/// sees the status the client got: a refused request (404, 422, 429) is counted under its
/// own status, never as a 500 the way a thrown refusal would be.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let active = Meter(label: "http.server.active_requests", dimensions: [("http.request.method", request.method.rawValue)])
        active.increment()
        defer { active.decrement() }
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            Self.record(route: context.endpointPath, method: request.method, status: .internalServerError, start: start)
            throw error
        }
        // Bodies are rendered whole before they are returned, so this is the time to answer.
        Self.record(route: context.endpointPath, method: request.method, status: response.status, start: start)
        return response
    }

    static func record(route: String?, method: HTTPRequest.Method, status: HTTPResponse.Status, start: UInt64) {
        let dimensions = [
            ("http.route", route ?? "NotFound"), ("http.request.method", method.rawValue),
            ("http.response.status_code", String(status.code)),
        ]
        Counter(label: "hb.requests", dimensions: dimensions).increment()
        Timer(label: "http.server.request.duration", dimensions: dimensions, preferredDisplayUnit: .seconds)
            .recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
        if status.code >= 500 {
            Counter(label: "hb.request.errors", dimensions: [
                ("http.route", route ?? "NotFound"), ("http.request.method", method.rawValue),
                ("error.type", String(status.code)),
            ]).increment()
        }
    }
}
