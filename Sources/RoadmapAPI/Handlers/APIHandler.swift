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
    let summaries: ExecutionSummaryStore
    let orderStates: OrderStateStore
    let publication: PublicationStore
    let assignments: AssignmentStore
    let reports: ReportStore
    let evidence: EvidenceStore
    let extensions: ExtensionStore
    let deadlines: DeadlineMoveStore
    let withdrawals: WithdrawalStore
    let events: EventStore
    let searches: SearchStore
    let notifications: NotificationStore
    let imports: ImportStore
    let clock: CommitteeClock

    init(useCases: UseCases) {
        users = useCases.users
        organizations = useCases.organizations
        organizationMerge = useCases.organizationMerge
        organizationLists = useCases.organizationLists
        orders = useCases.orders
        plans = useCases.plans
        summaries = useCases.executionSummaries
        orderStates = useCases.orderStates
        publication = useCases.publication
        assignments = useCases.assignments
        reports = useCases.reports
        evidence = useCases.evidence
        extensions = useCases.extensions
        deadlines = useCases.deadlines
        withdrawals = useCases.withdrawals
        events = useCases.events
        searches = useCases.searches
        notifications = useCases.notifications
        imports = useCases.imports
        clock = useCases.clock
    }

    /// The day "overdue" is judged on: the request's `as_of`, else today in the committee's zone.
    func asOf(_ text: String?) throws -> CalendarDate {
        try RequestValues.optionalDate(text, field: "as_of") ?? clock.today()
    }

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        .ok(.init(body: .json(try await me())))
    }

    func updateMe(_ input: Operations.UpdateMe.Input) async throws -> Operations.UpdateMe.Output {
        let principal = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the change as JSON.") }
        _ = try await users.setEmail(login: principal.login, body.email, actor: principal)
        return .ok(.init(body: .json(try await me())))
    }

    /// The current user as `/v1/me` shows it.
    func me() async throws -> Components.Schemas.Me {
        let principal = try RequestPrincipal.require()
        var organizationName: String?
        if let organizationID = principal.organizationID {
            organizationName = try? await organizations.get(organizationID, scope: principal).name
        }
        let email = principal.isInstallation ? nil : try await users.user(login: principal.login, scope: principal).email
        return .init(
            id: principal.userID.wire, login: principal.login,
            role: Components.Schemas.Role(rawValue: principal.role.rawValue) ?? .viewer,
            organizationId: principal.organizationID?.wire, organizationName: organizationName, email: email)
    }
}
