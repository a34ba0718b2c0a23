/// The totals of «сводка об исполнении» for any group of assignments (an action, a task, a
/// goal, an order): how many are done on time, done late, overdue and not yet due as of one
/// day. Cancelled work is counted apart and is not part of `total`. Tallies add up.
public struct ExecutionTally: Hashable, Sendable {
    public private(set) var counts: [ExecutionOutcome: Int] = [:]

    public static let empty = ExecutionTally()

    public init() {}

    public init(_ outcomes: some Sequence<ExecutionOutcome>) {
        for outcome in outcomes { add(outcome) }
    }

    public mutating func add(_ outcome: ExecutionOutcome) {
        counts[outcome, default: 0] += 1
    }

    public func count(_ outcome: ExecutionOutcome) -> Int { counts[outcome] ?? 0 }

    /// Everything not cancelled.
    public var total: Int { counts.filter { $0.key != .cancelled }.values.reduce(0, +) }
    public var done: Int { count(.doneOnTime) + count(.doneLate) }

    /// Done, in whole percent of the total (rounded down); 0 when there is nothing to do.
    public var percentDone: Int { total == 0 ? 0 : done * 100 / total }

    /// Done on time, in whole percent of the total (rounded down); 0 when there is nothing to do.
    public var percentOnTime: Int { total == 0 ? 0 : count(.doneOnTime) * 100 / total }

    /// Who is further behind, for a ranking that starts with those most behind: a smaller
    /// share done on time, then more overdue work.
    public static func isFurtherBehind(_ lhs: ExecutionTally, than rhs: ExecutionTally) -> Bool {
        let left = lhs.total == 0 ? 1.0 : Double(lhs.count(.doneOnTime)) / Double(lhs.total)
        let right = rhs.total == 0 ? 1.0 : Double(rhs.count(.doneOnTime)) / Double(rhs.total)
        if left != right { return left < right }
        return lhs.count(.overdue) > rhs.count(.overdue)
    }

    public static func + (lhs: ExecutionTally, rhs: ExecutionTally) -> ExecutionTally {
        var result = lhs
        for (outcome, count) in rhs.counts { result.counts[outcome, default: 0] += count }
        return result
    }
}
