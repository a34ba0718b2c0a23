/// The review queue: each waiting report with «Принять» and «Вернуть на доработку», each
/// extension request with «Перенести срок» and «Отказать»; a refused decision comes back
/// with the comment typed and the error beside it.
struct ReviewPage: PageModel {
    static let template = "review"
    let title = "Отчёты на проверке"
    let user: PageUser?
    let csrf: String
    let notice: String?
    let error: String?
    let count: Int
    let hasReports: Bool
    let reports: [Report]
    let extensionCount: Int
    let hasExtensions: Bool
    let extensions: [Request]

    struct Report: Sendable {
        let id: String
        let assignment: String
        let executor: String
        let title: String
        let doneOn: String
        let text: String
        let links: [String]
        let hasLinks: Bool
        let files: [AssignmentPage.EvidenceFile]
        let hasFiles: Bool
        let version: Int
        let comment: String
        let commentError: String?
    }

    struct Request: Sendable {
        let id: String
        let assignment: String
        let executor: String
        let title: String
        let current: String
        let requested: String
        let reason: String
        let version: Int
        let comment: String
        let commentError: String?
    }

    /// What was typed into one form of the page, and why it was refused.
    struct Typed: Sendable {
        let id: String
        let comment: String
        let error: String
    }
}
