import Foundation
import OpenAPIRuntime
import RoadmapDomain
import RoadmapImport
import RoadmapStore

extension APIHandler {
    /// Reads the uploaded document with the same readers and parser as `roadmapctl import`
    /// and writes it in one transaction (or rolls back a dry run).
    func importPlan(_ input: Operations.ImportPlan.Input) async throws -> Operations.ImportPlan.Output {
        let actor = try RequestPrincipal.require()
        guard case .binary(let body) = input.body else { throw Problem.badRequest("Send the document as application/octet-stream.") }
        // BodyLimitMiddleware has bounded the upload already.
        let data = Data(try await [UInt8](collecting: body, upTo: .max))
        let query = input.query
        let fileName = query.fileName
        var choices: [String: ExecutorChoice] = [:]
        for (field, values, longest) in [("person", query.person ?? [], 200), ("alias", query.alias ?? [], 400),
                                         ("new_organization", query.newOrganization ?? [], 400)] {
            if values.count > 10 || values.contains(where: { $0.count > longest }) {
                throw Problem.invalid("\(field) takes at most 10 values of at most \(longest) characters; the import page and roadmapctl take more",
                                      fields: [Problem.InvalidField(name: field, reason: "too many or too long")])
            }
        }
        for person in query.person ?? [] { choices[person] = .person }
        for name in query.newOrganization ?? [] { choices[name] = .newOrganization }
        for (index, alias) in (query.alias ?? []).enumerated() {
            let parts = alias.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw Problem.invalid("alias[\(index)] must be NAME=ORGANISATION, got «\(alias)»",
                                      fields: [Problem.InvalidField(name: "alias[\(index)]", reason: "not NAME=ORGANISATION")])
            }
            choices[parts[0]] = .organization(parts[1])
        }
        let outcome: ImportOutcome
        do {
            outcome = try await imports.importDocument(
                data, fileName: fileName, academicYear: query.academicYear,
                options: ImportOptions(
                    dryRun: query.dryRun ?? false, strict: query.strict ?? false, orderNumber: query.orderNumber,
                    orderDate: try RequestValues.optionalDate(query.orderDate, field: "order_date"), issuer: query.issuer,
                    executorChoices: choices),
                actor: actor)
        } catch let error as DocumentReadError {
            throw Problem(.unprocessableContent, type: "unreadable-document", title: "Unreadable document", detail: "\(error)")
        } catch let error as PlanParseError {
            throw Problem(.unprocessableContent, type: "unreadable-document", title: "Unreadable document", detail: "\(error)")
        } catch let error as ImportError {
            throw Problem(.unprocessableContent, type: "import-refused", title: "Import refused", detail: "\(fileName): \(error)")
        }
        return .ok(.init(body: .json(.init(
            order: outcome.order.map { .init(number: $0.number, date: $0.date, issuer: $0.issuer) },
            orderId: outcome.orderID?.wire, planId: outcome.planID?.wire,
            goals: outcome.goals, tasks: outcome.tasks, actions: outcome.actions, executors: outcome.executors,
            partners: outcome.partners, deadlinesUnparsed: outcome.deadlinesUnparsed, warnings: outcome.warnings.map(\.description),
            createdOrganizations: outcome.createdOrganizations, addedAliases: outcome.addedAliases,
            ambiguousOrganizations: outcome.ambiguousOrganizations.map { name in
                .init(name: name.name, candidates: name.candidates.map { .init(id: $0.id?.wire, name: $0.name) })
            },
            assignmentsCreated: outcome.assignmentsCreated,
            changed: outcome.changed, dryRun: outcome.dryRun, academicYear: outcome.academicYear,
            preview: outcome.preview.map(Self.wire)))))
    }

    /// A dry run's plan as read, as the API writes it.
    static func wire(_ preview: ImportPreview) -> Components.Schemas.ImportResult.PreviewPayload {
        typealias Action = Components.Schemas.ImportResult.PreviewPayload.ActionsPayloadPayload
        return .init(
            actions: preview.actions.map { action in
                Action(
                    goal: action.goal.map { .init(title: $0.title, tasks: $0.tasks) }, tasks: action.tasks,
                    section: action.section, title: action.title, deadline: action.deadline, period: action.period,
                    deadlineRead: action.deadlineRead,
                    executors: action.executors.map { executor in
                        .init(written: executor.written, organization: executor.organization,
                              match: wire(executor.match),
                              members: executor.members)
                    },
                    moreExecutors: action.moreExecutors)
            },
            moreActions: preview.moreActions)
    }

    static func wire(_ match: ImportPreview.Match)
        -> Components.Schemas.ImportResult.PreviewPayload.ActionsPayloadPayload.ExecutorsPayloadPayload.MatchPayload {
        switch match {
        case .matched: .matched
        case .probable: .probable
        case .new: .new
        case .person: .person
        case .group: .group
        case .ambiguous: .ambiguous
        }
    }
}
