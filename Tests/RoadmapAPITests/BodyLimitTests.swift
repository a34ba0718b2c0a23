import Foundation
import HummingbirdTesting
import RoadmapAPI
import RoadmapTestSupport
import Testing

/// Bodies over the limit on a real socket, announced or chunked, on every kind of route,
/// before and after sign-in; and file names a browser should never send.
@Suite("Oversize bodies and hostile file names")
struct BodyLimitTests {
    /// Sends `size` bytes to `path` with curl (chunked when asked) and returns the status.
    func post(port: Int, path: String, size: Int, chunked: Bool, headers: [String] = []) throws -> (status: Int, body: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("roadmap-body-\(UUID().uuidString)")
        try Data(repeating: UInt8(ascii: "a"), count: size).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        var arguments = ["-s", "-w", "\n%{http_code}", "-X", "POST", "--data-binary", "@\(file.path)"]
        if chunked { arguments += ["-H", "Transfer-Encoding: chunked"] }
        for header in headers { arguments += ["-H", header] }
        process.arguments = arguments + ["http://127.0.0.1:\(port)\(path)"]
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func everyRouteAnswers413AnnouncedOrChunked() async throws {
        let limits = APILimits(requestsPerSecond: 0, maximumBodyBytes: 64 * 1024, maximumImportBytes: 256 * 1024)
        try await APIFixture.run(limits: limits, mode: .live) { api, fixture in
            let port = try #require(api.client.port)
            let bearer = "Authorization: Bearer \(fixture.executorA)"
            for chunked in [false, true] {
                for (path, headers) in [
                    ("/login", []), ("/logout", []), ("/orders/x", []), ("/no-such-route", []),
                    ("/v1/me", []), ("/v1/assignments/x/reports", [bearer, "Content-Type: application/json"]),
                ] {
                    let answer = try post(port: port, path: path, size: 100 * 1024, chunked: chunked, headers: headers)
                    #expect(answer.status == 413, "\(path) chunked: \(chunked) answered \(answer.status): \(answer.body.prefix(200))")
                }
                // The import routes have their own, larger limit.
                #expect(try post(port: port, path: "/import", size: 300 * 1024, chunked: chunked).status == 413)
                #expect(try post(port: port, path: "/v1/imports?file_name=a.txt", size: 300 * 1024, chunked: chunked,
                                 headers: [bearer]).status == 413)
            }
            // A browser is told in Russian.
            let page = try post(port: port, path: "/login", size: 100 * 1024, chunked: true, headers: ["Accept: text/html"])
            #expect(page.status == 413)
            #expect(page.body.contains("<html"), "\(page.body.prefix(300))")
            #expect(page.body.contains("Слишком большой объём"))
        }
    }

    @Test func aControlCharacterInAnUploadedFileNameIsA400AndWritesNothing() async throws {
        try await APIFixture.run { api, fixture in
            let pages = WebPagesTests()
            let coordinator = try await pages.session(api, fixture, "coord")
            let docx = try Data(contentsOf: WebPagesTests.fixtures.appendingPathComponent("order770.docx"))
            for name in ["order\u{0}770.docx", "order\u{202E}xcod.exe", "order\u{7}.docx"] {
                let answer = try await pages.upload(api, coordinator.cookie, pages.multipart(["csrf": coordinator.csrf], file: (name, docx)))
                #expect(answer.status == 400, "\(answer.html.prefix(300))")
                #expect(answer.html.contains("управляющие символы"))
            }
            #expect(try await pages.count(fixture, "web_uploads") == 0)
            let api400 = try await api.call(.post, "/v1/imports?file_name=a%00b.docx&dry_run=true", token: fixture.coordinator, json: "x")
            #expect(api400.status == 400)
        }
    }
}
