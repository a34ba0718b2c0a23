import Foundation
import Hummingbird
import RoadmapDomain
import RoadmapStore

/// Administration for admins: organisations (list, search, add) and users (list, add with
/// a password, disable). The same stores and rules as `roadmapctl org` and `user`.
extension WebController {
    func addAdminRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin") { request, _ in try await self.adminPage(request) }
        router.post("/admin/organizations") { request, _ in try await self.addOrganization(request) }
        router.post("/admin/users") { request, _ in try await self.addUser(request) }
        router.post("/admin/users/{login}/disable") { request, context in
            try await self.disableUser(request, login: context.parameters.get("login") ?? "")
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
            throw Problem.forbidden("Организациями и пользователями управляют сотрудники комитета.")
        }
    }

    func adminPage(_ request: Request, notice: String? = nil, error: String? = nil,
                   status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        try Self.requireAdministration(live)
        let search = request.uri.queryParameters["q"].map(String.init)?.trimmingCharacters(in: .whitespaces)
        let found = try await organizations.list(kind: nil, query: search?.isEmpty == false ? search : nil, limit: 200, cursor: nil)
        let kindNames = Dictionary(uniqueKeysWithValues: Self.organizationKinds.map { ($0.value, $0.name) })
        let roleNames = Dictionary(uniqueKeysWithValues: Self.roles.map { ($0.value, $0.name) })
        let mayManageUsers = AccessPolicy(live.principal).may(.manageUsers) == .allowed
        let users = mayManageUsers ? try await self.users.listUsers(scope: live.principal) : []
        let context: [String: Any] = [
            "title": "Администрирование", "user": await userContext(live), "csrf": live.csrfToken,
            "notice": notice as Any, "error": error as Any, "q": search ?? "",
            "organizations": found.items.map { org in
                ["id": org.id.uuidString.lowercased(), "name": org.name, "kind": kindNames[org.kind] ?? org.kind,
                 "aliases": org.aliases.joined(separator: "; ")]
            },
            "more": found.nextCursor != nil,
            "kinds": Self.organizationKinds.map { ["value": $0.value, "name": $0.name] },
            "roles": Self.roles.map { ["value": $0.value.rawValue, "name": $0.name] },
            "mayManageUsers": mayManageUsers,
            "users": users.map { user in
                ["login": user.login, "role": roleNames[user.role] ?? user.role.rawValue, "organization": user.organizationName ?? "",
                 "disabled": user.disabled, "self": user.id == live.principal.userID] as [String: Any]
            },
        ]
        return try page("admin", context, status: status)
    }

    struct OrganizationForm: Decodable, CSRFCarrying {
        var csrf: String?
        var name: String?
        var kind: String?
        var short_name: String?
    }

    func addOrganization(_ request: Request) async throws -> Response {
        guard let (live, form) = try await checkedForm(OrganizationForm.self, request) else { return Self.redirect(to: "/login") }
        try Self.requireAdministration(live)
        let shortName = form.short_name?.trimmingCharacters(in: .whitespaces)
        do {
            let created = try await organizations.create(
                OrganizationChange(name: form.name?.trimmingCharacters(in: .whitespaces), kind: form.kind,
                                   shortName: shortName?.isEmpty == false ? shortName : nil),
                actor: live.principal)
            return try await adminPage(request, notice: "Организация «\(created.name)» добавлена.")
        } catch let error as UseCaseError {
            let message = switch error {
            case .invalid(let field, _) where field == "name": "Укажите название организации."
            case .invalid(let field, _) where field == "kind": "Выберите вид организации."
            case .conflict: "Такая организация уже есть."
            default: "Организация не добавлена: \(error.description)"
            }
            return try await adminPage(request, error: message, status: .unprocessableContent)
        }
    }

    struct UserForm: Decodable, CSRFCarrying {
        var csrf: String?
        var login: String?
        var role: String?
        var organization: String?
        var password: String?
    }

    func addUser(_ request: Request) async throws -> Response {
        guard let (live, form) = try await checkedForm(UserForm.self, request) else { return Self.redirect(to: "/login") }
        try Self.requireAdministration(live)
        let login = form.login?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let role = form.role.flatMap(Role.init(rawValue:)) else {
            return try await adminPage(request, error: "Выберите роль.", status: .unprocessableContent)
        }
        let organizationText = form.organization?.trimmingCharacters(in: .whitespaces) ?? ""
        let organizationID = organizationText.isEmpty ? nil : UUID(uuidString: organizationText)
        if !organizationText.isEmpty, organizationID == nil {
            return try await adminPage(request, error: "Код организации не распознан: «\(organizationText)». Скопируйте его из списка организаций.",
                                       status: .unprocessableContent)
        }
        guard let password = form.password, password.count >= 10 else {
            return try await adminPage(request, error: "Пароль должен быть не короче 10 знаков.", status: .unprocessableContent)
        }
        do {
            _ = try await users.addUser(login: login, role: role, organizationID: organizationID, password: password, actor: live.principal)
        } catch let error as UseCaseError {
            let message = switch error {
            case .invalid(let field, _) where field == "login": "Имя пользователя: от 1 до 64 латинских букв, цифр и знаков . _ @ -"
            case .invalid(let field, _) where field == "organization": "Исполнителю нужна организация: укажите её код."
            case .conflict: "Пользователь «\(login)» уже есть."
            case .notFound: "Организация с кодом «\(organizationText)» не найдена."
            default: "Пользователь не добавлен: \(error.description)"
            }
            return try await adminPage(request, error: message, status: .unprocessableContent)
        }
        return try await adminPage(request, notice: "Пользователь «\(login)» добавлен.")
    }

    func disableUser(_ request: Request, login: String) async throws -> Response {
        guard let (live, _) = try await checkedForm(ConfirmForm.self, request) else { return Self.redirect(to: "/login") }
        try Self.requireAdministration(live)
        do {
            _ = try await users.disableUser(login: login, actor: live.principal)
        } catch UseCaseError.conflict {
            return try await adminPage(request, error: "Нельзя отключить собственную учётную запись.", status: .unprocessableContent)
        }
        return try await adminPage(request, notice: "Пользователь «\(login)» отключён; его сеансы и токены больше не действуют.")
    }
}
