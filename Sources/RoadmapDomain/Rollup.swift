/// The progress of any group of assignments — an action, task, goal, plan or order — as of one
/// date: counts per status, the share done, how many are overdue and the earliest deadline still
/// open. Roll-ups add up (`+`), so a plan's is the sum of its goals'; all parts must be computed
/// as of the same date.
public struct Rollup: Hashable, Sendable {
    /// Count per status; statuses with none are absent.
    public private(set) var counts: [AssignmentStatus: Int]
    /// Assignments that are not done or cancelled and whose due day is before the as-of date.
    public private(set) var overdue: Int
    /// The earliest due day among assignments neither done nor cancelled; nil when none.
    public private(set) var earliestOpenDeadline: CalendarDate?

    /// Nothing yet.
    public static let empty = Rollup(counts: [:], overdue: 0, earliestOpenDeadline: nil)

    /// A roll-up already aggregated elsewhere (by SQL over many assignments).
    public init(counts: [AssignmentStatus: Int], overdue: Int, earliestOpenDeadline: CalendarDate?) {
        self.counts = counts
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
        counts[fact.status, default: 0] += 1
        if fact.status.isOverdue(dueDay: fact.effectiveDueDay, asOf: date) { overdue += 1 }
        if !fact.status.isClosed, let due = fact.effectiveDueDay {
            earliestOpenDeadline = earliestOpenDeadline.map { min($0, due) } ?? due
        }
    }

    public func count(_ status: AssignmentStatus) -> Int { counts[status] ?? 0 }

    public var total: Int { counts.values.reduce(0, +) }

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
        for (status, count) in rhs.counts { result.counts[status, default: 0] += count }
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
        for (status, count) in part.counts {
            guard let have = rest.counts[status], have >= count else { return nil }
            rest.counts[status] = have == count ? nil : have - count
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
