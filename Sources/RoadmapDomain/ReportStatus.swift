/// Where a report («отчёт об исполнении») stands, and what the committee may decide:
///
/// | from \ decision | accept   | returnForRework (comment required) |
/// |-----------------|----------|------------------------------------|
/// | submitted       | accepted | returned                           |
/// | accepted        | –        | –                                  |
/// | returned        | –        | –                                  |
///
/// A decision is final; a returned report is followed by a new one, never reopened.
public enum ReportStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case submitted
    case accepted
    case returned

    /// What the committee decides about a submitted report.
    public enum Decision: String, CaseIterable, Hashable, Sendable {
        /// «Снять с контроля»: the assignment is done.
        case accept
        /// «Вернуть на доработку»: the school must say more or do more; a comment says what.
        case returnForRework

        /// What the decision does to the report's assignment.
        public var assignmentTransition: AssignmentTransition {
            switch self {
            case .accept: .accept
            case .returnForRework: .returnForRework
            }
        }
    }

    /// The Russian name pages show.
    public var russianName: String {
        switch self {
        case .submitted: "на проверке"
        case .accepted: "принят"
        case .returned: "возвращён на доработку"
        }
    }

    /// The status after `decision`, with the comment it needs: returning needs one.
    public func deciding(_ decision: Decision, comment: String?) throws(DecisionError) -> ReportStatus {
        guard self == .submitted else { throw .alreadyDecided(current: rawValue) }
        switch decision {
        case .accept:
            return .accepted
        case .returnForRework:
            guard let comment, !comment.isEmpty else { throw .commentRequired }
            return .returned
        }
    }
}
