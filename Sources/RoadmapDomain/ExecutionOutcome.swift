/// How one assignment stands in «сводка об исполнении» as of a day: done (on time or late),
/// overdue, not yet due, or cancelled.
///
/// Done by a day means a report was accepted and the work was done (the report's «дата
/// исполнения», `done_on`) by that day, however late the committee accepted it: a seminar
/// held on 25.10.2018 and accepted in May is done on 1 April. A report not yet accepted does
/// not count. On time means done on or before the due day in force (an approved extension
/// moves it); with no due day, any done work is on time.
public enum ExecutionOutcome: String, Sendable, CaseIterable, Hashable {
    case doneOnTime = "done_on_time"
    case doneLate = "done_late"
    case overdue
    case notYetDue = "not_yet_due"
    case cancelled

    /// - Parameters:
    ///   - status: the assignment's status now.
    ///   - dueOn: its due day in force, if any.
    ///   - doneOn: the work day of its accepted report, if one was accepted.
    ///   - date: the day the summary is made as of.
    public init(status: AssignmentStatus, dueOn: CalendarDate?, doneOn: CalendarDate?, asOf date: CalendarDate) {
        if status == .cancelled {
            self = .cancelled
        } else if status == .done, let doneOn, doneOn <= date {
            self = dueOn.map { doneOn <= $0 } ?? true ? .doneOnTime : .doneLate
        } else if let dueOn, dueOn < date {
            self = .overdue
        } else {
            self = .notYetDue
        }
    }

    public var isDone: Bool { self == .doneOnTime || self == .doneLate }

    /// As the summary's columns say it.
    public var russianName: String {
        switch self {
        case .doneOnTime: "выполнено в срок"
        case .doneLate: "выполнено с нарушением срока"
        case .overdue: "не выполнено, срок истёк"
        case .notYetDue: "срок не наступил"
        case .cancelled: "отменено"
        }
    }
}
