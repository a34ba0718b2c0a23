import Foundation
import RoadmapDomain
import RoadmapExport
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// An order's public page (#17): only what the committee published, for anybody; no
/// person's name anywhere in it, and a report's text only where the committee marked it.
@Suite("Public progress page")
struct PublicationTests {
    typealias World = UseCaseRoleTests.World

    /// Order 770 with a person among the seminar's responsible, a signatory and a controller,
    /// and both schools' reports on the seminar: A's accepted, the lyceum's submitted.
    struct Reported {
        let world: World
        let accepted: UUID
        let submitted: UUID

        static func make(_ lease: TestDatabase.Lease) async throws -> Reported {
            let world = try await World.make(lease.database)
            try await lease.pool.withConnection { connection in
                try connection.execute("""
                    UPDATE orders SET signatory = 'Петрова Анна Ивановна', controller = 'Сидоров С.С.' WHERE id = \(world.orderID)
                    """)
                try connection.execute("""
                    INSERT INTO action_persons (action_id, person_role, source_text, position)
                    VALUES (\(world.sharedAction), 'Кузнецова М.В., заместитель председателя', 'Кузнецова М.В.', 9)
                    """)
            }
            let reports = ReportStore(database: world.database)
            let accepted = try await reports.submit(
                assignmentID: world.assignmentA, ReportSubmission(doneOn: try #require(CalendarDate(iso: "2019-03-20")), text: "Семинар провела Орлова Е.Н., 30 человек"),
                idempotencyKey: nil, actor: world.schoolA).report.id
            _ = try await reports.review(accepted, decision: .accept, comment: nil, ifVersion: nil, actor: world.coordinator)
            let submitted = try await reports.submit(
                assignmentID: world.assignmentB, ReportSubmission(doneOn: try #require(CalendarDate(iso: "2019-04-05")), text: "Проведено, отв. Лебедев"),
                idempotencyKey: nil, actor: world.schoolB).report.id
            return Reported(world: world, accepted: accepted, submitted: submitted)
        }
    }

    /// Every way the public sees the order, as one text to search.
    private func everything(_ record: PublicOrderRecord) throws -> String {
        let csv = String(decoding: OpenDataTable.csv(record), as: UTF8.self)
        let json = String(decoding: try OpenDataTable.json(record), as: UTF8.self)
        return "\(record)\n\(csv)\n\(json)"
    }

    @Test func onlyThePublishedOrderIsShownWithNoPersonAndOnlyTheTextsMarkedPublic() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let reported = try await Reported.make(lease)
            let world = reported.world
            let publication = PublicationStore(database: world.database)
            await #expect(throws: UseCaseError.self, "not published yet") {
                _ = try await publication.publicOrder(world.orderID, asOf: world.today)
            }
            let order = try await publication.publish(orderID: world.orderID, published: true, asOf: world.today, actor: world.coordinator)
            #expect(order.publishedAt != nil)
            #expect(try await publication.published().map(\.id) == [world.orderID])

            let shown = try await publication.publicOrder(world.orderID, asOf: world.today)
            #expect(shown.number == "770" && shown.tally.total == 3 && shown.tally.count(.doneOnTime) == 1)
            #expect(shown.tally.count(.overdue) == 1 && shown.tally.count(.notYetDue) == 1)
            #expect(shown.organizations.map(\.name) == ["МАОУ СОШ № 5", "МБОУ Лицей № 14"])
            var text = try everything(shown)
            for person in ["Петрова", "Сидоров", "Кузнецова", "Орлова", "Лебедев", "Семинар провела"] {
                #expect(!text.contains(person), "«\(person)» must not be public")
            }

            // A's accepted report is marked public: its text shows; a report not accepted cannot be.
            let marked = try await publication.setReportPublic(reported.accepted, isPublic: true, actor: world.coordinator)
            #expect(marked.isPublic)
            await #expect(throws: UseCaseError.self) {
                _ = try await publication.setReportPublic(reported.submitted, isPublic: true, actor: world.coordinator)
            }
            text = try everything(try await publication.publicOrder(world.orderID, asOf: world.today))
            #expect(text.contains("Семинар провела Орлова Е.Н., 30 человек"))
            #expect(!text.contains("Лебедев") && !text.contains("Петрова") && !text.contains("Кузнецова"))
            let csv = String(decoding: OpenDataTable.csv(try await publication.publicOrder(world.orderID, asOf: world.today)), as: UTF8.self)
            #expect(csv.hasPrefix("\u{FEFF}order_number;order_date;goal;action_number;action;deadline_text;organization_id;organization"))
            #expect(csv.contains("770;2018-06-25;1. Повышение качества;1.1;Семинар;Март 2019;") && csv.contains(";done_on_time;2019-03-20;"))

            // Taken off: nobody sees it, and the history says who did what.
            _ = try await publication.publish(orderID: world.orderID, published: false, asOf: world.today, actor: world.coordinator)
            await #expect(throws: UseCaseError.self) {
                _ = try await publication.publicOrder(world.orderID, asOf: world.today)
            }
            let events = try await lease.pool.withConnection { connection in
                try connection.query("SELECT event FROM events WHERE event IN ('published', 'unpublished', 'made_public') ORDER BY id")
                    .rows.map { try $0.decode(String.self, "event") }
            }
            #expect(events == ["published", "made_public", "unpublished"])
        }
    }

    @Test func onlyTheCommitteesStaffPublishAndAWithdrawnOrderIsNeverPublic() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let reported = try await Reported.make(lease)
            let world = reported.world
            let publication = PublicationStore(database: world.database)
            for actor in [world.viewer, world.schoolA] {
                await #expect(throws: UseCaseError.self, "\(actor.role) may not publish") {
                    _ = try await publication.publish(orderID: world.orderID, published: true, asOf: world.today, actor: actor)
                }
                await #expect(throws: UseCaseError.self, "\(actor.role) may not mark a report public") {
                    _ = try await publication.setReportPublic(reported.accepted, isPublic: true, actor: actor)
                }
            }
            _ = try await publication.publish(orderID: world.orderID, published: true, asOf: world.today, actor: world.admin)
            _ = try await publication.publish(orderID: world.orderID, published: true, asOf: world.today, actor: world.coordinator)
            _ = try await WithdrawalStore(database: world.database).withdraw(
                orderID: world.orderID, reason: "Загружен по ошибке", asOf: world.today, actor: world.coordinator)
            await #expect(throws: UseCaseError.self, "a withdrawn order is not public") {
                _ = try await publication.publicOrder(world.orderID, asOf: world.today)
            }
            #expect(try await publication.published().isEmpty)
            await #expect(throws: UseCaseError.self, "nor published again") {
                _ = try await publication.publish(orderID: world.orderID, published: true, asOf: world.today, actor: world.coordinator)
            }
            await #expect(throws: UseCaseError.self) {
                _ = try await publication.publish(orderID: UUID(), published: true, asOf: world.today, actor: world.coordinator)
            }
        }
    }
}
