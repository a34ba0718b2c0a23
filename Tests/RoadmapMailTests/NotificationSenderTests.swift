import Foundation
import Logging
import RoadmapDomain
import RoadmapMail
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// The outbox delivered through a real SMTP server: each message once, however many senders
/// run; refusals retried or failed and shown; a sender that stopped mid-delivery taken over.
@Suite("E-mail: delivering the outbox")
struct NotificationSenderTests {
    /// A committee, `schools` schools each with an executor user with an address, and order
    /// № 770 with a seminar due in March 2019 for all of them.
    struct World {
        let database: Database
        let admin: Principal
        let coordinator: Principal
        let schools: [Principal]
        let assignments: [UUID]

        static func make(_ database: Database, schools count: Int) async throws -> World {
            let installation = Principal.installation(commandLine: "test")
            let organizations = OrganizationStore(database: database)
            let users = UserStore(database: database)
            let committee = try await organizations.create(OrganizationChange(name: "Комитет образования", kind: "committee"), actor: installation)
            var schoolIDs: [UUID] = []
            for number in 1...count {
                let school = try await organizations.create(OrganizationChange(name: "МАОУ СОШ № \(number)", kind: "school"), actor: installation)
                schoolIDs.append(school.id)
                _ = try await users.addUser(login: "school-\(number)", role: .executor, organizationID: school.id,
                                            email: "school\(number)@example.ru", actor: installation)
            }
            _ = try await users.addUser(login: "admin", role: .admin, organizationID: nil, actor: installation)
            _ = try await users.addUser(login: "coord", role: .coordinator, organizationID: nil, email: "coord@komitet.example.ru", actor: installation)
            let coordinator = try await users.actor(login: "coord", commandLine: "test")
            let order = try await OrderStore(database: database).create(
                OrderChange(number: "770", date: CalendarDate(iso: "2018-06-25"), issuerID: committee.id, title: "Дорожная карта"), actor: coordinator)
            let plans = PlanStore(database: database)
            let today = try #require(CalendarDate(iso: "2019-03-01"))
            let goal = try await plans.createGoal(orderID: order.id, title: "Повышение качества", actor: coordinator)
            _ = try await plans.createAction(goalID: goal.id, ActionChange(title: "Семинар", deadline: "Март 2019", executorIDs: schoolIDs),
                                             asOf: today, actor: coordinator)
            let assignments = try await AssignmentStore(database: database)
                .list(AssignmentFilter(orderID: order.id), asOf: today, limit: 500, cursor: nil, scope: coordinator).items.map(\.id)
            var schools: [Principal] = []
            for number in 1...count { schools.append(try await users.actor(login: "school-\(number)", commandLine: "test")) }
            return World(database: database, admin: try await users.actor(login: "admin", commandLine: "test"), coordinator: coordinator,
                         schools: schools, assignments: assignments)
        }
    }

    static func sender(_ database: Database, _ sink: SMTPSink, batch: Int = 20, lease: Duration = .seconds(300)) throws -> NotificationSender {
        NotificationSender(
            delivery: OutboxDelivery(database: database),
            client: try SMTPClient(configuration: SMTPConfiguration(host: "127.0.0.1", port: sink.port, timeout: .seconds(10))),
            letters: NotificationLetter(publicURL: "https://roadmap.example", fromAddress: "roadmap@komitet.example.ru"),
            settings: .init(batch: batch, lease: lease, interval: .milliseconds(100)), logger: Logger(label: "test"))
    }

    static func sql(_ lease: TestDatabase.Lease, _ text: String) async throws {
        try await lease.pool.withConnection { (connection) throws in try connection.execute(script: text) }
    }

    @Test func theMarchRemindersGoOutOnceEachThoughTwoSendersRunAndThePassRunsTwice() async throws {
        guard let sink = try SMTPClientTests.sink() else { return }
        defer { sink.stop() }
        try await TestDatabase.withDatabase(maximumConnections: 6) { (lease) async throws in
            let world = try await World.make(lease.database, schools: 12)
            // Being given the seminar already queued a message to each school.
            let store = NotificationStore(database: world.database)
            #expect(try await store.overview(actor: world.admin).counts["queued"] == 12)
            try await Self.sql(lease, "DELETE FROM notifications WHERE kind = 'new_work'")
            let march24 = try #require(CalendarDate(iso: "2019-03-24"))
            let pass = ReminderPass(database: world.database)
            let first = try await pass.run(asOf: march24, dryRun: false, actor: world.admin)
            #expect(first.queued.count == 12 && first.queued.allSatisfy { $0.kind == "due_soon" })
            #expect(try await pass.run(asOf: march24, dryRun: false, actor: world.admin).queued.isEmpty, "a second run queues nothing")

            // Two senders (two service instances) drain the same outbox at once, three at a time.
            let a = try Self.sender(world.database, sink, batch: 3)
            let b = try Self.sender(world.database, sink, batch: 3)
            async let roundsA = a.drain()
            async let roundsB = b.drain()
            let (ra, rb) = try await (roundsA, roundsB)
            #expect(ra.sent + rb.sent == 12)
            let received = try await sink.waitFor(12)
            #expect(received.count == 12)
            #expect(Set(received.map(\.message_id)).count == 12, "no message twice")
            #expect(Set(received.flatMap(\.rcpt_tos)) == Set((1...12).map { "school\($0)@example.ru" }))
            let mail = try #require(received.first { $0.rcpt_tos == ["school1@example.ru"] })
            #expect(mail.subject == "Срок через 7 дней: Семинар")
            #expect(mail.text?.contains("Срок исполнения — 31.03.2019, через 7 дней.") == true)
            #expect(mail.text?.contains("Открыть: https://roadmap.example/assignments/") == true)
            #expect(mail.html?.contains("<a href=\"https://roadmap.example/assignments/") == true)
            let unsubscribe = try #require(mail.headers["List-Unsubscribe"])
            #expect(unsubscribe.hasPrefix("<https://roadmap.example/unsubscribe/") && unsubscribe.hasSuffix(">"))
            #expect(mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
            #expect(mail.headers["Auto-Submitted"] == "auto-generated")

            // Nothing left; a third sender finds nothing to do; the outbox says all went.
            let c = try Self.sender(world.database, sink)
            #expect(try await c.drain().claimed == 0)
            let overview = try await store.overview(actor: world.admin)
            #expect(overview.counts["sent"] == 12 && overview.counts["queued"] == nil && overview.reclaimed == 0)
            await #expect(throws: UseCaseError.self) { try await NotificationStore(database: world.database).overview(actor: world.coordinator) }
        }
    }

    @Test func aDeferredMessageIsRetriedLaterAndARefusedOneIsFailedAndShown() async throws {
        guard let sink = try SMTPClientTests.sink(.init(deferFirst: 1, reject: "school2@example.ru")) else { return }
        defer { sink.stop() }
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database, schools: 3)
            try await Self.sql(lease, "DELETE FROM notifications")
            _ = try await ReminderPass(database: world.database).run(asOf: try #require(CalendarDate(iso: "2019-03-24")), dryRun: false, actor: world.admin)
            let sender = try Self.sender(world.database, sink)
            let round = try await sender.deliverDue()
            #expect(round.claimed == 3 && round.sent == 1 && round.deferred == 1 && round.failed == 1)
            let store = NotificationStore(database: world.database)
            var overview = try await store.overview(actor: world.admin)
            #expect(overview.counts["queued"] == 1 && overview.counts["failed"] == 1 && overview.counts["sent"] == 1)
            let failed = try #require(overview.failed.first)
            #expect(failed.recipient == "school2@example.ru" && failed.lastError?.contains("550") == true)
            // The deferred one waits its minute; when it is due it goes.
            #expect(try await sender.deliverDue().claimed == 0, "not before its time")
            try await Self.sql(lease, "UPDATE notifications SET next_attempt_at = now() WHERE status = 'queued'")
            #expect(try await sender.deliverDue().sent == 1)
            // An administrator puts the failed one back; refused again, it fails again.
            #expect(try await store.retryFailed(actor: world.admin) == 1)
            #expect(try await sender.deliverDue().failed == 1)
            overview = try await store.overview(actor: world.admin)
            #expect(overview.counts["sent"] == 2 && overview.counts["failed"] == 1)
            #expect(try sink.received().count == 2)
        }
    }

    @Test func aSenderThatStoppedMidDeliveryIsTakenOverAndTheTakeoverCounted() async throws {
        guard let sink = try SMTPClientTests.sink() else { return }
        defer { sink.stop() }
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database, schools: 4)
            try await Self.sql(lease, "DELETE FROM notifications")
            _ = try await ReminderPass(database: world.database).run(asOf: try #require(CalendarDate(iso: "2019-03-24")), dryRun: false, actor: world.admin)
            // A sender claims two and dies (never marks them): they stay `sending` until the lease runs out.
            let dead = try await OutboxDelivery(database: world.database).claim(limit: 2, lease: .seconds(60), sender: "dead:1")
            #expect(dead.count == 2)
            let sender = try Self.sender(world.database, sink)
            #expect(try await sender.deliverDue().sent == 2, "the other two go at once; the dead sender's wait for its lease")
            #expect(try await sender.deliverDue().claimed == 0)
            try await Self.sql(lease, "UPDATE notifications SET lease_until = now() - interval '1 second' WHERE status = 'sending'")
            let round = try await sender.deliverDue()
            #expect(round.sent == 2 && round.reclaimed == 2)
            let overview = try await NotificationStore(database: world.database).overview(actor: world.admin)
            #expect(overview.counts["sent"] == 4 && overview.reclaimed == 2)
            #expect(Set(try sink.received().map(\.message_id)).count == 4)
        }
    }
}
