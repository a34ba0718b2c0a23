import Foundation
import OpenAPIRuntime
import RoadmapDomain
import RoadmapStore

/// The operations of `openapi.yaml`, implemented over the stores. Each reads the
/// authenticated principal bound by `AuthMiddleware`; the stores enforce who may see and
/// do what, so every route follows the same rules as the CLI.
struct APIHandler: APIProtocol {
    let users: UserStore
    let organizations: OrganizationStore
    let organizationMerge: OrganizationMerge
    let organizationLists: OrganizationListStore
    let orders: OrderStore
    let plans: PlanStore
    let assignments: AssignmentStore
    let reports: ReportStore
    let evidence: EvidenceStore
    let extensions: ExtensionStore
    let deadlines: DeadlineMoveStore
    let withdrawals: WithdrawalStore
    let events: EventStore
    let searches: SearchStore
    let imports: ImportStore
    let clock: CommitteeClock

    init(useCases: UseCases) {
        users = useCases.users
        organizations = useCases.organizations
        organizationMerge = useCases.organizationMerge
        organizationLists = useCases.organizationLists
        orders = useCases.orders
        plans = useCases.plans
        assignments = useCases.assignments
        reports = useCases.reports
        evidence = useCases.evidence
        extensions = useCases.extensions
        deadlines = useCases.deadlines
        withdrawals = useCases.withdrawals
        events = useCases.events
        searches = useCases.searches
        imports = useCases.imports
        clock = useCases.clock
    }

    /// The day "overdue" is judged on: the request's `as_of`, else today in the committee's zone.
    func asOf(_ text: String?) throws -> CalendarDate {
        try RequestValues.optionalDate(text, field: "as_of") ?? clock.today()
    }

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let principal = try RequestPrincipal.require()
        var organizationName: String?
        if let organizationID = principal.organizationID {
            organizationName = try? await organizations.get(organizationID, scope: principal).name
        }
        return .ok(.init(body: .json(.init(
            id: principal.userID.wire, login: principal.login,
            role: Components.Schemas.Role(rawValue: principal.role.rawValue) ?? .viewer,
            organizationId: principal.organizationID?.wire, organizationName: organizationName))))
    }
}
