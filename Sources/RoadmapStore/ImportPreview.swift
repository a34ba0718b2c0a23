import RoadmapDomain

/// The plan as an import read it, action by action, for a person to check before
/// confirming: the section, the title, the deadline as written and the period read from it,
/// and each executor as matched, new or a person. Kept for a dry run, the first
/// `actionLimit` actions and `executorLimit` executors of each.
public struct ImportPreview: Sendable, Equatable, Encodable {
    public static let actionLimit = 200
    public static let executorLimit = 20

    /// How an executor's name was taken.
    public enum Match: String, Sendable, Equatable, Encodable {
        /// A known organisation, by its name or an alias.
        case matched
        /// A known organisation matched only probably (by the parts of the name): to confirm.
        case probable
        /// No organisation matched: one will be created.
        case new
        /// A person, post or role: kept on the action, not an organisation.
        case person
        /// A whole kind of organisation («ОО», «все ДОУ»): every one of them the committee has.
        case group
        /// Fits several known organisations equally well: a person chooses (see
        /// `ImportOutcome.ambiguousOrganizations`); the import refuses it until then.
        case ambiguous
    }

    public struct Executor: Sendable, Equatable, Encodable {
        /// As written in the document.
        public var written: String
        /// The organisation it was taken to be (for `.matched` and `.new`).
        public var organization: String?
        public var match: Match
        /// For `.group`: how many organisations it stands for.
        public var members: Int? = nil
    }

    public struct Action: Sendable, Equatable, Encodable {
        public var section: String?
        public var title: String
        public var deadline: String
        /// The period read, as «2019-03-01..2019-03-31»; nil when none was (or the text has no date).
        public var period: String?
        public var deadlineRead: Bool
        public var executors: [Executor]
        /// Executors beyond `executorLimit`, not listed.
        public var moreExecutors: Int

        enum CodingKeys: String, CodingKey {
            case section, title, deadline, period, executors
            case deadlineRead = "deadline_read"
            case moreExecutors = "more_executors"
        }
    }

    public var actions: [Action] = []
    /// Actions beyond `actionLimit`, not listed.
    public var moreActions = 0

    enum CodingKeys: String, CodingKey {
        case actions
        case moreActions = "more_actions"
    }
}
