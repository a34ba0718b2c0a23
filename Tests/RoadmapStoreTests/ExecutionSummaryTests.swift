import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// «Сводка об исполнении» of order 770 (#17) after reports and decisions made here, against
/// a hand count: done by a day is the work day of the accepted report, however late it was
/// accepted; a school sees its own lines only.
@Suite("Execution summary")
struct ExecutionSummaryTests {
    typealias World = UseCaseRoleTests.World

    /// The role world (a seminar due 31.03.2019 for both schools, an olympiad due 30.04.2019
    /// for the lyceum) plus a February monitoring for school A. School A held the seminar on
    /// 20 March (accepted) and reported the monitoring, which was returned; the lyceum held
    /// the seminar on 5 April (accepted).
    struct Reported {
        let world: World
        let monitoring: UUID

        static func make(_ database: Database) async throws -> Reported {
            let world = try await World.make(database)
            let monitoring = try await PlanStore(database: database).createAction(
                goalID: world.goalID, ActionChange(title: "Мониторинг", deadline: "Февраль 2019", executorIDs: [world.schoolAID]),
                asOf: world.today, actor: world.coordinator)
            let reports = ReportStore(database: database)
            let assignments = AssignmentStore(database: database)
            func report(_ assignment: UUID, _ day: String, _ actor: Principal) async throws -> UUID {
                try await reports.submit(
                    assignmentID: assignment, ReportSubmission(doneOn: try #require(CalendarDate(iso: day)), text: "Проведено \(day)"),
                    idempotencyKey: nil, actor: actor).report.id
            }
            let seminarA = try await report(world.assignmentA, "2019-03-20", world.schoolA)
            _ = try await reports.review(seminarA, decision: .accept, comment: nil, ifVersion: nil, actor: world.coordinator)
            let seminarB = try await report(world.assignmentB, "2019-04-05", world.schoolB)
            _ = try await reports.review(seminarB, decision: .accept, comment: nil, ifVersion: nil, actor: world.coordinator)
            let monitoringA = try #require(try await assignments.list(
                AssignmentFilter(actionID: monitoring.id), asOf: world.today, limit: 5, cursor: nil, scope: world.coordinator).items.first)
            let returned = try await report(monitoringA.id, "2019-02-25", world.schoolA)
            _ = try await reports.review(returned, decision: .returnForRework, comment: "Нет протокола", ifVersion: nil, actor: world.coordinator)
            return Reported(world: world, monitoring: monitoring.id)
        }
    }

    private func outcome(_ summary: ExecutionSummaryRecord, _ action: UUID, _ executor: UUID) -> ExecutionOutcome? {
        summary.goals.flatMap(\.actions).first { $0.id == action }?.lines.first { $0.executorID == executor }?.outcome
    }

    @Test func onTheFirstOfAprilTheSummaryMatchesAHandCount() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let reported = try await Reported.make(lease.database)
            let world = reported.world
            let summaries = ExecutionSummaryStore(database: world.database)
            let april1 = try await summaries.summary(orderID: world.orderID, asOf: try #require(CalendarDate(iso: "2019-04-01")), scope: world.coordinator)
            #expect(april1.order.number == "770")
            #expect(outcome(april1, world.sharedAction, world.schoolAID) == .doneOnTime)
            #expect(outcome(april1, world.sharedAction, world.schoolBID) == .overdue, "held on 5 April: not done on the 1st")
            #expect(outcome(april1, world.onlyB, world.schoolBID) == .notYetDue)
            #expect(outcome(april1, reported.monitoring, world.schoolAID) == .overdue, "a returned report is not done")
            let tally = april1.tally
            #expect(tally.total == 4 && tally.count(.doneOnTime) == 1 && tally.count(.doneLate) == 0)
            #expect(tally.count(.overdue) == 2 && tally.count(.notYetDue) == 1 && tally.percentDone == 25)
            let seminar = try #require(april1.goals.flatMap(\.actions).first { $0.id == world.sharedAction })
            #expect(seminar.number == "1.1" && seminar.tally.total == 2 && seminar.tally.done == 1)
            let lyceum = try #require(seminar.lines.first { $0.executorID == world.schoolBID })
            #expect(lyceum.doneOn?.iso == "2019-04-05" && lyceum.reportText == "Проведено 2019-04-05" && lyceum.reportStatus == .accepted)
            // The accepted work day is kept on the assignment; a returned report leaves none.
            let kept = try await lease.pool.withConnection { connection in
                try connection.query("SELECT id, done_on FROM assignments WHERE action_id IN (\(world.sharedAction), \(reported.monitoring))")
                    .rows.map { (try $0.decode(UUID.self, "id"), try $0.decode(CalendarDate?.self, "done_on")) }
            }
            #expect(Dictionary(uniqueKeysWithValues: kept)[world.assignmentA]??.iso == "2019-03-20")
            #expect(Dictionary(uniqueKeysWithValues: kept)[world.assignmentB]??.iso == "2019-04-05")
            #expect(kept.filter { $0.1 != nil }.count == 2, "the returned monitoring has no work day kept")
            let monitoring = try #require(april1.goals.flatMap(\.actions).first { $0.id == reported.monitoring }?.lines.first)
            #expect(monitoring.reportStatus == .returned && monitoring.doneOn?.iso == "2019-02-25")

            // On 15 April the lyceum's seminar is done, late; the olympiad is still ahead.
            let april15 = try await summaries.summary(orderID: world.orderID, asOf: world.today, scope: world.coordinator)
            #expect(outcome(april15, world.sharedAction, world.schoolBID) == .doneLate)
            #expect(april15.tally.count(.doneOnTime) == 1 && april15.tally.count(.doneLate) == 1 && april15.tally.count(.overdue) == 1)
            // On 1 May the olympiad is overdue too.
            let may1 = try await summaries.summary(orderID: world.orderID, asOf: try #require(CalendarDate(iso: "2019-05-01")), scope: world.viewer)
            #expect(outcome(may1, world.onlyB, world.schoolBID) == .overdue)
        }
    }

    @Test func aSchoolSeesItsOwnLinesAndAnUnknownOrderIsNotFound() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let reported = try await Reported.make(lease.database)
            let world = reported.world
            let summaries = ExecutionSummaryStore(database: world.database)
            let own = try await summaries.summary(orderID: world.orderID, asOf: world.today, scope: world.schoolA)
            let lines = own.goals.flatMap(\.actions).flatMap(\.lines)
            #expect(Set(lines.map(\.executorID)) == [world.schoolAID])
            #expect(own.goals.flatMap(\.actions).map(\.id) == [world.sharedAction, reported.monitoring], "not the lyceum's olympiad")
            #expect(own.tally.total == 2)
            await #expect(throws: UseCaseError.self) {
                _ = try await summaries.summary(orderID: UUID(), asOf: world.today, scope: world.coordinator)
            }
        }
    }
}
