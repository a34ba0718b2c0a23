/// An order's progress over time: planned against done by month, as an SVG chart drawn on
/// the server with the same figures in a table beside it. Printable; no script.
struct ProgressPage: PageModel {
    static let template = "progress"
    let title: String
    let user: PageUser?
    let orderHref: String
    let heading: String
    let asOfRussian: String
    let chart: BurnUpChart?
    let chartDescription: String
    let rows: [Row]
    let hasRows: Bool
    let width = BurnUpChart.width
    let height = BurnUpChart.height
    let left = BurnUpChart.left

    struct Row: Sendable {
        let month: String
        let planned: Int
        let done: String
        let percent: String
    }
}
