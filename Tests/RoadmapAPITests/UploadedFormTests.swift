import Foundation
import NIOCore
@testable import RoadmapAPI
import Testing

/// The import page's multipart reader, on the bodies browsers send and on broken ones.
@Suite("Reading a multipart form")
struct UploadedFormTests {
    static let boundary = "----WebKitFormBoundaryX3bY"

    static func body(_ parts: [String]) -> ByteBuffer {
        ByteBuffer(string: parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined() + "--\(boundary)--\r\n")
    }

    @Test func readsFieldsAndAFileWithACyrillicNameAndASemicolonInQuotes() throws {
        let body = Self.body([
            "Content-Disposition: form-data; name=\"csrf\"\r\n\r\nabc",
            "Content-Disposition: form-data; name=\"document\"; filename=\"приказ; 770.docx\"\r\nContent-Type: application/octet-stream\r\n\r\nPK\u{3}\u{4}data",
        ])
        let form = try UploadedForm(contentType: "multipart/form-data; boundary=\(Self.boundary)", body: body)
        #expect(form.fields == ["csrf": "abc"])
        #expect(form.files.count == 1)
        #expect(form.files.first?.fileName == "приказ; 770.docx")
        #expect(form.files.first?.fieldName == "document")
        #expect(form.files.first.map { String(decoding: $0.data, as: UTF8.self) } == "PK\u{3}\u{4}data")
    }

    @Test func refusesOtherContentTypesAndBrokenBodies() {
        #expect(throws: UploadedForm.Failure.notMultipart) {
            try UploadedForm(contentType: "application/x-www-form-urlencoded", body: ByteBuffer(string: "a=b"))
        }
        #expect(throws: UploadedForm.Failure.notMultipart) {
            try UploadedForm(contentType: "multipart/form-data", body: ByteBuffer(string: "a=b"))
        }
        #expect(throws: UploadedForm.Failure.notMultipart) { try UploadedForm(contentType: nil, body: ByteBuffer()) }
        #expect(throws: UploadedForm.Failure.malformed) {
            try UploadedForm(contentType: "multipart/form-data; boundary=\(Self.boundary)", body: ByteBuffer(string: "no parts at all"))
        }
        #expect(throws: UploadedForm.Failure.malformed) {
            try UploadedForm(contentType: "multipart/form-data; boundary=\(Self.boundary)",
                             body: Self.body(["Content-Type: text/plain\r\n\r\nno disposition"]))
        }
    }

    @Test func headerParametersKeepEscapedQuotesAndIgnoreTheValueItself() {
        #expect(UploadedForm.parameters(#"form-data; name="a\"b"; filename=plain.txt"#) == ["name": "a\"b", "filename": "plain.txt"])
        #expect(UploadedForm.parameters("form-data").isEmpty)
        #expect(UploadedForm.parameters("multipart/form-data; Boundary=xyz") == ["boundary": "xyz"])
    }
}
