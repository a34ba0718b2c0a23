/// An order's public progress page: for anybody, without signing in. The plan with each
/// action's progress, each organisation's, and the open data's addresses; no person's name,
/// and a report's text only where the committee marked it public.
struct PublicOrderPage: PageModel {
    static let template = "public-order"
    let title: String
    let user: PageUser? = nil
    let heading: String
    let issuer: String
    let orderTitle: String
    let asOfRussian: String
    let publishedOn: String
    let csvHref: String
    let jsonHref: String
    let totals: Totals
    let goals: [Goal]
    let hasGoals: Bool
    let organizations: [Organization]
    let hasOrganizations: Bool

    struct Totals: Sendable {
        let total: Int
        let onTime: Int
        let late: Int
        let overdue: Int
        let notYetDue: Int
        let percent: Int
    }

    struct Goal: Sendable {
        let heading: String
        let actions: [Action]
    }

    struct Action: Sendable {
        let number: String
        let title: String
        let deadline: String
        let result: String?
        let done: Int
        let total: Int
        let percent: Int
        let overdue: Int?
        /// The organisations' lines when there are few; else a note pointing at the open data.
        let lines: [Line]
        let hasLines: Bool
        let many: String?
    }

    struct Line: Sendable {
        let organization: String
        let due: String
        let outcome: String
        let outcomeClass: String
        /// The work day, for work done only.
        let doneOn: String?
        let report: String?
    }

    struct Organization: Sendable {
        let name: String
        let totals: Totals
    }
}
