import Foundation
import RoadmapStore

extension APIHandler {
    func listOrders(_ input: Operations.ListOrders.Input) async throws -> Operations.ListOrders.Output {
        let scope = try RequestPrincipal.require()
        let page = try await orders.list(
            year: input.query.year, issuerID: try RequestValues.optionalID(input.query.issuerId, field: "issuer_id"),
            asOf: try asOf(input.query.asOf), limit: input.query.limit, cursor: input.query.cursor, scope: scope)
        return .ok(.init(body: .json(.init(items: page.items.map(Components.Schemas.Order.init), nextCursor: page.nextCursor))))
    }

    func createOrder(_ input: Operations.CreateOrder.Input) async throws -> Operations.CreateOrder.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the order as JSON.") }
        let record = try await orders.create(
            OrderChange(number: body.number, date: try RequestValues.date(body.date, field: "date"),
                        issuerID: try RequestValues.id(body.issuerId, field: "issuer_id"), title: body.title,
                        signatory: body.signatory, controller: body.controller),
            actor: actor)
        return .created(.init(
            headers: .init(eTag: RequestValues.etag(record.version), location: "/v1/orders/\(record.id.wire)"),
            body: .json(.init(record))))
    }

    func getOrder(_ input: Operations.GetOrder.Input) async throws -> Operations.GetOrder.Output {
        let scope = try RequestPrincipal.require()
        let record = try await orders.get(
            try RequestValues.pathID(input.path.id, entity: "order"), asOf: try asOf(input.query.asOf), scope: scope)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }

    func updateOrder(_ input: Operations.UpdateOrder.Input) async throws -> Operations.UpdateOrder.Output {
        let actor = try RequestPrincipal.require()
        let id = try RequestValues.pathID(input.path.id, entity: "order")
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the changes as JSON.") }
        let record = try await orders.update(
            id,
            OrderChange(number: body.number, date: try RequestValues.optionalDate(body.date, field: "date"), title: body.title,
                        signatory: body.signatory, controller: body.controller),
            ifVersion: try RequestValues.version(ifMatch: input.headers.ifMatch, entity: "order"), asOf: clock.today(), actor: actor)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }

    func getOrderPlan(_ input: Operations.GetOrderPlan.Input) async throws -> Operations.GetOrderPlan.Output {
        let scope = try RequestPrincipal.require()
        let tree = try await plans.tree(
            orderID: try RequestValues.pathID(input.path.id, entity: "order"), asOf: try asOf(input.query.asOf), scope: scope)
        return .ok(.init(body: .json(.init(tree))))
    }

    func getOrderSummary(_ input: Operations.GetOrderSummary.Input) async throws -> Operations.GetOrderSummary.Output {
        let scope = try RequestPrincipal.require()
        let summary = try await summaries.summary(
            orderID: try RequestValues.pathID(input.path.id, entity: "order"), asOf: try asOf(input.query.asOf), scope: scope)
        return .ok(.init(body: .json(.init(summary))))
    }

    func getOrderState(_ input: Operations.GetOrderState.Input) async throws -> Operations.GetOrderState.Output {
        let scope = try RequestPrincipal.require()
        let day = try RequestValues.optionalDate(input.query.on, field: "on") ?? clock.today()
        let actionID = try input.query.action.map { try RequestValues.id($0, field: "action") }
        let state = try await orderStates.state(
            orderID: try RequestValues.pathID(input.path.id, entity: "order"), on: day, actionID: actionID, scope: scope)
        return .ok(.init(body: .json(.init(state))))
    }

    func createGoal(_ input: Operations.CreateGoal.Input) async throws -> Operations.CreateGoal.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the goal as JSON.") }
        let record = try await plans.createGoal(
            orderID: try RequestValues.pathID(input.path.id, entity: "order"), title: body.title, actor: actor)
        return .created(.init(
            headers: .init(eTag: RequestValues.etag(record.version)),
            body: .json(.init(id: record.id.wire, orderId: record.orderID?.wire ?? input.path.id, planId: record.parentID.wire,
                              position: record.position, title: record.title, version: record.version))))
    }

    func createTask(_ input: Operations.CreateTask.Input) async throws -> Operations.CreateTask.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the task as JSON.") }
        let record = try await plans.createTask(
            goalID: try RequestValues.pathID(input.path.id, entity: "goal"), title: body.title,
            expectedResult: body.expectedResult, actor: actor)
        return .created(.init(
            headers: .init(eTag: RequestValues.etag(record.version)),
            body: .json(.init(id: record.id.wire, goalId: record.parentID.wire, position: record.position, title: record.title,
                              expectedResult: record.expectedResult, version: record.version))))
    }

    func createAction(_ input: Operations.CreateAction.Input) async throws -> Operations.CreateAction.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the action as JSON.") }
        let change = ActionChange(
            title: body.title, expectedResult: body.expectedResult, venue: body.venue, deadline: body.deadline,
            executorIDs: try body.executorIds.enumerated().map { try RequestValues.id($1, field: "executor_ids[\($0)]") },
            executorKinds: body.executorKinds?.map(\.rawValue),
            executorListIDs: try body.executorListIds.map { try $0.enumerated().map { try RequestValues.id($1, field: "executor_list_ids[\($0)]") } },
            taskIDs: try (body.taskIds ?? []).enumerated().map { try RequestValues.id($1, field: "task_ids[\($0)]") })
        let record = try await plans.createAction(
            goalID: try RequestValues.pathID(input.path.id, entity: "goal"), change, asOf: clock.today(), actor: actor)
        return .created(.init(
            headers: .init(eTag: RequestValues.etag(record.version), location: "/v1/actions/\(record.id.wire)"),
            body: .json(.init(record))))
    }

    func getAction(_ input: Operations.GetAction.Input) async throws -> Operations.GetAction.Output {
        let scope = try RequestPrincipal.require()
        let record = try await plans.action(
            try RequestValues.pathID(input.path.id, entity: "action"), asOf: try asOf(input.query.asOf), scope: scope)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }

    func updateAction(_ input: Operations.UpdateAction.Input) async throws -> Operations.UpdateAction.Output {
        let actor = try RequestPrincipal.require()
        let id = try RequestValues.pathID(input.path.id, entity: "action")
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the changes as JSON.") }
        let change = ActionChange(
            title: body.title, expectedResult: body.expectedResult, venue: body.venue, deadline: body.deadline,
            executorIDs: try body.executorIds.map { try $0.enumerated().map { try RequestValues.id($1, field: "executor_ids[\($0)]") } },
            executorKinds: body.executorKinds?.map(\.rawValue),
            executorListIDs: try body.executorListIds.map { try $0.enumerated().map { try RequestValues.id($1, field: "executor_list_ids[\($0)]") } },
            taskIDs: try body.taskIds.map { try $0.enumerated().map { try RequestValues.id($1, field: "task_ids[\($0)]") } },
            reason: body.reason)
        let record = try await plans.updateAction(
            id, change, ifVersion: try RequestValues.version(ifMatch: input.headers.ifMatch, entity: "action"),
            asOf: clock.today(), actor: actor)
        return .ok(.init(headers: .init(eTag: RequestValues.etag(record.version)), body: .json(.init(record))))
    }
}

extension APIHandler {
    func withdrawOrder(_ input: Operations.WithdrawOrder.Input) async throws -> Operations.WithdrawOrder.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the reason as JSON.") }
        let record = try await withdrawals.withdraw(
            orderID: try RequestValues.pathID(input.path.id, entity: "order"), reason: body.reason, asOf: clock.today(), actor: actor)
        return .ok(.init(body: .json(.init(record))))
    }

    func setOrderPublication(_ input: Operations.SetOrderPublication.Input) async throws -> Operations.SetOrderPublication.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send {\"published\": true|false} as JSON.") }
        let record = try await publication.publish(
            orderID: try RequestValues.pathID(input.path.id, entity: "order"), published: body.published, asOf: clock.today(), actor: actor)
        return .ok(.init(body: .json(.init(record))))
    }

    func restoreOrder(_ input: Operations.RestoreOrder.Input) async throws -> Operations.RestoreOrder.Output {
        let actor = try RequestPrincipal.require()
        var reason: String?
        if case .json(let body)? = input.body { reason = body.reason }
        let record = try await withdrawals.restore(
            orderID: try RequestValues.pathID(input.path.id, entity: "order"), reason: reason, asOf: clock.today(), actor: actor)
        return .ok(.init(body: .json(.init(record))))
    }

    func getPlan(_ input: Operations.GetPlan.Input) async throws -> Operations.GetPlan.Output {
        let actor = try RequestPrincipal.require()
        let record = try await withdrawals.plan(try RequestValues.pathID(input.path.id, entity: "plan"), actor: actor)
        return .ok(.init(body: .json(.init(record))))
    }

    func withdrawPlan(_ input: Operations.WithdrawPlan.Input) async throws -> Operations.WithdrawPlan.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the reason as JSON.") }
        let record = try await withdrawals.withdraw(
            planID: try RequestValues.pathID(input.path.id, entity: "plan"), reason: body.reason, actor: actor)
        return .ok(.init(body: .json(.init(record))))
    }

    func restorePlan(_ input: Operations.RestorePlan.Input) async throws -> Operations.RestorePlan.Output {
        let actor = try RequestPrincipal.require()
        var reason: String?
        if case .json(let body)? = input.body { reason = body.reason }
        let record = try await withdrawals.restore(
            planID: try RequestValues.pathID(input.path.id, entity: "plan"), reason: reason, actor: actor)
        return .ok(.init(body: .json(.init(record))))
    }
}

extension APIHandler {
    func updateGoal(_ input: Operations.UpdateGoal.Input) async throws -> Operations.UpdateGoal.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the goal as JSON.") }
        let record = try await plans.updateGoal(try RequestValues.pathID(input.path.id, entity: "goal"), title: body.title, actor: actor)
        return .ok(.init(body: .json(.init(id: record.id.wire, orderId: record.orderID?.wire, planId: record.parentID.wire,
                                           position: record.position, title: record.title, version: record.version))))
    }

    func removeGoal(_ input: Operations.RemoveGoal.Input) async throws -> Operations.RemoveGoal.Output {
        try await plans.removeGoal(try RequestValues.pathID(input.path.id, entity: "goal"), actor: try RequestPrincipal.require())
        return .noContent(.init())
    }

    func moveGoal(_ input: Operations.MoveGoal.Input) async throws -> Operations.MoveGoal.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the direction as JSON.") }
        try await plans.move(goal: try RequestValues.pathID(input.path.id, entity: "goal"), body.direction == .up ? .up : .down,
                             actor: try RequestPrincipal.require())
        return .noContent(.init())
    }

    func updateTask(_ input: Operations.UpdateTask.Input) async throws -> Operations.UpdateTask.Output {
        let actor = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the task as JSON.") }
        let record = try await plans.updateTask(try RequestValues.pathID(input.path.id, entity: "task"), title: body.title,
                                                expectedResult: body.expectedResult, actor: actor)
        return .ok(.init(body: .json(.init(id: record.id.wire, goalId: record.parentID.wire, position: record.position, title: record.title,
                                           expectedResult: record.expectedResult, version: record.version))))
    }

    func removeTask(_ input: Operations.RemoveTask.Input) async throws -> Operations.RemoveTask.Output {
        try await plans.removeTask(try RequestValues.pathID(input.path.id, entity: "task"), actor: try RequestPrincipal.require())
        return .noContent(.init())
    }

    func moveTask(_ input: Operations.MoveTask.Input) async throws -> Operations.MoveTask.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the direction as JSON.") }
        try await plans.move(task: try RequestValues.pathID(input.path.id, entity: "task"), body.direction == .up ? .up : .down,
                             actor: try RequestPrincipal.require())
        return .noContent(.init())
    }

    func removeAction(_ input: Operations.RemoveAction.Input) async throws -> Operations.RemoveAction.Output {
        try await plans.removeAction(try RequestValues.pathID(input.path.id, entity: "action"), reason: input.query.reason,
                                     actor: try RequestPrincipal.require())
        return .noContent(.init())
    }

    func moveAction(_ input: Operations.MoveAction.Input) async throws -> Operations.MoveAction.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the direction as JSON.") }
        try await plans.move(action: try RequestValues.pathID(input.path.id, entity: "action"), body.direction == .up ? .up : .down,
                             actor: try RequestPrincipal.require())
        return .noContent(.init())
    }
}
