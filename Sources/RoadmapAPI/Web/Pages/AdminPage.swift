/// Administration: organisations (search, add) for the committee's staff, users (add,
/// disable) for administrators; a refused form comes back as typed, errors by its fields.
struct AdminPage: PageModel {
    static let template = "admin"
    let title = "Администрирование"
    let user: PageUser?
    let csrf: String
    let notice: String?
    let error: String?
    let q: String
    let organizations: [Organization]
    let more: Bool
    let kinds: [Choice]
    let mayManageUsers: Bool
    let roles: [Choice]
    let users: [User]
    let organizationForm: OrganizationInput
    let mergeForm: MergeInput
    let userForm: UserInput
    /// Users the CSV upload just made, with their passwords: shown on this page only.
    let createdUsers: [CreatedUser]
    let hasCreatedUsers: Bool
    /// Why the CSV upload was refused, a line each.
    let importProblems: [String]
    let hasImportProblems: Bool
    /// Plans imported with no order (no order page shows them), each with a withdraw form.
    let loosePlans: [Plan]
    let hasLoosePlans: Bool
    /// Withdrawn orders' plans and withdrawn plans; an administrator restores them.
    let withdrawnPlans: [Plan]
    let hasWithdrawnPlans: Bool
    let mayRestore: Bool
    /// Saved lists of organisations, and the form that saves one.
    let lists: [SavedList]
    let hasLists: Bool
    let listForm: ListInput

    struct SavedList: Sendable {
        let id: String
        let name: String
        let members: String
        let count: Int
    }

    struct ListInput: Sendable {
        var name = ""
        var members = ""
        var nameError: String?
        var membersError: String?
    }

    struct Plan: Sendable {
        let id: String
        let name: String
        /// «№ 770 от 25.06.2018» with its page, for a plan of an order.
        let order: String?
        let orderID: String?
        let actions: Int
        let assignments: Int
        /// The day it was imported, or withdrawn.
        let day: String
        var reason = ""
        var reasonError: String?
    }

    struct CreatedUser: Sendable {
        let login: String
        let organization: String
        let password: String
    }

    struct Organization: Sendable {
        let id: String
        let name: String
        let kind: String
        let aliases: String
    }

    struct Choice: Sendable {
        let value: String
        let name: String
        let selected: Bool
    }

    struct User: Sendable {
        let login: String
        let role: String
        let organization: String
        let email: String
        let isHead: Bool
        let disabled: Bool
        let locked: Bool
        let isSelf: Bool
    }

    struct OrganizationInput: Sendable {
        var name = ""
        var shortName = ""
        var kind = ""
        var nameError: String?
        var kindError: String?
    }

    /// Two records of one organisation: the one kept and the one merged into it, by name,
    /// other name or code.
    struct MergeInput: Sendable {
        var kept = ""
        var removed = ""
        var keptError: String?
        var removedError: String?
    }

    struct UserInput: Sendable {
        var login = ""
        var role = ""
        var organization = ""
        var email = ""
        var head = false
        var loginError: String?
        var emailError: String?
        var roleError: String?
        var organizationError: String?
        var passwordError: String?
    }
}
