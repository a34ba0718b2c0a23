import Foundation
import RoadmapStore

extension APIHandler {
    func listOrganizations(_ input: Operations.ListOrganizations.Input) async throws -> Operations.ListOrganizations.Output {
        let scope = try RequestPrincipal.require()
        let page = try await organizations.list(
            kind: input.query.kind?.rawValue, query: input.query.q, limit: input.query.limit, cursor: input.query.cursor, scope: scope)
        return .ok(.init(body: .json(.init(items: page.items.map(Components.Schemas.Organization.init), nextCursor: page.nextCursor))))
    }

    func createOrganization(_ input: Operations.CreateOrganization.Input) async throws -> Operations.CreateOrganization.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the organisation as JSON.") }
        let record = try await organizations.create(
            OrganizationChange(name: body.name, kind: body.kind.rawValue, shortName: body.shortName,
                               parentID: try RequestValues.optionalID(body.parentId, field: "parent_id"), aliases: body.aliases),
            actor: actor)
        return .created(.init(
            headers: .init(eTag: RequestValues.etag(record.version), location: "/v1/organizations/\(record.id.wire)"),
            body: .json(.init(record))))
    }

    func getOrganization(_ input: Operations.GetOrganization.Input) async throws -> Operations.GetOrganization.Output {
        let scope = try RequestPrincipal.require()
        let record = try await organizations.get(try RequestValues.pathID(input.path.id, entity: "organization"), scope: scope)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }

    func mergeOrganization(_ input: Operations.MergeOrganization.Input) async throws -> Operations.MergeOrganization.Output {
        let actor = try RequestPrincipal.require()
        let id = try RequestValues.pathID(input.path.id, entity: "organization")
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the request as JSON.") }
        guard let removed = try RequestValues.optionalID(body.mergeId, field: "merge_id") else {
            throw Problem.badRequest("merge_id is required.")
        }
        let record = try await organizationMerge.merge(removed, into: id, actor: actor)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }

    func updateOrganization(_ input: Operations.UpdateOrganization.Input) async throws -> Operations.UpdateOrganization.Output {
        let actor = try RequestPrincipal.require()
        let id = try RequestValues.pathID(input.path.id, entity: "organization")
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the changes as JSON.") }
        let record = try await organizations.update(
            id,
            OrganizationChange(name: body.name, kind: body.kind?.rawValue, shortName: body.shortName,
                               parentID: try RequestValues.optionalID(body.parentId, field: "parent_id"), aliases: body.aliases),
            ifVersion: try RequestValues.version(ifMatch: input.headers.ifMatch, entity: "organization"), actor: actor)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }
}

extension APIHandler {
    func listOrganizationLists(_ input: Operations.ListOrganizationLists.Input) async throws -> Operations.ListOrganizationLists.Output {
        let lists = try await organizationLists.lists(scope: try RequestPrincipal.require())
        return .ok(.init(body: .json(.init(items: lists.map(Components.Schemas.SavedList.init)))))
    }

    func saveOrganizationList(_ input: Operations.SaveOrganizationList.Input) async throws -> Operations.SaveOrganizationList.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the list as JSON.") }
        let saved = try await organizationLists.save(
            name: body.name, organizationIDs: try body.organizationIds.enumerated().map { try RequestValues.id($1, field: "organization_ids[\($0)]") },
            actor: actor)
        return .ok(.init(body: .json(.init(saved))))
    }
}

extension Components.Schemas.SavedList {
    init(_ record: OrganizationListRecord) {
        self.init(id: record.id.wire, name: record.name, members: record.members.map { .init(id: $0.id.wire, name: $0.name) })
    }
}

