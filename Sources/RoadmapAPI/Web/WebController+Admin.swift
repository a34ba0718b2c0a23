import Foundation
import Hummingbird
import RoadmapDomain
import RoadmapImport
import RoadmapStore

/// Administration: organisations (list, search, add) for the committee's staff, users
/// (list, add with a password, disable) for administrators. The same use cases and rules as
/// `roadmapctl org` and `user`, and as the API.
extension WebController {
    func addAdminRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin") { request, _ in try await self.adminPage(request) }
        router.post("/admin/organizations") { request, _ in try await self.addOrganization(request) }
        router.post("/admin/organizations/merge") { request, _ in try await self.mergeOrganizations(request) }
        router.get("/admin/organizations/{id}") { request, context in
            try await self.organizationPage(request, id: context.parameters.get("id") ?? "")
        }
        router.post("/admin/organizations/{id}") { request, context in
            try await self.updateOrganization(request, id: context.parameters.get("id") ?? "")
        }
        router.post("/admin/users") { request, _ in try await self.addUser(request) }
        router.post("/admin/users/{login}/disable") { request, context in
            try await self.disableUser(request, login: context.parameters.get("login") ?? "")
        }
        router.post("/admin/users/import") { request, _ in try await self.importUsers(request) }
        router.post("/admin/lists") { request, _ in try await self.saveList(request) }
        router.post("/admin/lists/{id}/remove") { request, context in try await self.removeList(request, id: context.parameters.get("id") ?? "") }
        router.post("/admin/plans/{id}/withdraw") { request, context in
            try await self.withdrawPlan(request, id: context.parameters.get("id") ?? "")
        }
        router.post("/admin/plans/{id}/restore") { request, context in
            try await self.restorePlan(request, id: context.parameters.get("id") ?? "")
        }
        router.post("/admin/users/{login}/unlock") { request, context in
            try await self.unlockUser(request, login: context.parameters.get("login") ?? "")
        }
    }

    static let organizationKinds: [(value: String, name: String)] = [
        ("school", "школа"), ("kindergarten", "детский сад"), ("municipal_institution", "муниципальное учреждение"),
        ("committee", "комитет"), ("partner", "социальный партнёр"), ("other", "другое"),
    ]
    static let roles: [(value: Role, name: String)] = [
        (.executor, "исполнитель (учреждение)"), (.coordinator, "координатор комитета"), (.viewer, "наблюдатель"), (.admin, "администратор"),
    ]

    /// The page is for whoever may manage organisations or users; each form's rule is the
    /// use case's.
    static func requireAdministration(_ live: SessionStore.Live) throws {
        let policy = AccessPolicy(live.principal)
        guard policy.may(.manageOrganizations) == .allowed || policy.may(.manageUsers) == .allowed else {
            throw Problem.forbidden("Only the committee's staff manage organisations and users.").onPage(.administrationForbidden)
        }
    }

    func adminPage(_ request: Request, notice: String? = nil, error: String? = nil,
                   organizationForm: AdminPage.OrganizationInput = .init(), mergeForm: AdminPage.MergeInput = .init(),
                   userForm: AdminPage.UserInput = .init(), createdUsers: [AdminPage.CreatedUser] = [], importProblems: [String] = [],
                   planForm: AdminPage.Plan? = nil, listForm: AdminPage.ListInput = .init(), status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        try Self.requireAdministration(live)
        let search = request.uri.queryParameters["q"].map(String.init)?.trimmingCharacters(in: .whitespaces)
        let found = try await organizations.list(kind: nil, query: search?.isEmpty == false ? search : nil, limit: 200, cursor: nil, scope: live.principal)
        let kindNames = Dictionary(uniqueKeysWithValues: Self.organizationKinds.map { ($0.value, $0.name) })
        let roleNames = Dictionary(uniqueKeysWithValues: Self.roles.map { ($0.value, $0.name) })
        let mayManageUsers = AccessPolicy(live.principal).may(.manageUsers) == .allowed
        let users = mayManageUsers ? try await self.users.listUsers(scope: live.principal) : []
        func row(_ plan: PlanRecord, day: Date) -> AdminPage.Plan {
            var row = AdminPage.Plan(
                id: plan.id.lowercased, name: plan.name,
                order: plan.orderNumber.map { "№ \($0) от \(plan.orderDate?.russian ?? "")" }, orderID: plan.orderID?.lowercased,
                actions: plan.actions, assignments: plan.assignments, day: clock.today(now: day).russian)
            if let planForm, planForm.id == row.id {
                row.reason = planForm.reason
                row.reasonError = planForm.reasonError
            }
            return row
        }
        let lists = try await organizationLists.lists(scope: live.principal)
        let loose = try await withdrawals.plans(withdrawn: false, actor: live.principal).map { row($0, day: $0.createdAt) }
        let withdrawn = try await withdrawals.plans(withdrawn: true, actor: live.principal).map { row($0, day: $0.withdrawnAt ?? $0.createdAt) }
        let model = AdminPage(
            user: await pageUser(live), csrf: live.csrfToken, notice: notice, error: error, q: search ?? "",
            organizations: found.items.map { org in
                AdminPage.Organization(id: org.id.lowercased, name: org.name, kind: kindNames[org.kind] ?? org.kind,
                                       aliases: org.aliases.joined(separator: "; "))
            },
            more: found.nextCursor != nil,
            kinds: Self.organizationKinds.map { AdminPage.Choice(value: $0.value, name: $0.name, selected: $0.value == organizationForm.kind) },
            mayManageUsers: mayManageUsers,
            roles: Self.roles.map { AdminPage.Choice(value: $0.value.rawValue, name: $0.name, selected: $0.value.rawValue == userForm.role) },
            users: users.map { user in
                AdminPage.User(login: user.login, role: roleNames[user.role] ?? user.role.rawValue, organization: user.organizationName ?? "",
                               email: user.email ?? "", isHead: user.isHead, disabled: user.disabled, locked: user.locked, isSelf: live.principal.isUser(user.id))
            },
            organizationForm: organizationForm, mergeForm: mergeForm, userForm: userForm,
            createdUsers: createdUsers, hasCreatedUsers: !createdUsers.isEmpty, importProblems: importProblems,
            hasImportProblems: !importProblems.isEmpty, loosePlans: loose, hasLoosePlans: !loose.isEmpty,
            withdrawnPlans: withdrawn, hasWithdrawnPlans: !withdrawn.isEmpty,
            mayRestore: AccessPolicy(live.principal).may(.restorePlans) == .allowed,
            lists: lists.map { list in
                AdminPage.SavedList(id: list.id.lowercased, name: list.name,
                                    members: list.members.map(\.name).joined(separator: "; "), count: list.members.count)
            },
            hasLists: !lists.isEmpty, listForm: listForm)
        return try page(model, status: status)
    }

    struct OrganizationForm: Decodable, CSRFCarrying {
        var csrf: String?
        var name: String?
        var kind: String?
        var short_name: String?
    }

    func addOrganization(_ request: Request) async throws -> Response {
        guard let (live, form) = try await checkedForm(OrganizationForm.self, request) else { return Self.redirect(to: "/login") }
        var typed = AdminPage.OrganizationInput(name: form.name ?? "", shortName: form.short_name ?? "", kind: form.kind ?? "")
        let shortName = typed.shortName.trimmingCharacters(in: .whitespaces)
        do {
            let created = try await organizations.create(
                OrganizationChange(name: typed.name, kind: typed.kind, shortName: shortName.isEmpty ? nil : shortName),
                actor: live.principal)
            return try await adminPage(request, notice: "\(PageText.organizationAdded.russian) «\(created.name)»")
        } catch let error as UseCaseError {
            var message: String?
            switch error {
            case .invalid("name", let reason): typed.nameError = Self.textProblem(reason) ?? PageText.organizationNameEmpty.russian
            case .invalid("short_name", let reason): message = Self.textProblem(reason) ?? PageText.validation.russian
            case .invalid("kind", _): typed.kindError = PageText.organizationKindMissing.russian
            case .conflict: typed.nameError = PageText.organizationExists.russian
            case .forbidden: message = PageText.administrationForbidden.russian
            default: throw error
            }
            return try await adminPage(request, error: message, organizationForm: typed, status: .unprocessableContent)
        }
    }

    struct MergeForm: Decodable, CSRFCarrying {
        var csrf: String?
        var kept: String?
        var removed: String?
    }

    /// Two records of one organisation made one (`OrganizationMerge`).
    func mergeOrganizations(_ request: Request) async throws -> Response {
        guard let (live, form) = try await checkedForm(MergeForm.self, request) else { return Self.redirect(to: "/login") }
        var typed = AdminPage.MergeInput(kept: form.kept?.trimmingCharacters(in: .whitespaces) ?? "",
                                         removed: form.removed?.trimmingCharacters(in: .whitespaces) ?? "")
        func refused(_ message: String? = nil) async throws -> Response {
            try await adminPage(request, error: message, mergeForm: typed, status: .unprocessableContent)
        }
        func resolve(_ reference: String) async throws -> (OrganizationRecord?, String?) {
            do {
                return (try await organizations.resolve(reference, scope: live.principal), nil)
            } catch UseCaseError.notFound {
                return (nil, PageText.mergeUnknown.russian)
            } catch UseCaseError.conflict {
                return (nil, PageText.mergeAmbiguous.russian)
            }
        }
        let (kept, keptError) = try await resolve(typed.kept)
        let (removed, removedError) = try await resolve(typed.removed)
        typed.keptError = keptError
        typed.removedError = removedError
        guard let kept, let removed else { return try await refused() }
        do {
            let merged = try await organizationMerge.merge(removed.id, into: kept.id, actor: live.principal)
            return try await adminPage(request, notice: "\(PageText.mergeDone.russian) «\(removed.name)» → «\(merged.name)».")
        } catch let error as UseCaseError {
            switch error {
            case .invalid("merge_id", _): typed.removedError = PageText.mergeSame.russian
                return try await refused()
            case .conflict(let detail): return try await refused("\(PageText.mergeOverlap.russian) \(detail)")
            case .forbidden: return try await refused(PageText.administrationForbidden.russian)
            default: throw error
            }
        }
    }

    struct UserForm: Decodable, CSRFCarrying {
        var csrf: String?
        var login: String?
        var role: String?
        var organization: String?
        var email: String?
        var head: String?
        var password: String?
    }

    func addUser(_ request: Request) async throws -> Response {
        guard let (live, form) = try await checkedForm(UserForm.self, request) else { return Self.redirect(to: "/login") }
        var typed = AdminPage.UserInput(
            login: form.login?.trimmingCharacters(in: .whitespaces) ?? "", role: form.role ?? "",
            organization: form.organization?.trimmingCharacters(in: .whitespaces) ?? "",
            email: form.email?.trimmingCharacters(in: .whitespaces) ?? "", head: form.head == "on")
        guard let role = Role(rawValue: typed.role) else {
            typed.roleError = PageText.userRoleMissing.russian
            return try await adminPage(request, userForm: typed, status: .unprocessableContent)
        }
        let organizationID = typed.organization.isEmpty ? nil : UUID(uuidString: typed.organization)
        if !typed.organization.isEmpty, organizationID == nil {
            typed.organizationError = PageText.userOrganizationUnknown.russian
            return try await adminPage(request, userForm: typed, status: .unprocessableContent)
        }
        do {
            _ = try await users.addUser(login: typed.login, role: role, organizationID: organizationID, email: typed.email,
                                        password: form.password ?? "", isHead: typed.head, actor: live.principal)
        } catch let error as UseCaseError {
            var message: String?
            switch error {
            case .invalid("login", _): typed.loginError = PageText.userLoginInvalid.russian
            case .invalid("organization", let reason):
                typed.organizationError = reason.hasPrefix("no organisation") ? PageText.userOrganizationUnknown.russian
                    : PageText.userOrganizationMissing.russian
            case .invalid("password", _): typed.passwordError = PageText.userPasswordShort.russian
            case .invalid("email", _): typed.emailError = PageText.emailInvalid.russian
            case .invalid("head", _): message = PageText.userHeadNotExecutor.russian
            case .conflict: typed.loginError = PageText.userExists.russian
            case .forbidden: message = PageText.forbidden.russian
            default: throw error
            }
            return try await adminPage(request, error: message, userForm: typed, status: .unprocessableContent)
        }
        return try await adminPage(request, notice: "\(PageText.userAdded.russian) «\(typed.login)»")
    }

    func disableUser(_ request: Request, login: String) async throws -> Response {
        guard let (live, _) = try await checkedForm(ConfirmForm.self, request) else { return Self.redirect(to: "/login") }
        do {
            _ = try await users.disableUser(login: login, actor: live.principal)
        } catch UseCaseError.conflict {
            return try await adminPage(request, error: PageText.userSelfDisable.russian, status: .unprocessableContent)
        }
        return try await adminPage(request, notice: "«\(login)»: \(PageText.userDisabled.russian)")
    }

    /// School users from an uploaded CSV (`UserImport`): their passwords on the page once, or
    /// every bad line in Russian and nothing added.
    func importUsers(_ request: Request) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        let form: UploadedForm
        switch try await checkedUpload(request, live: live) {
        case .success(let read): form = read
        case .failure: return try await adminPage(request, error: PageText.usersImportNoFile.russian, status: .badRequest)
        }
        guard let file = form.files.first(where: { $0.fieldName == "users" }), !file.data.isEmpty else {
            return try await adminPage(request, error: PageText.usersImportNoFile.russian, status: .unprocessableContent)
        }
        do {
            guard let table = try DocumentReader.read(data: file.data, fileName: "users.csv").tables.first else {
                return try await adminPage(request, error: PageText.usersImportNoFile.russian, status: .unprocessableContent)
            }
            let rows = try UserImport.rows(of: table)
            let created = try await userImport.importUsers(rows, actor: live.principal)
            return try await adminPage(
                request, notice: PageText.usersImportDone.russian,
                createdUsers: created.map { AdminPage.CreatedUser(login: $0.login, organization: $0.organization, password: $0.password) })
        } catch let refusal as UserImport.Refusal {
            let problems = refusal.problems.prefix(50).map { "строка \($0.line): «\($0.value)» — \(Self.russian($0.kind))" }
            return try await adminPage(request, error: PageText.usersImportRefused.russian, importProblems: problems, status: .unprocessableContent)
        } catch UseCaseError.invalid(field: "file", _) {
            return try await adminPage(request, error: PageText.usersImportNoColumns.russian, status: .unprocessableContent)
        } catch UseCaseError.forbidden {
            return try await adminPage(request, error: PageText.administrationForbidden.russian, status: .forbidden)
        } catch is DocumentReadError {
            return try await adminPage(request, error: PageText.usersImportNoFile.russian, status: .unprocessableContent)
        }
    }

    static func russian(_ kind: UserImport.Refusal.Kind) -> String {
        switch kind {
        case .unknownOrganization: PageText.usersImportUnknownOrganization.russian
        case .ambiguousOrganization: PageText.usersImportAmbiguousOrganization.russian
        case .badLogin: PageText.usersImportBadLogin.russian
        case .loginTwice: PageText.usersImportLoginTwice.russian
        case .badEmail: PageText.usersImportBadEmail.russian
        case .badName: PageText.usersImportBadName.russian
        case .loginTaken: PageText.usersImportLoginTaken.russian
        }
    }

    func unlockUser(_ request: Request, login: String) async throws -> Response {
        guard let (live, _) = try await checkedForm(ConfirmForm.self, request) else { return Self.redirect(to: "/login") }
        _ = try await users.unlockUser(login: login, actor: live.principal)
        return try await adminPage(request, notice: "«\(login)»: \(PageText.userUnlocked.russian)")
    }

    /// Withdraws a plan imported with no order (`WithdrawalStore`).
    func withdrawPlan(_ request: Request, id: String) async throws -> Response {
        guard let (live, form) = try await checkedForm(ReasonForm.self, request) else { return Self.redirect(to: "/login") }
        guard let planID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "plan", id: id) }
        let reason = form.reason ?? ""
        do {
            let plan = try await withdrawals.withdraw(planID: planID, reason: reason, actor: live.principal)
            return try await adminPage(request, notice: "«\(plan.name)»: \(PageText.withdrawDone.russian)")
        } catch let error as UseCaseError {
            var typed = AdminPage.Plan(id: planID.lowercased, name: "", order: nil, orderID: nil, actions: 0, assignments: 0,
                                       day: "", reason: reason)
            let message = try Self.refusedWithdrawal(error, reasonError: &typed.reasonError)
            return try await adminPage(request, error: message, planForm: typed, status: .unprocessableContent)
        }
    }

    /// Restores a plan withdrawn on its own (an administrator); a withdrawn order is restored on its page.
    func restorePlan(_ request: Request, id: String) async throws -> Response {
        guard let (live, form) = try await checkedForm(ReasonForm.self, request) else { return Self.redirect(to: "/login") }
        guard let planID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "plan", id: id) }
        do {
            let plan = try await withdrawals.restore(planID: planID, reason: form.reason, actor: live.principal)
            return try await adminPage(request, notice: "«\(plan.name)»: \(PageText.restoreDone.russian)")
        } catch let error as UseCaseError {
            return try await adminPage(request, error: try Self.refusedRestoration(error), status: .unprocessableContent)
        }
    }

    /// One organisation's edit form, as stored or as typed.
    func organizationPage(_ request: Request, id: String, notice: String? = nil, error: String? = nil,
                          typed: OrganizationPage.Input? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        try Self.requireAdministration(live)
        guard let organizationID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "organization", id: id) }
        let record = try await organizations.get(organizationID, scope: live.principal)
        let form = typed ?? OrganizationPage.Input(
            name: record.name, shortName: record.shortName ?? "", kind: record.kind, aliases: record.aliases.joined(separator: "\n"),
            version: record.version)
        let model = OrganizationPage(
            title: record.name, user: await pageUser(live), csrf: live.csrfToken, id: organizationID.lowercased,
            notice: notice, error: error, form: form,
            kinds: Self.organizationKinds.map { AdminPage.Choice(value: $0.value, name: $0.name, selected: $0.value == form.kind) })
        return try page(model, status: status)
    }

    struct OrganizationEditForm: Decodable, CSRFCarrying {
        var csrf: String?
        var name: String?
        var short_name: String?
        var kind: String?
        var aliases: String?
        var version: String?
    }

    /// Saves an organisation's name, kind and other names (`OrganizationStore.update`), with
    /// the version the form was made from: a change made meanwhile is not overwritten.
    func updateOrganization(_ request: Request, id: String) async throws -> Response {
        guard let (live, form) = try await checkedForm(OrganizationEditForm.self, request) else { return Self.redirect(to: "/login") }
        guard let organizationID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "organization", id: id) }
        var typed = OrganizationPage.Input(name: form.name ?? "", shortName: form.short_name ?? "", kind: form.kind ?? "",
                                           aliases: form.aliases ?? "", version: Int(form.version ?? "") ?? 0)
        let aliases = typed.aliases.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            _ = try await organizations.update(
                organizationID,
                OrganizationChange(name: typed.name, kind: typed.kind, shortName: typed.shortName.trimmingCharacters(in: .whitespaces),
                                   aliases: aliases),
                ifVersion: typed.version, actor: live.principal)
        } catch let error as UseCaseError {
            var message: String?
            switch error {
            case .notFound: throw error
            case .invalid("name", let reason): typed.nameError = Self.textProblem(reason) ?? PageText.organizationNameEmpty.russian
            case .invalid(let field, let reason) where field.hasPrefix("aliases"):
                typed.aliasesError = Self.textProblem(reason) ?? PageText.organizationAliasInvalid.russian
            case .stale: return try await organizationPage(request, id: id, error: PageText.organizationStale.russian, status: .conflict)
            case .conflict: typed.nameError = PageText.organizationExists.russian
            case .forbidden: message = PageText.administrationForbidden.russian
            default: message = PageText.problem(type: Problem.from(error).type, status: Int(Problem.from(error).status.code))
            }
            return try await organizationPage(request, id: id, error: message, typed: typed, status: .unprocessableContent)
        }
        return try await organizationPage(request, id: id, notice: PageText.organizationSaved.russian)
    }

    struct ListForm: Decodable, CSRFCarrying {
        var csrf: String?
        var name: String?
        var members: String?
    }

    /// Saves a list of organisations named one a line as documents write them.
    func saveList(_ request: Request) async throws -> Response {
        guard let (live, form) = try await checkedForm(ListForm.self, request) else { return Self.redirect(to: "/login") }
        var typed = AdminPage.ListInput(name: form.name ?? "", members: form.members ?? "")
        let (ids, unknown) = try await resolveNames(typed.members, live: live)
        if let unknown {
            typed.membersError = unknown
            return try await adminPage(request, listForm: typed, status: .unprocessableContent)
        }
        do {
            let list = try await organizationLists.save(name: typed.name, organizationIDs: ids, actor: live.principal)
            return try await adminPage(request, notice: "\(PageText.listSaved.russian) «\(list.name)»: \(list.members.count).")
        } catch let error as UseCaseError {
            var message: String?
            switch error {
            case .invalid("name", let reason): typed.nameError = Self.textProblem(reason) ?? PageText.listNameEmpty.russian
            case .invalid("organization_ids", _): typed.membersError = PageText.listEmpty.russian
            case .forbidden: message = PageText.administrationForbidden.russian
            default: message = PageText.problem(type: Problem.from(error).type, status: Int(Problem.from(error).status.code))
            }
            return try await adminPage(request, error: message, listForm: typed, status: .unprocessableContent)
        }
    }

    func removeList(_ request: Request, id: String) async throws -> Response {
        guard let (live, _) = try await checkedForm(ReasonForm.self, request) else { return Self.redirect(to: "/login") }
        guard let listID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "organization list", id: id) }
        try await organizationLists.remove(listID, actor: live.principal)
        return try await adminPage(request, notice: PageText.listRemoved.russian)
    }
}
