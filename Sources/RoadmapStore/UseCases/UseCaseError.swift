import Foundation
import RoadmapDomain

/// Why a use case refused: each case maps to one HTTP status and one CLI exit code, and
/// its message says what was wrong and where, without internals.
public enum UseCaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The thing does not exist, or the principal may not know it does.
    case notFound(entity: String, id: String)
    /// The principal may see the thing but not do this to it.
    case forbidden(String)
    /// `If-Match` named a version that is no longer current.
    case stale(entity: String, current: Int)
    /// The request conflicts with the current state (a status that does not allow it, a
    /// duplicate, a concurrent request with the same idempotency key).
    case conflict(String)
    /// A field is invalid; `field` names it as the client wrote it.
    case invalid(field: String, reason: String)
    /// The same idempotency key was used before with a different request.
    case idempotencyMismatch(key: String)
    /// The database cannot be reached just now (down, restarting, failing over); the
    /// request changed nothing and may be tried again. The cause is for the operator (the
    /// CLI and logs show it), never for an API client.
    case unavailable(String)

    public var description: String {
        switch self {
        case .notFound(let entity, let id): "No \(entity) with id \(id)."
        case .forbidden(let reason): reason
        case .stale(let entity, let current):
            "The \(entity) was changed by someone else (now version \(current)); reload it and try again."
        case .conflict(let reason): reason
        case .invalid(let field, let reason): "\(field): \(reason)"
        case .idempotencyMismatch(let key):
            "Idempotency-Key \(key) was already used for a different request."
        case .unavailable(let cause) where Self.isSetupProblem(cause):
            "The database refused the connection (\(cause)); check the database URL (DATABASE_URL or --database-url): waiting will not help."
        case .unavailable(let cause):
            "The database is unavailable (\(cause)); try again shortly."
        }
    }

    /// Whether libpq's message says the connection settings are wrong (a password, a
    /// certificate, a database or role that does not exist, pg_hba.conf) rather than that
    /// the server is down or busy.
    static func isSetupProblem(_ cause: String) -> Bool {
        let text = cause.lowercased()
        return ["password authentication failed", "no password supplied", "certificate", "pg_hba.conf",
                "does not exist", "does not support ssl", "peer authentication failed", "invalid connection option", "sslmode",
                "missing \"=\"", "invalid uri"]
            .contains { text.contains($0) }
    }

    /// Throws `.stale` when `expected` is given and differs from `current`.
    static func check(version current: Int, expected: Int?, entity: String) throws(UseCaseError) {
        if let expected, expected != current { throw .stale(entity: entity, current: current) }
    }

    /// Runs a domain decision, its refusal said as the use case says it: a thing already
    /// decided is a conflict, a missing comment an invalid field.
    static func deciding<T>(_ decide: () throws(DecisionError) -> T) throws(UseCaseError) -> T {
        do {
            return try decide()
        } catch {
            switch error {
            case .alreadyDecided(let current): throw .conflict("It was already \(current).")
            case .commentRequired: throw .invalid(field: "comment", reason: error.description)
            case .assignmentClosed(let status): throw .conflict("The assignment is \(status.rawValue); its deadline cannot move.")
            }
        }
    }
}
