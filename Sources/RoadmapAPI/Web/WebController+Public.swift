import Foundation
import Hummingbird
import RoadmapDomain
import RoadmapExport
import RoadmapStore

/// An order's public progress page and its open data, for anybody without signing in, and
/// the committee's switches that publish an order and a report's text.
extension WebController {

    func addPublicRoutes(to router: Router<AppRequestContext>) {
        router.get("/public") { _, _ in try await self.publicList() }
        router.get("/public/orders/{file}") { request, context in try await self.publicOrder(request, file: context.parameters.get("file") ?? "") }
        router.post("/orders/{id}/publication") { request, context in try await self.publishOrder(request, id: context.parameters.get("id") ?? "") }
        router.post("/reports/{id}/public") { request, context in try await self.setReportPublic(request, id: context.parameters.get("id") ?? "") }
    }

    func publicList() async throws -> Response {
        let orders = try await publication.published()
        return try page(PublicListPage(
            orders: orders.map { order in
                PublicListPage.Order(
                    href: "/public/orders/\(order.id.lowercased)",
                    name: "Приказ № \(order.number) от \(order.date.russian) «\(order.title)»", issuer: order.issuerName,
                    publishedOn: clock.today(now: order.publishedAt).russian)
            },
            hasOrders: !orders.isEmpty))
    }

    /// `/public/orders/{id}`, `{id}.csv` or `{id}.json`: the same record three ways.
    func publicOrder(_ request: Request, file: String) async throws -> Response {
        let (name, format) = file.hasSuffix(".csv") ? (file.dropLast(4), "csv") : file.hasSuffix(".json") ? (file.dropLast(5), "json") : (Substring(file), "html")
        guard let orderID = UUID(uuidString: String(name)) else { throw UseCaseError.notFound(entity: "order", id: String(name)) }
        let record = try await publication.publicOrder(orderID, asOf: clock.today())
        let base = "/public/orders/\(orderID.lowercased)"
        switch format {
        case "csv":
            return Self.openData(OpenDataTable.csv(record), type: "text/csv; charset=utf-8",
                                 attachment: "prikaz-\(record.number)-\(record.asOf.iso).csv")
        case "json":
            return Self.openData(try OpenDataTable.json(record), type: "application/json", attachment: nil)
        default:
            return try page(Self.publicPage(record, base: base, publishedOn: clock.today(now: record.publishedAt)))
        }
    }

    static func openData(_ data: Data, type: String, attachment: String?) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        if let attachment { headers[.contentDisposition] = ContentDisposition.attachment(attachment) }
        headers[.cacheControl] = "no-cache"
        headers[.accessControlAllowOrigin] = "*"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// An action with more organisations than this lists them in the open data only.
    static let publicLinesShown = 30

    static func publicPage(_ record: PublicOrderRecord, base: String, publishedOn: CalendarDate) -> PublicOrderPage {
        func totals(_ tally: ExecutionTally) -> PublicOrderPage.Totals {
            PublicOrderPage.Totals(total: tally.total, onTime: tally.count(.doneOnTime), late: tally.count(.doneLate),
                                   overdue: tally.count(.overdue), notYetDue: tally.count(.notYetDue), percent: tally.percentDone)
        }
        let organizations = record.organizations
        return PublicOrderPage(
            title: "Ход исполнения приказа № \(record.number)", heading: "приказа № \(record.number) от \(record.date.russian)",
            issuer: record.issuerName, orderTitle: record.title, asOfRussian: record.asOf.russian, publishedOn: publishedOn.russian,
            csvHref: base + ".csv", jsonHref: base + ".json", totals: totals(record.tally),
            goals: record.goals.filter { !$0.actions.isEmpty }.map { goal in
                PublicOrderPage.Goal(heading: "Цель \(goal.position). \(goal.title)", actions: goal.actions.map { action in
                    let tally = action.tally
                    let few = action.lines.count <= publicLinesShown
                    return PublicOrderPage.Action(
                        number: action.number, title: action.title, deadline: action.deadlineText,
                        result: action.expectedResult.flatMap { $0.isEmpty ? nil : $0 },
                        done: tally.done, total: tally.total, percent: tally.percentDone,
                        overdue: tally.count(.overdue) > 0 ? tally.count(.overdue) : nil,
                        lines: few ? action.lines.map { line in
                            PublicOrderPage.Line(
                                organization: line.organizationName, due: line.dueOn?.russian ?? "не указан",
                                outcome: line.outcome.russianName, outcomeClass: "st-\(line.outcome.rawValue)",
                                doneOn: line.outcome.isDone ? line.doneOn?.russian : nil, report: line.publicReport)
                        } : [],
                        hasLines: few && !action.lines.isEmpty,
                        many: few ? nil : "Учреждений: \(action.lines.count) — по каждому в открытых данных (CSV, JSON).")
                })
            },
            hasGoals: record.goals.contains { !$0.actions.isEmpty },
            organizations: organizations.map { PublicOrderPage.Organization(name: $0.name, totals: totals($0.tally)) },
            hasOrganizations: !organizations.isEmpty)
    }

    struct PublicationForm: Decodable, CSRFCarrying {
        var csrf: String?
        var published: String?
        var `public`: String?
    }

    func publishOrder(_ request: Request, id: String) async throws -> Response {
        guard let (live, form) = try await checkedForm(PublicationForm.self, request) else { return Self.redirect(to: "/login") }
        guard let orderID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "order", id: id) }
        let published = form.published == "1"
        _ = try await publication.publish(orderID: orderID, published: published, asOf: clock.today(), actor: live.principal)
        return Self.redirect(to: "/orders/\(orderID.lowercased)?done=\(published ? "published" : "unpublished")#publication-h")
    }

    func setReportPublic(_ request: Request, id: String) async throws -> Response {
        guard let (live, form) = try await checkedForm(PublicationForm.self, request) else { return Self.redirect(to: "/login") }
        guard let reportID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "report", id: id) }
        let isPublic = form.public == "1"
        let report = try await publication.setReportPublic(reportID, isPublic: isPublic, actor: live.principal)
        return try await assignmentPage(
            request, id: report.assignmentID.lowercased,
            notice: isPublic ? PageText.reportPublicDone.russian : PageText.reportPrivateDone.russian)
    }
}
