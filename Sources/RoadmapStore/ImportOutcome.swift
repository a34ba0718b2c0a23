import Foundation
import RoadmapDomain

/// What an import created or would create: the counts and names `roadmapctl import
/// --format json` prints.
public struct ImportOutcome: Sendable, Equatable, Encodable {
    public struct OrderSummary: Sendable, Equatable, Encodable {
        public var number: String
        public var date: String
        public var issuer: String

        public init(number: String, date: String, issuer: String) {
            self.number = number
            self.date = date
            self.issuer = issuer
        }
    }

    public var order: OrderSummary?
    /// The order and the plan written (nil on a dry run, or for a plan with no order): what
    /// `order withdraw` / `plan withdraw` take to undo the import.
    public var orderID: UUID?
    public var planID: UUID?
    public var goals: Int
    public var tasks: Int
    public var actions: Int
    /// Executor organisations and person roles, as matched or created.
    public var executors: [String]
    public var partners: [String]
    public var deadlinesUnparsed: Int
    public var warnings: [ImportWarning]
    /// Organisations the import created because no known one matched.
    public var createdOrganizations: [String]
    /// Names a coordinator chose to mean a known organisation, now its aliases: «name → organisation».
    public var addedAliases: [String] = []
    /// Names that stood for a whole kind of organisation («ОО», «все ДОУ»), as written: the
    /// preview page offers each a choice (not part of the API's answer).
    public var groups: [String] = []
    /// Names taken for persons or posts by how they read («Классные руководители», «Петрова
    /// И.И.»), as written, no coordinator having said so: the preview page lets one say a name
    /// is an organisation after all (not part of the API's answer, whose preview tags them).
    public var persons: [String] = []
    /// Names that fit several known organisations equally well, with those organisations: a
    /// dry run lists them for a person to choose (`--alias NAME=ID`, the import page's choice);
    /// an import refuses them.
    public var ambiguousOrganizations: [AmbiguousName] = []
    /// Assignments created by this run (0 on a repeated import).
    public var assignmentsCreated: Int
    /// True when the run changed any row; false for a repeated import of the same file.
    public var changed: Bool
    /// True when nothing was written (`--dry-run`).
    public var dryRun: Bool
    /// The plan as read, action by action (a dry run only).
    public var preview: ImportPreview?
    /// The academic year the plan's months without a year were read in (2024 = 2024/2025):
    /// the one given to the import, else the one the document names; nil when neither.
    public var academicYear: Int?

    enum CodingKeys: String, CodingKey {
        case orderID = "order_id"
        case planID = "plan_id"
        case order, goals, tasks, actions, executors, partners, warnings, changed, preview
        case deadlinesUnparsed = "deadlines_unparsed"
        case createdOrganizations = "created_organizations"
        case addedAliases = "added_aliases"
        case ambiguousOrganizations = "ambiguous_organizations"
        case assignmentsCreated = "assignments_created"
        case dryRun = "dry_run"
        case academicYear = "academic_year"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let order { try container.encode(order, forKey: .order) } else { try container.encodeNil(forKey: .order) }
        try container.encodeIfPresent(orderID?.lowercased, forKey: .orderID)
        try container.encodeIfPresent(planID?.lowercased, forKey: .planID)
        try container.encode(goals, forKey: .goals)
        try container.encode(tasks, forKey: .tasks)
        try container.encode(actions, forKey: .actions)
        try container.encode(executors, forKey: .executors)
        try container.encode(partners, forKey: .partners)
        try container.encode(deadlinesUnparsed, forKey: .deadlinesUnparsed)
        try container.encode(warnings.map(\.description), forKey: .warnings)
        try container.encode(createdOrganizations, forKey: .createdOrganizations)
        try container.encode(addedAliases, forKey: .addedAliases)
        try container.encode(ambiguousOrganizations, forKey: .ambiguousOrganizations)
        try container.encode(assignmentsCreated, forKey: .assignmentsCreated)
        try container.encode(changed, forKey: .changed)
        try container.encode(dryRun, forKey: .dryRun)
        try container.encodeIfPresent(preview, forKey: .preview)
        try container.encodeIfPresent(academicYear, forKey: .academicYear)
    }
}

/// Why an import was refused. Nothing was written.
public enum ImportError: Error, Equatable, CustomStringConvertible {
    /// Neither the document nor the flags give the order's number, date and issuer, and
    /// the plan has no title to be found again by.
    case orderIncomplete(String)
    /// `--strict` and executors that match no known organisation.
    case unknownOrganizations([String])
    /// Names that fit several organisations equally well: a person must choose.
    case ambiguousOrganizations([AmbiguousName])
    /// Organisations chosen for executor names that are none, or several, of the known ones.
    case choicesRefused([RefusedChoice])
    /// The document's order or plan was withdrawn: importing it again would bring it back
    /// piecemeal, so an administrator restores it first.
    case withdrawn(String)
    /// An academic year given to the import outside `AcademicYear.supported`: a typo, not a plan's year.
    case academicYearUnsupported(Int)

    public var description: String {
        switch self {
        case .orderIncomplete(let detail):
            return "the order is incomplete: \(detail); give --order NUMBER --date YYYY-MM-DD --issuer NAME"
        case .unknownOrganizations(let names):
            return "--strict: \(names.count) executor(s) match no known organisation: \(names.map { "«\($0)»" }.joined(separator: ", ")); add them with `roadmapctl org add` or as aliases"
        case .ambiguousOrganizations(let names):
            return names.map(\.description).joined(separator: "; ")
                + ": choose one for each (--alias NAME=ID, --new-organization NAME, or --person NAME); if they are one organisation, merge them (`roadmapctl org merge KEPT REMOVED`)"
        case .choicesRefused(let refused):
            return "the organisations chosen for executors are not known: " + refused.map(\.description).joined(separator: "; ")
        case .withdrawn(let what):
            return "\(what) was withdrawn; an administrator restores it first (`roadmapctl order restore` or `roadmapctl plan restore`)"
        case .academicYearUnsupported(let year):
            return "the academic year \(year) is not one of \(AcademicYear.supported.lowerBound)–\(AcademicYear.supported.upperBound); give the year it starts in (2024 for 2024/2025)"
        }
    }
}

/// How to import.
public struct ImportOptions: Sendable {
    /// Write nothing; report what would be created.
    public var dryRun: Bool
    /// Refuse executors that match no known organisation instead of creating them.
    public var strict: Bool
    /// The order's number, date and issuer when the document has no header, or to override it.
    public var orderNumber: String?
    public var orderDate: CalendarDate?
    public var issuer: String?
    /// The organisation whose own plan this is (a school's plan with its partners).
    public var owner: String?
    /// Executor names, as written, taken as a known organisation or as a person instead of
    /// created (the import page's choices).
    public var executorChoices: [String: ExecutorChoice]

    public init(dryRun: Bool = false, strict: Bool = false, orderNumber: String? = nil, orderDate: CalendarDate? = nil,
                issuer: String? = nil, owner: String? = nil,
                executorChoices: [String: ExecutorChoice] = [:]) {
        self.executorChoices = executorChoices
        self.dryRun = dryRun
        self.strict = strict
        self.orderNumber = orderNumber
        self.orderDate = orderDate
        self.issuer = issuer
        self.owner = owner
    }
}
