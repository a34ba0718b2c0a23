import HTTPTypes
import Hummingbird
import Logging
import RoadmapStore

/// Turns every error into problem+json and writes one structured log line per request.
/// Errors the service did not expect become a logged 500 with the request id and no
/// internals in the body.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let problem as Problem {
            response = try problem.response(from: request, context: context)
        } catch let error as HTTPError {
            let problem = Problem(
                error.status, type: error.status == .notFound ? "not-found" : "http-\(error.status.code)",
                title: error.status.reasonPhrase, detail: error.body ?? error.status.reasonPhrase, headers: error.headers)
            response = try problem.response(from: request, context: context)
        } catch let error as PostgresError where error.isConnectionFailure || error.kind == .poolClosed {
            context.logger.error("database unavailable", metadata: ["error": "\(error.debugDescription)", "request_id": "\(context.requestID)"])
            response = try Problem.serviceUnavailable("The database is unavailable; try again shortly.").response(from: request, context: context)
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))", "request_id": "\(context.requestID)"])
            response = try Problem.internalError(requestID: context.requestID).response(from: request, context: context)
        }
        if let name = HTTPField.Name("X-Request-Id") {
            response.headers[name] = context.requestID
        }
        let elapsed = ContinuousClock.now - start
        context.logger.info("request", metadata: [
            "request_id": "\(context.requestID)",
            "method": "\(request.method.rawValue)",
            "path": "\(request.uri.path)",
            "status": "\(response.status.code)",
            "ms": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)",
        ])
        return response
    }
}
