import Foundation
import Hummingbird
import RoadmapDomain
import RoadmapStore

/// The committee's pages: the dashboard, the orders and each order's plan, and the queue
/// of reports waiting for review. Schools see an order only through their own assignments.
extension WebController {
    /// Assignments an order page lists at most; past this it asks for a narrower filter.
    static let orderPageLimit = 5_000

    func addCommitteeRoutes(to router: Router<AppRequestContext>) {
        router.get("/dashboard") { request, _ in try await self.dashboardPage(request) }
        router.get("/orders") { request, _ in try await self.dashboardPage(request) }
        router.get("/orders/{id}") { request, context in try await self.orderPage(request, id: context.parameters.get("id") ?? "") }
        router.get("/review") { request, _ in try await self.reviewPage(request) }
        router.post("/reports/{id}/review") { request, context in try await self.review(request, id: context.parameters.get("id") ?? "") }
        router.post("/extensions/{id}/decision") { request, context in try await self.decide(request, id: context.parameters.get("id") ?? "") }
    }

    // MARK: Dashboard

    func dashboardPage(_ request: Request) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        let principal = live.principal
        let today = clock.today()
        let orderList = try await Page.all { try await orders.list(year: nil, issuerID: nil, asOf: today, limit: 100, cursor: $0, scope: principal) }
        var dueFilter = AssignmentFilter(overdue: false)
        dueFilter.dueFrom = today
        dueFilter.dueTo = today.adding(days: 30)
        let due = try await assignments.list(dueFilter, asOf: today, limit: 100, cursor: nil, scope: principal).items
            .filter { !$0.status.isClosed }
        let waiting = try await dashboard.waitingReports(scope: principal, limit: 20)
        let schools = try await dashboard.overdueBySchool(asOf: today, scope: principal, limit: 10)
        let context: [String: Any] = [
            "title": "Панель", "today": today.russian, "user": await userContext(live),
            "hasOrders": !orderList.isEmpty,
            "orders": orderList.map { Self.orderRow($0) },
            "hasDue": !due.isEmpty, "dueCount": due.count,
            "due": due.map { item in
                ["id": item.id.uuidString.lowercased(), "due": item.dueOn?.russian ?? "", "title": item.actionTitle,
                 "executor": item.executorName, "status": item.status.russianName,
                 "left": item.dueOn.map { RussianPlural.days(today.days(until: $0)) } ?? ""]
            },
            "hasWaiting": !waiting.isEmpty, "waitingCount": waiting.count,
            "waiting": waiting.map { ["executor": $0.executorName, "title": $0.actionTitle, "doneOn": $0.doneOn.russian] },
            "hasSchools": !schools.isEmpty,
            "schools": schools.map { ["name": $0.executorName, "overdue": Self.actionsCount($0.overdue)] },
        ]
        return try page("dashboard", context)
    }

    static func orderRow(_ order: OrderRecord) -> [String: Any] {
        let rollup = order.rollup
        let relevant = rollup.total - rollup.count(.cancelled)
        return [
            "id": order.id.uuidString.lowercased(), "number": order.number, "date": order.date.russian, "title": order.title,
            "issuer": order.issuerName, "done": rollup.count(.done), "total": relevant,
            "percent": Int((rollup.shareDone * 100).rounded()), "overdue": rollup.overdue, "hasOverdue": rollup.overdue > 0,
        ]
    }

    static func actionsCount(_ count: Int) -> String {
        RussianPlural.form(count, one: "\(count) мероприятие", few: "\(count) мероприятия", many: "\(count) мероприятий")
    }

    // MARK: An order: its plan, status per school, filters and a timeline

    func orderPage(_ request: Request, id: String) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard let orderID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "order", id: id) }
        let principal = live.principal
        let today = clock.today()
        let order = try await orders.get(orderID, asOf: today, scope: principal)
        let tree = try await plans.tree(orderID: orderID, asOf: today, scope: principal)

        // Filters from the query string; a value that does not parse is ignored, not an error.
        let query = request.uri.queryParameters
        let overdueOnly = query["overdue"].map { $0 == "1" || $0 == "on" } ?? false
        let executorID = query["executor"].flatMap { UUID(uuidString: String($0)) }
        let month = query["month"].flatMap { CalendarDate(iso: "\($0)-01") }

        var filter = AssignmentFilter(orderID: orderID, executorID: executorID)
        if overdueOnly { filter.overdue = true }
        var listed: [AssignmentRecord] = []
        var cursor: String?
        repeat {
            let page = try await assignments.list(filter, asOf: today, limit: 500, cursor: cursor, scope: principal)
            listed += page.items
            cursor = page.nextCursor
        } while cursor != nil && listed.count < Self.orderPageLimit
        let truncated = cursor != nil

        // The timeline: assignments due in each month, of those shown.
        var months: [CalendarDate: (total: Int, done: Int, overdue: Int)] = [:]
        for item in listed {
            guard let due = item.dueOn, let first = CalendarDate(year: due.year, month: due.month, day: 1) else { continue }
            var entry = months[first] ?? (0, 0, 0)
            entry.total += 1
            if item.status == .done { entry.done += 1 }
            if item.overdue { entry.overdue += 1 }
            months[first] = entry
        }
        let widest = months.values.map(\.total).max() ?? 1
        let shown = month.map { first in listed.filter { $0.dueOn.map { $0.year == first.year && $0.month == first.month } ?? false } } ?? listed
        let byAction = Dictionary(grouping: shown, by: \.actionID)
        var executors: [UUID: String] = [:]
        if !principal.role.seesEverything {
            for item in listed { executors[item.executorID] = item.executorName }
        }

        var goals: [[String: Any]] = []
        for plan in tree.plans {
            for goal in plan.goals {
                var actions: [[String: Any]] = []
                for action in goal.actions {
                    // A school picks only among its own; the committee among all of the plan's.
                    for executor in action.executors where principal.role.seesEverything {
                        if let id = executor.organizationID { executors[id] = executor.name }
                    }
                    let items = (byAction[action.id] ?? []).sorted { $0.executorName < $1.executorName }
                    // With a filter on, an action with nothing left to show is left out.
                    if (overdueOnly || executorID != nil || month != nil), items.isEmpty { continue }
                    let rows = items.prefix(40).map { item in
                        ["id": item.id.uuidString.lowercased(), "executor": item.executorName, "due": item.dueOn?.russian ?? "без срока",
                         "status": item.overdue ? "\(item.status.russianName), \(AssignmentStatus.overdueRussianName)" : item.status.russianName,
                         "statusClass": item.overdue ? "st-overdue" : "st-\(item.status.rawValue)"]
                    }
                    let roles = action.executors.compactMap(\.personRole)
                    actions.append([
                        "position": "\(goal.position).\(action.position)", "title": action.title,
                        "result": action.expectedResult ?? "", "hasResult": !(action.expectedResult ?? "").isEmpty,
                        "deadline": action.deadlineText,
                        "period": action.deadlinePeriod.map { "\($0.first.russian) – \($0.last.russian)" } ?? "срок не распознан",
                        "parsed": action.deadlineParsed,
                        "roles": roles.joined(separator: ", "), "hasRoles": !roles.isEmpty,
                        "assignments": Array(rows), "hasAssignments": !rows.isEmpty,
                        "more": items.count > rows.count ? "и ещё \(items.count - rows.count)" : "",
                    ])
                }
                if actions.isEmpty, overdueOnly || executorID != nil || month != nil { continue }
                let rollup = goal.rollup
                goals.append([
                    "position": goal.position, "title": goal.title,
                    "done": rollup.count(.done), "total": rollup.total - rollup.count(.cancelled),
                    "tasks": goal.tasks.map { ["position": $0.position, "title": $0.title] }, "hasTasks": !goal.tasks.isEmpty,
                    "actions": actions,
                ])
            }
        }
        let base = "/orders/\(orderID.uuidString.lowercased())"
        let context: [String: Any] = [
            "title": "Приказ № \(order.number) от \(order.date.russian)", "user": await userContext(live),
            "order": Self.orderRow(order), "orderTitle": order.title, "signatory": order.signatory ?? "", "controller": order.controller ?? "",
            "hasController": order.controller != nil,
            "base": base, "overdueChecked": overdueOnly,
            "executors": executors.sorted { $0.value < $1.value }.map { id, name in
                ["id": id.uuidString.lowercased(), "name": name, "selected": id == executorID]
            },
            "months": months.keys.sorted().map { first in
                let entry = months[first] ?? (0, 0, 0)
                return ["value": String(first.iso.prefix(7)), "name": first.russianMonth, "total": entry.total, "done": entry.done,
                        "overdue": entry.overdue, "hasOverdue": entry.overdue > 0, "widest": widest,
                        "selected": first == month] as [String: Any]
            },
            "hasMonths": !months.isEmpty,
            "goals": goals, "hasGoals": !goals.isEmpty, "truncated": truncated, "limit": Self.orderPageLimit,
            "filtered": overdueOnly || executorID != nil || month != nil,
        ]
        return try page("order", context)
    }

    // MARK: Review queue

    func reviewPage(_ request: Request, notice: String? = nil, error: String? = nil,
                    status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard AccessPolicy(live.principal).may(.reviewReport) == .allowed else {
            throw Problem.forbidden("Отчёты рассматривают только координаторы комитета.")
        }
        let waiting = try await dashboard.waitingReports(scope: live.principal, limit: 50)
        // One query for the whole queue: the report's text and version come with it.
        let items: [[String: Any]] = waiting.map { entry in
            [
                "id": entry.reportID.uuidString.lowercased(), "assignment": entry.assignmentID.uuidString.lowercased(),
                "executor": entry.executorName, "title": entry.actionTitle, "doneOn": entry.doneOn.russian, "text": entry.text,
                "links": entry.evidenceURLs, "hasLinks": !entry.evidenceURLs.isEmpty, "version": entry.version,
            ]
        }
        let requests = try await dashboard.waitingExtensions(scope: live.principal, limit: 50)
        let sent = request.uri.queryParameters["done"].map(String.init)
        let messages = [
            "accepted": "Отчёт принят.", "returned": "Отчёт возвращён на доработку.",
            "approved": "Срок перенесён.", "rejected": "В переносе срока отказано.",
        ]
        let message = notice ?? sent.flatMap { messages[$0] }
        let context: [String: Any] = [
            "title": "Отчёты на проверке", "user": await userContext(live), "csrf": live.csrfToken,
            "reports": items, "hasReports": !items.isEmpty, "count": items.count,
            "extensions": requests.map { item in
                ["id": item.extensionID.uuidString.lowercased(), "assignment": item.assignmentID.uuidString.lowercased(),
                 "executor": item.executorName, "title": item.actionTitle, "current": item.currentDueOn?.russian ?? "без срока",
                 "requested": item.requestedDueOn.russian, "reason": item.reason, "version": item.version] as [String: Any]
            },
            "hasExtensions": !requests.isEmpty, "extensionCount": requests.count,
            "notice": message as Any, "error": error as Any,
        ]
        return try page("review", context, status: status)
    }

    struct ReviewForm: Decodable, CSRFCarrying {
        var csrf: String?
        var decision: String?
        var comment: String?
        var version: Int?
    }

    func review(_ request: Request, id: String) async throws -> Response {
        guard let (live, form) = try await checkedForm(ReviewForm.self, request) else { return Self.redirect(to: "/login") }
        guard let reportID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "report", id: id) }
        guard let decision = form.decision, decision == "accept" || decision == "return" else {
            return try await reviewPage(request, error: "Выберите: принять или вернуть.", status: .unprocessableContent)
        }
        let comment = form.comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            _ = try await reports.review(reportID, decision: decision == "accept" ? .accept : .returnForRework, comment: comment?.isEmpty == true ? nil : comment,
                                         ifVersion: form.version, actor: live.principal)
        } catch let error as UseCaseError {
            if case .notFound = error { throw error }
            let message = switch error {
            case .invalid(let field, _) where field == "comment": "Чтобы вернуть отчёт, напишите комментарий: что доработать."
            case .stale, .conflict: "Этот отчёт уже рассмотрен или изменился. Список обновлён."
            case .forbidden: "Рассматривать отчёты может только координатор комитета."
            default: "Решение не принято: \(error.description)"
            }
            return try await reviewPage(request, error: message, status: .unprocessableContent)
        }
        return Self.redirect(to: "/review?done=\(decision == "accept" ? "accepted" : "returned")")
    }

    func decide(_ request: Request, id: String) async throws -> Response {
        guard let (live, form) = try await checkedForm(ReviewForm.self, request) else { return Self.redirect(to: "/login") }
        guard let extensionID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "extension", id: id) }
        guard let decision = form.decision, decision == "approve" || decision == "reject" else {
            return try await reviewPage(request, error: "Выберите: перенести срок или отказать.", status: .unprocessableContent)
        }
        let comment = form.comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            _ = try await extensions.decide(extensionID, decision: decision == "approve" ? .approve : .reject, comment: comment?.isEmpty == true ? nil : comment,
                                            ifVersion: form.version, actor: live.principal)
        } catch let error as UseCaseError {
            if case .notFound = error { throw error }
            let message = switch error {
            case .invalid(let field, _) where field == "comment": "Чтобы отказать, напишите комментарий: почему срок не переносится."
            case .stale, .conflict: "Этот запрос уже рассмотрен или изменился. Список обновлён."
            case .forbidden: "Переносить сроки может только координатор комитета."
            default: "Решение не принято: \(error.description)"
            }
            return try await reviewPage(request, error: message, status: .unprocessableContent)
        }
        return Self.redirect(to: "/review?done=\(decision == "approve" ? "approved" : "rejected")")
    }
}
