import HTTPTypes
import Hummingbird
import Logging
import OpenAPIRuntime
import RoadmapStore

/// Turns every error into problem+json and writes one structured log line per request.
/// Errors the service did not expect become a logged 500 with the request id and no
/// internals in the body.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// Renders a problem as a Russian page, with the menu of the signed-in user, for a
    /// browser asking for a page; nil keeps the plain page of `Problem`.
    let pages: ErrorPages?

    init(pages: ErrorPages? = nil) {
        self.pages = pages
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let problem: Problem
        do {
            return Self.finish(try await next(request, context), request: request, context: context, start: start)
        } catch let error as Problem {
            problem = error
        } catch let error as UseCaseError {
            if case .unavailable(let cause) = error {
                context.logger.error("database unavailable", metadata: ["error": "\(cause)", "request_id": "\(context.requestID)"])
            }
            problem = Problem.from(error)
        } catch let error as ServerError {
            if let known = Self.problem(for: error) {
                problem = known
            } else {
                context.logger.error("unhandled error", metadata: [
                    "operation": "\(error.operationID)", "error": "\(String(reflecting: error.underlyingError))",
                    "request_id": "\(context.requestID)"])
                problem = Problem.internalError(requestID: context.requestID)
            }
        } catch let error as HTTPError where error.status == .notFound && !RouteTable.api.methods(for: request.uri.path).isEmpty {
            let allowed = RouteTable.api.methods(for: request.uri.path).joined(separator: ", ")
            problem = Problem(.methodNotAllowed, type: "method-not-allowed", title: "Method not allowed",
                              detail: "\(request.method.rawValue) is not allowed here; use \(allowed).", headers: [.allow: allowed])
        } catch let error as HTTPError {
            problem = Problem(
                error.status, type: error.status == .notFound ? "not-found" : "http-\(error.status.code)",
                title: error.status.reasonPhrase, detail: error.body ?? error.status.reasonPhrase, headers: error.headers)
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))", "request_id": "\(context.requestID)"])
            problem = Problem.internalError(requestID: context.requestID)
        }
        let response: Response
        if Problem.wantsPage(request), let pages {
            response = await pages.render(problem, request, context.requestID)
        } else {
            response = try problem.response(from: request, context: context)
        }
        return Self.finish(response, request: request, context: context, start: start)
    }

    static func finish(_ response: Response, request: Request, context: Context, start: ContinuousClock.Instant) -> Response {
        var response = response
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

    /// The problem for an error raised in or around a generated OpenAPI handler: the
    /// handler's own refusals, and requests the contract rejects (bad JSON, wrong types,
    /// unknown fields, wrong content type, missing or malformed parameters). Nil for
    /// anything else, which is a bug and a 500.
    static func problem(for error: ServerError) -> Problem? {
        switch error.underlyingError {
        case let problem as Problem:
            return problem
        case let error as UseCaseError:
            return Problem.from(error)
        case let decoding as DecodingError:
            if error.request.method == .get {
                // Reading the query: the runtime's parameter decoder does not name the parameter.
                return .badRequest(
                    "A query parameter is missing or malformed: \(Self.reason(of: decoding)). The parameters of each operation are in /openapi.yaml.",
                    type: "bad-parameter")
            }
            return problem(for: decoding)
        default:
            break
        }
        let cause = "\(error.underlyingError)"
        if error.httpStatus == .internalServerError {
            // The runtime reports some request errors without a status of their own.
            if let decoding = Mirror(reflecting: error.underlyingError).children.first?.value as? DecodingError {
                return problem(for: decoding)
            }
            return nil
        }
        if error.httpStatus == .unsupportedMediaType || cause.contains("Unexpected content type") {
            return Problem(.unsupportedMediaType, type: "unsupported-media-type", title: "Unsupported media type",
                           detail: "Send the body as application/json. \(cause)")
        }
        return .badRequest(cause)
    }

    static func problem(for error: DecodingError) -> Problem {
        func path(_ context: DecodingError.Context) -> String {
            let names = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return names.reduce("") { $0.isEmpty || $1.hasPrefix("[") ? $0 + $1 : $0 + "." + $1 }
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return .badRequest("The body is not valid JSON: \(context.debugDescription)", type: "malformed-json")
        case .dataCorrupted(let context):
            let field = path(context)
            let reason = context.debugDescription.contains("Additional properties are disabled")
                ? "is not a field of this request" : context.debugDescription
            return .invalid("\(field): \(reason)", fields: [.init(name: field, reason: reason)])
        case .keyNotFound(let key, let context):
            let field = path(context).isEmpty ? key.stringValue : path(context) + "." + key.stringValue
            return .invalid("\(field) is required", fields: [.init(name: field, reason: "is required")])
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let field = path(context)
            let reason = "must be \(Self.jsonName(of: type))"
            return .invalid("\(field) \(reason)", fields: [.init(name: field, reason: reason)])
        @unknown default:
            return .badRequest("The body could not be read.")
        }
    }

    static func reason(of error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, _): "a value must be \(jsonName(of: type))"
        case .valueNotFound, .keyNotFound: "a required one is missing"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "unreadable"
        }
    }

    static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)".contains("Array") ? "an array" : "an object"
        }
    }
}
