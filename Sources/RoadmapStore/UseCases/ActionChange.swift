import Foundation

/// The fields of an action to create or change; nil leaves a field as it is.
public struct ActionChange: Sendable, Hashable {
    public var title: String?
    public var expectedResult: String?
    public var venue: String?
    /// The deadline as written («Март 2019»); the domain parses it.
    public var deadline: String?
    public var executorIDs: [UUID]?
    /// Groups of executors added to `executorIDs`: every organisation of these kinds
    /// («school»: все школы, «kindergarten»: все детские сады).
    public var executorKinds: [String]?
    /// Saved lists of organisations (`OrganizationListStore`) whose members are added too.
    public var executorListIDs: [UUID]?
    public var taskIDs: [UUID]?
    /// Why the deadline changes: required when a new deadline moves open assignments.
    public var reason: String?

    public init(title: String? = nil, expectedResult: String? = nil, venue: String? = nil, deadline: String? = nil,
                executorIDs: [UUID]? = nil, executorKinds: [String]? = nil, executorListIDs: [UUID]? = nil, taskIDs: [UUID]? = nil,
                reason: String? = nil) {
        self.executorKinds = executorKinds
        self.executorListIDs = executorListIDs
        self.reason = reason
        self.title = title
        self.expectedResult = expectedResult
        self.venue = venue
        self.deadline = deadline
        self.executorIDs = executorIDs
        self.taskIDs = taskIDs
    }
}
