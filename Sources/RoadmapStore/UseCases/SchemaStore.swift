import Foundation
import RoadmapPostgres

/// The schema this build carries, as a use case of the operator and of health checks:
/// what is applied and pending, applying what is pending, and whether the service is
/// ready to serve (database reachable, schema current).
public struct SchemaStore: Sendable {
    let database: Database
    let migrator: Migrator

    public init(database: Database) throws {
        self.database = database
        migrator = try Migrator.embedded()
    }

    /// The migrations applied to the database and those of this build still pending.
    public struct State: Sendable, Equatable {
        public var applied: [String]
        public var pending: [String]
        public var isCurrent: Bool { pending.isEmpty }
    }

    /// What `migrate` did.
    public struct Outcome: Sendable, Equatable {
        /// The migrations this run applied, in order.
        public var applied: [String]
        /// How many were applied before.
        public var alreadyApplied: Int
        /// Organisations' and aliases' normalised names rewritten to the current rules.
        public var keysRewritten: Int = 0
    }

    /// Whether the service may take requests, and if not, why.
    public enum Readiness: Sendable, Equatable {
        case ready(schema: String?, usage: PoolUsage)
        case notReady(String)
    }

    public func state() async throws -> State {
        let status = try await database.withConnection { [migrator] connection in try migrator.status(on: connection) }
        return State(applied: status.applied, pending: status.pending)
    }

    /// Applies every pending migration, each in its own transaction; safe to run from
    /// several processes at once.
    /// Then rewrites the organisations' normalised names that older rules (or SQL written by
    /// hand) left different from what matching computes today.
    public func migrate() async throws -> Outcome {
        try await database.withConnection { [migrator] connection in
            let outcome = try migrator.migrate(on: connection)
            let keys = try OrganizationKeys.refresh(on: connection)
            return Outcome(applied: outcome.applied, alreadyApplied: outcome.alreadyApplied, keysRewritten: keys.names + keys.aliases)
        }
    }

    /// Migrates a private database; refuses a shared one whose schema is behind, so one
    /// instance never changes a schema others are serving from without the operator.
    public func prepare(migrating: Bool) async throws {
        if migrating {
            _ = try await migrate()
            return
        }
        let state = try await state()
        guard state.isCurrent else {
            throw UseCaseError.conflict(
                "the database schema is not current (pending: \(state.pending.joined(separator: ", "))); run `roadmapctl migrate` first")
        }
    }

    public func readiness() async -> Readiness {
        let state: State
        do {
            state = try await self.state()
        } catch let error as MigrationError {
            return .notReady("The database schema does not match this build: \(error)")
        } catch let error as UseCaseError {
            return .notReady("The database is unreachable: \(error)")
        } catch {
            return .notReady("The database is unreachable: \(error)")
        }
        guard state.isCurrent else {
            return .notReady("The database schema is not current: pending \(state.pending.joined(separator: ", ")); run `roadmapctl migrate`.")
        }
        return .ready(schema: state.applied.last, usage: database.usage)
    }
}
