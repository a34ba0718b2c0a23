import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RoadmapTestSupport
import Testing

/// Evidence files over the API: attached by the report's school, listed and downloaded as an
/// attachment by whoever may read the report; a program renamed `.pdf`, a file too large
/// and another school are refused.
@Suite("API: evidence files")
struct EvidenceAPITests {
    static let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    func attach(_ api: APIClient, report: String, name: String, data: Data, token: String) async throws -> APIResponse {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
        var headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/octet-stream"]
        headers[.contentLength] = String(data.count)
        let response = try await api.client.executeRequest(
            uri: "/v1/reports/\(report)/files?file_name=\(encoded)", method: .post, headers: headers, body: ByteBuffer(bytes: data))
        return APIResponse(status: Int(response.status.code), headers: response.headers, text: String(buffer: response.body))
    }

    @Test func aSchoolAttachesAPDFAndTheCommitteeDownloadsIt() async throws {
        try await APIFixture.run { api, fixture in
            let plan = try await fixture.makePlan(api)
            let report = try #require(try await api.call(.post, "/v1/assignments/\(plan.assignmentA)/reports", token: fixture.executorA,
                                                         json: ReportFlowTests.report).string("id"))
            let attached = try await attach(api, report: report, name: "Акт «проверки».pdf", data: Self.pdf, token: fixture.executorA)
            #expect(attached.status == 201, "\(attached.text)")
            #expect(attached.string("media_type") == "application/pdf")
            #expect(attached["size_bytes"] as? Int == Self.pdf.count)
            let fileID = try #require(attached.string("id"))

            let listed = try await api.call(.get, "/v1/reports/\(report)/files", token: fixture.coordinator)
            #expect(listed.items.map { $0["file_name"] as? String } == ["Акт «проверки».pdf"])
            let download = try await api.client.executeRequest(
                uri: "/v1/files/\(fileID)", method: .get, headers: [.authorization: "Bearer \(fixture.viewer)"], body: nil)
            #expect(download.status == .ok)
            #expect(Data(buffer: download.body) == Self.pdf)
            let disposition = try #require(download.headers[.contentDisposition])
            #expect(disposition.hasPrefix("attachment;") && disposition.contains("filename*=UTF-8''"), "\(disposition)")
            #expect(!disposition.contains("«"), "the header carries the name encoded")
            #expect(download.headers[HTTPField.Name("Digest-SHA256")!] == attached.string("sha256"))

            // Another school: no such report, no such file.
            #expect(try await attach(api, report: report, name: "акт.pdf", data: Self.pdf, token: fixture.executorB).status == 404)
            #expect(try await api.call(.get, "/v1/files/\(fileID)", token: fixture.executorB).status == 404)
            #expect(try await api.call(.get, "/v1/reports/\(report)/files", token: fixture.executorB).status == 404)
            // A program renamed .pdf, a file over 20 MB, a viewer: refused, nothing added.
            let program = Data(Array("MZ".utf8) + Array(repeating: 0x90, count: 500))
            let renamed = try await attach(api, report: report, name: "акт.pdf", data: program, token: fixture.executorA)
            #expect(renamed.status == 422 && renamed.string("type")?.hasSuffix("invalid-evidence") == true, "\(renamed.text)")
            let huge = try await attach(api, report: report, name: "видео.pdf", data: Data(count: 21 * 1024 * 1024), token: fixture.executorA)
            #expect(huge.status == 413)
            #expect(try await attach(api, report: report, name: "акт.pdf", data: Self.pdf, token: fixture.viewer).status == 403)
            #expect(try await api.call(.get, "/v1/reports/\(report)/files", token: fixture.executorA).items.count == 1)
        }
    }
}
