/// One assignment: its facts, the report and extension forms (with what was typed and the
/// error beside each field when refused), and the reports so far.
struct AssignmentPage: PageModel {
    static let template = "assignment"
    let title: String
    let user: PageUser?
    let csrf: String
    let id: String
    let executor: String
    let deadline: String
    let due: String
    let moved: Bool
    let original: String
    let status: String
    let overdue: Bool
    let canReport: Bool
    let canExtend: Bool
    let todayISO: String
    let extendMin: String
    let notice: String?
    let error: String?
    let hasReports: Bool
    let reports: [Report]
    let report: ReportInput
    let extensionRequest: ExtensionInput

    struct Report: Sendable {
        let doneOn: String
        let text: String
        let status: String
        let comment: String
    }

    /// The report form as the school left it.
    struct ReportInput: Sendable {
        var doneOn = ""
        var text = ""
        var evidence = ""
        var doneOnError: String?
        var textError: String?
        var evidenceError: String?
    }

    /// The extension form as the school left it.
    struct ExtensionInput: Sendable {
        var dueOn = ""
        var reason = ""
        var dueOnError: String?
        var reasonError: String?
    }
}
