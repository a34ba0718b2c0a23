import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RoadmapAPI
import RoadmapPostgres
import RoadmapTestSupport
import Testing

@Suite("API: POST /v1/imports")
struct ImportAPITests {
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RoadmapImportTests/Fixtures")
    }

    func upload(_ api: APIClient, _ file: String, token: String, query: String = "") async throws -> APIResponse {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(file))
        var headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/octet-stream"]
        headers[.contentLength] = String(data.count)
        let response = try await api.client.executeRequest(
            uri: "/v1/imports?file_name=\(file)\(query)", method: .post, headers: headers, body: ByteBuffer(bytes: data))
        return APIResponse(status: Int(response.status.code), headers: response.headers, text: String(buffer: response.body))
    }

    func upload(_ api: APIClient, data: Data, name: String, token: String, query: String = "") async throws -> APIResponse {
        var headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/octet-stream"]
        headers[.contentLength] = String(data.count)
        let response = try await api.client.executeRequest(
            uri: "/v1/imports?file_name=\(name)\(query)", method: .post, headers: headers, body: ByteBuffer(bytes: data))
        return APIResponse(status: Int(response.status.code), headers: response.headers, text: String(buffer: response.body))
    }

    /// The preview's choices over HTTP: `person=` and `alias=NAME=ORGANISATION`, repeated.
    @Test func executorsCanBeDeclaredPersonsOrAKnownOrganisation() async throws {
        try await APIFixture.run { api, fixture in
            let plan = Data("Мероприятие;Срок;Ответственный исполнитель\nСеминар;Март 2019;ЦСОД\nКонкурс;Апрель 2019;Методический кабинет\n".utf8)
            func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
            let person = "&person=" + encoded("Методический кабинет")
            let bad = try await upload(api, data: plan, name: "plan.csv", token: fixture.coordinator, query: person + "&alias=" + encoded("ЦСОД"))
            #expect(bad.status == 422)
            #expect(bad.problemType == "validation")
            let unknown = try await upload(api, data: plan, name: "plan.csv", token: fixture.coordinator,
                                           query: person + "&alias=" + encoded("ЦСОД=Комитет культуры"))
            #expect(unknown.status == 422)
            #expect(unknown.problemType == "import-refused")
            #expect(try await count("organization_aliases", fixture) == 0)
            let done = try await upload(api, data: plan, name: "plan.csv", token: fixture.coordinator,
                                        query: person + "&alias=" + encoded("ЦСОД=Комитет образования"))
            #expect(done.status == 200, "\(done.text)")
            #expect(done["created_organizations"] as? [String] == [])
            #expect(done["added_aliases"] as? [String] == ["ЦСОД → Комитет образования"])
            #expect(try await count("organization_aliases", fixture) == 1)
            let viewer = try await upload(api, data: plan, name: "plan2.csv", token: fixture.viewer, query: person)
            #expect(viewer.status == 403)
        }
    }

    /// `academic_year` reads the months without a year in it, and the answer says which year it
    /// read them in; a year out of range is refused by the contract, nothing written.
    @Test func monthsWithoutAYearAreReadInTheAcademicYearGiven() async throws {
        try await APIFixture.run { api, fixture in
            let plan = Data("Мероприятие;Срок;Ответственный исполнитель\nСеминар;сентябрь;Комитет образования\n".utf8)
            let order = "&dry_run=true&order_number=1&order_date=2025-01-30&issuer=%D0%9A%D0%BE%D0%BC%D0%B8%D1%82%D0%B5%D1%82"
            let actions = try await count("actions", fixture)
            let none = try await upload(api, data: plan, name: "plan.csv", token: fixture.coordinator, query: order)
            #expect(none.status == 200, "\(none.text)")
            #expect(none["academic_year"] == nil)
            #expect(none["deadlines_unparsed"] as? Int == 1)
            let given = try await upload(api, data: plan, name: "plan.csv", token: fixture.coordinator, query: order + "&academic_year=2024")
            #expect(given.status == 200, "\(given.text)")
            #expect(given["academic_year"] as? Int == 2024)
            #expect(given["deadlines_unparsed"] as? Int == 0)
            let typo = try await upload(api, data: plan, name: "plan.csv", token: fixture.coordinator, query: order + "&academic_year=20224")
            #expect(typo.status == 400 || typo.status == 422, "\(typo.text)")
            #expect(try await count("actions", fixture) == actions)
        }
    }

    /// A name that fits two organisations: a dry run lists both with their ids and shows the
    /// plan as read; an import refuses it until `alias=NAME=ID` says which.
    @Test func aNameThatFitsSeveralIsListedOnADryRunAndRefusedUntilChosen() async throws {
        try await APIFixture.run { api, fixture in
            let twins = try await fixture.pool.withConnection { connection in
                try (0..<2).map { _ in
                    try #require(try connection.query("""
                        INSERT INTO organizations (name, kind, normalized_name) VALUES ('МБОУ СОШ № 77', 'school', 'мбоу сош № 77') RETURNING id
                        """).first?.decode(UUID.self, "id"))
                }
            }
            let plan = Data("Мероприятие;Срок;Ответственный исполнитель\nСеминар;Март 2019;МБОУ СОШ № 77\n".utf8)
            func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
            let dry = try await upload(api, data: plan, name: "plan.csv", token: fixture.coordinator, query: "&dry_run=true")
            #expect(dry.status == 200, "\(dry.text)")
            let listed = dry["ambiguous_organizations"] as? [[String: Any]]
            #expect(listed?.first?["name"] as? String == "МБОУ СОШ № 77")
            #expect(Set((listed?.first?["candidates"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []) == Set(twins.map(\.lowercased)))
            let executors = ((dry["preview"] as? [String: Any])?["actions"] as? [[String: Any]])?.first?["executors"] as? [[String: Any]]
            #expect(executors?.first?["match"] as? String == "ambiguous")

            let refused = try await upload(api, data: plan, name: "plan.csv", token: fixture.coordinator)
            #expect(refused.status == 422)
            #expect(refused.problemType == "import-refused")
            #expect(refused.text.contains("fits several organisations"))
            #expect(try await count("actions", fixture) == 0)

            // A coordinator who knows the name is none of the two creates an organisation of its own.
            let separate = try await upload(api, data: Data("Мероприятие;Срок;Ответственный исполнитель\nСовещание;Апрель 2019;МБОУ СОШ № 77\n".utf8),
                                            name: "other.csv", token: fixture.coordinator, query: "&new_organization=" + encoded("МБОУ СОШ № 77"))
            #expect(separate.status == 200, "\(separate.text)")
            #expect(separate["created_organizations"] as? [String] == ["МБОУ СОШ № 77"])
            let third = try await fixture.pool.withConnection { try $0.query("SELECT executor_id FROM assignments").rows.map { try $0.decode(UUID.self, "executor_id") } }
            #expect(third.count == 1 && !twins.contains(third[0]))

            let done = try await upload(api, data: plan, name: "plan.csv", token: fixture.coordinator,
                                        query: "&alias=" + encoded("МБОУ СОШ № 77=\(twins[0].lowercased)"))
            #expect(done.status == 200, "\(done.text)")
            #expect((done["ambiguous_organizations"] as? [Any])?.isEmpty == true)
            let given = try await fixture.pool.withConnection { try $0.query("SELECT executor_id FROM assignments").rows.map { try $0.decode(UUID.self, "executor_id") } }
            #expect(Set(given) == [twins[0], third[0]])
        }
    }

    func count(_ table: String, _ fixture: APIFixture) async throws -> Int? {
        try await fixture.pool.withConnection { try $0.query("SELECT count(*)::int AS n FROM \(unescaped: table)").first?.decode(Int.self, "n") }
    }

    @Test func order770ImportsOverHTTPOnceAndThenChangesNothing() async throws {
        try await APIFixture.run { api, fixture in
            let dry = try await upload(api, "order770.docx", token: fixture.coordinator, query: "&dry_run=true")
            #expect(dry.status == 200, "\(dry.text)")
            #expect(dry["dry_run"] as? Bool == true)
            #expect(try await count("orders", fixture) == 0)

            let first = try await upload(api, "order770.docx", token: fixture.coordinator)
            #expect(first.status == 200, "\(first.text)")
            #expect((first["order"] as? [String: Any])?["number"] as? String == "770")
            #expect(first["actions"] as? Int == 3)
            #expect(first["assignments_created"] as? Int == 7)
            let again = try await upload(api, "order770.docx", token: fixture.admin)
            #expect(again.status == 200, "\(again.text)")
            #expect(again["changed"] as? Bool == false)

            let orders = try await api.call(.get, "/v1/orders", token: fixture.viewer)
            #expect(orders.items.first?["number"] as? String == "770")
            #expect(dry["plan_id"] == nil, "a dry run wrote no plan")
            #expect(first["order_id"] as? String == orders.items.first?["id"] as? String)
            #expect(again["plan_id"] as? String == first["plan_id"] as? String)

            // Undoing the import: its plan, withdrawn, then brought back by an administrator.
            let planID = try #require(first["plan_id"] as? String)
            let plan = try await api.call(.get, "/v1/plans/\(planID)", token: fixture.viewer)
            #expect(plan.status == 200 && plan["actions"] as? Int == 3 && plan["assignments"] as? Int == 7, "\(plan.text)")
            #expect(try await api.call(.get, "/v1/plans/\(planID)", token: fixture.executorA).status == 404)
            let withdrawn = try await api.call(.post, "/v1/plans/\(planID)/withdraw", token: fixture.coordinator, json: #"{"reason": "Не тот файл"}"#)
            #expect(withdrawn.status == 200 && withdrawn["withdrawn_at"] is String, "\(withdrawn.text)")
            #expect(try await api.call(.get, "/v1/assignments", token: fixture.viewer).items.isEmpty)
            let refused = try await upload(api, "order770.docx", token: fixture.coordinator)
            #expect(refused.status == 422 && refused.text.contains("withdrawn"), "\(refused.text)")
            #expect(try await api.call(.post, "/v1/plans/\(planID)/restore", token: fixture.coordinator).status == 403)
            #expect(try await api.call(.post, "/v1/plans/\(planID)/restore", token: fixture.admin).status == 200)
            #expect(try await api.call(.get, "/v1/assignments", token: fixture.viewer).items.count == 7)
            let history = try await api.call(.get, "/v1/events?entity_type=import&entity_id=\(UUID().uuidString)", token: fixture.admin)
            #expect(history.status == 200)
        }
    }

    @Test func badDocumentsAndRolesAreRefusedAndWriteNothing() async throws {
        try await APIFixture.run { api, fixture in
            let noTable = try await upload(api, "003_e4c257c19e74403b.txt", token: fixture.coordinator)
            #expect(noTable.status == 422)
            #expect(noTable.problemType == "unreadable-document")
            #expect(noTable.string("detail")?.contains("003_e4c257c19e74403b.txt") == true)
            let truncated = try await upload(api, "truncated.docx", token: fixture.coordinator)
            #expect(truncated.status == 422, "\(truncated.text)")
            let hostile = try await upload(api, "hostile-entities.docx", token: fixture.coordinator)
            #expect(hostile.status == 422, "\(hostile.text)")
            let executor = try await upload(api, "order770.docx", token: fixture.executorA)
            #expect(executor.status == 403)
            let viewer = try await upload(api, "order770.docx", token: fixture.viewer)
            #expect(viewer.status == 403)
            let strict = try await upload(api, "order770.docx", token: fixture.coordinator, query: "&strict=true")
            #expect(strict.status == 422)
            #expect(strict.problemType == "import-refused")
            #expect(try await count("orders", fixture) == 0)
            #expect(try await count("actions", fixture) == 0)
        }
    }

    static let popplerInstalled = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].contains { FileManager.default.isExecutableFile(atPath: $0) }
        || ProcessInfo.processInfo.environment["ROADMAP_CONVERTER_TESTS"] == "required"

    /// A PDF plan goes in like any other; a password-protected file and a scan are refused with
    /// a reason in English here and in Russian on the page, and nothing is written.
    @Test(.enabled(if: popplerInstalled))
    func pdfPlansAreReadAndProtectedOrScannedFilesAreRefused() async throws {
        try await APIFixture.run { api, fixture in
            let pdf = try await upload(api, "pdf/gia-plan.pdf", token: fixture.coordinator, query: "&dry_run=true&order_number=512&order_date=2013-10-14&issuer=Отдел%20образования")
            #expect(pdf.status == 200, "\(pdf.text)")
            #expect(pdf["actions"] as? Int == 14)

            let encrypted = try await upload(api, "encrypted.docx", token: fixture.coordinator)
            #expect(encrypted.status == 422)
            #expect(encrypted.string("detail")?.contains("protected by a password") == true, "\(encrypted.text)")
            let scanned = try await upload(api, "pdf/scanned.pdf", token: fixture.coordinator)
            #expect(scanned.status == 422)
            #expect(scanned.string("detail")?.contains("no text layer") == true, "\(scanned.text)")

            let pages = WebPagesTests()
            let coordinator = try await pages.session(api, fixture, "coord")
            for (name, russian) in [("encrypted.docx", "защищён паролем"), ("pdf/scanned.pdf", "похоже, это скан"), ("encrypted.xlsx", "защищён паролем")] {
                let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
                let page = try await pages.upload(api, coordinator.cookie, pages.multipart(["csrf": coordinator.csrf], file: (name, data)))
                #expect(page.status == 422)
                #expect(page.html.contains(russian), "\(name): \(page.html)")
            }
            #expect(try await count("orders", fixture) == 0)
            #expect(try await count("actions", fixture) == 0)
        }
    }

    @Test func sectionsOfAPlanTableReachThePlanAndThePage() async throws {
        try await APIFixture.run { api, fixture in
            let text = """
                № | Мероприятия | Срок исполнения | Ответственные
                I. Нормативно-правовое обеспечение | | |
                1 | Издание приказа о подготовке к ГИА | сентябрь 2023 | МАОУ СОШ № 5
                II. Работа с педагогами | | |
                1 | Семинар для учителей | ноябрь 2023 | МАОУ СОШ № 5
                """
            var headers: HTTPFields = [.authorization: "Bearer \(fixture.coordinator)", .contentType: "application/octet-stream"]
            headers[.contentLength] = String(Data(text.utf8).count)
            let response = try await api.client.executeRequest(
                uri: "/v1/imports?file_name=gia.txt&order_number=12&order_date=2023-09-01&issuer=%D0%9A%D0%BE%D0%BC%D0%B8%D1%82%D0%B5%D1%82%20%D0%BE%D0%B1%D1%80%D0%B0%D0%B7%D0%BE%D0%B2%D0%B0%D0%BD%D0%B8%D1%8F",
                method: .post, headers: headers, body: ByteBuffer(string: text))
            #expect(response.status == 200, "\(String(buffer: response.body))")
            let orders = try await api.call(.get, "/v1/orders?year=2023", token: fixture.viewer)
            let orderID = try #require(orders.items.first?["id"] as? String)
            let tree = try await api.call(.get, "/v1/orders/\(orderID)/plan", token: fixture.viewer)
            let actions = ((tree["plans"] as? [[String: Any]])?.first?["goals"] as? [[String: Any]])?.first?["actions"] as? [[String: Any]] ?? []
            #expect(actions.map { $0["section"] as? String } == ["I. Нормативно-правовое обеспечение", "II. Работа с педагогами"])
            let pages = WebPagesTests()
            let coordinator = try await pages.session(api, fixture, "coord")
            let page = try await pages.get(api, "/orders/\(orderID)", cookies: coordinator.cookie)
            #expect(page.html.contains(#"<tr class="section"><th colspan="4" scope="rowgroup">II. Работа с педагогами</th></tr>"#))
        }
    }
}
