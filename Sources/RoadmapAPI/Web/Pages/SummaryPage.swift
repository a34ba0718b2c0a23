/// «Сводка об исполнении приказа» as of a day, made to be printed (A4, landscape) and sent
/// upward: the committee's header, totals per goal and task, each action with its executors'
/// outcomes and reports, the «исполнитель» and signature lines.
struct SummaryPage: PageModel {
    static let template = "summary"
    let title: String
    let user: PageUser?
    let orderHref: String
    let base: String
    let issuer: String
    let heading: String
    let orderTitle: String
    /// As typed in the form (ISO), and as printed.
    let asOfValue: String
    let asOfRussian: String
    let error: String?
    let totals: [TotalsRow]
    let goals: [Goal]
    let hasGoals: Bool
    let controller: String?

    struct TotalsRow: Sendable {
        let name: String
        let strong: Bool
        let total: Int
        let onTime: Int
        let late: Int
        let overdue: Int
        let notYetDue: Int
        let percent: Int
    }

    struct Line: Sendable {
        let executor: String
        let due: String
        let outcome: String
        let outcomeClass: String
        let doneOn: String
        let report: String
        let reportNote: String?
    }

    struct Action: Sendable {
        let number: String
        let title: String
        let deadline: String
        let counts: String
        let lines: [Line]
    }

    struct Goal: Sendable {
        let heading: String
        let actions: [Action]
    }
}
