import Foundation
import Hummingbird
import RoadmapDomain
import RoadmapExport
import RoadmapStore

/// The committee's pages: the dashboard, the orders and each order's plan, and the queue
/// of reports waiting for review. Schools see an order only through their own assignments.
extension WebController {

    func addCommitteeRoutes(to router: Router<AppRequestContext>) {
        router.get("/dashboard") { request, _ in try await self.dashboardPage(request) }
        router.get("/orders") { request, _ in try await self.dashboardPage(request) }
        router.get("/orders/{id}") { request, context in try await self.orderPage(request, id: context.parameters.get("id") ?? "") }
        router.get("/orders/{id}/history") { request, context in try await self.historyPage(request, id: context.parameters.get("id") ?? "") }
        router.get("/orders/{id}/progress") { request, context in try await self.progressPage(request, id: context.parameters.get("id") ?? "") }
        router.get("/orders/{id}/as-of") { request, context in try await self.orderStatePage(request, id: context.parameters.get("id") ?? "") }
        router.get("/discipline") { request, _ in try await self.disciplinePage(request) }
        router.get("/orders/{id}/summary.xlsx") { request, context in try await self.summaryWorkbook(request, id: context.parameters.get("id") ?? "") }
        router.get("/orders/{id}/summary") { request, context in try await self.summaryPage(request, id: context.parameters.get("id") ?? "") }
        router.get("/orders/{id}/matrix") { request, context in try await self.matrixPage(request, id: context.parameters.get("id") ?? "") }
        router.get("/actions/{id}") { request, context in try await self.actionPage(request, id: context.parameters.get("id") ?? "") }
        router.post("/orders/{id}/withdraw") { request, context in try await self.withdrawOrder(request, id: context.parameters.get("id") ?? "") }
        router.post("/orders/{id}/restore") { request, context in try await self.restoreOrder(request, id: context.parameters.get("id") ?? "") }
        router.get("/search") { request, _ in try await self.searchPage(request) }
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
        let waiting = try await overview.waitingReports(scope: principal, limit: 20)
        let schools = try await overview.overdueBySchool(asOf: today, scope: principal, limit: 10)
        let model = DashboardPage(
            user: await pageUser(live), today: today.russian,
            hasOrders: !orderList.isEmpty, orders: orderList.map(Self.orderRow),
            hasDue: !due.isEmpty, dueCount: due.count,
            due: due.map { item in
                DashboardPage.DueRow(
                    id: item.id.lowercased, due: item.dueOn?.russian ?? "", title: item.actionTitle,
                    executor: item.executorName, status: item.status.russianName,
                    left: item.dueOn.map { RussianPlural.days(today.days(until: $0)) } ?? "")
            },
            hasWaiting: !waiting.isEmpty, waitingCount: waiting.count, waiting: waitingRows(waiting),
            hasSchools: !schools.isEmpty, schools: schools.map(Self.overdueSchool))
        return try page(model)
    }

    static func orderRow(_ order: OrderRecord) -> OrderRow {
        let rollup = order.rollup
        return OrderRow(
            id: order.id.lowercased, number: order.number, date: order.date.russian, title: order.title,
            issuer: order.issuerName, done: rollup.count(.done), total: rollup.total - rollup.count(.cancelled),
            percent: Int((rollup.shareDone * 100).rounded()), overdue: rollup.overdue, hasOverdue: rollup.overdue > 0,
            controller: order.controller)
    }

    static func actionsCount(_ count: Int) -> String {
        RussianPlural.form(count, one: "\(count) мероприятие", few: "\(count) мероприятия", many: "\(count) мероприятий")
    }

    // MARK: An order: its plan, status per school, filters and a timeline

    func orderPage(_ request: Request, id: String, notice: String? = nil, error: String? = nil,
                   withdraw typed: OrderPage.WithdrawForm? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard let orderID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "order", id: id) }
        let principal = live.principal
        let today = clock.today()

        // Filters from the query string; a value that does not parse is ignored, not an error.
        let query = request.uri.queryParameters
        let typedName = query["executor_name"].map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        let filter = OrderBoardRecord.Filter(
            overdueOnly: query["overdue"].map { $0 == "1" || $0 == "on" } ?? false,
            executorID: query["executor"].flatMap { UUID(uuidString: String($0)) },
            executorName: typedName.isEmpty ? nil : String(typedName.prefix(200)),
            month: query["month"].flatMap { CalendarDate(iso: "\($0)-01") })
        let after = query["after"].flatMap { UUID(uuidString: String($0)) }
        let board = try await orderBoards.board(orderID: orderID, filter: filter, after: after, asOf: today, scope: principal)
        let order = board.order
        let base = "/orders/\(orderID.lowercased)"

        let widest = board.months.map(\.rollup.total).max() ?? 1
        var goals: [OrderPage.Goal] = []
        for goal in board.goals {
            var section: String?
            let actions = goal.actions.map { item -> OrderPage.Action in
                let action = item.record
                let rollup = item.rollup
                // One executor's work is shown whole; otherwise the late first, the rest on the action's page.
                let shownLimit = board.filter.executorID == nil ? OrderBoardRecord.allShownUpTo : item.shown.count
                let rows = item.shown.prefix(shownLimit).map { shown in
                    OrderPage.Assignment(
                        id: shown.id.lowercased, executor: shown.executorName, due: shown.dueOn?.russian ?? "без срока",
                        status: Self.statusName(shown), statusClass: shown.overdue ? "st-overdue" : "st-\(shown.status.rawValue)")
                }
                let roles = action.executors.compactMap(\.personRole)
                let sectionStart = action.section != section ? action.section : nil
                section = action.section
                let relevant = rollup.total - rollup.count(.cancelled)
                let counts = Self.otherCounts(rollup)
                let hiddenRows = rollup.total - rows.count
                let actionHref = "/actions/\(action.id.lowercased)"
                return OrderPage.Action(
                    sectionStart: sectionStart, position: "\(goal.position).\(action.position)", title: action.title,
                    result: action.expectedResult ?? "", hasResult: !(action.expectedResult ?? "").isEmpty,
                    deadline: action.deadlineText,
                    period: action.deadlinePeriod.map { "\($0.first.russian) – \($0.last.russian)" } ?? "срок не распознан",
                    parsed: action.deadlineParsed, roles: roles.joined(separator: ", "), hasRoles: !roles.isEmpty,
                    done: rollup.count(.done), total: relevant, percent: relevant == 0 ? 0 : rollup.count(.done) * 100 / relevant,
                    counts: counts, overdue: rollup.overdue, hasOverdue: rollup.overdue > 0,
                    assignments: Array(rows), hasAssignments: !rows.isEmpty,
                    more: hiddenRows > 0 && board.filter.executorID == nil
                        ? PageText.allAssignments(rollup.total, organizations: action.organizationCount) : nil,
                    moreHref: actionHref)
            }
            let rollup = goal.rollup
            goals.append(OrderPage.Goal(
                position: goal.position, title: goal.title, done: rollup.count(.done), total: rollup.total - rollup.count(.cancelled),
                tasks: goal.tasks.map { OrderPage.Task(position: $0.position, title: $0.title) }, hasTasks: !goal.tasks.isEmpty,
                actions: actions))
        }
        var keep = board.filter.overdueOnly ? "&overdue=1" : ""
        if let month = board.filter.month { keep += "&month=\(month.iso.prefix(7))" }
        var pageQuery = keep
        if let executor = board.executor { pageQuery += "&executor=\(executor.id.lowercased)" }
        let paged = board.actionCount > OrderBoardRecord.pageSize
        let model = OrderPage(
            title: "Приказ № \(order.number) от \(order.date.russian)", user: await pageUser(live),
            order: Self.orderRow(order), orderTitle: order.title, base: base, overdueChecked: board.filter.overdueOnly,
            canChooseExecutor: principal.role.seesEverything,
            executorName: board.executor?.name ?? typedName, executorChosen: board.executor?.name,
            candidates: board.executorCandidates.map {
                OrderPage.Choice(href: "\(base)?executor=\($0.id.lowercased)\(keep)", name: $0.name)
            },
            hasCandidates: !board.executorCandidates.isEmpty, executorUnknown: board.executorUnknown,
            months: board.months.map { month in
                OrderPage.Month(
                    value: String(month.first.iso.prefix(7)), name: month.first.russianMonth, total: month.rollup.total,
                    done: month.rollup.count(.done), overdue: month.rollup.overdue, hasOverdue: month.rollup.overdue > 0,
                    widest: widest, selected: month.first == board.filter.month,
                    href: "\(base)?month=\(month.first.iso.prefix(7))")
            },
            hasMonths: !board.months.isEmpty, plan: OrderPlanHTML(goals: goals), hasGoals: !goals.isEmpty,
            pageNote: paged ? "Мероприятия \(board.firstShown)–\(board.lastShown) из \(board.actionCount)" : nil,
            nextHref: board.nextAfter.map { "\(base)?after=\($0.lowercased)\(pageQuery)" },
            firstHref: after != nil && paged ? "\(base)?" + String(pageQuery.dropFirst()) : nil,
            filtered: !board.filter.isEmpty, csrf: live.csrfToken, notice: notice ?? Self.doneNotice(query["done"].map(String.init)), error: error,
            withdrawnOn: order.withdrawnAt.map { clock.today(now: $0).russian },
            withdraw: order.withdrawnAt == nil && AccessPolicy(principal).may(.withdrawPlans) == .allowed
                ? typed ?? OrderPage.WithdrawForm() : nil,
            canRestore: order.withdrawnAt != nil && AccessPolicy(principal).may(.restorePlans) == .allowed,
            canEdit: order.withdrawnAt == nil && AccessPolicy(principal).may(.managePlans) == .allowed,
            publication: order.withdrawnAt == nil && AccessPolicy(principal).may(.publishProgress) == .allowed
                ? OrderPage.Publication(since: order.publishedAt.map { clock.today(now: $0).russian },
                                        href: "/public/orders/\(orderID.lowercased)") : nil)
        return try page(model, status: status)
    }

    // MARK: An order as schools × actions

    func matrixPage(_ request: Request, id: String) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard let orderID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "order", id: id) }
        let principal = live.principal
        let query = request.uri.queryParameters
        let typedName = query["executor_name"].map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        let filter = OrderMatrixRecord.Filter(
            overdueOnly: query["overdue"].map { $0 == "1" || $0 == "on" } ?? false,
            executorName: typedName.isEmpty ? nil : String(typedName.prefix(200)))
        let columnsFrom = query["columns"].flatMap { UUID(uuidString: String($0)) }
        let rowsAfter = query["after"].flatMap { UUID(uuidString: String($0)) }
        let matrix = try await orderMatrices.matrix(
            orderID: orderID, filter: filter, columnsFrom: columnsFrom, rowsAfter: rowsAfter, asOf: clock.today(), scope: principal)
        let orderHref = "/orders/\(orderID.lowercased)"
        let base = orderHref + "/matrix"
        var keep: [String] = []
        if filter.overdueOnly { keep.append("overdue=1") }
        if !typedName.isEmpty { keep.append("executor_name=\(Self.queryValue(typedName))") }
        func href(columns: UUID?, after: UUID?) -> String {
            let parts = keep + [columns.map { "columns=\($0.lowercased)" }, after.map { "after=\($0.lowercased)" }].compactMap { $0 }
            return parts.isEmpty ? base : base + "?" + parts.joined(separator: "&")
        }
        let columnsHere = columnsFrom.flatMap { id in matrix.columns.first?.id == id ? id : nil }
        let lastColumn = matrix.firstColumn + matrix.columns.count - 1
        let model = MatrixPage(
            title: "Приказ № \(matrix.order.number): учреждения и мероприятия", user: await pageUser(live), orderHref: orderHref,
            heading: "Приказ № \(matrix.order.number) от \(matrix.order.date.russian)", base: base,
            overdueChecked: filter.overdueOnly, canChooseExecutor: principal.role.seesEverything, executorName: typedName,
            filtered: filter.overdueOnly || !typedName.isEmpty,
            columns: matrix.columns.map { column in
                MatrixPage.Column(number: column.number, title: column.title, href: "/actions/\(column.id.lowercased)")
            },
            body: MatrixRowsHTML(rows: matrix.rows.map { row in
                let executorHref = "\(orderHref)?executor=\(row.organization.id.lowercased)"
                return MatrixPage.Row(
                    name: row.organization.name, href: Self.organizationHref(row.organization.id), overdue: row.overdue, hasOverdue: row.overdue > 0,
                    cells: row.cells.map { cell in
                        guard let cell, let mark = cell.mark else {
                            return MatrixPage.Cell(symbol: "", name: "", cssClass: nil, href: nil)
                        }
                        let total = cell.rollup.total - cell.rollup.count(.cancelled)
                        return MatrixPage.Cell(
                            symbol: mark.symbol,
                            name: cell.rollup.total > 1 ? "\(mark.russianName): выполнено \(cell.rollup.count(.done)) из \(total)" : mark.russianName,
                            cssClass: "st-\(mark.rawValue)",
                            href: cell.assignmentID.map { "/assignments/\($0.lowercased)" } ?? executorHref)
                    })
            }),
            hasRows: !matrix.rows.isEmpty,
            columnNote: matrix.columns.isEmpty
                ? "Мероприятий нет"
                : "Мероприятия \(matrix.firstColumn)–\(lastColumn) из \(matrix.columnCount)",
            previousColumnsHref: matrix.previousColumnsFrom.map { href(columns: $0, after: rowsAfter) },
            nextColumnsHref: matrix.nextColumnsFrom.map { href(columns: $0, after: rowsAfter) },
            nextRowsHref: matrix.nextRowsAfter.map { href(columns: columnsHere, after: $0) },
            firstRowsHref: rowsAfter == nil ? nil : href(columns: columnsHere, after: nil),
            legend: ProgressMark.allCases.map { MatrixPage.LegendItem(symbol: $0.symbol, name: $0.russianName, cssClass: "st-\($0.rawValue)") })
        return try page(model)
    }

    // MARK: «Сводка об исполнении» as of a day

    func summaryPage(_ request: Request, id: String) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard let orderID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "order", id: id) }
        let typed = request.uri.queryParameters["as_of"].map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        let parsed = typed.isEmpty ? nil : CalendarDate(iso: typed) ?? CalendarDate(russian: typed)
        let refused = !typed.isEmpty && parsed == nil
        let day = parsed ?? clock.today()
        let summary = try await executionSummaries.summary(orderID: orderID, asOf: day, scope: live.principal)
        let order = summary.order
        func row(_ name: String, _ tally: ExecutionTally, strong: Bool = false) -> SummaryPage.TotalsRow {
            SummaryPage.TotalsRow(
                name: name, strong: strong, total: tally.total, onTime: tally.count(.doneOnTime), late: tally.count(.doneLate),
                overdue: tally.count(.overdue), notYetDue: tally.count(.notYetDue), percent: tally.percentDone)
        }
        var totals: [SummaryPage.TotalsRow] = []
        for goal in summary.goals {
            totals.append(row("Цель \(goal.position). \(goal.title)", goal.tally))
            totals += goal.tasks.map { row("Задача \($0.number). \($0.title)", $0.tally) }
        }
        totals.append(row("Итого по приказу", summary.tally, strong: true))
        let orderHref = "/orders/\(orderID.lowercased)"
        let model = SummaryPage(
            title: "Сводка об исполнении приказа № \(order.number) на \(day.russian)", user: await pageUser(live),
            orderHref: orderHref, base: orderHref + "/summary", issuer: order.issuerName,
            heading: "приказа № \(order.number) от \(order.date.russian)", orderTitle: order.title,
            asOfValue: refused ? typed : day.iso, asOfRussian: day.russian,
            error: refused ? PageText.summaryDateInvalid.russian : nil,
            totals: totals,
            goals: summary.goals.filter { !$0.actions.isEmpty }.map { goal in
                SummaryPage.Goal(
                    heading: "Цель \(goal.position). \(goal.title)",
                    actions: goal.actions.map { action in
                        let tally = action.tally
                        return SummaryPage.Action(
                            number: action.number, title: action.title, deadline: action.deadlineText,
                            counts: "выполнено \(tally.done) из \(tally.total) (в срок \(tally.count(.doneOnTime)), с нарушением срока "
                                + "\(tally.count(.doneLate))); не выполнено, срок истёк: \(tally.count(.overdue)); срок не наступил: \(tally.count(.notYetDue))",
                            lines: action.lines.map { line in
                                SummaryPage.Line(
                                    executor: line.executorName, due: line.dueOn?.russian ?? "без срока",
                                    outcome: line.outcome.russianName, outcomeClass: "st-\(line.outcome.rawValue)",
                                    doneOn: line.doneOn?.russian ?? "", report: line.reportText ?? "",
                                    reportNote: line.reportStatus.flatMap { $0 == .accepted ? nil : $0 == .returned ? "возвращён на доработку" : "на проверке" })
                            })
                    })
            },
            hasGoals: summary.goals.contains { !$0.actions.isEmpty }, controller: order.controller)
        return try page(model)
    }

    // MARK: An order's history

    func historyPage(_ request: Request, id: String) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard let orderID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "order", id: id) }
        let today = clock.today()
        let cursor = request.uri.queryParameters["cursor"].map(String.init)
        let history: (order: OrderRecord, page: Page<EventRecord>)
        do {
            history = try await orderHistories.history(orderID: orderID, cursor: cursor, asOf: today, scope: live.principal)
        } catch UseCaseError.invalid(field: "cursor", _) {
            // A cursor from another list: start again from the newest.
            history = try await orderHistories.history(orderID: orderID, cursor: nil, asOf: today, scope: live.principal)
        }
        let formatter = Self.moments(in: clock.timeZone)
        let base = "/orders/\(orderID.lowercased)"
        let model = HistoryPage(
            title: "Приказ № \(history.order.number): история", user: await pageUser(live), orderHref: base,
            heading: "Приказ № \(history.order.number) от \(history.order.date.russian)",
            entries: history.page.items.map { event in
                let role = HistoryText.role(event.actorRole)
                let who: String
                if let name = event.actorName {
                    who = role.map { "\(name), \($0)" } ?? name
                } else if event.actorCommand != nil {
                    who = "администратор установки (roadmapctl)"
                } else {
                    who = "система"
                }
                let isImport = event.event == "imported"
                return HistoryPage.Entry(
                    when: formatter.string(from: event.occurredAt), who: who,
                    what: HistoryText.sentence(entityType: event.entityType, event: event.event, data: event.data),
                    why: event.reason.map { isImport ? "файл «\($0)»" : $0 })
            },
            hasEntries: !history.page.items.isEmpty,
            olderHref: history.page.nextCursor.map { "\(base)/history?cursor=\($0)" },
            newestHref: cursor == nil ? nil : "\(base)/history")
        return try page(model)
    }

    // MARK: Progress over time

    func progressPage(_ request: Request, id: String) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard let orderID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "order", id: id) }
        let today = clock.today()
        let record = try await progress.progress(orderID: orderID, asOf: today, scope: live.principal)
        let points = record.burnUp.points
        let last = points.last { $0.done != nil }
        let model = ProgressPage(
            title: "Приказ № \(record.order.number): выполнение по месяцам", user: await pageUser(live),
            orderHref: "/orders/\(orderID.lowercased)", heading: "Приказ № \(record.order.number) от \(record.order.date.russian)",
            asOfRussian: today.russian, chart: points.isEmpty ? nil : BurnUpChart(record.burnUp),
            chartDescription: last.map { "На \($0.month.russianMonth) запланировано \($0.planned), выполнено \($0.done ?? 0)." } ?? "",
            rows: points.map { point in
                ProgressPage.Row(
                    month: point.month.russianMonth, planned: point.planned, done: point.done.map(String.init) ?? "—",
                    percent: point.done.map { point.planned == 0 ? "—" : String($0 * 100 / point.planned) } ?? "—")
            },
            hasRows: !points.isEmpty)
        return try page(model)
    }

    /// «Как это выглядело на …»: the order at the end of a past day, rebuilt from its history.
    func orderStatePage(_ request: Request, id: String) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard let orderID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "order", id: id) }
        let query = request.uri.queryParameters
        let typed = query["date"].map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        let parsed = typed.isEmpty ? nil : CalendarDate(iso: typed) ?? CalendarDate(russian: typed)
        let today = clock.today()
        var error: PageText? = !typed.isEmpty && parsed == nil ? .stateDateInvalid : nil
        var day = parsed ?? today.firstOfMonth
        let actionID = query["action"].flatMap { UUID(uuidString: String($0)) }
        let state: OrderStateRecord
        do {
            state = try await orderStates.state(orderID: orderID, on: day, actionID: actionID, scope: live.principal)
        } catch UseCaseError.invalid(field: "on", _) {
            // A day not yet over: today's state, said so beside the field.
            error = .stateDateFuture
            day = today
            state = try await orderStates.state(orderID: orderID, on: day, actionID: actionID, scope: live.principal)
        }
        let orderHref = "/orders/\(orderID.lowercased)"
        let base = orderHref + "/as-of"
        func counts(_ rollup: Rollup) -> String {
            let relevant = rollup.total - rollup.count(.cancelled)
            let others = Self.otherCounts(rollup)
            return "выполнено \(rollup.count(.done)) из \(relevant)" + (others.isEmpty ? "" : "; \(others)")
        }
        let then = state.then
        let now = state.now
        var totals = [OrderStatePage.TotalsRow(name: "Назначений", then: then.total - then.count(.cancelled), now: now.total - now.count(.cancelled), strong: true)]
        totals += ([.done, .reported, .returned, .inProgress, .planned] as [AssignmentStatus]).map {
            OrderStatePage.TotalsRow(name: $0.russianName.prefix(1).uppercased() + $0.russianName.dropFirst(), then: then.count($0), now: now.count($0), strong: false)
        }
        totals.append(OrderStatePage.TotalsRow(name: "Просрочено", then: then.overdue, now: now.overdue, strong: false))
        let detailed = state.goals.flatMap(\.actions).first { $0.id == state.detailed }
        let model = OrderStatePage(
            title: "Приказ № \(state.order.number): как это выглядело на \(day.russian)", user: await pageUser(live),
            orderHref: orderHref, base: base, heading: "Приказ № \(state.order.number) от \(state.order.date.russian)",
            dayValue: error == .stateDateInvalid ? typed : day.iso, dayRussian: day.russian, todayRussian: today.russian,
            error: error?.russian,
            recordedSince: state.beforeRecords ? (state.recordedSince.map { clock.today(now: $0).russian } ?? "позже") : nil,
            totals: totals,
            goals: state.goals.filter { !$0.actions.isEmpty }.map { goal in
                OrderStatePage.Goal(heading: "Цель \(goal.position). \(goal.title)", actions: goal.actions.map { action in
                    OrderStatePage.Action(
                        number: action.number, title: action.title, deadline: action.deadlineText,
                        then: counts(action.then), thenOverdue: action.then.overdue > 0 ? action.then.overdue : nil,
                        now: counts(action.now), nowOverdue: action.now.overdue > 0 ? action.now.overdue : nil,
                        detailHref: "\(base)?date=\(day.iso)&action=\(action.id.lowercased)#executors",
                        current: action.id == state.detailed)
                })
            },
            hasGoals: state.goals.contains { !$0.actions.isEmpty },
            addedLater: state.addedLater > 0
                ? "Позже в приказ добавлено: \(Self.actionsCount(state.addedLater)); здесь они не показаны." : nil,
            detail: detailed.map { action in
                OrderStatePage.Detail(
                    heading: "Исполнители мероприятия \(action.number) на \(day.russian)",
                    lines: action.lines.map { line in
                        OrderStatePage.Line(
                            executor: line.executorName + (line.occurrence > 1 ? " (\(line.occurrence)-й срок)" : ""),
                            dueThen: line.dueThen?.russian ?? "без срока",
                            statusThen: line.overdueThen ? AssignmentStatus.overdueRussianName : line.statusThen.russianName,
                            classThen: line.overdueThen ? "st-overdue" : "st-\(line.statusThen.rawValue)",
                            dueNow: line.dueNow?.russian ?? "без срока",
                            statusNow: line.overdueNow ? AssignmentStatus.overdueRussianName : line.statusNow.russianName,
                            classNow: line.overdueNow ? "st-overdue" : "st-\(line.statusNow.rawValue)",
                            changed: line.changed)
                    },
                    hasLines: !action.lines.isEmpty)
            })
        return try page(model)
    }

    /// The summary as an .xlsx download, the same rows `roadmapctl summary --format xlsx` writes.
    func summaryWorkbook(_ request: Request, id: String) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard let orderID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "order", id: id) }
        let typed = request.uri.queryParameters["as_of"].map(String.init) ?? ""
        guard let day = typed.isEmpty ? clock.today() : CalendarDate(iso: typed) ?? CalendarDate(russian: typed) else {
            throw UseCaseError.invalid(field: "as_of", reason: "is not a date (YYYY-MM-DD or DD.MM.YYYY)")
        }
        let summary = try await executionSummaries.summary(orderID: orderID, asOf: day, scope: live.principal)
        let data = try SummarySheet.workbook(summary)
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        headers[.contentDisposition] = ContentDisposition.attachment("svodka-\(summary.order.number)-\(day.iso).xlsx")
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    // MARK: «Исполнительская дисциплина»

    func disciplinePage(_ request: Request) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        let principal = live.principal
        let today = clock.today()
        let query = request.uri.queryParameters
        func day(_ name: Substring) -> (typed: String, day: CalendarDate?) {
            let typed = query[name].map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
            return (typed, typed.isEmpty ? nil : CalendarDate(iso: typed) ?? CalendarDate(russian: typed))
        }
        let (fromTyped, fromDay) = day("from")
        let (toTyped, toDay) = day("to")
        let yearStart = CalendarDate(year: today.year, month: 1, day: 1) ?? today
        var refused = (!fromTyped.isEmpty && fromDay == nil) || (!toTyped.isEmpty && toDay == nil)
        var from = fromDay ?? yearStart
        var to = toDay ?? today
        if from > to {
            refused = true
            (from, to) = (yearStart, today)
        }
        let orderID = query["order"].flatMap { UUID(uuidString: String($0)) }
        let record = try await discipline.discipline(from: from, to: to, orderID: orderID, asOf: today, scope: principal)
        let orderList = try await Page.all { try await orders.list(year: nil, issuerID: nil, asOf: today, limit: 100, cursor: $0, scope: principal) }
        func href(_ organization: OrderBoardRecord.Organization) -> String { Self.organizationHref(organization.id) }
        let model = DisciplinePage(
            title: "Исполнительская дисциплина", user: await pageUser(live),
            fromValue: refused && !fromTyped.isEmpty ? fromTyped : from.iso, toValue: refused && !toTyped.isEmpty ? toTyped : to.iso,
            error: refused ? PageText.disciplinePeriodInvalid.russian : nil,
            orders: orderList.map { order in
                DisciplinePage.Choice(value: order.id.lowercased, name: "№ \(order.number) от \(order.date.russian)",
                                      selected: order.id == record.order?.id)
            },
            period: "сроки с \(from.russian) по \(to.russian), исполнение на \(today.russian)",
            scope: record.order.map { "приказ № \($0.number) от \($0.date.russian)" } ?? "все приказы",
            rows: record.rows.enumerated().map { index, row in
                DisciplinePage.Row(
                    rank: index + 1, name: row.organization.name, href: href(row.organization), total: row.tally.total,
                    onTime: row.tally.count(.doneOnTime), late: row.tally.count(.doneLate), overdue: row.tally.count(.overdue),
                    hasOverdue: row.tally.count(.overdue) > 0, notYetDue: row.tally.count(.notYetDue),
                    percentOnTime: row.tally.percentOnTime,
                    averageDelay: row.averageDelay.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") } ?? "—")
            },
            hasRows: !record.rows.isEmpty,
            silent: record.silent.map { item in
                DisciplinePage.Silent(
                    name: item.organization.name, href: href(item.organization), unreported: item.unreported,
                    firstDue: item.firstDueOn.russian, contacts: item.contacts.isEmpty ? "пользователей нет" : item.contacts.joined(separator: "; "))
            },
            hasSilent: !record.silent.isEmpty)
        return try page(model)
    }

    /// A value for a link's query string: everything but letters, digits and `-._~` escaped.
    static func queryValue(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    // MARK: One action's executors, a page at a time

    /// Assignments listed per page of an action.
    static let actionPageSize = 50

    func actionPage(_ request: Request, id: String) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard let actionID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "action", id: id) }
        let principal = live.principal
        let today = clock.today()
        let query = request.uri.queryParameters
        let overdueOnly = query["overdue"].map { $0 == "1" } ?? false
        let status = overdueOnly ? nil : query["status"].flatMap { AssignmentStatus(rawValue: String($0)) }
        let cursor = query["cursor"].map(String.init)
        let action = try await plans.action(actionID, asOf: today, scope: principal, executorLimit: PlanTreeRecord.executorsPerAction)
        let filter = AssignmentFilter(actionID: actionID, status: status, overdue: overdueOnly ? true : nil)
        let listed: Page<AssignmentRecord>
        do {
            listed = try await assignments.list(filter, asOf: today, limit: Self.actionPageSize, cursor: cursor, scope: principal)
        } catch UseCaseError.invalid(field: "cursor", _) {
            // A cursor from a bookmark of another list: start again from the first page.
            listed = try await assignments.list(filter, asOf: today, limit: Self.actionPageSize, cursor: nil, scope: principal)
        }
        let base = "/actions/\(actionID.lowercased)"
        let current = overdueOnly ? "overdue=1" : status.map { "status=\($0.rawValue)" } ?? ""
        let choices: [(String, String)] = [
            ("", "Все"), ("overdue=1", "Просрочено"), ("status=reported", "На проверке"), ("status=returned", "Возвращено"),
            ("status=in_progress", "В работе"), ("status=planned", "Запланировано"), ("status=done", "Выполнено"),
        ]
        let rollup = action.rollup
        let relevant = rollup.total - rollup.count(.cancelled)
        let counts = Self.otherCounts(rollup)
        let roles = action.executors.compactMap(\.personRole)
        let orderHref = action.orderID.map { "/orders/\($0.lowercased)" }
        let model = ActionPage(
            title: action.title, user: await pageUser(live), orderHref: orderHref,
            actionTitle: action.title, result: action.expectedResult, deadline: action.deadlineText,
            period: action.deadlinePeriod.map { "\($0.first.russian) – \($0.last.russian)" } ?? "срок не распознан",
            parsed: action.deadlineParsed, done: rollup.count(.done), total: relevant,
            percent: relevant == 0 ? 0 : rollup.count(.done) * 100 / relevant, overdue: rollup.overdue, hasOverdue: rollup.overdue > 0,
            counts: counts, roles: roles.isEmpty ? nil : roles.joined(separator: ", "),
            tabs: choices.map { value, name in
                ActionPage.Tab(name: name, href: value.isEmpty ? base : "\(base)?\(value)", current: value == current)
            },
            rows: listed.items.map { item in
                ActionPage.Row(
                    id: item.id.lowercased, executor: item.executorName,
                    executorHref: Self.organizationHref(item.executorID),
                    due: item.dueOn?.russian ?? "без срока", status: Self.statusName(item),
                    statusClass: item.overdue ? "st-overdue" : "st-\(item.status.rawValue)")
            },
            hasRows: !listed.items.isEmpty,
            nextHref: listed.nextCursor.map { "\(base)?\(current.isEmpty ? "" : current + "&")cursor=\($0)" },
            firstHref: cursor == nil ? nil : (current.isEmpty ? base : "\(base)?\(current)"))
        return try page(model)
    }

    /// «на проверке 30 · в работе 12 · запланировано 100»: the counts beside «выполнено».
    static func otherCounts(_ rollup: Rollup) -> String {
        ([.reported, .returned, .inProgress, .planned, .cancelled] as [AssignmentStatus]).compactMap { status in
            rollup.count(status) > 0 ? "\(status.russianName) \(rollup.count(status))" : nil
        }.joined(separator: " · ")
    }

    /// The notice a redirect after a withdrawal or a restoration asks for (`?done=…`).
    static func doneNotice(_ done: String?) -> String? {
        switch done {
        case "withdrawn": PageText.withdrawDone.russian
        case "published": PageText.publishDone.russian
        case "unpublished": PageText.unpublishDone.russian
        case "restored": PageText.restoreDone.russian
        default: nil
        }
    }

    struct ReasonForm: Decodable, CSRFCarrying {
        var csrf: String?
        var reason: String?
    }

    /// A withdrawal refused: the reason's problem beside its field, anything else above the page.
    static func refusedWithdrawal(_ error: UseCaseError, reasonError: inout String?) throws -> String? {
        switch error {
        case .notFound: throw error
        case .invalid("reason", let reason): reasonError = textProblem(reason) ?? PageText.withdrawReasonEmpty.russian
        case .conflict: return PageText.withdrawNotNow.russian
        case .forbidden: return PageText.withdrawForbidden.russian
        default: return PageText.problem(type: Problem.from(error).type, status: Int(Problem.from(error).status.code))
        }
        return nil
    }

    /// A restoration refused, said above the page.
    static func refusedRestoration(_ error: UseCaseError) throws -> String {
        switch error {
        case .notFound: throw error
        case .conflict: PageText.restoreNotNow.russian
        case .forbidden: PageText.restoreForbidden.russian
        default: PageText.problem(type: Problem.from(error).type, status: Int(Problem.from(error).status.code))
        }
    }

    /// Withdraws an order (`WithdrawalStore`); a refused form comes back with the reason as typed.
    func withdrawOrder(_ request: Request, id: String) async throws -> Response {
        guard let (live, form) = try await checkedForm(ReasonForm.self, request) else { return Self.redirect(to: "/login") }
        guard let orderID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "order", id: id) }
        var typed = OrderPage.WithdrawForm(reason: form.reason ?? "")
        do {
            _ = try await withdrawals.withdraw(orderID: orderID, reason: typed.reason, asOf: clock.today(), actor: live.principal)
        } catch let error as UseCaseError {
            let message = try Self.refusedWithdrawal(error, reasonError: &typed.reasonError)
            return try await orderPage(request, id: id, error: message, withdraw: typed, status: .unprocessableContent)
        }
        return Self.redirect(to: "/orders/\(orderID.lowercased)?done=withdrawn")
    }

    /// Restores a withdrawn order (an administrator).
    func restoreOrder(_ request: Request, id: String) async throws -> Response {
        guard let (live, form) = try await checkedForm(ReasonForm.self, request) else { return Self.redirect(to: "/login") }
        guard let orderID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "order", id: id) }
        do {
            _ = try await withdrawals.restore(orderID: orderID, reason: form.reason, asOf: clock.today(), actor: live.principal)
        } catch let error as UseCaseError {
            return try await orderPage(request, id: id, error: try Self.refusedRestoration(error), status: .unprocessableContent)
        }
        return Self.redirect(to: "/orders/\(orderID.lowercased)?done=restored")
    }

    // MARK: Search

    /// The header's search box: actions, orders and organisations by words (`SearchStore`).
    func searchPage(_ request: Request) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        // A browser sends a GET form's spaces as «+»: read the query as the form it is.
        struct Query: Decodable { var q: String? }
        let typed = (try? URLEncodedFormDecoder().decode(Query.self, from: request.uri.query ?? ""))?.q ?? ""
        let user = await pageUser(live)
        func model(_ found: SearchResults?, error: String?) -> SearchPage {
            let actions = (found?.actions ?? []).map { hit in
                SearchPage.Action(
                    title: hit.title, section: hit.section, deadline: hit.deadlineText,
                    link: hit.orderID.map { "/orders/\($0.lowercased)" },
                    order: hit.orderNumber.map { "приказ № \($0) от \(hit.orderDate?.russian ?? "")" })
            }
            let orders = (found?.orders ?? []).map { hit in
                SearchPage.Order(link: "/orders/\(hit.id.lowercased)", name: "№ \(hit.number) от \(hit.date.russian)", title: hit.title)
            }
            let kinds = Dictionary(uniqueKeysWithValues: Self.organizationKinds.map { ($0.value, $0.name) })
            let organizations = (found?.organizations ?? []).map { SearchPage.Organization(name: $0.name, kind: kinds[$0.kind] ?? $0.kind) }
            return SearchPage(
                user: user, siteSearch: typed, error: error, searched: found != nil, nothing: found?.isEmpty == true,
                actions: actions, hasActions: !actions.isEmpty, orders: orders, hasOrders: !orders.isEmpty,
                organizations: organizations, hasOrganizations: !organizations.isEmpty)
        }
        guard !typed.trimmingCharacters(in: .whitespaces).isEmpty else { return try page(model(nil, error: nil)) }
        do {
            return try page(model(try await searches.search(typed, scope: live.principal), error: nil))
        } catch UseCaseError.invalid(field: "q", _) {
            return try page(model(nil, error: PageText.searchTooShort.russian), status: .unprocessableContent)
        }
    }

    // MARK: Review queue

    func reviewPage(_ request: Request, notice: String? = nil, error: String? = nil, typed: ReviewPage.Typed? = nil,
                    status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard AccessPolicy(live.principal).may(.reviewReport) == .allowed else {
            throw Problem.forbidden("Only the committee's staff review reports.").onPage(.reviewForbidden)
        }
        // One query for the whole queue: the report's text and version come with it.
        let waiting = try await dashboard.waitingReports(scope: live.principal, limit: 50)
        let files = try await evidence.list(reportIDs: waiting.map(\.reportID), scope: live.principal)
        let requests = try await dashboard.waitingExtensions(scope: live.principal, limit: 50)
        let sent = request.uri.queryParameters["done"].map(String.init)
        let messages: [String: PageText] = [
            "accepted": .reviewAccepted, "returned": .reviewReturned, "approved": .extensionApproved, "rejected": .extensionRejected,
        ]
        func typedComment(_ id: String) -> (String, String?) {
            guard let typed, typed.id == id else { return ("", nil) }
            return (typed.comment, typed.error)
        }
        let model = ReviewPage(
            user: await pageUser(live), csrf: live.csrfToken, notice: notice ?? sent.flatMap { messages[$0]?.russian }, error: error,
            count: waiting.count, hasReports: !waiting.isEmpty,
            reports: waiting.map { entry in
                let id = entry.reportID.lowercased
                let (comment, commentError) = typedComment(id)
                return ReviewPage.Report(
                    id: id, assignment: entry.assignmentID.lowercased, executor: entry.executorName,
                    title: entry.actionTitle, doneOn: entry.doneOn.russian, text: entry.text, links: entry.evidenceURLs,
                    hasLinks: !entry.evidenceURLs.isEmpty, files: (files[entry.reportID] ?? []).map(Self.evidenceFile),
                    hasFiles: files[entry.reportID]?.isEmpty == false, version: entry.version, comment: comment, commentError: commentError)
            },
            extensionCount: requests.count, hasExtensions: !requests.isEmpty,
            extensions: requests.map { item in
                let id = item.extensionID.lowercased
                let (comment, commentError) = typedComment(id)
                return ReviewPage.Request(
                    id: id, assignment: item.assignmentID.lowercased, executor: item.executorName,
                    title: item.actionTitle, current: item.currentDueOn?.russian ?? "без срока", requested: item.requestedDueOn.russian,
                    reason: item.reason, version: item.version, comment: comment, commentError: commentError)
            })
        return try page(model, status: status)
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
        guard let decision = form.decision.flatMap({ ["accept": ReportStatus.Decision.accept, "return": .returnForRework][$0] }) else {
            return try await reviewPage(request, error: PageText.reviewChoose.russian, status: .unprocessableContent)
        }
        let comment = form.comment ?? ""
        do {
            _ = try await reports.review(reportID, decision: decision, comment: comment, ifVersion: form.version, actor: live.principal)
        } catch let error as UseCaseError {
            switch error {
            case .notFound: throw error
            case .invalid("comment", let reason):
                let message = Self.textProblem(reason) ?? PageText.reviewCommentRequired.russian
                return try await reviewPage(request, typed: ReviewPage.Typed(id: reportID.lowercased, comment: comment, error: message),
                                            status: .unprocessableContent)
            case .stale, .conflict:
                return try await reviewPage(request, error: PageText.reviewAlreadyDecided.russian, status: .unprocessableContent)
            case .forbidden:
                return try await reviewPage(request, error: PageText.reviewForbidden.russian, status: .unprocessableContent)
            default: throw error
            }
        }
        return Self.redirect(to: "/review?done=\(decision == .accept ? "accepted" : "returned")")
    }

    func decide(_ request: Request, id: String) async throws -> Response {
        guard let (live, form) = try await checkedForm(ReviewForm.self, request) else { return Self.redirect(to: "/login") }
        guard let extensionID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "extension", id: id) }
        guard let decision = form.decision.flatMap(ExtensionStatus.Decision.init(rawValue:)) else {
            return try await reviewPage(request, error: PageText.extensionChoose.russian, status: .unprocessableContent)
        }
        let comment = form.comment ?? ""
        do {
            _ = try await extensions.decide(extensionID, decision: decision, comment: comment, ifVersion: form.version, actor: live.principal)
        } catch let error as UseCaseError {
            switch error {
            case .notFound: throw error
            case .invalid("comment", let reason):
                let message = Self.textProblem(reason) ?? PageText.extensionCommentRequired.russian
                return try await reviewPage(request, typed: ReviewPage.Typed(id: extensionID.lowercased, comment: comment, error: message),
                                            status: .unprocessableContent)
            case .stale, .conflict:
                return try await reviewPage(request, error: PageText.reviewAlreadyDecided.russian, status: .unprocessableContent)
            case .forbidden:
                return try await reviewPage(request, error: PageText.extensionForbidden.russian, status: .unprocessableContent)
            default: throw error
            }
        }
        return Self.redirect(to: "/review?done=\(decision == .approve ? "approved" : "rejected")")
    }
}
