/// What a roll-up counts about one assignment: its status and its due day, moved by an approved
/// extension when there is one.
public struct AssignmentFact: Hashable, Sendable {
    public let status: AssignmentStatus
    /// The last day of the assignment's deadline occurrence; nil when it has none.
    public let dueDay: CalendarDate?
    /// The due day after an approved extension («перенос срока»), which replaces `dueDay`.
    public let extendedDueDay: CalendarDate?

    public init(status: AssignmentStatus, dueDay: CalendarDate?, extendedDueDay: CalendarDate? = nil) {
        self.status = status
        self.dueDay = dueDay
        self.extendedDueDay = extendedDueDay
    }

    /// The due day in force.
    public var effectiveDueDay: CalendarDate? { extendedDueDay ?? dueDay }
}
