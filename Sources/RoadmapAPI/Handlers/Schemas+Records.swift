import Foundation
import OpenAPIRuntime
import RoadmapDomain
import RoadmapStore

// The store's records as the contract's JSON objects.

extension UUID {
    /// Ids go out in lower case, as PostgreSQL prints them.
    var wire: String { lowercased }
}

extension Components.Schemas.Rollup {
    init(_ rollup: Rollup) {
        self.init(
            total: rollup.total, planned: rollup.count(.planned), inProgress: rollup.count(.inProgress),
            reported: rollup.count(.reported), done: rollup.count(.done), returned: rollup.count(.returned),
            cancelled: rollup.count(.cancelled), shareDone: rollup.shareDone, overdue: rollup.overdue,
            earliestOpenDueOn: rollup.earliestOpenDeadline?.iso)
    }
}

extension Components.Schemas.Organization {
    init(_ record: OrganizationRecord) {
        self.init(
            id: record.id.wire, name: record.name, shortName: record.shortName,
            kind: Components.Schemas.OrganizationKind(rawValue: record.kind) ?? .other,
            parentId: record.parentID?.wire, aliases: record.aliases, version: record.version)
    }
}

extension Components.Schemas.Order {
    init(_ record: OrderRecord) {
        self.init(
            id: record.id.wire, number: record.number, date: record.date.iso, issuerId: record.issuerID.wire,
            issuerName: record.issuerName, title: record.title, signatory: record.signatory, controller: record.controller,
            version: record.version, withdrawnAt: record.withdrawnAt, publishedAt: record.publishedAt, rollup: .init(record.rollup))
    }
}

extension Components.Schemas.Plan {
    init(_ record: PlanRecord) {
        self.init(
            id: record.id.wire, orderId: record.orderID?.wire, orderNumber: record.orderNumber, orderDate: record.orderDate?.iso,
            title: record.title, sourceName: record.sourceName, actions: record.actions, assignments: record.assignments,
            createdAt: record.createdAt, withdrawnAt: record.withdrawnAt)
    }
}

extension Components.Schemas.Action {
    init(_ record: ActionRecord) {
        self.init(
            id: record.id.wire, goalId: record.goalID.wire, position: record.position, title: record.title,
            expectedResult: record.expectedResult, venue: record.venue, section: record.section,
            deadline: .init(
                text: record.deadlineText, kind: record.deadlineKind, parsed: record.deadlineParsed,
                firstDay: record.deadlinePeriod?.first.iso, lastDay: record.deadlinePeriod?.last.iso,
                recurrence: record.deadlineRecurrence),
            executors: record.executors.map {
                .init(organizationId: $0.organizationID?.wire, name: $0.name, personRole: $0.personRole,
                      responsibility: $0.responsibility == "co" ? .co : .lead)
            },
            organizationCount: record.organizationCount,
            taskIds: record.taskIDs.map(\.wire), version: record.version, rollup: .init(record.rollup))
    }
}

extension Components.Schemas.PlanTree {
    init(_ record: PlanTreeRecord) {
        self.init(
            orderId: record.orderID.wire, rollup: .init(record.rollup),
            plans: record.plans.map { plan in
                .init(
                    id: plan.id.wire, title: plan.title, academicYear: plan.academicYear, rollup: .init(plan.rollup),
                    goals: plan.goals.map { goal in
                        .init(
                            id: goal.id.wire, position: goal.position, title: goal.title, version: goal.version,
                            rollup: .init(goal.rollup),
                            tasks: goal.tasks.map { task in
                                .init(id: task.id.wire, position: task.position, title: task.title,
                                      expectedResult: task.expectedResult, version: task.version, rollup: .init(task.rollup))
                            },
                            actions: goal.actions.map(Components.Schemas.Action.init))
                    })
            })
    }
}

extension Components.Schemas.ExecutionTally {
    init(_ tally: ExecutionTally) {
        self.init(
            total: tally.total, done: tally.done, doneOnTime: tally.count(.doneOnTime), doneLate: tally.count(.doneLate),
            overdue: tally.count(.overdue), notYetDue: tally.count(.notYetDue), cancelled: tally.count(.cancelled),
            percentDone: tally.percentDone)
    }
}

extension Components.Schemas.ExecutionSummaryLine.OutcomePayload {
    init(_ outcome: ExecutionOutcome) {
        switch outcome {
        case .doneOnTime: self = .doneOnTime
        case .doneLate: self = .doneLate
        case .overdue: self = .overdue
        case .notYetDue: self = .notYetDue
        case .cancelled: self = .cancelled
        }
    }
}

extension Components.Schemas.AssignmentStatus {
    /// Every status by name: a status the contract lacks fails to compile, not to a default.
    init(_ status: AssignmentStatus) {
        switch status {
        case .planned: self = .planned
        case .inProgress: self = .inProgress
        case .reported: self = .reported
        case .done: self = .done
        case .returned: self = .returned
        case .cancelled: self = .cancelled
        }
    }
}

extension Components.Schemas.OrderState {
    init(_ record: OrderStateRecord) {
        self.init(
            orderId: record.order.id.wire, on: record.day.iso, moment: record.moment, recordedSince: record.recordedSince,
            then: .init(record.then), now: .init(record.now), addedLater: record.addedLater,
            actions: record.goals.flatMap(\.actions).map { action in
                .init(
                    id: action.id.wire, number: action.number, title: action.title, deadlineText: action.deadlineText,
                    then: .init(action.then), now: .init(action.now),
                    executors: action.lines.map { line in
                        .init(
                            assignmentId: line.assignmentID.wire, executorId: line.executorID.wire, executorName: line.executorName,
                            occurrence: line.occurrence, statusThen: .init(line.statusThen), dueThen: line.dueThen?.iso,
                            overdueThen: line.overdueThen, statusNow: .init(line.statusNow), dueNow: line.dueNow?.iso,
                            overdueNow: line.overdueNow)
                    })
            })
    }
}

extension Components.Schemas.ExecutionSummary {
    init(_ record: ExecutionSummaryRecord) {
        self.init(
            orderId: record.order.id.wire, orderNumber: record.order.number, orderDate: record.order.date.iso,
            issuerName: record.order.issuerName, title: record.order.title, asOf: record.asOf.iso, totals: .init(record.tally),
            goals: record.goals.map { goal in
                .init(
                    id: goal.id.wire, position: goal.position, title: goal.title, totals: .init(goal.tally),
                    tasks: goal.tasks.map { .init(id: $0.id.wire, number: $0.number, title: $0.title, totals: .init($0.tally)) },
                    actions: goal.actions.map { action in
                        .init(
                            id: action.id.wire, number: action.number, title: action.title, deadlineText: action.deadlineText,
                            totals: .init(action.tally),
                            executors: action.lines.map { line in
                                .init(
                                    assignmentId: line.assignmentID.wire, executorId: line.executorID.wire, executorName: line.executorName,
                                    occurrence: line.occurrence, dueOn: line.dueOn?.iso,
                                    outcome: .init(line.outcome),
                                    doneOn: line.doneOn?.iso, reportText: line.reportText, reportStatus: line.reportStatus?.rawValue)
                            })
                    })
            })
    }
}

extension Components.Schemas.Assignment {
    init(_ record: AssignmentRecord) {
        self.init(
            id: record.id.wire, actionId: record.actionID.wire, actionTitle: record.actionTitle, orderId: record.orderID?.wire,
            executorId: record.executorID.wire, executorName: record.executorName, occurrence: record.occurrence,
            deadlineText: record.deadlineText, periodStart: record.period?.first.iso, periodEnd: record.period?.last.iso,
            dueOn: record.dueOn?.iso, originalDueOn: record.originalDueOn?.iso,
            status: .init(record.status),
            overdue: record.overdue, version: record.version)
    }
}

extension Components.Schemas.Report {
    init(_ record: ReportRecord) {
        self.init(
            id: record.id.wire, assignmentId: record.assignmentID.wire, doneOn: record.doneOn.iso, text: record.text,
            evidenceUrls: record.evidenceURLs, status: .init(record.status),
            reviewComment: record.reviewComment, reviewedAt: record.reviewedAt, createdAt: record.createdAt, version: record.version,
            _public: record.isPublic)
    }
}

extension Components.Schemas.Report.StatusPayload {
    init(_ status: ReportStatus) {
        switch status {
        case .submitted: self = .submitted
        case .accepted: self = .accepted
        case .returned: self = .returned
        }
    }
}

extension Components.Schemas.Extension {
    init(_ record: ExtensionRecord) {
        self.init(
            id: record.id.wire, assignmentId: record.assignmentID.wire, previousDueOn: record.previousDueOn?.iso,
            requestedDueOn: record.requestedDueOn.iso, reason: record.reason,
            status: Components.Schemas.Extension.StatusPayload(rawValue: record.status.rawValue) ?? .requested,
            decisionComment: record.decisionComment, decidedAt: record.decidedAt, createdAt: record.createdAt,
            version: record.version)
    }
}

extension Components.Schemas.Event {
    init(_ record: EventRecord) throws {
        let data = try JSONDecoder().decode(OpenAPIObjectContainer.self, from: Data(record.dataJSON.utf8))
        self.init(
            id: record.id, occurredAt: record.occurredAt, actorId: record.actorID?.wire, actorRole: record.actorRole, actorCommand: record.actorCommand,
            entityType: Components.Schemas.EntityType(rawValue: record.entityType) ?? .organization,
            entityId: record.entityID.wire, event: record.event, reason: record.reason,
            data: .init(additionalProperties: data))
    }
}
