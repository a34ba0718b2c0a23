/// A transition the assignment state machine forbids, naming the status and the transition
/// («cannot submit a report: the assignment is cancelled»).
public struct StatusTransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    public let status: AssignmentStatus
    public let transition: AssignmentTransition

    public init(status: AssignmentStatus, transition: AssignmentTransition) {
        self.status = status
        self.transition = transition
    }

    public var description: String {
        "cannot \(action) (\(transition.rawValue)): the assignment is \(status.rawValue) (\(status.russianName)); \(reason)"
    }

    private var action: String {
        switch transition {
        case .start: "start work"
        case .submitReport: "submit a report"
        case .accept: "accept the report"
        case .returnForRework: "return the report for rework"
        case .cancel: "cancel the assignment"
        }
    }

    private var reason: String {
        switch (status, transition) {
        case (.cancelled, _): "a cancelled assignment accepts nothing"
        case (.done, .submitReport): "its report was already accepted"
        case (.done, .accept): "its report was already accepted"
        case (.done, _): "a done assignment is final"
        case (.reported, .submitReport): "a report is already waiting to be checked"
        case (.reported, .start): "a report is already waiting to be checked"
        case (.inProgress, .start): "work has already started"
        case (_, .accept), (_, .returnForRework): "there is no report waiting to be checked"
        default: "the transition is not allowed from this status"
        }
    }
}
