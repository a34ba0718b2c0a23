import RoadmapDomain

/// The geometry of a burn-up chart drawn as SVG on the server: polylines of planned and done
/// work in a fixed view box, ticks and month labels. No script draws anything.
struct BurnUpChart: Sendable {
    struct Tick: Sendable {
        let x: Int
        let y: Int
        let label: String
    }

    static let width = 760
    static let height = 280
    static let left = 52
    static let right = 36
    static let top = 12
    static let bottom = 36

    let planned: String
    let done: String
    let yTicks: [Tick]
    let xLabels: [Tick]
    let baseline: Int
    let plotRight: Int

    init(_ burnUp: BurnUp) {
        let points = burnUp.points
        let peak = max(burnUp.peak, 1)
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        func x(_ index: Int) -> Int { Self.left + (points.count > 1 ? index * plotWidth / (points.count - 1) : plotWidth / 2) }
        func y(_ value: Int) -> Int { Self.top + plotHeight - value * plotHeight / peak }
        planned = points.enumerated().map { "\(x($0.offset)),\(y($0.element.planned))" }.joined(separator: " ")
        done = points.enumerated().compactMap { index, point in point.done.map { "\(x(index)),\(y($0))" } }.joined(separator: " ")
        yTicks = Array(Set([0, peak / 2, peak])).sorted().map { Tick(x: Self.left - 6, y: y($0), label: String($0)) }
        let step = max(1, (points.count + 11) / 12)
        xLabels = points.enumerated().filter { $0.offset % step == 0 }.map { index, point in
            Tick(x: x(index), y: Self.height - Self.bottom + 18,
                 label: "\(point.month.month < 10 ? "0" : "")\(point.month.month).\(point.month.year)")
        }
        baseline = Self.top + plotHeight
        plotRight = Self.width - Self.right
    }
}
