/// Where a request to move a deadline («перенос срока») stands, and what the committee may
/// decide:
///
/// | from \ decision | approve  | reject (comment required) |
/// |-----------------|----------|---------------------------|
/// | requested       | approved | rejected                  |
/// | approved        | –        | –                         |
/// | rejected        | –        | –                         |
///
/// Approving moves the assignment's due day, which an assignment already done or cancelled
/// no longer has to meet; a refusal says why, so the school knows what to do instead.
public enum ExtensionStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case requested
    case approved
    case rejected

    /// What the committee decides about a request.
    public enum Decision: String, CaseIterable, Hashable, Sendable {
        case approve
        case reject
    }

    /// The Russian name pages show.
    public var russianName: String {
        switch self {
        case .requested: "ожидает решения"
        case .approved: "срок перенесён"
        case .rejected: "отказано"
        }
    }

    /// The status after `decision` on a request for an assignment in `assignment`'s status.
    public func deciding(_ decision: Decision, comment: String?, assignment: AssignmentStatus) throws(DecisionError) -> ExtensionStatus {
        guard self == .requested else { throw .alreadyDecided(current: rawValue) }
        switch decision {
        case .approve:
            guard !assignment.isClosed else { throw .assignmentClosed(assignment) }
            return .approved
        case .reject:
            guard let comment, !comment.isEmpty else { throw .commentRequired }
            return .rejected
        }
    }
}
