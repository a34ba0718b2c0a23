/// Where one assignment (one action × one executor × one occurrence) stands, and the state
/// machine that moves it:
///
/// | from \ transition | start       | submitReport | accept | returnForRework | cancel    |
/// |-------------------|-------------|--------------|--------|-----------------|-----------|
/// | planned           | in_progress | reported     | –      | –               | cancelled |
/// | in_progress       | –           | reported     | –      | –               | cancelled |
/// | reported          | –           | –            | done   | returned        | cancelled |
/// | returned          | in_progress | reported     | –      | –               | cancelled |
/// | done              | –           | –            | –      | –               | –         |
/// | cancelled         | –           | –            | –      | –               | –         |
///
/// `done` and `cancelled` are final: a cancelled assignment accepts nothing, a done one accepts
/// no new report. A returned assignment can be reported again. Overdue is not a status: it is
/// derived (`isOverdue(dueDay:asOf:)`) and never stored.
public enum AssignmentStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case planned
    case inProgress = "in_progress"
    case reported
    case done
    case returned
    case cancelled

    /// The Russian name pages show.
    public var russianName: String {
        switch self {
        case .planned: "запланировано"
        case .inProgress: "в работе"
        case .reported: "на проверке"
        case .done: "выполнено"
        case .returned: "возвращено"
        case .cancelled: "отменено"
        }
    }

    /// The Russian name of the derived overdue state.
    public static let overdueRussianName = "просрочено"

    /// Done or cancelled: nothing more happens, and it is never overdue.
    public var isClosed: Bool { self == .done || self == .cancelled }

    /// The status `transition` leads to, or nil when it is not allowed from here.
    public func target(of transition: AssignmentTransition) -> AssignmentStatus? {
        switch (self, transition) {
        case (.planned, .start), (.returned, .start): .inProgress
        case (.planned, .submitReport), (.inProgress, .submitReport), (.returned, .submitReport): .reported
        case (.reported, .accept): .done
        case (.reported, .returnForRework): .returned
        case (.planned, .cancel), (.inProgress, .cancel), (.reported, .cancel), (.returned, .cancel): .cancelled
        default: nil
        }
    }

    public func allows(_ transition: AssignmentTransition) -> Bool {
        target(of: transition) != nil
    }

    /// The status after `transition`; throws when the state machine forbids it.
    public func applying(_ transition: AssignmentTransition) throws(StatusTransitionError) -> AssignmentStatus {
        guard let target = target(of: transition) else {
            throw StatusTransitionError(status: self, transition: transition)
        }
        return target
    }

    /// Overdue as DESIGN.md defines it: not done or cancelled, and the due day is before the
    /// as-of date (the due day itself is not overdue). No due day, never overdue.
    public func isOverdue(dueDay: CalendarDate?, asOf date: CalendarDate) -> Bool {
        guard !isClosed, let dueDay else { return false }
        return dueDay < date
    }
}
