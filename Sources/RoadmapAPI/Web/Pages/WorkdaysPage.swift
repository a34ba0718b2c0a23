/// The production calendar for administrators: the loaded years with their days off and
/// transferred working days, a form that sets one day, and one that loads a year's file.
struct WorkdaysPage: PageModel {
    static let template = "workdays"
    let title = "Производственный календарь"
    let user: PageUser?
    let csrf: String
    let notice: String?
    let error: String?
    let years: [Year]
    let hasYears: Bool
    /// What was typed into the forms, kept when refused.
    let day: String
    let note: String
    let fileText: String
    let source: String

    struct Year: Sendable {
        let year: Int
        let source: String
        let days: [Day]
    }

    struct Day: Sendable {
        let day: String
        let weekday: String
        let kind: String
        let note: String
    }
}
