/// Why the committee's decision on a report or an extension request was refused.
public enum DecisionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// It was decided before (accepted, returned, approved, rejected).
    case alreadyDecided(current: String)
    /// Returning a report or rejecting a request must say why.
    case commentRequired
    /// The assignment is done or cancelled: its deadline no longer moves.
    case assignmentClosed(AssignmentStatus)

    public var description: String {
        switch self {
        case .alreadyDecided(let current): "it was already \(current)"
        case .commentRequired: "a comment is required: say what must be done or why"
        case .assignmentClosed(let status): "the assignment is \(status.rawValue); its deadline cannot move"
        }
    }
}
