import Foundation

/// The fields of an action to create or change; nil leaves a field as it is.
public struct ActionChange: Sendable, Hashable {
    public var title: String?
    public var expectedResult: String?
    public var venue: String?
    /// The deadline as written («Март 2019»); the domain parses it.
    public var deadline: String?
    public var executorIDs: [UUID]?
    public var taskIDs: [UUID]?

    public init(title: String? = nil, expectedResult: String? = nil, venue: String? = nil, deadline: String? = nil,
                executorIDs: [UUID]? = nil, taskIDs: [UUID]? = nil) {
        self.title = title
        self.expectedResult = expectedResult
        self.venue = venue
        self.deadline = deadline
        self.executorIDs = executorIDs
        self.taskIDs = taskIDs
    }
}
