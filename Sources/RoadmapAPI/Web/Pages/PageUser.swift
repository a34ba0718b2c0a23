import RoadmapDomain
import RoadmapStore

/// What the header of every page shows of the signed-in user: who, for which organisation,
/// the menu items their role opens, and the form token of the sign-out button.
struct PageUser: Sendable {
    let login: String
    let organization: String?
    let csrf: String
    let committee: Bool
    let mayReview: Bool
    let mayImport: Bool
    let mayAdminister: Bool

    init(_ live: SessionStore.Live, organization: String?) {
        let policy = AccessPolicy(live.principal)
        login = live.principal.login
        self.organization = organization
        csrf = live.csrfToken
        committee = live.principal.role.seesEverything
        mayReview = policy.may(.reviewReport) == .allowed
        mayImport = policy.may(.managePlans) == .allowed
        mayAdminister = policy.may(.manageOrganizations) == .allowed || policy.may(.manageUsers) == .allowed
    }
}
