import Foundation
import Hummingbird
import RoadmapDomain
import RoadmapStore

/// An organisation's own page across all orders, which the lists that name an organisation
/// (the dashboard's and home page's overdue schools, the discipline ranking, the matrix)
/// link to. A school reads its own; another's is not found.
extension WebController {
    func addOrganizationRoutes(to router: Router<AppRequestContext>) {
        router.get("/organizations/{id}") { request, context in
            try await self.organizationOverviewPage(request, id: context.parameters.get("id") ?? "")
        }
    }

    static func organizationHref(_ id: UUID) -> String { "/organizations/\(id.lowercased)" }

    func organizationOverviewPage(_ request: Request, id: String) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard let organizationID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "organization", id: id) }
        let today = clock.today()
        let record = try await organizationOverviews.overview(organizationID, asOf: today, scope: live.principal)
        let organization = record.organization
        let kinds = Dictionary(uniqueKeysWithValues: Self.organizationKinds.map { ($0.value, $0.name) })
        let shown = record.overdue.count
        let model = OrganizationOverviewPage(
            title: organization.name, user: await pageUser(live), name: organization.name,
            kind: kinds[organization.kind] ?? organization.kind,
            aliases: organization.aliases.isEmpty ? nil : organization.aliases.joined(separator: "; "), today: today.russian,
            overdueCount: record.overdueCount, hasOverdueCount: record.overdueCount > 0,
            orders: record.orders.map { order in
                let base = "/orders/\(order.id.lowercased)"
                return OrganizationOverviewPage.Order(
                    name: "№ \(order.number) от \(order.date.russian)", href: "\(base)?executor=\(organizationID.lowercased)",
                    summaryHref: "\(base)/summary", total: order.tally.total, onTime: order.tally.count(.doneOnTime),
                    late: order.tally.count(.doneLate), overdue: order.tally.count(.overdue), hasOverdue: order.tally.count(.overdue) > 0,
                    notYetDue: order.tally.count(.notYetDue), percent: order.tally.percentDone)
            },
            hasOrders: !record.orders.isEmpty,
            overdue: record.overdue.map { item in
                OrganizationOverviewPage.Assignment(
                    href: "/assignments/\(item.id.lowercased)", action: item.actionTitle,
                    due: item.dueOn?.russian ?? "без срока", status: Self.statusName(item))
            },
            hasOverdue: shown > 0,
            overdueNote: record.overdueCount > shown ? "Показаны \(shown) из \(record.overdueCount), сначала самые давние." : nil,
            reports: record.reports.map { report in
                OrganizationOverviewPage.Report(
                    href: "/assignments/\(report.assignmentID.lowercased)", submitted: clock.today(now: report.submittedAt).russian,
                    action: report.orderNumber.map { "\(report.actionTitle) (приказ № \($0))" } ?? report.actionTitle,
                    doneOn: report.doneOn.russian, status: report.status.russianName, text: report.text)
            },
            hasReports: !record.reports.isEmpty,
            editHref: AccessPolicy(live.principal).may(.manageOrganizations) == .allowed
                ? "/admin/organizations/\(organizationID.lowercased)" : nil)
        return try page(model)
    }
}
