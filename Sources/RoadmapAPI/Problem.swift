import Foundation
import HTTPTypes
import Hummingbird
import RoadmapDomain
import RoadmapStore

/// An error a client can cause or should know about, answered as
/// `application/problem+json` (RFC 9457) with a stable `type`, a human `detail` and,
/// for validation, the offending fields. Every such answer comes from this one type.
public struct Problem: HTTPResponseError, Sendable {
    /// One invalid field of a request.
    public struct InvalidField: Codable, Sendable, Equatable {
        public var name: String
        public var reason: String
        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    public var status: HTTPResponse.Status
    /// Stable, machine-readable: the last part of `type`.
    public var type: String
    public var title: String
    public var detail: String
    public var invalidFields: [InvalidField]
    public var headers: HTTPFields
    /// What a page says instead of `detail`, for refusals only the pages make.
    var pageText: PageText?

    public init(
        _ status: HTTPResponse.Status, type: String, title: String, detail: String,
        invalidFields: [InvalidField] = [], headers: HTTPFields = [:]
    ) {
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.invalidFields = invalidFields
        self.headers = headers
    }

    static let typeBase = "https://roadmap.example/problems/"

    /// The same problem, said on a page by `text` from the catalogue.
    func onPage(_ text: PageText) -> Problem {
        var problem = self
        problem.pageText = text
        return problem
    }

    /// The Russian sentence a page shows for this problem.
    var russianMessage: String {
        pageText?.russian ?? PageText.problem(type: type, status: Int(status.code))
    }

    struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var instance: String?
        var requestID: String?
        var invalidFields: [InvalidField]?

        enum CodingKeys: String, CodingKey {
            case type, title, status, detail, instance
            case requestID = "request_id"
            case invalidFields = "invalid_fields"
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        if Self.wantsPage(request) { return page(requestID: (context as? AppRequestContext)?.requestID) }
        let body = Body(
            type: Self.typeBase + type, title: title, status: Int(status.code), detail: detail,
            instance: request.uri.path, requestID: (context as? AppRequestContext)?.requestID,
            invalidFields: invalidFields.isEmpty ? nil : invalidFields)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(body)
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A browser asking for a web page (not the API) gets the problem as a page in Russian.
    static func wantsPage(_ request: Request) -> Bool {
        let path = request.uri.path
        guard !path.hasPrefix("/v1/"), path != "/openapi.yaml", path != "/metrics", !path.hasPrefix("/health"), !path.hasPrefix("/ready") else {
            return false
        }
        return request.headers[.accept]?.contains("text/html") ?? false
    }

    /// The problem as a bare Russian page (the service's pages add the menu: `ErrorPages`).
    func page(requestID: String?) -> Response {
        let heading = PageText.heading(status: Int(status.code))
        func escaped(_ text: String) -> String { MarkupText.escaped(text) }
        let html = """
            <!DOCTYPE html>
            <html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(heading) — Дорожные карты</title><link rel="stylesheet" href="/static/app.css"></head>
            <body><main id="main"><h1>\(heading)</h1><p>\(escaped(russianMessage))</p>
            \(requestID.map { "<p class=\"muted\">Номер запроса: \(escaped($0))</p>" } ?? "")
            <p><a href="/">На главную</a></p></main></body></html>
            """
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    // MARK: - The problems of this service

    public static func notFound(_ detail: String) -> Problem {
        Problem(.notFound, type: "not-found", title: "Not found", detail: detail)
    }

    public static func unauthorized(_ detail: String) -> Problem {
        Problem(.unauthorized, type: "unauthorized", title: "Unauthorized", detail: detail,
                headers: [.wwwAuthenticate: "Bearer realm=\"roadmap\""])
    }

    public static func forbidden(_ detail: String) -> Problem {
        Problem(.forbidden, type: "forbidden", title: "Forbidden", detail: detail)
    }

    public static func conflict(_ detail: String) -> Problem {
        Problem(.conflict, type: "conflict", title: "Conflict", detail: detail)
    }

    public static func preconditionFailed(_ detail: String) -> Problem {
        Problem(.preconditionFailed, type: "stale", title: "Precondition failed", detail: detail)
    }

    public static func badRequest(_ detail: String, type: String = "bad-request", fields: [InvalidField] = []) -> Problem {
        Problem(.badRequest, type: type, title: "Bad request", detail: detail, invalidFields: fields)
    }

    public static func invalid(_ detail: String, fields: [InvalidField]) -> Problem {
        Problem(.unprocessableContent, type: "validation", title: "Invalid request", detail: detail, invalidFields: fields)
    }

    public static func contentTooLarge(limit: Int) -> Problem {
        Problem(.contentTooLarge, type: "too-large", title: "Content too large",
                detail: "The request body is larger than the limit of \(limit) bytes.")
    }

    public static func tooManyRequests(retryAfter: Duration, _ detail: String) -> Problem {
        let seconds = max(1, Int((Double(retryAfter.components.seconds) + Double(retryAfter.components.attoseconds) / 1e18).rounded(.up)))
        return Problem(.tooManyRequests, type: "rate-limited", title: "Too many requests",
                       detail: "\(detail) Retry in \(seconds) s.", headers: [.retryAfter: "\(seconds)"])
    }

    /// The problem a use case's refusal is answered with.
    public static func from(_ error: UseCaseError) -> Problem {
        switch error {
        case .notFound: return .notFound(error.description)
        case .forbidden: return .forbidden(error.description)
        case .stale: return .preconditionFailed(error.description)
        case .conflict: return .conflict(error.description)
        case .invalid(let field, let reason):
            return .invalid(error.description, fields: [InvalidField(name: field, reason: reason)])
        case .idempotencyMismatch:
            return Problem(.unprocessableContent, type: "idempotency-key-reused", title: "Idempotency key reused", detail: error.description)
        case .unavailable:
            return .serviceUnavailable("The database is unavailable; try again shortly.")
        }
    }

    public static func serviceUnavailable(_ detail: String) -> Problem {
        Problem(.serviceUnavailable, type: "service-unavailable", title: "Service unavailable", detail: detail, headers: [.retryAfter: "5"])
    }

    public static func internalError(requestID: String) -> Problem {
        Problem(.internalServerError, type: "internal-error", title: "Internal server error",
                detail: "Something went wrong on our side. Quote request id \(requestID) when you report it.")
    }
}
