/// A plan read out of a document, before it is written: what an import would create.
/// One document holds one plan (the order's «дорожная карта», or a school's own plan).
public struct PlanDraft: Sendable, Equatable {
    /// The source file name, for messages.
    public var sourceName: String
    /// The order approving the plan, when the document carries its header.
    public var order: OrderHeader?
    public var title: String
    /// 2022 for a plan written for the 2022–2023 academic year.
    public var academicYear: Int?
    /// The period the plan covers, when the document says (or the order implies) one.
    public var period: DatePeriod?
    public var goals: [GoalDraft]
    /// Things a person should look at; the import goes on.
    public var warnings: [ImportWarning]

    public init(sourceName: String, order: OrderHeader? = nil, title: String = "", academicYear: Int? = nil,
                period: DatePeriod? = nil, goals: [GoalDraft] = [], warnings: [ImportWarning] = []) {
        self.sourceName = sourceName
        self.order = order
        self.title = title
        self.academicYear = academicYear
        self.period = period
        self.goals = goals
        self.warnings = warnings
    }

    public var taskCount: Int { goals.reduce(0) { $0 + $1.tasks.count } }
    public var actionCount: Int { goals.reduce(0) { $0 + $1.actions.count } }
    public var actions: [ActionDraft] { goals.flatMap(\.actions) }
}

/// The header of an order («приказ»): who issued it, its number and date, its title, who
/// signed it and who controls execution («контроль … оставляю за собой» = the signatory).
public struct OrderHeader: Sendable, Equatable {
    public var number: String?
    public var date: CalendarDate?
    /// The body that issued the order («Комитет образования»).
    public var issuer: String?
    /// The body the issuer belongs to, when the header names one («Администрация города
    /// Тамбова Тамбовской области»).
    public var parentBody: String?
    public var title: String?
    public var signatory: String?
    public var controller: String?

    public init(number: String? = nil, date: CalendarDate? = nil, issuer: String? = nil, title: String? = nil,
                signatory: String? = nil, controller: String? = nil, parentBody: String? = nil) {
        self.number = number
        self.date = date
        self.issuer = issuer
        self.parentBody = parentBody
        self.title = title
        self.signatory = signatory
        self.controller = controller
    }
}

/// A goal with its tasks and actions, in document order.
public struct GoalDraft: Sendable, Equatable {
    public var title: String
    public var expectedResult: String?
    public var tasks: [TaskDraft]
    public var actions: [ActionDraft]
    /// The direction of work the goal belongs to in a partners' table («Образовательные
    /// связи»), whose goal is the title; nil elsewhere.
    public var direction: String?

    public init(title: String, expectedResult: String? = nil, tasks: [TaskDraft] = [], actions: [ActionDraft] = [],
                direction: String? = nil) {
        self.title = title
        self.expectedResult = expectedResult
        self.tasks = tasks
        self.actions = actions
        self.direction = direction
    }
}

/// A task of a goal; `position` is its number in the document (1-based).
public struct TaskDraft: Sendable, Equatable {
    public var position: Int
    public var title: String

    public init(position: Int, title: String) {
        self.position = position
        self.title = title
    }
}

/// A planned action: its deadline parsed in the plan's context, its executors split and
/// classified, its partners.
public struct ActionDraft: Sendable, Equatable {
    public var title: String
    public var expectedResult: String?
    public var venue: String?
    public var deadline: Deadline
    /// Organisations and person roles, as `ExecutorList` split the cell.
    public var executors: [Executor]
    public var partners: [PartnerDraft]
    /// Positions of the goal's tasks this action serves (empty: not stated).
    public var taskPositions: [Int]
    /// Where the action's row starts, for messages.
    public var location: SourceLocation
    /// The section («раздел») the action stands in: a heading row spanning the table
    /// («I. Нормативно-правовое обеспечение»), a grouping of its own, not a goal.
    public var section: String?

    public init(title: String, expectedResult: String? = nil, venue: String? = nil, deadline: Deadline,
                executors: [Executor] = [], partners: [PartnerDraft] = [], taskPositions: [Int] = [],
                location: SourceLocation = SourceLocation(), section: String? = nil) {
        self.section = section
        self.title = title
        self.expectedResult = expectedResult
        self.venue = venue
        self.deadline = deadline
        self.executors = executors
        self.partners = partners
        self.taskPositions = taskPositions
        self.location = location
    }
}

/// A social partner of an action: the organisation, whether an agreement («договор»)
/// exists, the forms of interaction and the expected social effect.
public struct PartnerDraft: Sendable, Equatable {
    public var name: String
    public var hasAgreement: Bool
    public var forms: [String]
    public var effects: [String]

    public init(name: String, hasAgreement: Bool = false, forms: [String] = [], effects: [String] = []) {
        self.name = name
        self.hasAgreement = hasAgreement
        self.forms = forms
        self.effects = effects
    }
}
