import Foundation
import Hummingbird
import RoadmapDomain
import RoadmapStore

/// Plans made and corrected in the browser: a new order (`/orders/new`), its plan edited
/// (`/orders/{id}/edit`): goals, tasks and actions added, renamed, moved and removed; an
/// action's form with its deadline read before saving and its executors chosen by group, by
/// name or from the list. Each form calls one use case (`OrderStore`, `PlanStore`): the same
/// rules and history as the API.
extension WebController {
    func addPlanEditorRoutes(to router: Router<AppRequestContext>) {
        router.get("/orders/new") { request, _ in try await self.newOrderPage(request) }
        router.post("/orders/new") { request, _ in try await self.createOrder(request) }
        router.get("/orders/{id}/edit") { request, context in try await self.planEditor(request, orderID: context.parameters.get("id") ?? "") }
        router.post("/orders/{id}/edit") { request, context in try await self.saveOrder(request, id: context.parameters.get("id") ?? "") }
        router.post("/orders/{id}/goals") { request, context in try await self.addGoal(request, orderID: context.parameters.get("id") ?? "") }
        router.post("/goals/{id}") { request, context in try await self.renameGoal(request, id: context.parameters.get("id") ?? "") }
        router.post("/goals/{id}/tasks") { request, context in try await self.addTask(request, goalID: context.parameters.get("id") ?? "") }
        router.post("/tasks/{id}") { request, context in try await self.saveTask(request, id: context.parameters.get("id") ?? "") }
        for kind in ["goals", "tasks", "actions"] {
            router.post("/\(kind)/{id}/move") { request, context in
                try await self.moveItem(request, kind: kind, id: context.parameters.get("id") ?? "")
            }
            router.post("/\(kind)/{id}/remove") { request, context in
                try await self.removeItem(request, kind: kind, id: context.parameters.get("id") ?? "")
            }
        }
        router.get("/goals/{id}/actions/new") { request, context in
            try await self.actionForm(request, goalID: context.parameters.get("id"), actionID: nil)
        }
        router.post("/goals/{id}/actions") { request, context in
            try await self.saveAction(request, goalID: context.parameters.get("id"), actionID: nil)
        }
        router.get("/actions/{id}/edit") { request, context in
            try await self.actionForm(request, goalID: nil, actionID: context.parameters.get("id"))
        }
        router.post("/actions/{id}") { request, context in
            try await self.saveAction(request, goalID: nil, actionID: context.parameters.get("id"))
        }
    }

    /// The signed-in principal, refused unless it may change plans.
    func planEditor(_ request: Request) async throws -> SessionStore.Live? {
        guard let live = try await signedIn(request) else { return nil }
        guard AccessPolicy(live.principal).may(.managePlans) == .allowed else {
            throw Problem.forbidden("Only the committee's staff change orders and plans.").onPage(.planForbidden)
        }
        return live
    }

    /// A posted form with its CSRF token checked.
    func checkedFields(_ request: Request, live: SessionStore.Live) async throws -> FormFields {
        let fields = try await FormFields.read(request)
        guard Self.same(fields["csrf"], live.csrfToken) else { throw Self.staleForm }
        return fields
    }

    static func id(_ text: String?, _ entity: String) throws -> UUID {
        guard let text, let id = UUID(uuidString: text) else { throw UseCaseError.notFound(entity: entity, id: text ?? "") }
        return id
    }

    /// Where a plan form returns: the order's plan page, named by the form's `back`.
    static func backToPlan(_ fields: FormFields, anchor: String? = nil, done: String? = nil) -> Response {
        guard let orderID = UUID(uuidString: fields["back"]) else { return redirect(to: "/dashboard") }
        let query = done.map { "?done=\($0)" } ?? ""
        return redirect(to: "/orders/\(orderID.lowercased)/edit\(query)\(anchor.map { "#\($0)" } ?? "")")
    }

    // MARK: A new order

    func newOrderPage(_ request: Request, typed: OrderInput = OrderInput(), error: String? = nil,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let live = try await planEditor(request) else { return Self.redirect(to: "/login") }
        var issuers: [OrganizationRecord] = []
        for kind in ["committee", "municipal_institution"] {
            issuers += try await organizations.list(kind: kind, query: nil, limit: 500, cursor: nil, scope: live.principal).items
        }
        let model = OrderFormPage(
            user: await pageUser(live), csrf: live.csrfToken, error: error, form: typed,
            issuers: issuers.map { AdminPage.Choice(value: $0.id.lowercased, name: $0.name, selected: $0.id.lowercased == typed.issuerID) })
        return try page(model, status: status)
    }

    static func orderInput(_ fields: FormFields) -> OrderInput {
        OrderInput(number: fields["number"], date: fields["date"], issuerID: fields["issuer_id"].lowercased(), title: fields["title"],
                   signatory: fields["signatory"], controller: fields["controller"], version: Int(fields["version"]) ?? 0)
    }

    /// The order's fields refused by the use case, each beside its field.
    static func refused(_ error: UseCaseError, _ typed: inout OrderInput) throws -> String? {
        switch error {
        case .invalid("number", _): typed.numberError = PageText.orderNumberEmpty.russian
        case .invalid("date", _): typed.dateError = PageText.orderDateInvalid.russian
        case .invalid("issuer_id", _): typed.issuerError = PageText.orderIssuerMissing.russian
        case .invalid("title", let reason): typed.titleError = textProblem(reason) ?? PageText.planTitleEmpty.russian
        case .invalid(_, let reason): return textProblem(reason) ?? PageText.validation.russian
        case .conflict: typed.numberError = PageText.orderExists.russian
        case .stale: return PageText.planStale.russian
        case .forbidden: return PageText.planForbidden.russian
        case .notFound: throw error
        default: return PageText.problem(type: Problem.from(error).type, status: Int(Problem.from(error).status.code))
        }
        return nil
    }

    func createOrder(_ request: Request) async throws -> Response {
        guard let live = try await planEditor(request) else { return Self.redirect(to: "/login") }
        let fields = try await checkedFields(request, live: live)
        var typed = Self.orderInput(fields)
        let date = CalendarDate(iso: typed.date)
        if date == nil { typed.dateError = PageText.orderDateInvalid.russian }
        if typed.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { typed.titleError = PageText.planTitleEmpty.russian }
        let issuer = UUID(uuidString: typed.issuerID)
        if issuer == nil { typed.issuerError = PageText.orderIssuerMissing.russian }
        guard let date, let issuer, typed.titleError == nil else {
            return try await newOrderPage(request, typed: typed, status: .unprocessableContent)
        }
        do {
            let order = try await orders.create(
                OrderChange(number: typed.number, date: date, issuerID: issuer, title: typed.title,
                            signatory: typed.signatory.isEmpty ? nil : typed.signatory, controller: typed.controller.isEmpty ? nil : typed.controller),
                actor: live.principal)
            return Self.redirect(to: "/orders/\(order.id.lowercased)/edit?done=created")
        } catch let error as UseCaseError {
            let message = try Self.refused(error, &typed)
            return try await newOrderPage(request, typed: typed, error: message, status: .unprocessableContent)
        }
    }

    // MARK: The plan editor

    /// What a refused form on the plan page typed, to show it again beside its error.
    enum EditorTyped {
        case order(OrderInput)
        case newGoal(PlanEditorPage.TitleInput)
        case goal(UUID, PlanEditorPage.TitleInput)
        case newTask(UUID, PlanEditorPage.TaskInput)
        case task(UUID, PlanEditorPage.TaskInput)
        case removeAction(UUID, String)
    }

    func planEditor(_ request: Request, orderID: String, typed: EditorTyped? = nil, error: String? = nil,
                    status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let live = try await planEditor(request) else { return Self.redirect(to: "/login") }
        let orderID = try Self.id(orderID, "order")
        let today = clock.today()
        let order = try await orders.get(orderID, asOf: today, scope: live.principal)
        let tree = try await plans.tree(orderID: orderID, asOf: today, scope: live.principal)
        var orderForm = OrderInput(
            number: order.number, date: order.date.iso, issuerID: order.issuerID.lowercased, title: order.title,
            signatory: order.signatory ?? "", controller: order.controller ?? "", version: order.version)
        if case .order(let input)? = typed { orderForm = input }
        var newGoal = PlanEditorPage.TitleInput()
        if case .newGoal(let input)? = typed { newGoal = input }
        let allGoals = tree.plans.flatMap(\.goals)
        let goals = allGoals.enumerated().map { index, goal in
            var form = PlanEditorPage.TitleInput(title: goal.title)
            if case .goal(let id, let input)? = typed, id == goal.id { form = input }
            var newTask = PlanEditorPage.TaskInput()
            if case .newTask(let id, let input)? = typed, id == goal.id { newTask = input }
            let tasks = goal.tasks.enumerated().map { taskIndex, task in
                var taskForm = PlanEditorPage.TaskInput(title: task.title, expectedResult: task.expectedResult ?? "")
                if case .task(let id, let input)? = typed, id == task.id { taskForm = input }
                return PlanEditorPage.Task(
                    id: task.id.lowercased, position: "\(goal.position).\(task.position)", form: taskForm,
                    first: taskIndex == 0, last: taskIndex == goal.tasks.count - 1)
            }
            let actions = goal.actions.enumerated().map { actionIndex, action in
                var removeError: String?
                if case .removeAction(let id, let message)? = typed, id == action.id { removeError = message }
                let names = action.executors.map(\.name)
                let all = action.organizationCount + action.executors.filter { $0.organizationID == nil }.count
                return PlanEditorPage.Action(
                    id: action.id.lowercased, position: "\(goal.position).\(action.position)", title: action.title,
                    deadline: action.deadlineText, period: Self.period(action.deadlinePeriod, parsed: action.deadlineParsed),
                    parsed: action.deadlineParsed,
                    executors: Self.executorSummary(Array(names.prefix(3)), of: all),
                    first: actionIndex == 0, last: actionIndex == goal.actions.count - 1, removeError: removeError)
            }
            return PlanEditorPage.Goal(
                id: goal.id.lowercased, position: goal.position, form: form, first: index == 0, last: index == allGoals.count - 1,
                tasks: tasks, hasTasks: !tasks.isEmpty, newTask: newTask, actions: actions, hasActions: !actions.isEmpty)
        }
        let done = request.uri.queryParameters["done"].map(String.init)
        let notices: [String: PageText] = ["created": .orderCreated, "saved": .planSaved]
        let model = PlanEditorPage(
            title: "План приказа № \(order.number) от \(order.date.russian)", user: await pageUser(live), csrf: live.csrfToken,
            orderID: orderID.lowercased, notice: done.flatMap { notices[$0]?.russian }, error: error,
            order: orderForm, orderOpen: orderForm.numberError != nil || orderForm.dateError != nil || orderForm.titleError != nil,
            goals: goals, hasGoals: !goals.isEmpty, newGoal: newGoal)
        return try page(model, status: status)
    }

    /// «01.03.2019 – 31.03.2019», or what an unread deadline shows.
    static func period(_ period: DatePeriod?, parsed: Bool) -> String {
        if let period { return period.first == period.last ? period.first.russian : "\(period.first.russian) – \(period.last.russian)" }
        return parsed ? "без даты исполнения" : "срок не распознан — сохранён как текст, проверьте"
    }

    func saveOrder(_ request: Request, id: String) async throws -> Response {
        guard let live = try await planEditor(request) else { return Self.redirect(to: "/login") }
        let orderID = try Self.id(id, "order")
        let fields = try await checkedFields(request, live: live)
        var typed = Self.orderInput(fields)
        guard let date = CalendarDate(iso: typed.date) else {
            typed.dateError = PageText.orderDateInvalid.russian
            return try await planEditor(request, orderID: id, typed: .order(typed), status: .unprocessableContent)
        }
        if typed.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            typed.titleError = PageText.planTitleEmpty.russian
            return try await planEditor(request, orderID: id, typed: .order(typed), status: .unprocessableContent)
        }
        do {
            _ = try await orders.update(
                orderID, OrderChange(number: typed.number, date: date, title: typed.title, signatory: typed.signatory, controller: typed.controller),
                ifVersion: typed.version, asOf: clock.today(), actor: live.principal)
        } catch let error as UseCaseError {
            let message = try Self.refused(error, &typed)
            return try await planEditor(request, orderID: id, typed: .order(typed), error: message, status: .unprocessableContent)
        }
        return Self.redirect(to: "/orders/\(orderID.lowercased)/edit?done=saved")
    }

    func addGoal(_ request: Request, orderID: String) async throws -> Response {
        guard let live = try await planEditor(request) else { return Self.redirect(to: "/login") }
        let id = try Self.id(orderID, "order")
        let fields = try await checkedFields(request, live: live)
        var typed = PlanEditorPage.TitleInput(title: fields["title"])
        do {
            let goal = try await plans.createGoal(orderID: id, title: typed.title, actor: live.principal)
            return Self.redirect(to: "/orders/\(id.lowercased)/edit#goal-\(goal.id.lowercased)")
        } catch let error as UseCaseError {
            let message = try Self.refusedTitle(error, &typed.titleError)
            return try await planEditor(request, orderID: orderID, typed: .newGoal(typed), error: message, status: .unprocessableContent)
        }
    }

    /// A title refused beside its field; anything else said above the page.
    static func refusedTitle(_ error: UseCaseError, _ titleError: inout String?) throws -> String? {
        switch error {
        case .invalid("title", let reason): titleError = textProblem(reason) ?? PageText.planTitleEmpty.russian
        case .invalid(_, let reason): return textProblem(reason) ?? PageText.validation.russian
        case .conflict: return PageText.planWithdrawn.russian
        case .forbidden: return PageText.planForbidden.russian
        case .notFound: throw error
        default: return PageText.problem(type: Problem.from(error).type, status: Int(Problem.from(error).status.code))
        }
        return nil
    }

    func renameGoal(_ request: Request, id: String) async throws -> Response {
        guard let live = try await planEditor(request) else { return Self.redirect(to: "/login") }
        let goalID = try Self.id(id, "goal")
        let fields = try await checkedFields(request, live: live)
        var typed = PlanEditorPage.TitleInput(title: fields["title"])
        do {
            _ = try await plans.updateGoal(goalID, title: typed.title, actor: live.principal)
            return Self.backToPlan(fields, anchor: "goal-\(goalID.lowercased)")
        } catch let error as UseCaseError {
            let message = try Self.refusedTitle(error, &typed.titleError)
            return try await planEditor(request, orderID: fields["back"], typed: .goal(goalID, typed), error: message, status: .unprocessableContent)
        }
    }

    func addTask(_ request: Request, goalID: String) async throws -> Response {
        guard let live = try await planEditor(request) else { return Self.redirect(to: "/login") }
        let id = try Self.id(goalID, "goal")
        let fields = try await checkedFields(request, live: live)
        var typed = PlanEditorPage.TaskInput(title: fields["title"], expectedResult: fields["expected_result"])
        do {
            _ = try await plans.createTask(goalID: id, title: typed.title, expectedResult: typed.expectedResult.isEmpty ? nil : typed.expectedResult,
                                           actor: live.principal)
            return Self.backToPlan(fields, anchor: "goal-\(id.lowercased)")
        } catch let error as UseCaseError {
            let message = try Self.refusedTitle(error, &typed.titleError)
            return try await planEditor(request, orderID: fields["back"], typed: .newTask(id, typed), error: message, status: .unprocessableContent)
        }
    }

    func saveTask(_ request: Request, id: String) async throws -> Response {
        guard let live = try await planEditor(request) else { return Self.redirect(to: "/login") }
        let taskID = try Self.id(id, "task")
        let fields = try await checkedFields(request, live: live)
        var typed = PlanEditorPage.TaskInput(title: fields["title"], expectedResult: fields["expected_result"])
        do {
            _ = try await plans.updateTask(taskID, title: typed.title, expectedResult: typed.expectedResult, actor: live.principal)
            return Self.backToPlan(fields, anchor: "task-\(taskID.lowercased)")
        } catch let error as UseCaseError {
            let message = try Self.refusedTitle(error, &typed.titleError)
            return try await planEditor(request, orderID: fields["back"], typed: .task(taskID, typed), error: message, status: .unprocessableContent)
        }
    }

    func moveItem(_ request: Request, kind: String, id: String) async throws -> Response {
        guard let live = try await planEditor(request) else { return Self.redirect(to: "/login") }
        let itemID = try Self.id(id, String(kind.dropLast()))
        let fields = try await checkedFields(request, live: live)
        let direction: PlanStore.Direction = fields["direction"] == "up" ? .up : .down
        do {
            switch kind {
            case "goals": try await plans.move(goal: itemID, direction, actor: live.principal)
            case "tasks": try await plans.move(task: itemID, direction, actor: live.principal)
            default: try await plans.move(action: itemID, direction, actor: live.principal)
            }
        } catch let error as UseCaseError {
            var ignored: String?
            let message = try Self.refusedTitle(error, &ignored)
            return try await planEditor(request, orderID: fields["back"], error: message, status: .unprocessableContent)
        }
        return Self.backToPlan(fields, anchor: "\(kind.dropLast())-\(itemID.lowercased)")
    }

    func removeItem(_ request: Request, kind: String, id: String) async throws -> Response {
        guard let live = try await planEditor(request) else { return Self.redirect(to: "/login") }
        let itemID = try Self.id(id, String(kind.dropLast()))
        let fields = try await checkedFields(request, live: live)
        do {
            switch kind {
            case "goals": try await plans.removeGoal(itemID, actor: live.principal)
            case "tasks": try await plans.removeTask(itemID, actor: live.principal)
            default: try await plans.removeAction(itemID, reason: nil, actor: live.principal)
            }
        } catch let error as UseCaseError {
            if kind == "actions", case .conflict = error {
                return try await planEditor(request, orderID: fields["back"], typed: .removeAction(itemID, PageText.actionHasHistory.russian),
                                            status: .unprocessableContent)
            }
            if kind == "goals", case .conflict = error {
                return try await planEditor(request, orderID: fields["back"], error: PageText.goalHasActions.russian, status: .unprocessableContent)
            }
            var ignored: String?
            let message = try Self.refusedTitle(error, &ignored)
            return try await planEditor(request, orderID: fields["back"], error: message, status: .unprocessableContent)
        }
        return Self.backToPlan(fields, done: "saved")
    }

    /// «СОШ № 5, Лицей № 14 и ещё 12», or «500 исполнителей» when none is named.
    static func executorSummary(_ listed: [String], of all: Int) -> String {
        let rest = all - listed.count
        guard rest > 0 else { return listed.joined(separator: ", ") }
        if listed.isEmpty {
            return "\(all) " + RussianPlural.form(all, one: "исполнитель", few: "исполнителя", many: "исполнителей")
        }
        return listed.joined(separator: ", ") + " и ещё \(rest)"
    }
}
