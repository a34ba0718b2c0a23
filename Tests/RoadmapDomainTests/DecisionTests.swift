import RoadmapDomain
import Testing

@Suite("Reports and extension requests: the committee's decisions")
struct DecisionTests {
    @Test(arguments: [
        (ReportStatus.submitted, ReportStatus.Decision.accept, nil as String?, ReportStatus.accepted as ReportStatus?),
        (.submitted, .accept, "Хорошо", .accepted),
        (.submitted, .returnForRework, "Приложите программу", .returned),
        (.submitted, .returnForRework, nil, nil),
        (.submitted, .returnForRework, "", nil),
        (.accepted, .accept, nil, nil),
        (.accepted, .returnForRework, "Ещё раз", nil),
        (.returned, .accept, nil, nil),
    ])
    func reports(from: ReportStatus, decision: ReportStatus.Decision, comment: String?, to: ReportStatus?) throws {
        if let to {
            #expect(try from.deciding(decision, comment: comment) == to)
        } else {
            #expect(throws: DecisionError.self) { try from.deciding(decision, comment: comment) }
        }
    }

    @Test func aReportDecisionMovesItsAssignment() {
        #expect(ReportStatus.Decision.accept.assignmentTransition == .accept)
        #expect(ReportStatus.Decision.returnForRework.assignmentTransition == .returnForRework)
        #expect(throws: DecisionError.commentRequired) { try ReportStatus.submitted.deciding(.returnForRework, comment: nil) }
        #expect(throws: DecisionError.alreadyDecided(current: "accepted")) { try ReportStatus.accepted.deciding(.accept, comment: nil) }
    }

    @Test(arguments: [
        (ExtensionStatus.requested, ExtensionStatus.Decision.approve, nil as String?, AssignmentStatus.planned, ExtensionStatus.approved as ExtensionStatus?),
        (.requested, .approve, nil, .returned, .approved),
        (.requested, .approve, nil, .done, nil),
        (.requested, .approve, nil, .cancelled, nil),
        (.requested, .reject, "Срок установлен приказом", .planned, .rejected),
        (.requested, .reject, nil, .planned, nil),
        (.requested, .reject, "", .done, nil),
        (.approved, .reject, "Нет", .planned, nil),
        (.rejected, .approve, nil, .planned, nil),
    ])
    func extensions(from: ExtensionStatus, decision: ExtensionStatus.Decision, comment: String?, assignment: AssignmentStatus, to: ExtensionStatus?) throws {
        if let to {
            #expect(try from.deciding(decision, comment: comment, assignment: assignment) == to)
        } else {
            #expect(throws: DecisionError.self) { try from.deciding(decision, comment: comment, assignment: assignment) }
        }
    }

    @Test func everyStatusHasARussianName() {
        #expect(Set(ReportStatus.allCases.map(\.russianName)).count == ReportStatus.allCases.count)
        #expect(Set(ExtensionStatus.allCases.map(\.russianName)).count == ExtensionStatus.allCases.count)
    }
}
