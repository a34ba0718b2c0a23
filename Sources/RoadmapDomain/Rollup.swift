/// The progress of any group of assignments — an action, task, goal, plan or order — as of one
/// date: counts per status, the share done, how many are overdue and the earliest deadline still
/// open. Roll-ups add up (`+`), so a plan's is the sum of its goals'; all parts must be computed
/// as of the same date.
public struct Rollup: Hashable, Sendable {
    /// Six numbers, one per status, rather than a dictionary: a plan's tree adds up a thousand
    /// actions' roll-ups into tasks, goals and plans, and a dictionary per roll-up cost an
    /// allocation and a hash at every step.
    private struct StatusCounts: Hashable, Sendable {
        var planned = 0, inProgress = 0, reported = 0, done = 0, returned = 0, cancelled = 0

        subscript(status: AssignmentStatus) -> Int {
            get {
                switch status {
                case .planned: planned
                case .inProgress: inProgress
                case .reported: reported
                case .done: done
                case .returned: returned
                case .cancelled: cancelled
                }
            }
            set {
                switch status {
                case .planned: planned = newValue
                case .inProgress: inProgress = newValue
                case .reported: reported = newValue
                case .done: done = newValue
                case .returned: returned = newValue
                case .cancelled: cancelled = newValue
                }
            }
        }

        var total: Int { planned + inProgress + reported + done + returned + cancelled }
    }

    private var tally: StatusCounts
    /// Count per status; statuses with none are absent.
    public var counts: [AssignmentStatus: Int] {
        var counts: [AssignmentStatus: Int] = [:]
        for status in AssignmentStatus.allCases where tally[status] != 0 { counts[status] = tally[status] }
        return counts
    }
    /// Assignments that are not done or cancelled and whose due day is before the as-of date.
    public private(set) var overdue: Int
    /// The earliest due day among assignments neither done nor cancelled; nil when none.
    public private(set) var earliestOpenDeadline: CalendarDate?

    /// Nothing yet.
    public static let empty = Rollup(counts: [:], overdue: 0, earliestOpenDeadline: nil)

    /// A roll-up already aggregated elsewhere (by SQL over many assignments).
    public init(counts: [AssignmentStatus: Int], overdue: Int, earliestOpenDeadline: CalendarDate?) {
        tally = StatusCounts()
        for (status, count) in counts { tally[status] = count }
        self.overdue = overdue
        self.earliestOpenDeadline = earliestOpenDeadline
    }

    /// Rolls up `facts` as of `date`.
    public init(_ facts: some Sequence<AssignmentFact>, asOf date: CalendarDate) {
        self = .empty
        for fact in facts { add(fact, asOf: date) }
    }

    /// Counts one more assignment.
    public mutating func add(_ fact: AssignmentFact, asOf date: CalendarDate) {
        tally[fact.status] += 1
        if fact.status.isOverdue(dueDay: fact.effectiveDueDay, asOf: date) { overdue += 1 }
        if !fact.status.isClosed, let due = fact.effectiveDueDay {
            earliestOpenDeadline = earliestOpenDeadline.map { min($0, due) } ?? due
        }
    }

    /// Counts `n` more assignments in `status` (read already counted, as from SQL).
    public mutating func add(_ n: Int, in status: AssignmentStatus) {
        tally[status] += n
    }

    public func count(_ status: AssignmentStatus) -> Int { tally[status] }

    public var total: Int { tally.total }

    /// Neither done nor cancelled.
    public var open: Int { total - count(.done) - count(.cancelled) }

    /// done / (total − cancelled); 0 when nothing is left to do.
    public var shareDone: Double {
        let relevant = total - count(.cancelled)
        return relevant == 0 ? 0 : Double(count(.done)) / Double(relevant)
    }

    /// The sum of two roll-ups (a parent of two children).
    public static func + (lhs: Rollup, rhs: Rollup) -> Rollup {
        var result = lhs
        for status in AssignmentStatus.allCases { result.tally[status] += rhs.tally[status] }
        result.overdue += rhs.overdue
        if let due = rhs.earliestOpenDeadline {
            result.earliestOpenDeadline = result.earliestOpenDeadline.map { min($0, due) } ?? due
        }
        return result
    }

    /// The whole without `part`, a group of its assignments none of which is overdue: what is
    /// left of a goal once its actions on time are left out («только просроченные»). Counts and
    /// overdue are subtracted; the earliest open deadline stays the whole's, which is right when
    /// the rest has overdue work (its deadline is then before every open one of `part`). Nil when
    /// the answer would not be exact: `part` has overdue work or is not inside the whole, or the
    /// rest has open work but none overdue. Removing nothing leaves the whole as it is.
    public func removing(onTime part: Rollup) -> Rollup? {
        if part == .empty { return self }
        guard part.overdue == 0, part.overdue <= overdue else { return nil }
        var rest = self
        for status in AssignmentStatus.allCases {
            guard rest.tally[status] >= part.tally[status] else { return nil }
            rest.tally[status] -= part.tally[status]
        }
        rest.overdue -= part.overdue
        if rest.open == 0 {
            rest.earliestOpenDeadline = nil
        } else if rest.overdue == 0 {
            return nil
        }
        return rest
    }

    /// The sum of many roll-ups.
    public static func combining(_ parts: some Sequence<Rollup>) -> Rollup {
        parts.reduce(.empty, +)
    }
}
