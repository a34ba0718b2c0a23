import Foundation
import RoadmapDomain

/// An order's plans as a tree, with roll-up at every level.
public struct PlanTreeRecord: Sendable {
    public struct Plan: Sendable {
        public let id: UUID
        public let title: String
        public let academicYear: Int?
        public let rollup: Rollup
        public let goals: [Goal]
    }

    public struct Goal: Sendable {
        public let id: UUID
        public let position: Int
        public let title: String
        public let version: Int
        public let rollup: Rollup
        public let tasks: [Task]
        public let actions: [ActionRecord]
    }

    public struct Task: Sendable {
        public let id: UUID
        public let position: Int
        public let title: String
        public let expectedResult: String?
        public let version: Int
        public let rollup: Rollup
    }

    /// An action of the tree names its organisations when it has at most this many (and
    /// always its persons); past this, its count only, and its executors are paged
    /// (`AssignmentStore.list` with an action, `GET /v1/actions/{id}/assignments`).
    public static let executorsPerAction = 5

    public let orderID: UUID
    public let rollup: Rollup
    public let plans: [Plan]
}
