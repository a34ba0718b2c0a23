import Foundation
import HummingbirdTesting
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// The whole web flow in a real headless Chromium: a coordinator imports order № 770 and
/// opens its page; a school reports; the coordinator returns the report with a comment;
/// the school resubmits; the coordinator accepts; the dashboard shows the progress.
/// Screenshots of the dashboard, the order page and the school's page are written to
/// `docs/screenshots/`.
///
/// Without Chromium the test is skipped, unless `ROADMAP_BROWSER_TESTS=required` (as
/// `.ci/run` sets it), when a missing browser fails it.
@Suite("Web pages in a real browser")
struct BrowserTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let required = ProcessInfo.processInfo.environment["ROADMAP_BROWSER_TESTS"] == "required"

    @Test func aCoordinatorAndASchoolGoThroughImportReportReturnAndAcceptance() async throws {
        guard let chromium = HeadlessBrowser.locate() else {
            if Self.required { Issue.record("Chromium is required (ROADMAP_BROWSER_TESTS=required) but was not found; apt-get install chromium") }
            return
        }
        try await APIFixture.run(mode: .live) { api, fixture in
            let port = try #require(api.client.port)
            let site = "http://127.0.0.1:\(port)"
            let users = UserStore(database: fixture.database)
            try await users.setPassword(login: "coord", password: "coordinator-password", actor: .installation(commandLine: "test"))
            let browser = try HeadlessBrowser(binary: chromium)
            try await browser.open()

            let visitor = Visitor(browser: browser, site: site)

            // The coordinator imports order № 770: upload, preview, confirm. First a scan, refused in Russian.
            try await visitor.signIn("coord", "coordinator-password")
            if ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].contains(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                try await browser.navigate(to: "\(site)/import")
                try await browser.attach(Self.packageRoot.appendingPathComponent("Tests/RoadmapImportTests/Fixtures/pdf/scanned.pdf").path, to: "#document")
                try await browser.click("form[action='/import'] button[type=submit]")
                #expect(try await browser.text().contains("похоже, это скан"))
                try await visitor.save("import-refused-scan")
                try await browser.resize(width: 640)
                #expect(try await browser.horizontalOverflow() <= 0, "the refused import scrolls sideways at 200 % zoom")
                try await browser.resize(width: 1280)
            }
            // A plan with no header of its own: read, and said so first, for the coordinator to check.
            try await browser.navigate(to: "\(site)/import")
            try await browser.attach(Self.packageRoot.appendingPathComponent("Tests/RoadmapImportTests/Fixtures/headerless-plan.txt").path, to: "#document")
            try await browser.click("form[action='/import'] button[type=submit]")
            let headerless = try await browser.text()
            #expect(headerless.contains("в документе нет шапки таблицы: он прочитан как таблица без шапки"), "\(headerless)")
            #expect(headerless.contains("Отчёт о работе профкома за год"))
            try await visitor.save("import-preview-without-header")
            try await browser.resize(width: 640)
            #expect(try await browser.horizontalOverflow() <= 0, "the preview of a plan without a header scrolls sideways at 200 % zoom")
            try await browser.resize(width: 1280)
            try await browser.navigate(to: "\(site)/import")
            let document = Self.packageRoot.appendingPathComponent("Tests/RoadmapImportTests/Fixtures/order770.docx").path
            try await browser.attach(document, to: "#document")
            try await browser.click("form[action='/import'] button[type=submit]")
            let preview = try await browser.text()
            #expect(preview.contains("Проверка перед импортом"), "\(preview)")
            #expect(preview.contains("№ 770 от 25.06.2018"))
            #expect(try await Self.count(fixture, "actions") == 0, "the preview writes nothing")
            // The one executor no organisation matches is offered a choice; it stays new.
            #expect(preview.contains("Исполнители, которых надо уточнить"))
            #expect(try await browser.evaluate("document.querySelector('input[name=c0][value=new]').checked") as? Bool == true)
            // «МАОУ СОШ № 5 имени Ю.А.Гагарина» matched «МАОУ СОШ № 5» only probably: tagged, and offered to confirm.
            #expect(preview.contains("вероятно"))
            #expect(try await browser.evaluate("document.querySelector('input[name=c1][value=existing]').checked") as? Bool == true)
            #expect(try await browser.evaluate("document.querySelector('input[name=o1]').value") as? String == "МАОУ СОШ № 5")
            try await visitor.save("import-preview")
            // The preview is reached by a POST: checked at 200 % zoom here, where it stands.
            try await browser.resize(width: 640)
            #expect(try await browser.horizontalOverflow() <= 0, "the import preview scrolls sideways at 200 % zoom")
            try await browser.resize(width: 1280)
            // An organisation that does not exist: refused beside its field, the typed text kept.
            _ = try await browser.evaluate("document.querySelector('input[name=c0][value=existing]').checked = true")
            try await browser.fill("input[name=o0]", "Комитет культуры")
            try await browser.click("form[action$='/confirm'] button[value=preview]")
            let refusedChoice = try await browser.text()
            #expect(refusedChoice.contains("Такой организации нет"), "\(refusedChoice)")
            #expect(try await browser.evaluate("document.querySelector('input[name=o0]').value") as? String == "Комитет культуры")
            #expect(try await browser.evaluate("document.querySelectorAll('.choice .field-error').length") as? Int == 1, "only the refused field is marked")
            try await visitor.save("import-choice-refused")
            try await browser.resize(width: 640)
            #expect(try await browser.horizontalOverflow() <= 0, "the refused preview scrolls sideways at 200 % zoom")
            try await browser.resize(width: 1280)
            #expect(try await Self.count(fixture, "actions") == 0, "a refused choice writes nothing")
            _ = try await browser.evaluate("document.querySelector('input[name=c0][value=new]').checked = true")
            try await browser.click("form[action$='/confirm'] button[value=import]")
            #expect(try await browser.location().contains("/orders/"))
            let order = try await browser.text()
            #expect(order.contains("Приказ № 770 от 25.06.2018"), "\(order)")
            #expect(order.contains("План мероприятий"))
            #expect(order.contains("Сроки по месяцам"))
            let actions = try await Self.count(fixture, "actions")
            #expect(actions > 0)
            try await visitor.save("order")
            // The order as schools × actions: a mark per cell, wide tables scroll inside the page.
            try await browser.click("a[href$='/matrix']")
            let matrix = try await browser.text()
            #expect(matrix.contains("Исполнение по учреждениям и мероприятиям"), "\(matrix)")
            #expect(matrix.contains("Мероприятия 1–\(min(actions, 12)) из \(actions)"))
            try await visitor.save("order-matrix")
            try await browser.resize(width: 640)
            #expect(try await browser.horizontalOverflow() <= 0, "the matrix scrolls sideways inside its box, not the page")
            try await browser.resize(width: 1280)

            // A school of the order gets a user.
            let school = try await fixture.pool.withConnection { connection in
                try #require(try connection.query("""
                    SELECT o.id FROM organizations o JOIN assignments s ON s.executor_id = o.id
                    WHERE o.kind = 'school' GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1
                    """).first).decode(UUID.self, "id")
            }
            _ = try await users.addUser(login: "school770", role: .executor, organizationID: school, actor: .installation(commandLine: "test"))
            try await users.setPassword(login: "school770", password: "school-password", actor: .installation(commandLine: "test"))
            try await visitor.signOut()

            // The school sees its assignment and reports.
            try await visitor.signIn("school770", "school-password")
            let home = try await browser.text()
            #expect(home.contains("Просрочено"))
            try await browser.click("main table a[href^='/assignments/']")
            let assignmentURL = try await browser.location()
            // A link the service refuses: the page comes back with everything typed and the
            // error beside the field.
            try await browser.fill("#done_on", "2019-03-15")
            try await browser.fill("#text", "Семинар проведён, 24 участника.")
            try await browser.fill("#evidence", "школа.рф/новости")
            try await browser.click("form[action$='/report'] button[type=submit]")
            let refused = try await browser.text()
            #expect(refused.contains("Ссылка на подтверждение должна начинаться с http://"), "\(refused)")
            #expect(try await browser.evaluate("document.querySelector('#text').value") as? String == "Семинар проведён, 24 участника.")
            #expect(try await browser.evaluate("document.querySelector('#done_on').value") as? String == "2019-03-15")
            try await visitor.save("refused-report")
            try await browser.fill("#evidence", "https://school.example/news/seminar")
            try await browser.click("form[action$='/report'] button[type=submit]")
            #expect(try await browser.text().contains("Отчёт отправлен на проверку."))
            try await visitor.signOut()

            // The coordinator returns it with a comment.
            try await visitor.signIn("coord", "coordinator-password")
            try await browser.navigate(to: "\(site)/review")
            #expect(try await browser.text().contains("Семинар проведён, 24 участника."))
            try await browser.fill("form.return textarea", "Приложите список участников.")
            try await browser.click("form.return button[type=submit]")
            #expect(try await browser.text().contains("Отчёт возвращён на доработку."))
            // And moves the school's deadline itself, with a reason.
            try await browser.navigate(to: assignmentURL)
            try await browser.fill("#move_due", "2019-04-30")
            try await browser.fill("#move_reason", "Семинар перенесён решением комитета")
            try await browser.click("form[action$='/deadline'] button[type=submit]")
            let moved = try await browser.text()
            #expect(moved.contains("Срок перенесён."), "\(moved)")
            #expect(moved.contains("Переносы срока") && moved.contains("30.04.2019"))
            try await visitor.save("assignment-moved")
            try await visitor.signOut()

            // The school sees the comment and resubmits.
            try await visitor.signIn("school770", "school-password")
            #expect(try await browser.text().contains("Возвращено на доработку"))
            try await browser.navigate(to: assignmentURL)
            let returned = try await browser.text()
            #expect(returned.contains("Приложите список участников."))
            // The committee's move is listed for the school, decided by «комитет», with no form to move it.
            #expect(returned.contains("Переносы срока") && returned.contains("комитет"))
            #expect(!returned.contains("Перенести срок (решение комитета)"))
            try await visitor.save("assignment-school")
            #expect(returned.contains("возвращён"))
            try await browser.fill("#done_on", "2019-03-15")
            try await browser.fill("#text", "Семинар проведён, 24 участника; список участников приложен.")
            // The list of participants as a PDF: the file goes with the report.
            try await browser.attach(Self.packageRoot.appendingPathComponent("Tests/RoadmapImportTests/Fixtures/pdf/order770.pdf").path, to: "#files")
            try await browser.click("form[action$='/report'] button[type=submit]")
            #expect(try await browser.text().contains("Отчёт отправлен на проверку."))
            try await browser.navigate(to: "\(site)/")
            try await visitor.save("school")
            try await visitor.signOut()

            // The coordinator accepts; the dashboard shows one assignment done.
            try await visitor.signIn("coord", "coordinator-password")
            try await browser.navigate(to: "\(site)/review")
            #expect(try await browser.text().contains("order770.pdf"), "the file waits with the report")
            try await visitor.save("review-with-file")
            try await browser.click("form[action^='/reports/'] input[value='accept'] ~ button")
            #expect(try await browser.text().contains("Отчёт принят."))
            try await browser.navigate(to: "\(site)/dashboard")
            let dashboard = try await browser.text()
            #expect(dashboard.contains("№ 770 от 25.06.2018"))
            #expect(dashboard.contains("1 из "), "\(dashboard)")
            try await visitor.save("dashboard")
            // The header's search box: words of an action, another form of them.
            try await browser.fill("#site-search", "семинары педагогов")
            try await browser.click("form.site-search button[type=submit]")
            #expect(try await browser.text().contains("Современные педагогические технологии"))
            #expect(try await browser.evaluate("document.querySelector('#site-search').value") as? String == "семинары педагогов")
            try await visitor.save("search")
            let accepted = try await Self.count(fixture, "reports WHERE status = 'accepted'")
            #expect(accepted == 1)

            // At 200 % zoom (a 1280-pixel screen gives 640 CSS pixels) nothing scrolls sideways.
            let orderURL = try #require(dashboard.isEmpty ? nil : try await browser.evaluate("document.querySelector('a[href^=\"/orders/\"]').href") as? String)
            // The evidence stays on the assignment's page once the report is accepted.
            try await browser.navigate(to: assignmentURL)
            #expect(try await browser.evaluate("document.querySelector('a[href^=\"/files/\"]').textContent") as? String == "order770.pdf")
            try await visitor.save("assignment-evidence")
            // Administration: organisations, with the form that merges two records of one.
            try await browser.navigate(to: "\(site)/admin")
            #expect(try await browser.text().contains("Объединить организации"))
            try await visitor.save("admin")
            try await browser.resize(width: 640)
            for page in ["\(site)/dashboard", orderURL, "\(site)/review", "\(site)/import", assignmentURL, "\(site)/admin"] {
                try await browser.navigate(to: page)
                #expect(try await browser.horizontalOverflow() <= 0, "\(page) scrolls sideways at 200 % zoom")
            }
            try await visitor.signOut()
            try await visitor.signIn("school770", "school-password")
            for page in ["\(site)/", assignmentURL] {
                try await browser.navigate(to: page)
                #expect(try await browser.horizontalOverflow() <= 0, "\(page) scrolls sideways at 200 % zoom")
            }
            try await visitor.signOut()

            // An administrator adds a school's users from a CSV; their passwords are shown once.
            try await users.setPassword(login: "admin", password: "admin-password-1", actor: .installation(commandLine: "test"))
            try await browser.resize(width: 1280)
            try await visitor.signIn("admin", "admin-password-1")
            let csv = FileManager.default.temporaryDirectory.appendingPathComponent("users-\(UUID().uuidString).csv")
            try "organization;login;email;full_name\nМАОУ СОШ № 5;teacher5;teacher5@example.ru;Петрова Ирина Ивановна\n"
                .write(to: csv, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: csv) }
            try await browser.navigate(to: "\(site)/admin")
            try await browser.attach(csv.path, to: "#users-file")
            try await browser.click("form[action='/admin/users/import'] button[type=submit]")
            let imported = try await browser.text()
            #expect(imported.contains("Пароли показаны один раз") && imported.contains("teacher5"), "\(imported)")
            try await visitor.save("admin-users-imported")
            try await browser.resize(width: 640)
            #expect(try await browser.horizontalOverflow() <= 0, "the admin page with new passwords scrolls sideways at 200 % zoom")
        }
    }

    /// The cycle of #14 as a coordinator, a school and an administrator live it: an order with
    /// one goal, two tasks and three actions made in the browser, three schools assigned
    /// through «Все школы», a school's report with a PDF attached, one deadline moved, the
    /// order withdrawn and restored, and two records of one school merged.
    @Test func anOrderIsMadeReportedOnCorrectedWithdrawnAndRestoredInTheBrowser() async throws {
        guard let chromium = HeadlessBrowser.locate() else {
            if Self.required { Issue.record("Chromium is required (ROADMAP_BROWSER_TESTS=required) but was not found; apt-get install chromium") }
            return
        }
        try await APIFixture.run(mode: .live) { api, fixture in
            let port = try #require(api.client.port)
            let site = "http://127.0.0.1:\(port)"
            let installation = Principal.installation(commandLine: "test")
            let organizations = OrganizationStore(database: fixture.database)
            _ = try await organizations.create(OrganizationChange(name: "МБОУ Гимназия № 12", kind: "school"), actor: installation)
            // The same gymnasium again, as someone once typed it.
            _ = try await organizations.create(OrganizationChange(name: "Гимназия двенадцать", kind: "other"), actor: installation)
            let users = UserStore(database: fixture.database)
            for (login, password) in [("coord", "coordinator-password"), ("admin", "admin-password-1"), ("school-a", "school-a-password")] {
                try await users.setPassword(login: login, password: password, actor: installation)
            }
            // School A has an address: the new work and the decisions reach its «Уведомления» (no mail server here).
            _ = try await users.setEmail(login: "school-a", "school5@example.ru", actor: installation)
            let browser = try HeadlessBrowser(binary: chromium)
            try await browser.open()
            let visitor = Visitor(browser: browser, site: site)

            // The coordinator makes the order: a title left empty is refused beside its field.
            try await visitor.signIn("coord", "coordinator-password")
            try await browser.navigate(to: "\(site)/dashboard")
            try await browser.click("a[href='/orders/new']")
            try await browser.fill("#issuer_id", fixture.committee.uuidString.lowercased())
            try await browser.fill("#number", "15")
            try await browser.fill("#date", "2026-09-01")
            try await browser.fill("#title", "   ")
            try await browser.click("form[action='/orders/new'] button[type=submit]")
            #expect(try await browser.text().contains("Заполните название."))
            try await browser.fill("#title", "Об утверждении дорожной карты подготовки к государственной итоговой аттестации")
            try await browser.click("form[action='/orders/new'] button[type=submit]")
            #expect(try await browser.text().contains("Приказ создан."))
            let editor = try await browser.location()
            try await browser.fill("#new-goal", "Повышение качества подготовки выпускников")
            try await browser.click("form[action$='/goals'] button[type=submit]")
            for task in ["Организовать пробные экзамены", "Провести консультации для выпускников"] {
                try await browser.fill("form[action$='/tasks'] input[name=title]", task)
                try await browser.click("form[action$='/tasks'] button[type=submit]")
            }
            // Three actions, each for «Все школы»; the deadline is read before saving.
            for (index, (title, deadline)) in [("Пробный экзамен по математике", "Март 2027"), ("Консультации по русскому языку", "ежемесячно"),
                                               ("Родительское собрание", "Апрель 2027")].enumerated() {
                try await browser.navigate(to: editor)
                try await browser.click("a[href*='/actions/new']")
                try await browser.fill("#title", title)
                try await browser.fill("#deadline", deadline)
                if index == 0 {
                    try await browser.click("button[name=preview]")
                    #expect(try await browser.text().contains("01.03.2027 – 31.03.2027"))
                    _ = try await browser.evaluate("document.querySelector('#kind-school').checked = true")
                    try await visitor.save("action-form")
                }
                _ = try await browser.evaluate("document.querySelector('#kind-school').checked = true")
                try await browser.click("form.card button[type=submit]:not([name])")
                #expect(try await browser.text().contains(title))
            }
            try await visitor.save("plan-editor")
            let orderID = String(try #require(editor.components(separatedBy: "/orders/").last).prefix(36))
            #expect(try await Self.count(fixture, "(SELECT DISTINCT action_id, executor_id FROM assignments) pairs") == 3 * 3, "three schools on each of three actions")
            #expect(try await Self.count(fixture, "(SELECT DISTINCT executor_id FROM assignments) schools") == 3)
            try await visitor.signOut()

            // A school reports with a PDF attached.
            try await visitor.signIn("school-a", "school-a-password")
            try await browser.navigate(to: "\(site)/")
            try await browser.click("main a[href^='/assignments/']")
            let assignmentURL = try await browser.location()
            try await browser.fill("#done_on", "2026-11-20")
            try await browser.fill("#text", "Пробный экзамен проведён, протокол приложен.")
            try await browser.attach(Self.packageRoot.appendingPathComponent("Tests/RoadmapImportTests/Fixtures/pdf/order770.pdf").path, to: "#files")
            try await browser.click("form[action$='/report'] button[type=submit]")
            #expect(try await browser.text().contains("Отчёт отправлен на проверку."))
            // The school searches its own work and subscribes to its deadlines in a calendar.
            try await browser.fill("#site-search", "пробный экзамен")
            try await browser.click("form.site-search button[type=submit]")
            #expect(try await browser.text().contains("Пробный экзамен по математике"))
            try await visitor.save("search-school")
            try await browser.navigate(to: "\(site)/calendar")
            try await browser.click("form[action='/calendar'] button[type=submit]")
            #expect(try await browser.text().contains("Адрес вашего календаря"))
            try await visitor.save("calendar")
            // Its messages: the three actions it was given; reminders chosen for the digest.
            try await browser.click("nav a[href='/notifications']")
            #expect(try await browser.text().contains("Новая работа: 1 мероприятие по приказу № 15"))
            _ = try await browser.evaluate("document.querySelector('input[name=due_soon][value=digest]').checked = true")
            try await browser.click("form[action='/notifications'] button[type=submit]")
            #expect(try await browser.text().contains("Сохранено: уведомления будут приходить так, как вы выбрали."))
            _ = try await browser.evaluate("document.querySelector('ul.messages details').open = true")
            try await visitor.save("notifications")
            try await browser.resize(width: 640)
            for page in ["\(site)/calendar", "\(site)/search?q=%D1%8D%D0%BA%D0%B7%D0%B0%D0%BC%D0%B5%D0%BD", assignmentURL, "\(site)/notifications"] {
                try await browser.navigate(to: page)
                #expect(try await browser.horizontalOverflow() <= 0, "\(page) scrolls sideways at 200 % zoom for a school")
            }
            try await browser.resize(width: 1280)
            try await visitor.signOut()

            // The coordinator moves that school's deadline, then withdraws the order.
            try await visitor.signIn("coord", "coordinator-password")
            try await browser.navigate(to: assignmentURL)
            #expect(try await browser.text().contains("order770.pdf"))
            try await browser.fill("#move_due", "2027-05-31")
            try await browser.fill("#move_reason", "Экзамен перенесён решением комитета")
            try await browser.click("form[action$='/deadline'] button[type=submit]")
            #expect(try await browser.text().contains("Срок перенесён."))
            // The coordinator's own choices: the day's summary and escalations, nothing of a school's.
            try await browser.click("nav a[href='/notifications']")
            let coordinatorsChoices = try await browser.text()
            #expect(coordinatorsChoices.contains("Сводка дня координатора") && !coordinatorsChoices.contains("Отчёт возвращён на доработку"))
            try await visitor.save("notifications-coordinator")
            // The link in school A's e-mail opens without the school signing in and asks before it stops anything.
            let token = try await fixture.pool.withConnection { connection in
                try connection.query("SELECT unsubscribe_token FROM notifications WHERE kind = 'new_work' ORDER BY created_at LIMIT 1").first?
                    .decode(String.self, "unsubscribe_token")
            }
            try await browser.navigate(to: "\(site)/unsubscribe/\(try #require(token))")
            #expect(try await browser.text().contains("Больше не присылать письма «Новая работа по плану» на адрес school5@example.ru?"))
            try await visitor.save("unsubscribe")
            try await browser.resize(width: 640)
            for page in ["\(site)/notifications", "\(site)/unsubscribe/\(try #require(token))"] {
                try await browser.navigate(to: page)
                #expect(try await browser.horizontalOverflow() <= 0, "\(page) scrolls sideways at 200 % zoom for a coordinator")
            }
            try await browser.resize(width: 1280)
            try await browser.navigate(to: "\(site)/orders/\(orderID)")
            try await browser.fill("#withdraw_reason", "Приказ издан повторно под другим номером")
            try await browser.click("form[action$='/withdraw'] button[type=submit]")
            #expect(try await browser.text().contains("Приказ отозван"))
            try await visitor.save("order-withdrawn")
            try await browser.navigate(to: "\(site)/dashboard")
            #expect(!(try await browser.text().contains("№ 15 от 01.09.2026")))
            try await visitor.signOut()

            // The administrator restores it, and merges the two records of the gymnasium.
            try await visitor.signIn("admin", "admin-password-1")
            try await browser.navigate(to: "\(site)/admin")
            #expect(try await browser.text().contains("Отозванные приказы и планы"))
            try await browser.click("form[action='/orders/\(orderID)/restore'] button[type=submit]")
            #expect(try await browser.text().contains("Восстановлено"))
            try await browser.navigate(to: "\(site)/admin")
            try await browser.fill("#merge-kept", "МБОУ Гимназия № 12")
            try await browser.fill("#merge-removed", "Гимназия двенадцать")
            try await browser.click("form[action='/admin/organizations/merge'] button[type=submit]")
            #expect(try await browser.text().contains("Организации объединены"))
            // The organisation kept, edited on its own page.
            try await browser.click("a[href^='/admin/organizations/']")
            #expect(try await browser.text().contains("Другие названия (по одному в строке)"))
            try await visitor.save("organization-edit")
            let organizationURL = try await browser.location()
            try await browser.navigate(to: "\(site)/dashboard")
            #expect(try await browser.text().contains("№ 15 от 01.09.2026"))
            try await browser.navigate(to: "\(site)/admin/notifications")
            #expect(try await browser.text().contains("Отправка уведомлений"))
            try await visitor.save("outbox")
            try await browser.navigate(to: "\(site)/admin/workdays")
            #expect(try await browser.text().contains("Перенос с субботы 3 января"))
            try await visitor.save("workdays")
            try await browser.resize(width: 640)
            for page in [editor, "\(site)/orders/\(orderID)", assignmentURL, organizationURL, "\(site)/admin", "\(site)/orders/new",
                         "\(site)/calendar", "\(site)/admin/notifications", "\(site)/admin/workdays"] {
                try await browser.navigate(to: page)
                #expect(try await browser.horizontalOverflow() <= 0, "\(page) scrolls sideways at 200 % zoom")
            }
        }
    }

    /// A person at the browser: signs in and out, and saves what the page looks like.
    struct Visitor {
        let browser: HeadlessBrowser
        let site: String

        func signIn(_ login: String, _ password: String) async throws {
            try await browser.navigate(to: "\(site)/login")
            try await browser.fill("#login", login)
            try await browser.fill("#password", password)
            try await browser.click("form[action='/login'] button[type=submit]")
            #expect(try await browser.text().contains("Мои сроки"), "signed in as \(login)")
        }

        func signOut() async throws {
            try await browser.click("form[action='/logout'] button[type=submit]")
            #expect(try await browser.location().hasSuffix("/login"))
        }

        func save(_ name: String) async throws {
            let folder = BrowserTests.packageRoot.appendingPathComponent("docs/screenshots")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try await browser.screenshot().write(to: folder.appendingPathComponent("\(name).png"))
        }
    }

    static func count(_ fixture: APIFixture, _ table: String) async throws -> Int {
        try await fixture.pool.withConnection { connection in
            try connection.query("SELECT count(*) AS n FROM \(unescaped: table)").first?.decode(Int.self, "n") ?? -1
        }
    }
}
