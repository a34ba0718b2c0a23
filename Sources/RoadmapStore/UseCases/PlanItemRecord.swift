import Foundation

/// A goal or a task just created.
public struct PlanItemRecord: Sendable, Hashable {
    public let id: UUID
    /// The goal's plan and order, or the task's goal.
    public let parentID: UUID
    public let orderID: UUID?
    public let position: Int
    public let title: String
    public let expectedResult: String?
    public let version: Int
}
