/// The one state a compact cell shows for a group of assignments (one school's work on one
/// action, which a recurring deadline makes several): what most needs a person's attention.
///
/// Overdue work comes first, then a report returned to the school, then one waiting for the
/// committee, then work under way or planned; only when everything is done (or cancelled)
/// does the cell say done. An empty group has no mark.
public enum ProgressMark: String, Sendable, CaseIterable {
    case overdue
    case returned
    case reported
    case inProgress = "in_progress"
    case planned
    case done
    case cancelled

    public init?(_ rollup: Rollup) {
        if rollup.total == 0 { return nil }
        if rollup.overdue > 0 {
            self = .overdue
        } else if rollup.count(.returned) > 0 {
            self = .returned
        } else if rollup.count(.reported) > 0 {
            self = .reported
        } else if rollup.count(.inProgress) > 0 {
            self = .inProgress
        } else if rollup.count(.planned) > 0 {
            self = .planned
        } else if rollup.count(.done) > 0 {
            self = .done
        } else {
            self = .cancelled
        }
    }

    /// The state's name as the pages say it.
    public var russianName: String {
        switch self {
        case .overdue: AssignmentStatus.overdueRussianName
        case .returned: AssignmentStatus.returned.russianName
        case .reported: AssignmentStatus.reported.russianName
        case .inProgress: AssignmentStatus.inProgress.russianName
        case .planned: AssignmentStatus.planned.russianName
        case .done: AssignmentStatus.done.russianName
        case .cancelled: AssignmentStatus.cancelled.russianName
        }
    }

    /// One character for a cell of a wide table; the name goes beside it for screen readers.
    public var symbol: String {
        switch self {
        case .overdue: "!"
        case .returned: "↩"
        case .reported: "?"
        case .inProgress: "…"
        case .planned: "·"
        case .done: "✓"
        case .cancelled: "—"
        }
    }
}
