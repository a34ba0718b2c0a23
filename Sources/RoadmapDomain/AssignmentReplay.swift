import Foundation

/// How an assignment stood at a past moment, rebuilt from its history («как это выглядело
/// 1 апреля?»). The history records each change of status as an event (`reported`, `done`,
/// `returned`, `started`, `cancelled`, `reopened`, `created`) and each move of the due day
/// with the day it moved from; the state at a moment is the one the last change before it
/// left, and the due day the one the first move after it started from.
public enum AssignmentReplay {
    /// The events that set an assignment's status, by name.
    public static let statusEvents: [String: AssignmentStatus] = [
        "created": .planned, "reopened": .planned, "started": .inProgress, "reported": .reported,
        "done": .done, "returned": .returned, "cancelled": .cancelled,
    ]

    /// The event that moves a due day; its data holds `from` and `to`.
    public static let deadlineMoved = "deadline_moved"

    /// The status at a moment: set by `lastBefore`, the last status event at or before it.
    /// With none, the status an assignment starts with: planned, or cancelled when the first
    /// change after the moment reopened it. An assignment whose history records no change of
    /// status at all (loaded before the history was kept) has had its `current` status since
    /// it was created.
    public static func status(current: AssignmentStatus, lastBefore: String?, firstAfter: String?) -> AssignmentStatus {
        if let lastBefore, let status = statusEvents[lastBefore] { return status }
        guard let firstAfter, statusEvents[firstAfter] != nil else { return current }
        return firstAfter == "reopened" ? .cancelled : .planned
    }

    /// The due day at a moment: the day the first move after it moved from (an empty `from`
    /// means it had none), else the day due now.
    public static func dueDay(current: CalendarDate?, firstMoveAfterFrom: String?) -> CalendarDate? {
        guard let from = firstMoveAfterFrom else { return current }
        return CalendarDate(iso: from)
    }
}
