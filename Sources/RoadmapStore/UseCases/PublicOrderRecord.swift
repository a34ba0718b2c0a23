import Foundation
import RoadmapDomain

/// What an order's public page and its open data show (#17): the plan, each action's
/// progress and each organisation's, as of today. It holds no person's name (no signatory,
/// controller, responsible person or user) and a report's text only where the committee
/// marked that report public.
public struct PublicOrderRecord: Sendable {
    /// One organisation's work on one action.
    public struct Line: Sendable, Hashable {
        public let organizationID: UUID
        public let organizationName: String
        public let occurrence: Int
        public let dueOn: CalendarDate?
        public let outcome: ExecutionOutcome
        /// The work day of the accepted report.
        public let doneOn: CalendarDate?
        /// The accepted report's text, only when marked public.
        public let publicReport: String?
    }

    public struct Action: Sendable {
        public let number: String
        public let title: String
        public let expectedResult: String?
        public let deadlineText: String
        public let lines: [Line]
        public var tally: ExecutionTally { ExecutionTally(lines.map(\.outcome)) }
    }

    public struct Goal: Sendable {
        public let position: Int
        public let title: String
        public let actions: [Action]
        public var tally: ExecutionTally { actions.reduce(.empty) { $0 + $1.tally } }
    }

    /// One organisation's work across the order.
    public struct Organization: Sendable, Hashable {
        public let id: UUID
        public let name: String
        public let tally: ExecutionTally
    }

    public let id: UUID
    public let number: String
    public let date: CalendarDate
    public let title: String
    public let issuerName: String
    public let publishedAt: Date
    public let asOf: CalendarDate
    public let goals: [Goal]

    public var tally: ExecutionTally { goals.reduce(.empty) { $0 + $1.tally } }

    /// Each organisation with its work in the order, by name.
    public var organizations: [Organization] {
        var tallies: [UUID: (name: String, tally: ExecutionTally)] = [:]
        for line in goals.flatMap(\.actions).flatMap(\.lines) {
            tallies[line.organizationID, default: (line.organizationName, .empty)].tally.add(line.outcome)
        }
        return tallies.map { Organization(id: $0.key, name: $0.value.name, tally: $0.value.tally) }
            .sorted { ($0.name, $0.id.uuidString) < ($1.name, $1.id.uuidString) }
    }
}
