/// Something an import did that a person should look at: a row skipped, a deadline kept as
/// text, a name matched by a guess. A value with its facts, so each adapter says it in its
/// own language (English on the CLI and API, Russian on the pages).
public struct ImportWarning: Hashable, Sendable, CustomStringConvertible {
    /// What happened.
    public enum Kind: Hashable, Sendable {
        /// A table row with text but no planned action was skipped.
        case rowWithoutAction
        /// A partner table's row with text but no partner was skipped.
        case rowWithoutPartner
        /// A deadline the parser understood but could not place in days (a month without a
        /// year, «постоянно» in a plan of no known period), kept as text; `reason` says why.
        case deadlineKeptAsText(text: String, reason: DeadlineError)
        /// An action from a plan table with no deadline: it has no due date.
        case noDeadline
        /// A deadline that could not be read, kept as text for a person.
        case deadlineUnreadable(text: String)
        /// A deadline that points to a schedule or an agreement the plan does not give («по
        /// графику ФЦТ», «по согласованию»): kept as text, no due date until a person sets one.
        case deadlineElsewhere(text: String)
        /// A recurring deadline in a plan whose period is unknown: no occurrences yet.
        case recurrenceWithoutPeriod(text: String)
        /// Agreements are marked, but the plan's owner was not given.
        case agreementsWithoutOwner
        /// An action dropped from the document still has reports: kept, its open work cancelled.
        case removedActionKept(title: String)
        /// Actions that name no executor (the table has no responsible column, or its cells
        /// are empty): nobody is given them until someone is assigned in the plan editor.
        case withoutExecutors(count: Int)
        /// An executor's name was taken to be an organisation by a probable match.
        case probableMatch(name: String, organization: String)
        /// A name for every school or kindergarten («ОО», «все ДОУ»), while the directory has
        /// none of them: kept on the actions as written, nobody given the work.
        case groupWithoutMembers(name: String, group: ExecutorGroup)
        /// The document has no header over its plan: which text is the action, the deadline and
        /// the executors was taken from what the cells hold.
        case columnsInferred(PlanTableLayout.Inference)
    }

    public var kind: Kind
    /// The document, when the warning is about a place in it.
    public var file: String?
    /// The place in the document, when known.
    public var location: SourceLocation?

    public init(_ kind: Kind, file: String? = nil, location: SourceLocation? = nil) {
        self.kind = kind
        self.file = file
        self.location = location
    }

    /// In English, for the CLI, the API and logs.
    public var description: String {
        let place = [file, location.map(\.description)].compactMap { $0 }.joined(separator: ", ")
        let prefix = place.isEmpty ? "" : "\(place): "
        switch kind {
        case .rowWithoutAction: return prefix + "a row with no planned action was skipped"
        case .rowWithoutPartner: return prefix + "a row with no partner was skipped"
        case .deadlineKeptAsText(let text, let reason): return prefix + "deadline «\(text)» kept as text: \(reason)"
        case .noDeadline: return prefix + "no deadline given; the action has no due date"
        case .deadlineUnreadable(let text): return prefix + "deadline «\(text)» could not be read; kept as text for a person"
        case .deadlineElsewhere(let text):
            return prefix + "deadline «\(text)» is not given by the plan but by another schedule, an agreement or an appointment; no due date until a person sets one"
        case .recurrenceWithoutPeriod(let text):
            return prefix + "«\(text)» recurs, but the plan's period is unknown; give the academic year to create its occurrences"
        case .agreementsWithoutOwner:
            return prefix + "the document marks agreements («Договор») but names no owner: give --owner to record them"
        case .removedActionKept(let title):
            return prefix + "«\(title)» is no longer in the document; it has reports, so it was kept and its open assignments cancelled"
        case .probableMatch(let name, let organization):
            return prefix + "«\(name)» was taken to be «\(organization)» (probable match); add it as an alias to confirm"
        case .groupWithoutMembers(let name, let group):
            let kinds = group.organizationKinds.map { $0 + "s" }.joined(separator: " or ")
            return prefix + "«\(name)» means every one of the \(kinds), but none is in the directory yet: kept as written, nobody was given the work; add them and import again"
        case .columnsInferred(let inference):
            let shape = switch inference {
            case .numberedList: "a numbered list"
            case .labelledItems: "paragraphs each followed by «Срок:» and «Отв.:» lines"
            case .headerlessTable: "a table without its header"
            case .datedList: "a list of items that open with their day or hour"
            case .alternatingLines: "deadline and action lines in turn"
            }
            return prefix + "the document has no table header: it was read as \(shape), its actions, deadlines and executors taken from what the text holds; check them before confirming"
        case .withoutExecutors(let count):
            return prefix + "\(count) action(s) name no executor, so nobody is assigned them; assign executors in the plan editor"
        }
    }
}
