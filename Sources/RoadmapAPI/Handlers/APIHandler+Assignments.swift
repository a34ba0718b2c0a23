import Foundation
import RoadmapDomain
import RoadmapStore

extension APIHandler {
    func listAssignments(_ input: Operations.ListAssignments.Input) async throws -> Operations.ListAssignments.Output {
        let scope = try RequestPrincipal.require()
        let query = input.query
        let filter = AssignmentFilter(
            orderID: try RequestValues.optionalID(query.orderId, field: "order_id"),
            executorID: try RequestValues.optionalID(query.executorId, field: "executor_id"),
            status: query.status.flatMap { AssignmentStatus(rawValue: $0.rawValue) }, overdue: query.overdue,
            dueFrom: try RequestValues.optionalDate(query.dueFrom, field: "due_from"), dueTo: try RequestValues.optionalDate(query.dueTo, field: "due_to"))
        let page = try await assignments.list(filter, asOf: try asOf(query.asOf), limit: query.limit, cursor: query.cursor, scope: scope)
        return .ok(.init(body: .json(.init(items: page.items.map(Components.Schemas.Assignment.init), nextCursor: page.nextCursor))))
    }

    func listActionAssignments(_ input: Operations.ListActionAssignments.Input) async throws -> Operations.ListActionAssignments.Output {
        let scope = try RequestPrincipal.require()
        let query = input.query
        let filter = AssignmentFilter(
            actionID: try RequestValues.pathID(input.path.id, entity: "action"),
            status: query.status.flatMap { AssignmentStatus(rawValue: $0.rawValue) }, overdue: query.overdue)
        let page = try await assignments.list(filter, asOf: try asOf(query.asOf), limit: query.limit, cursor: query.cursor, scope: scope)
        return .ok(.init(body: .json(.init(items: page.items.map(Components.Schemas.Assignment.init), nextCursor: page.nextCursor))))
    }

    func getAssignment(_ input: Operations.GetAssignment.Input) async throws -> Operations.GetAssignment.Output {
        let scope = try RequestPrincipal.require()
        let record = try await assignments.get(
            try RequestValues.pathID(input.path.id, entity: "assignment"), asOf: try asOf(input.query.asOf), scope: scope)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }

    func moveAssignmentDeadline(_ input: Operations.MoveAssignmentDeadline.Input) async throws -> Operations.MoveAssignmentDeadline.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the request as JSON.") }
        let record = try await deadlines.move(
            assignmentID: try RequestValues.pathID(input.path.id, entity: "assignment"), to: try RequestValues.date(body.dueOn, field: "due_on"),
            reason: body.reason, ifVersion: try RequestValues.version(ifMatch: input.headers.ifMatch, entity: "assignment"), actor: actor)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }

    func moveActionDeadline(_ input: Operations.MoveActionDeadline.Input) async throws -> Operations.MoveActionDeadline.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the request as JSON.") }
        let moved = try await deadlines.move(
            actionID: try RequestValues.pathID(input.path.id, entity: "action"), to: try RequestValues.date(body.dueOn, field: "due_on"),
            reason: body.reason, actor: actor)
        return .ok(.init(body: .json(.init(items: moved.map(Components.Schemas.Assignment.init), nextCursor: nil))))
    }

    func updateAssignment(_ input: Operations.UpdateAssignment.Input) async throws -> Operations.UpdateAssignment.Output {
        let actor = try RequestPrincipal.require()
        let id = try RequestValues.pathID(input.path.id, entity: "assignment")
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the change as JSON.") }
        let record = try await assignments.update(
            id, transition: body.status == .cancelled ? .cancel : .start, reason: body.reason,
            ifVersion: try RequestValues.version(ifMatch: input.headers.ifMatch, entity: "assignment"), asOf: clock.today(),
            actor: actor)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }

    func listAssignmentReports(_ input: Operations.ListAssignmentReports.Input) async throws -> Operations.ListAssignmentReports.Output {
        let scope = try RequestPrincipal.require()
        let records = try await reports.list(assignmentID: try RequestValues.pathID(input.path.id, entity: "assignment"), scope: scope)
        return .ok(.init(body: .json(.init(items: records.map(Components.Schemas.Report.init), nextCursor: nil))))
    }

    func submitReport(_ input: Operations.SubmitReport.Input) async throws -> Operations.SubmitReport.Output {
        let actor = try RequestPrincipal.require()
        let id = try RequestValues.pathID(input.path.id, entity: "assignment")
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the report as JSON.") }
        let submission = ReportSubmission(
            doneOn: try RequestValues.date(body.doneOn, field: "done_on"), text: body.text, evidenceURLs: body.evidenceUrls ?? [])
        let outcome = try await reports.submit(assignmentID: id, submission, idempotencyKey: input.headers.idempotencyKey, actor: actor)
        return .created(.init(
            headers: .init(eTag: RequestValues.etag(outcome.report.version), location: "/v1/reports/\(outcome.report.id.wire)"),
            body: .json(.init(outcome.report))))
    }

    func getReport(_ input: Operations.GetReport.Input) async throws -> Operations.GetReport.Output {
        let scope = try RequestPrincipal.require()
        let record = try await reports.get(try RequestValues.pathID(input.path.id, entity: "report"), scope: scope)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }

    func setReportPublication(_ input: Operations.SetReportPublication.Input) async throws -> Operations.SetReportPublication.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send {\"public\": true|false} as JSON.") }
        let record = try await publication.setReportPublic(
            try RequestValues.pathID(input.path.id, entity: "report"), isPublic: body._public, actor: actor)
        return .ok(.init(body: .json(.init(record))))
    }

    func acceptReport(_ input: Operations.AcceptReport.Input) async throws -> Operations.AcceptReport.Output {
        let actor = try RequestPrincipal.require()
        let comment: String? = if case .json(let body)? = input.body { body.comment } else { nil }
        let record = try await reports.review(
            try RequestValues.pathID(input.path.id, entity: "report"), decision: .accept, comment: comment,
            ifVersion: try RequestValues.version(ifMatch: input.headers.ifMatch, entity: "report"), actor: actor)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }

    func returnReport(_ input: Operations.ReturnReport.Input) async throws -> Operations.ReturnReport.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the comment as JSON.") }
        let record = try await reports.review(
            try RequestValues.pathID(input.path.id, entity: "report"), decision: .returnForRework, comment: body.comment,
            ifVersion: try RequestValues.version(ifMatch: input.headers.ifMatch, entity: "report"), actor: actor)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }
}
