/// One assignment: its facts, the report and extension forms (with what was typed and the
/// error beside each field when refused), the committee's form to move the deadline, every
/// move so far (who, when, why), and the reports so far.
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
    let canMove: Bool
    let todayISO: String
    let extendMin: String
    let notice: String?
    let error: String?
    let hasReports: Bool
    let reports: [Report]
    let report: ReportInput
    let extensionRequest: DeadlineInput
    let move: DeadlineInput
    let hasMoves: Bool
    let moves: [Move]
    /// The file input's `accept`: the extensions evidence may have.
    let accept: String

    /// One move of the due day.
    struct Move: Sendable {
        let when: String
        let who: String
        let from: String
        let to: String
        let how: String
        let reason: String
    }


    struct Report: Sendable {
        let doneOn: String
        let text: String
        let status: String
        let comment: String
        let links: [String]
        let files: [EvidenceFile]
        let hasEvidence: Bool
        /// Whether its text is on the order's public page, and the switch (the committee's
        /// staff, an accepted report).
        let publication: ReportPublication?
    }

    struct ReportPublication: Sendable {
        let id: String
        let isPublic: Bool
    }

    /// A file attached to a report, downloaded from `/files/{id}`.
    struct EvidenceFile: Sendable {
        let id: String
        let name: String
        let size: String
    }

    /// The report form as the school left it.
    struct ReportInput: Sendable {
        var doneOn = ""
        var text = ""
        var evidence = ""
        var doneOnError: String?
        var textError: String?
        var evidenceError: String?
        /// Why the files were refused (they must be chosen again: a browser keeps no file).
        var filesError: String?
    }

    /// A new due date with its reason, as it was left: the school's extension request, or the
    /// committee's own move.
    struct DeadlineInput: Sendable {
        var dueOn = ""
        var reason = ""
        var dueOnError: String?
        var reasonError: String?
    }
}
