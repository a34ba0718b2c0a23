/// Planned against done by month for an order («выполнение нарастающим итогом»): for each
/// month from the first due or work day to the last, how many assignments were due by its end
/// and how many were done by it —
/// done by a day meaning, as everywhere, an accepted report whose work day is on or before
/// it. Months with nothing new are kept, so the series has no gaps.
public struct BurnUp: Hashable, Sendable {
    public struct Point: Hashable, Sendable {
        /// The month's first day.
        public let month: CalendarDate
        /// Due by the month's end, cumulative.
        public let planned: Int
        /// Done by the month's end, cumulative; nil for months after the as-of day's.
        public let done: Int?
    }

    public let points: [Point]

    /// - Parameters:
    ///   - due: assignments falling due per month (keyed by the month's first day).
    ///   - done: assignments done per month of their work day.
    ///   - asOf: no «done» is drawn after this day's month.
    public init(due: [CalendarDate: Int], done: [CalendarDate: Int], asOf: CalendarDate) {
        let months = Set(due.keys).union(done.keys)
        guard let first = months.min(), let last = months.max() else {
            points = []
            return
        }
        let current = asOf.firstOfMonth
        var points: [Point] = []
        var planned = 0
        var finished = 0
        var month: CalendarDate? = first
        while let day = month, day <= last {
            planned += due[day] ?? 0
            finished += done[day] ?? 0
            points.append(Point(month: day, planned: planned, done: day <= current ? finished : nil))
            month = day.firstOfNextMonth
        }
        self.points = points
    }

    /// The most any point reaches: the top of a chart's scale.
    public var peak: Int { points.map { max($0.planned, $0.done ?? 0) }.max() ?? 0 }
}
