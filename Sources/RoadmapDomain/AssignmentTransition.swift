/// What a person does to an assignment: the executor starts work and submits a report; the
/// committee accepts the report («снять с контроля»), returns it for rework («вернуть на
/// доработку») or cancels the assignment. Raw values are what events and the API record.
public enum AssignmentTransition: String, CaseIterable, Codable, Hashable, Sendable {
    case start
    case submitReport = "submit_report"
    case accept
    case returnForRework = "return_for_rework"
    case cancel
}
