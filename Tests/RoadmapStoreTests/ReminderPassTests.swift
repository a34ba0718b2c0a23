import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// The daily reminder pass: what it queues on a day, to whom, once.
@Suite("Reminders: the daily pass")
struct ReminderPassTests {
    typealias World = UseCaseRoleTests.World

    static func count(_ lease: TestDatabase.Lease, _ sql: String) async throws -> Int {
        try await lease.pool.withConnection { (connection) throws in
            try connection.query(SQL(unescaped: "SELECT count(*)::int AS n FROM \(sql)")).first?.decode(Int.self, "n") ?? -1
        }
    }

    @Test func aDayQueuesEachReminderOnceToTheSchoolsAddresses() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let users = UserStore(database: world.database)
            _ = try await lease.pool.withConnection { (connection) throws in
                try connection.execute("UPDATE users SET email = 'school5@example.ru' WHERE login = 'school-a'")
            }
            _ = try await users.addUser(login: "lyceum-deputy", role: .executor, organizationID: world.schoolBID,
                                        email: "deputy@lyceum14.example.ru", actor: world.admin)
            await #expect(throws: UseCaseError.invalid(field: "email", reason: "«not an address» is not an e-mail address")) {
                try await users.addUser(login: "x", role: .executor, organizationID: world.schoolBID, email: "not an address", actor: world.admin)
            }
            let pass = ReminderPass(database: world.database)
            let march24 = try #require(CalendarDate(iso: "2019-03-24"))
            let forbidden = await UseCaseRoleTests.outcome { try await _ = pass.run(asOf: march24, dryRun: true, actor: world.coordinator) }
            #expect(forbidden == .forbidden)

            let dry = try await pass.run(asOf: march24, dryRun: true, actor: world.admin)
            #expect(Set(dry.queued.map(\.recipient)) == ["school5@example.ru", "deputy@lyceum14.example.ru"], "the seminar is due in 7 days for both")
            #expect(dry.queued.allSatisfy { $0.kind == "due_soon" && $0.subject == "Срок через 7 дней: Семинар" })
            #expect(try await Self.count(lease, "notifications") == 0, "a dry run queues nothing")
            // Read a chunk at a time (one assignment here), the day comes out the same.
            let chunked = try await pass.run(asOf: march24, dryRun: true, actor: world.admin, chunk: 1)
            #expect(chunked.queued.map(\.recipient).sorted() == dry.queued.map(\.recipient).sorted())

            #expect(try await pass.lastPassedDay() == nil, "a dry run is not a pass")
            let first = try await pass.run(asOf: march24, dryRun: false, actor: world.admin)
            #expect(try await pass.lastPassedDay() == march24, "the service started later that day does not pass it again")
            #expect(first.queued.count == 2 && first.alreadyQueued == 0)
            let again = try await pass.run(asOf: march24, dryRun: false, actor: Principal.installation(commandLine: "roadmapctl notify run"))
            #expect(again.queued.isEmpty && again.alreadyQueued == 2, "running the day again queues nothing new")
            let (body, link) = try await lease.pool.withConnection { (connection) throws in
                let row = try connection.query("SELECT body_text, link_path FROM notifications WHERE recipient_email = 'school5@example.ru'").first
                return (try row?.decode(String.self, "body_text"), try row?.decode(String?.self, "link_path"))
            }
            #expect(link == "/assignments/\(world.assignmentA.uuidString.lowercased())")
            #expect(body?.contains("по приказу № 770 от 25.06.2018.") == true)

            #expect(try await pass.run(asOf: try #require(CalendarDate(iso: "2019-03-25")), dryRun: false, actor: world.admin).queued.isEmpty)
            let overdue = try await pass.run(asOf: try #require(CalendarDate(iso: "2019-04-01")), dryRun: false, actor: world.admin)
            _ = try await pass.run(asOf: march24, dryRun: false, actor: world.admin)
            #expect(try await pass.lastPassedDay() == CalendarDate(iso: "2019-04-01"), "an earlier day run again does not move it back")
            #expect(overdue.queued.map(\.kind) == ["overdue", "overdue"])

            // A report waits for the committee: the school is not chased; the other one is.
            _ = try await ReportStore(database: world.database).submit(
                assignmentID: world.assignmentA, ReportSubmission(doneOn: march24, text: "Проведено"), idempotencyKey: nil, actor: world.schoolA)
            let week = try await pass.run(asOf: try #require(CalendarDate(iso: "2019-04-08")), dryRun: false, actor: world.admin)
            #expect(week.queued.map(\.recipient) == ["deputy@lyceum14.example.ru"])

            // A school with no address is counted, not lost silently; a withdrawn order chases nobody.
            _ = try await lease.pool.withConnection { (connection) throws in
                try connection.execute("UPDATE users SET email = NULL WHERE login = 'lyceum-deputy'")
            }
            #expect(try await pass.run(asOf: try #require(CalendarDate(iso: "2019-04-15")), dryRun: true, actor: world.admin).unreachable == 1)
            _ = try await WithdrawalStore(database: world.database).withdraw(orderID: world.orderID, reason: "Ошибка", asOf: world.today, actor: world.coordinator)
            let none = try await pass.run(asOf: try #require(CalendarDate(iso: "2019-04-15")), dryRun: true, actor: world.admin)
            #expect(none.queued.isEmpty && none.unreachable == 0)
            #expect(try await NotificationStore(database: world.database).overview(actor: world.admin).counts["queued"] == 5)
        }
    }
}
