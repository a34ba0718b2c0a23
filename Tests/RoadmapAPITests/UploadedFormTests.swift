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

    /// What a delimiter is and is not: only CRLF + «--boundary» ends a part; content may hold
    /// the boundary's text elsewhere, CRLFs and nothing at all; a preamble and padding are
    /// skipped; a body cut off before its close delimiter is refused.
    @Test func partsEndOnlyAtADelimiterLine() throws {
        let b = Self.boundary
        let text = "preamble\r\n--\(b)  \r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nline 1\r\n--\(b)x is not a delimiter\r\n-\r\n--\(b)\r\n"
            + "Content-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n--\(b)--\r\nepilogue"
        let parts = try MultipartBody(boundary: b, body: ByteBuffer(string: text)).parts
        #expect(parts.count == 2)
        #expect(parts.first.map { String(buffer: $0.content) } == "line 1\r\n--\(b)x is not a delimiter\r\n-")
        #expect(parts.last?.content.readableBytes == 0)
        #expect(parts.first?.headers["content-disposition"] == "form-data; name=\"a\"")
        #expect(throws: MultipartBody.Failure.malformed) {
            try MultipartBody(boundary: b, body: ByteBuffer(string: "--\(b)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\ncut off"))
        }
        #expect(throws: MultipartBody.Failure.malformed) {
            try MultipartBody(boundary: b, body: ByteBuffer(string: "--\(b)\r\nno blank line\r\n--\(b)--\r\n"))
        }
    }

    /// A report's 50 MB of evidence is found by its delimiters, not read byte by byte.
    @Test func aLargeFileIsSlicedNotScanned() throws {
        var body = ByteBuffer(string: "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n\r\n")
        body.writeRepeatingByte(0x0D, count: 1024)
        body.writeRepeatingByte(0, count: 30 * 1024 * 1024)
        body.writeString("\r\n--\(Self.boundary)--\r\n")
        let form = try UploadedForm(contentType: "multipart/form-data; boundary=\(Self.boundary)", body: body)
        #expect(form.files.first?.data.count == 30 * 1024 * 1024 + 1024)
    }
}
