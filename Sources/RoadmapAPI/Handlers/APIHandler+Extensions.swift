import Foundation
import RoadmapStore

extension APIHandler {
    func requestExtension(_ input: Operations.RequestExtension.Input) async throws -> Operations.RequestExtension.Output {
        let actor = try RequestPrincipal.require()
        let id = try RequestValues.pathID(input.path.id, entity: "assignment")
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the request as JSON.") }
        let record = try await extensions.request(
            assignmentID: id, dueOn: try RequestValues.date(body.dueOn, field: "due_on"), reason: body.reason, actor: actor)
        return .created(.init(
            headers: .init(eTag: RequestValues.etag(record.version), location: "/v1/extensions/\(record.id.wire)"),
            body: .json(.init(record))))
    }

    func getExtension(_ input: Operations.GetExtension.Input) async throws -> Operations.GetExtension.Output {
        let scope = try RequestPrincipal.require()
        let record = try await extensions.get(try RequestValues.pathID(input.path.id, entity: "extension"), scope: scope)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }

    func approveExtension(_ input: Operations.ApproveExtension.Input) async throws -> Operations.ApproveExtension.Output {
        let actor = try RequestPrincipal.require()
        let comment: String? = if case .json(let body)? = input.body { body.comment } else { nil }
        let record = try await extensions.decide(
            try RequestValues.pathID(input.path.id, entity: "extension"), decision: .approve, comment: comment,
            ifVersion: try RequestValues.version(ifMatch: input.headers.ifMatch, entity: "extension"), actor: actor)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }

    func rejectExtension(_ input: Operations.RejectExtension.Input) async throws -> Operations.RejectExtension.Output {
        let actor = try RequestPrincipal.require()
        let comment: String? = if case .json(let body)? = input.body { body.comment } else { nil }
        let record = try await extensions.decide(
            try RequestValues.pathID(input.path.id, entity: "extension"), decision: .reject, comment: comment,
            ifVersion: try RequestValues.version(ifMatch: input.headers.ifMatch, entity: "extension"), actor: actor)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }

    func listEvents(_ input: Operations.ListEvents.Input) async throws -> Operations.ListEvents.Output {
        let scope = try RequestPrincipal.require()
        let page = try await events.list(
            entityType: input.query.entityType.rawValue, entityID: try RequestValues.id(input.query.entityId, field: "entity_id"),
            limit: input.query.limit, cursor: input.query.cursor, scope: scope)
        return .ok(.init(body: .json(.init(items: try page.items.map(Components.Schemas.Event.init), nextCursor: page.nextCursor))))
    }
}
