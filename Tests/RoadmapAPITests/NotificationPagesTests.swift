import Foundation
import HTTPTypes
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// «Уведомления»: the address, the choices, the messages, read without any mail server; the
/// one-click unsubscribe; the outbox and the production calendar for administrators; the
/// same through the API.
extension WebPagesTests {
    @Test func aSchoolReadsItsMessagesChoosesHowTheyComeAndUnsubscribesInOneClick() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let school = try await session(api, fixture, "school-a")
            // An address typed wrong is kept with the error; a right one is saved.
            let wrong = try await post(api, "/notifications/email", form: "csrf=\(school.csrf)&email=school5-at-example", cookies: school.cookie)
            #expect(wrong.status == 422 && wrong.html.contains("value=\"school5-at-example\"") && wrong.html.contains("не похоже на адрес"))
            let saved = try await post(api, "/notifications/email", form: "csrf=\(school.csrf)&email=school5%40example.ru", cookies: school.cookie)
            #expect(saved.status == 200 && saved.html.contains("value=\"school5@example.ru\""))
            #expect(try await post(api, "/notifications/email", form: "csrf=forged&email=x%40example.ru", cookies: school.cookie).status == 403)

            // The coordinator returns the school's report: the message is on the school's page at once, no SMTP needed.
            let report = try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA,
                                            json: #"{"done_on": "2019-03-20", "text": "Проведено"}"#)
            let reportID = try #require(report.string("id"))
            #expect(try await api.call(.post, "/v1/reports/\(reportID)/return", token: fixture.coordinator,
                                       json: #"{"comment": "Приложите программу"}"#).status == 200)
            let page = try await get(api, "/notifications", cookies: school.cookie)
            #expect(page.status == 200)
            #expect(page.html.contains("Отчёт возвращён: Семинар") && page.html.contains("Комментарий координатора: Приложите программу"))
            #expect(page.html.contains("ждёт отправки") && page.html.contains(#"href="/assignments/\#(plan.assignmentA)""#))
            #expect(page.html.contains(#"name="due_soon" value="digest""#) && !page.html.contains(#"name="review_digest""#),
                    "a school chooses among its own kinds")

            // Choices: reminders in the digest, acceptances off.
            let chosen = try await post(api, "/notifications", form: "csrf=\(school.csrf)&due_soon=digest&report_accepted=off", cookies: school.cookie)
            #expect(chosen.status == 200 && chosen.html.contains(#"name="due_soon" value="digest" checked"#))
            #expect(chosen.html.contains(#"name="report_accepted" value="off" checked"#))
            #expect(try await post(api, "/notifications", form: "csrf=\(school.csrf)&due_soon=sometimes", cookies: school.cookie).status == 400)
            let prefs = try await api.call(.get, "/v1/me/notification-preferences", token: fixture.executorA)
            #expect(prefs.string("due_soon") == "digest" && prefs.string("report_accepted") == "off" && prefs.string("overdue") == "now")

            // The link in the e-mail: GET asks, POST (the button or a mail program) stops it; no sign-in needed.
            let token = try await fixture.pool.withConnection { connection in
                try connection.query("SELECT unsubscribe_token FROM notifications WHERE kind = 'report_returned'").first?.decode(String.self, "unsubscribe_token")
            }
            let link = "/unsubscribe/\(try #require(token))"
            let ask = try await get(api, link)
            #expect(ask.status == 200 && ask.html.contains("Больше не присылать письма «Отчёт возвращён на доработку»"))
            let done = try await post(api, link, form: "List-Unsubscribe=One-Click")
            #expect(done.status == 200 && done.html.contains("больше не придут"))
            #expect(try await api.call(.get, "/v1/me/notification-preferences", token: fixture.executorA).string("report_returned") == "off")
            #expect(try await get(api, "/unsubscribe/\(String(repeating: "0", count: 36))").status == 404)
            #expect(try await post(api, "/unsubscribe/not-a-token", form: "").status == 404)
        }
    }

    @Test func administratorsWatchTheOutboxAndKeepTheProductionCalendar() async throws {
        try await APIFixture.run { api, fixture in
            _ = try await fixture.makePlan(api)
            let admin = try await session(api, fixture, "admin")
            let coordinator = try await session(api, fixture, "coord")
            try await fixture.pool.withConnection { connection in
                try connection.execute("""
                    UPDATE notifications SET status = 'failed', attempts = 12, last_error = 'the SMTP server refused RCPT TO: 550 No such mailbox'
                    """)
                try connection.execute("""
                    INSERT INTO notifications (kind, recipient_id, recipient_email, subject, body_text, dedup_key, status, attempts, last_error)
                    SELECT 'new_work', id, 'school5@example.ru', 'Новая работа: 1 мероприятие', 'Здравствуйте!', 'test', 'failed', 12,
                           'the SMTP server refused RCPT TO: 550 No such mailbox'
                    FROM users WHERE login = 'school-a'
                    """)
            }
            let outbox = try await get(api, "/admin/notifications", cookies: admin.cookie)
            #expect(outbox.status == 200 && outbox.html.contains("550 No such mailbox") && outbox.html.contains("Не доставлено"))
            #expect(try await get(api, "/admin/notifications", cookies: coordinator.cookie).status == 403)
            let retried = try await post(api, "/admin/notifications/retry", form: "csrf=\(admin.csrf)", cookies: admin.cookie)
            #expect(retried.status == 200 && retried.html.contains("Недоставленные письма снова в очереди: 1."))

            let badRule = try await post(api, "/admin/notifications/settings", form: "csrf=\(admin.csrf)&days_before=0%2C+200&overdue_every=7&escalate_after=14",
                                         cookies: admin.cookie)
            #expect(badRule.status == 422 && badRule.html.contains("value=\"0, 200\""))
            let rule = try await post(api, "/admin/notifications/settings", form: "csrf=\(admin.csrf)&days_before=10%2C+1&overdue_every=7&escalate_after=21",
                                      cookies: admin.cookie)
            #expect(rule.status == 200 && rule.html.contains("value=\"10, 1\"") && rule.html.contains("value=\"21\""))

            // A viewer is sent nothing: its page keeps the address and the list, no choices.
            let viewer = try await session(api, fixture, "viewer")
            let viewersPage = try await get(api, "/notifications", cookies: viewer.cookie)
            #expect(viewersPage.status == 200 && !viewersPage.html.contains("Что и как присылать") && viewersPage.html.contains("Адрес для писем"))

            let calendar = try await get(api, "/admin/workdays", cookies: admin.cookie)
            #expect(calendar.status == 200 && calendar.html.contains("Постановление Правительства РФ от 24.09.2025 № 1466")
                    && calendar.html.contains("09.01.2026"))
            #expect(try await get(api, "/admin/workdays", cookies: coordinator.cookie).status == 403)
            let set = try await post(api, "/admin/workdays/day", form: "csrf=\(admin.csrf)&day=2026-12-30&kind=off&note=Решение+главы", cookies: admin.cookie)
            #expect(set.status == 200 && set.html.contains("30.12.2026") && set.html.contains("Решение главы"))
            let noYear = try await post(api, "/admin/workdays/day", form: "csrf=\(admin.csrf)&day=2031-01-02&kind=off", cookies: admin.cookie)
            #expect(noYear.status == 422 && noYear.html.contains("не загружен") && noYear.html.contains("value=\"2031-01-02\""))
            let badNote = try await post(api, "/admin/workdays/day", form: "csrf=\(admin.csrf)&day=2026-12-29&kind=off&note=%E2%80%AE%D0%B0", cookies: admin.cookie)
            #expect(badNote.status == 422 && badNote.html.contains("служебные символы") && badNote.html.contains("value=\"2026-12-29\""))
            let badFile = try await post(api, "/admin/workdays/load", form: "csrf=\(admin.csrf)&source=x&text=2027-01-01%3Bholiday", cookies: admin.cookie)
            #expect(badFile.status == 422 && badFile.html.contains("2027-01-01;holiday"))
            let loaded = try await post(api, "/admin/workdays/load", form: "csrf=\(admin.csrf)&source=test&text=2027-01-01%3Boff%3B%D0%9D%D0%BE%D0%B2%D1%8B%D0%B9+%D0%B3%D0%BE%D0%B4", cookies: admin.cookie)
            #expect(loaded.status == 200 && loaded.html.contains("Загружено: 2027"), "\(loaded.status) \(loaded.html.prefix(3000))")
            #expect(try await post(api, "/admin/workdays/day", form: "csrf=\(coordinator.csrf)&day=2026-12-29&kind=off", cookies: coordinator.cookie).status == 403)

            // The API: one's own address and messages.
            let me = try await api.call(.patch, "/v1/me", token: fixture.executorA, json: #"{"email": "school5@example.ru"}"#)
            #expect(me.status == 200 && me.string("email") == "school5@example.ru")
            #expect(try await api.call(.patch, "/v1/me", token: fixture.executorA, json: #"{"email": "nonsense"}"#).status == 422)
            for hostile in [#"a\u0000@b.ru"#, #"a@b.ru>\r\nRCPT TO:<x@evil.ru"#, #"\"x\"@b.ru"#] {
                #expect(try await api.call(.patch, "/v1/me", token: fixture.executorA, json: #"{"email": "\#(hostile)"}"#).status == 422, "\(hostile)")
            }
            let cleared = try await api.call(.patch, "/v1/me", token: fixture.executorA, json: #"{"email": ""}"#)
            #expect(cleared.status == 200 && cleared.string("email") == nil)
            let missing = try await api.call(.patch, "/v1/me", token: fixture.executorA, json: "{}")
            #expect(missing.status == 400 || missing.status == 422, "the address is required: \(missing.status) \(missing.text)")
            let mine = try await api.call(.get, "/v1/me/notifications", token: fixture.executorA)
            #expect(mine.status == 200 && mine.items.allSatisfy { ($0["subject"] as? String)?.isEmpty == false })
            let bad = try await api.call(.put, "/v1/me/notification-preferences", token: fixture.coordinator, json: #"{"review_digest": "digest"}"#)
            #expect(bad.status == 422)
            let off = try await api.call(.put, "/v1/me/notification-preferences", token: fixture.coordinator, json: #"{"review_digest": "off"}"#)
            #expect(off.status == 200 && off.string("review_digest") == "off")
        }
    }
}
