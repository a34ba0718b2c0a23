import Foundation
import OpenAPIRuntime
import RoadmapStore

extension APIHandler {
    func search(_ input: Operations.Search.Input) async throws -> Operations.Search.Output {
        let scope = try RequestPrincipal.require()
        let found = try await searches.search(input.query.q, limit: input.query.limit ?? 20, scope: scope)
        return .ok(.init(body: .json(.init(
            query: found.query,
            actions: found.actions.map {
                .init(id: $0.id.wire, title: $0.title, section: $0.section, deadlineText: $0.deadlineText, orderId: $0.orderID?.wire,
                      orderNumber: $0.orderNumber, orderDate: $0.orderDate?.iso)
            },
            orders: found.orders.map { .init(id: $0.id.wire, number: $0.number, date: $0.date.iso, title: $0.title) },
            organizations: found.organizations.map { .init(id: $0.id.wire, name: $0.name, kind: $0.kind) }))))
    }
}
