/// An order as a table of its schools by its actions, one mark per cell: which school is
/// behind on what, at a glance, a page of schools and of actions at a time.
struct MatrixPage: PageModel {
    static let template = "matrix"
    let title: String
    let user: PageUser?
    let orderHref: String
    let heading: String
    let base: String
    let overdueChecked: Bool
    let canChooseExecutor: Bool
    let executorName: String
    let filtered: Bool
    let columns: [Column]
    /// The rows, written by `MatrixRowsHTML`.
    let body: MatrixRowsHTML
    let hasRows: Bool
    /// «Мероприятия 13–24 из 1000».
    let columnNote: String
    let previousColumnsHref: String?
    let nextColumnsHref: String?
    let nextRowsHref: String?
    let firstRowsHref: String?
    let legend: [LegendItem]

    struct Column: Sendable {
        let number: String
        let title: String
        let href: String
    }

    /// Empty where the school is not an executor of the action.
    struct Cell: Sendable {
        let symbol: String
        /// «просрочено»; for recurring work with the count done («в работе: выполнено 3 из 12»).
        let name: String
        let cssClass: String?
        let href: String?
    }

    struct Row: Sendable {
        let name: String
        let href: String
        let overdue: Int
        let hasOverdue: Bool
        let cells: [Cell]
    }

    struct LegendItem: Sendable {
        let symbol: String
        let name: String
        let cssClass: String
    }
}
