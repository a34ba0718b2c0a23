import Foundation
import Hummingbird
import RoadmapDomain
import RoadmapStore

/// One action's form: added under a goal or edited. The deadline is read before saving
/// («Проверить срок»); executors are chosen by group («все школы»), by name as documents
/// write them, or from the list of organisations; all go through `PlanStore` as the API's do.
extension WebController {
    static let executorGroups: [(kind: String, name: String)] = [("school", "Все школы"), ("kindergarten", "Все детские сады")]

    /// What the form was, to show it again: its fields, the ids ticked, the groups ticked.
    struct ActionTyped {
        var input: ActionFormPage.Input
        var executorIDs: [UUID]
        var kinds: [String]
        var listIDs: [UUID] = []
        var taskIDs: [UUID]
    }

    func actionForm(_ request: Request, goalID: String?, actionID: String?, back posted: UUID? = nil, typed: ActionTyped? = nil,
                    preview: Deadline? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let live = try await planEditor(request) else { return Self.redirect(to: "/login") }
        let today = clock.today()
        var action: ActionRecord?
        let goal: UUID
        if let actionID {
            let record = try await plans.action(try Self.id(actionID, "action"), asOf: today, scope: live.principal)
            action = record
            goal = record.goalID
        } else {
            goal = try Self.id(goalID, "goal")
        }
        // The order's plan page to return to: the form's, else the link's.
        let back = posted ?? request.uri.queryParameters["back"].map(String.init).flatMap(UUID.init(uuidString:))
        let backText = back?.lowercased ?? ""
        // The goal's tasks come from the order's plan, which `back` names.
        var goalTasks: [PlanTreeRecord.Task] = []
        if let back {
            let tree = try await plans.tree(orderID: back, asOf: today, scope: live.principal)
            goalTasks = tree.plans.flatMap(\.goals).first { $0.id == goal }?.tasks ?? []
        }
        let current = typed ?? ActionTyped(
            input: ActionFormPage.Input(
                title: action?.title ?? "", expectedResult: action?.expectedResult ?? "", venue: action?.venue ?? "",
                deadline: action?.deadlineText ?? "", version: action?.version ?? 0),
            executorIDs: action?.executors.compactMap(\.organizationID) ?? [], kinds: [], taskIDs: action?.taskIDs ?? [])
        var all: [OrganizationRecord] = []
        var cursor: String?
        repeat {
            let page = try await organizations.list(kind: nil, query: nil, limit: 500, cursor: cursor, scope: live.principal)
            all += page.items
            cursor = page.nextCursor
        } while cursor != nil
        let chosen = Set(current.executorIDs)
        let names = Dictionary(all.map { ($0.id, $0.name) }) { first, _ in first }
        let kindNames = Dictionary(uniqueKeysWithValues: Self.organizationKinds.map { ($0.value, $0.name) })
        let byKind = Dictionary(grouping: all.filter { !chosen.contains($0.id) }, by: \.kind)
        let savedLists = try await organizationLists.lists(scope: live.principal)
        let model = ActionFormPage(
            title: action == nil ? "Новое мероприятие" : "Мероприятие: \(action?.title ?? "")", user: await pageUser(live), csrf: live.csrfToken,
            action: action.map { "/actions/\($0.id.lowercased)" } ?? "/goals/\(goal.lowercased)/actions",
            back: backText, editing: action != nil, error: error, form: current.input,
            preview: preview.map { Self.period($0.period, parsed: $0.isParsed) }, previewParsed: preview?.isParsed ?? true,
            tasks: goalTasks.map { ActionFormPage.Choice(value: $0.id.lowercased, name: "\($0.position). \($0.title)", checked: current.taskIDs.contains($0.id)) },
            hasTasks: !goalTasks.isEmpty,
            groups: Self.executorGroups.map { group in
                ActionFormPage.Choice(value: group.kind, name: "\(group.name) (\(all.filter { $0.kind == group.kind }.count))",
                                      checked: current.kinds.contains(group.kind))
            },
            lists: savedLists.map { list in
                ActionFormPage.Choice(value: list.id.lowercased, name: "Список «\(list.name)» (\(list.members.count))",
                                      checked: current.listIDs.contains(list.id))
            },
            chosen: current.executorIDs.map { ActionFormPage.Choice(value: $0.lowercased, name: names[$0] ?? $0.uuidString, checked: true) },
            hasChosen: !current.executorIDs.isEmpty,
            kinds: Self.organizationKinds.compactMap { kind in
                guard let members = byKind[kind.value], !members.isEmpty else { return nil }
                return ActionFormPage.Kind(
                    name: kindNames[kind.value] ?? kind.value, count: members.count,
                    organizations: members.map { ActionFormPage.Choice(value: $0.id.lowercased, name: $0.name, checked: false) })
            })
        return try page(model, status: status)
    }

    func saveAction(_ request: Request, goalID: String?, actionID: String?) async throws -> Response {
        guard let live = try await planEditor(request) else { return Self.redirect(to: "/login") }
        let fields = try await checkedFields(request, live: live)
        var typed = ActionTyped(
            input: ActionFormPage.Input(
                title: fields["title"], expectedResult: fields["expected_result"], venue: fields["venue"], deadline: fields["deadline"],
                names: fields["names"], reason: fields["reason"], version: Int(fields["version"]) ?? 0),
            executorIDs: fields.all("executor_ids").compactMap(UUID.init(uuidString:)),
            kinds: fields.all("executor_kinds").filter { kind in Self.executorGroups.contains { $0.kind == kind } },
            listIDs: fields.all("executor_list_ids").compactMap(UUID.init(uuidString:)),
            taskIDs: fields.all("task_ids").compactMap(UUID.init(uuidString:)))
        var seen = Set<UUID>()
        typed.executorIDs = typed.executorIDs.filter { seen.insert($0).inserted }
        let back = "/orders/\(UUID(uuidString: fields["back"])?.lowercased ?? "")/edit"
        func again(_ error: String? = nil, preview: Deadline? = nil) async throws -> Response {
            try await actionForm(request, goalID: goalID, actionID: actionID, back: UUID(uuidString: fields["back"]), typed: typed,
                                 preview: preview, error: error,
                                 status: preview != nil && error == nil ? .ok : .unprocessableContent)
        }
        // The goal the deadline is read under.
        let goal: UUID
        if let actionID {
            goal = try await plans.action(try Self.id(actionID, "action"), asOf: clock.today(), scope: live.principal).goalID
        } else {
            goal = try Self.id(goalID, "goal")
        }
        // «Проверить срок»: the deadline read in the plan's context, nothing saved.
        if fields["preview"] == "1" {
            do {
                return try await again(preview: try await plans.readDeadline(typed.input.deadline, goalID: goal, actor: live.principal))
            } catch let error as UseCaseError {
                if case .invalid = error { typed.input.deadlineError = PageText.actionDeadlineInvalid.russian; return try await again() }
                throw error
            }
        }
        // Executors named as documents write them.
        let (named, unknown) = try await resolveNames(typed.input.names, live: live)
        for id in named where seen.insert(id).inserted { typed.executorIDs.append(id) }
        if let unknown {
            typed.input.namesError = unknown
            return try await again()
        }
        typed.input.names = ""
        let change = ActionChange(
            title: typed.input.title, expectedResult: typed.input.expectedResult, venue: typed.input.venue, deadline: typed.input.deadline,
            executorIDs: typed.executorIDs, executorKinds: typed.kinds, executorListIDs: typed.listIDs, taskIDs: typed.taskIDs,
            reason: typed.input.reason.isEmpty ? nil : typed.input.reason)
        do {
            let saved: ActionRecord
            if let actionID {
                saved = try await plans.updateAction(try Self.id(actionID, "action"), change, ifVersion: typed.input.version,
                                                     asOf: clock.today(), actor: live.principal)
            } else {
                saved = try await plans.createAction(goalID: goal, change, asOf: clock.today(), actor: live.principal)
            }
            return Self.redirect(to: "\(back)#action-\(saved.id.lowercased)")
        } catch let error as UseCaseError {
            var message: String?
            switch error {
            case .invalid("title", let reason): typed.input.titleError = Self.textProblem(reason) ?? PageText.planTitleEmpty.russian
            case .invalid("deadline", _): typed.input.deadlineError = PageText.actionDeadlineInvalid.russian
            case .invalid("reason", _): typed.input.reasonError = PageText.actionReasonRequired.russian
            case .invalid(let field, _) where field.hasPrefix("executor"): typed.input.executorsError = PageText.actionExecutorsInvalid.russian
            case .invalid(_, let reason): message = Self.textProblem(reason) ?? PageText.validation.russian
            case .stale: message = PageText.planStale.russian
            case .conflict: message = PageText.planWithdrawn.russian
            case .forbidden: message = PageText.planForbidden.russian
            case .notFound: throw error
            default: message = PageText.problem(type: Problem.from(error).type, status: Int(Problem.from(error).status.code))
            }
            return try await again(message)
        }
    }

    /// Organisations named one a line as documents write them («СОШ № 5»): their ids, and
    /// in Russian what no organisation, or several, answer to (nil when all were found).
    func resolveNames(_ text: String, live: SessionStore.Live) async throws -> (ids: [UUID], problems: String?) {
        var ids: [UUID] = []
        var problems: [String] = []
        for name in text.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            do {
                ids.append(try await organizations.resolve(name, scope: live.principal).id)
            } catch UseCaseError.notFound {
                problems.append("«\(name)» — нет такой организации")
            } catch UseCaseError.conflict {
                problems.append("«\(name)» — подходит к нескольким, уточните")
            }
        }
        return (ids, problems.isEmpty ? nil : problems.joined(separator: "; ") + ".")
    }
}

