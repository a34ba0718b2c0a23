import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Messages written by the changes that cause them, in their transaction; each reader's
/// choice per kind; the one-click unsubscribe; the daily letters; and who may see the outbox.
@Suite("Notifications: the use cases")
struct NotificationUseCaseTests {
    typealias World = UseCaseRoleTests.World

    static func rows(_ lease: TestDatabase.Lease, _ sql: String) async throws -> [[String]] {
        try await lease.pool.withConnection { (connection) throws in
            let result = try connection.query(SQL(unescaped: sql))
            return try result.rows.map { row in try result.columns.map { try row.decode(String?.self, $0) ?? "" } }
        }
    }

    static func addresses(_ lease: TestDatabase.Lease) async throws {
        try await lease.pool.withConnection { (connection) throws in
            try connection.execute(script: """
                UPDATE users SET email = login || '@example.ru' WHERE login IN ('school-a', 'school-b', 'coord', 'admin');
                DELETE FROM notifications;
                """)
        }
    }

    @Test func anImportTellsEachSchoolOfItsNewWorkWhetherThePlanIsNewOrChanged() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            try await Self.addresses(lease)
            let imports = ImportStore(database: world.database)
            // Two actions share one list of executors: the second reuses what the first resolved.
            let first = """
                № п/п\tМероприятие\tСрок\tОтветственные
                1\tКонкурс чтецов\tМарт 2019\tМАОУ СОШ № 5
                2\tДень открытых дверей\tАпрель 2019\tМАОУ СОШ № 5, МБОУ Лицей № 14
                3\tРодительское собрание\tМай 2019\tМАОУ СОШ № 5, МБОУ Лицей № 14
                """
            let outcome = try await imports.importDocument(Data(first.utf8), fileName: "план.tsv", academicYear: 2018, actor: world.coordinator)
            #expect(outcome.assignmentsCreated == 5)
            let messages = try await Self.rows(lease, """
                SELECT recipient_email, body_text FROM notifications WHERE kind = 'new_work' ORDER BY recipient_email
                """)
            #expect(messages.map { $0[0] } == ["school-a@example.ru", "school-b@example.ru"])
            #expect(messages[0][1].contains("МАОУ СОШ № 5: назначено 3 мероприятия") && messages[0][1].contains("Ближайший срок — 31.03.2019"))
            #expect(messages[1][1].contains("МБОУ Лицей № 14: назначено 2 мероприятия") && messages[1][1].contains("Ближайший срок — 30.04.2019"))
            let lyceum = try await AssignmentStore(database: world.database).list(
                AssignmentFilter(), asOf: world.today, limit: nil, cursor: nil, scope: world.schoolB).items
            #expect(lyceum.filter { $0.actionTitle != "Семинар" && $0.actionTitle != "Олимпиада лицея" }.count == 2)

            // The plan changed: only the lyceum's new action is new work, counted from the rows.
            let second = first + "\n4\tФестиваль\tИюнь 2019\tМБОУ Лицей № 14"
            _ = try await imports.importDocument(Data(second.utf8), fileName: "план.tsv", academicYear: 2018, actor: world.coordinator)
            let more = try await Self.rows(lease, """
                SELECT recipient_email, body_text FROM notifications WHERE kind = 'new_work' ORDER BY created_at, recipient_email
                """)
            #expect(more.count == 3)
            #expect(more.last?[0] == "school-b@example.ru")
            #expect(more.last?[1].contains("МБОУ Лицей № 14: назначено 1 мероприятие") == true)
            #expect(more.last?[1].contains("Ближайший срок — 30.06.2019") == true)
        }
    }

    @Test func decisionsOnReportsAndExtensionsTellTheSchoolInTheSameTransaction() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            try await Self.addresses(lease)
            let reports = ReportStore(database: world.database)
            let march20 = try #require(CalendarDate(iso: "2019-03-20"))
            let first = try await reports.submit(assignmentID: world.assignmentA, ReportSubmission(doneOn: march20, text: "Проведено"),
                                                 idempotencyKey: nil, actor: world.schoolA)
            // A refused return (no comment) writes no message either.
            await #expect(throws: UseCaseError.self) {
                try await reports.review(first.report.id, decision: .returnForRework, comment: nil, ifVersion: nil, actor: world.coordinator)
            }
            #expect(try await Self.rows(lease, "SELECT kind FROM notifications").isEmpty)
            _ = try await reports.review(first.report.id, decision: .returnForRework, comment: "Приложите программу", ifVersion: nil, actor: world.coordinator)
            let second = try await reports.submit(assignmentID: world.assignmentA, ReportSubmission(doneOn: march20, text: "Программа приложена"),
                                                  idempotencyKey: nil, actor: world.schoolA)
            _ = try await reports.review(second.report.id, decision: .accept, comment: nil, ifVersion: nil, actor: world.coordinator)
            let extensions = ExtensionStore(database: world.database)
            let request = try await extensions.request(assignmentID: world.assignmentB, dueOn: try #require(CalendarDate(iso: "2019-05-15")),
                                                       reason: "Ремонт актового зала", actor: world.schoolB)
            _ = try await extensions.decide(request.id, decision: .approve, comment: nil, ifVersion: nil, actor: world.coordinator)
            let written = try await Self.rows(lease, "SELECT recipient_email, kind, subject, body_text FROM notifications ORDER BY created_at, kind")
            #expect(written.map { [$0[0], $0[1]] } == [["school-a@example.ru", "report_returned"], ["school-a@example.ru", "report_accepted"],
                                                        ["school-b@example.ru", "extension_decided"]])
            #expect(written[0][3].contains("Комментарий координатора: Приложите программу"))
            #expect(written[2][2].hasPrefix("Срок перенесён: Семинар") && written[2][3].contains("Новый срок — 15.05.2019."))
        }
    }

    @Test func eachReaderChoosesPerKindAndUnsubscribesInOneClick() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            try await Self.addresses(lease)
            let store = NotificationStore(database: world.database)
            #expect(try await store.preferences(actor: world.schoolA)[.dueSoon] == .now, "at once unless chosen otherwise")
            try await store.setPreferences([.dueSoon: .digest, .overdue: .off], actor: world.schoolA)
            await #expect(throws: UseCaseError.self) { try await store.setPreferences([.digest: .off], actor: world.schoolA) }
            await #expect(throws: UseCaseError.self) { try await store.setPreferences([.reviewDigest: .digest], actor: world.coordinator) }
            await #expect(throws: UseCaseError.self) {
                try await store.setPreferences([.dueSoon: .off], actor: Principal.installation(commandLine: "test"))
            }
            let pass = ReminderPass(database: world.database)
            _ = try await pass.run(asOf: try #require(CalendarDate(iso: "2019-03-24")), dryRun: false, actor: world.admin)
            // School A wanted its reminders in the digest: held, then gathered by the same pass.
            var states = try await Self.rows(lease, "SELECT recipient_email, kind, status FROM notifications WHERE kind IN ('due_soon', 'digest') ORDER BY kind, recipient_email")
            #expect(states == [["school-a@example.ru", "digest", "queued"], ["school-a@example.ru", "due_soon", "digested"],
                               ["school-b@example.ru", "due_soon", "queued"]])
            // Off means not written at all.
            _ = try await pass.run(asOf: try #require(CalendarDate(iso: "2019-04-01")), dryRun: false, actor: world.admin)
            states = try await Self.rows(lease, "SELECT recipient_email FROM notifications WHERE kind = 'overdue' ORDER BY 1")
            #expect(states == [["school-b@example.ru"]])

            // School B's link stops its reminders; the page shows what it stops before anything changes.
            let token = try #require(try await Self.rows(lease, "SELECT unsubscribe_token FROM notifications WHERE recipient_email = 'school-b@example.ru' AND kind = 'due_soon'").first?.first)
            let seen = try #require(try await store.subscription(token: token))
            #expect(seen.kind == .dueSoon && seen.recipient == "school-b@example.ru" && !seen.isOff)
            #expect(try await store.preferences(actor: world.schoolB)[.dueSoon] == .now, "looking changes nothing")
            #expect(try await store.unsubscribe(token: token)?.isOff == true)
            #expect(try await store.unsubscribe(token: token)?.isOff == true, "twice is harmless")
            #expect(try await store.preferences(actor: world.schoolB)[.dueSoon] == .off)
            #expect(try await store.unsubscribe(token: String(repeating: "0", count: 36)) == nil)
            #expect(try await store.unsubscribe(token: "'; DROP TABLE users; --") == nil)
            // Each sees only their own messages.
            #expect(try await store.inbox(actor: world.schoolB).allSatisfy { $0.recipient == "school-b@example.ru" })
            #expect(try await store.inbox(actor: world.viewer).isEmpty)
            for role in [world.coordinator, world.viewer, world.schoolA] {
                #expect(await UseCaseRoleTests.outcome { _ = try await store.overview(actor: role) } == .forbidden)
                #expect(await UseCaseRoleTests.outcome { _ = try await store.retryFailed(actor: role) } == .forbidden)
            }
            #expect(await UseCaseRoleTests.outcome { _ = try await store.overview(actor: world.admin) } == .allowed)
        }
    }

    @Test func theCoordinatorsDayListsWhatWaitsAndLongOverdueWorkReachesTheHead() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            try await Self.addresses(lease)
            let users = UserStore(database: world.database)
            _ = try await users.addUser(login: "director-b", role: .executor, organizationID: world.schoolBID, email: "director@lyceum14.example.ru",
                                        actor: world.admin)
            await #expect(throws: UseCaseError.self) { try await users.setHead(login: "director-b", true, actor: world.coordinator) }
            await #expect(throws: UseCaseError.self) { try await users.setHead(login: "coord", true, actor: world.admin) }
            #expect(try await users.setHead(login: "director-b", true, actor: world.admin).isHead)
            // The committee escalates after 14 days (its setting; a bad one is refused and changes nothing).
            let store = NotificationStore(database: world.database)
            await #expect(throws: UseCaseError.self) {
                try await store.updateSettings(daysBefore: [0], overdueEvery: nil, escalateAfter: nil, actor: world.admin)
            }
            await #expect(throws: UseCaseError.self) {
                try await store.updateSettings(daysBefore: nil, overdueEvery: nil, escalateAfter: 30, actor: world.coordinator)
            }
            let settings = try await store.settings()
            #expect(settings.escalateAfter == 14 && settings.rule.daysBefore == [7, 1])
            _ = try await ReportStore(database: world.database).submit(
                assignmentID: world.assignmentA, ReportSubmission(doneOn: try #require(CalendarDate(iso: "2019-03-28")), text: "Проведено"),
                idempotencyKey: nil, actor: world.schoolA)
            let pass = ReminderPass(database: world.database)
            // 1 April: the seminar (due 31 March) became overdue for the lyceum; school A's report waits.
            let april1 = try await pass.run(asOf: try #require(CalendarDate(iso: "2019-04-01")), dryRun: false, actor: world.admin)
            #expect(april1.reviewDigests == 2, "the coordinator and the administrator")
            let day = try #require(try await Self.rows(lease, "SELECT subject, body_text FROM notifications WHERE kind = 'review_digest' AND recipient_email = 'coord@example.ru'").first)
            #expect(day[0].hasPrefix("Сводка на 01.04.2019"))
            #expect(day[1].contains("Пришло на проверку: 1") && day[1].contains("МАОУ СОШ № 5 — Семинар"))
            #expect(day[1].contains("Стало просроченным: 1") && day[1].contains("МБОУ Лицей № 14 — Семинар"))
            #expect(day[1].contains("→ /assignments/"))
            #expect(try await pass.run(asOf: try #require(CalendarDate(iso: "2019-04-01")), dryRun: false, actor: world.admin).reviewDigests == 0,
                    "once a day")
            // 15 April: 15 days overdue, past the committee's 14: the lyceum's head hears of it, once.
            let april15 = try await pass.run(asOf: try #require(CalendarDate(iso: "2019-04-15")), dryRun: false, actor: world.admin)
            #expect(april15.escalations == 1)
            let escalation = try #require(try await Self.rows(lease, "SELECT recipient_email, subject FROM notifications WHERE kind = 'escalation'").first)
            #expect(escalation == ["director@lyceum14.example.ru", "Давно просрочено: 1 мероприятие — МБОУ Лицей № 14"])
            let coordinatorsDay = try await Self.rows(lease, "SELECT body_text FROM notifications WHERE kind = 'review_digest' AND dedup_key LIKE 'review_digest:2019-04-15:%' AND recipient_email = 'coord@example.ru'")
            #expect(coordinatorsDay.first?.first?.contains("Просрочено более чем на 14 дней: 1") == true)

            // 2026 has the production calendar the service ships: a Sunday sends nothing; a Monday does.
            let sunday = try await pass.run(asOf: try #require(CalendarDate(iso: "2026-11-29")), dryRun: false, actor: world.admin)
            #expect(sunday.dayOff && sunday.queued.isEmpty && sunday.reviewDigests == 0)
            let monday = try await pass.run(asOf: try #require(CalendarDate(iso: "2026-11-30")), dryRun: true, actor: world.admin)
            #expect(!monday.dayOff && monday.calendarLoaded)
            #expect(try await pass.run(asOf: try #require(CalendarDate(iso: "2026-01-09")), dryRun: true, actor: world.admin).dayOff,
                    "9 January 2026 is off by the decree")
        }
    }
}

extension NotificationUseCaseTests {
    /// «В течение 10 рабочих дней после утверждения» in the plan editor: counted from the
    /// order's day with the production calendar the service ships.
    @Test func aDeadlineCountedFromTheApprovalUsesTheProductionCalendar() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let world = try await World.make(lease.database)
            let order = try await OrderStore(database: world.database).create(
                OrderChange(number: "41", date: CalendarDate(iso: "2026-03-02"), issuerID: world.committeeID, title: "О мерах"), actor: world.coordinator)
            let plans = PlanStore(database: world.database)
            let goal = try await plans.createGoal(orderID: order.id, title: "Организация", actor: world.coordinator)
            let action = try await plans.createAction(
                goalID: goal.id, ActionChange(title: "Назначить ответственных", deadline: "в течение 10 рабочих дней после утверждения",
                                              executorIDs: [world.schoolAID]), asOf: world.today, actor: world.coordinator)
            #expect(action.deadlineKind == "due_date" && action.deadlinePeriod?.last == CalendarDate(iso: "2026-03-17"),
                    "7, 8 and 9 March 2026 are off: \(String(describing: action.deadlinePeriod))")
        }
    }
}
