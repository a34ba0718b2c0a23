import Foundation
import RoadmapDomain
import Testing

/// A file's kind is read from its content; its name must agree; limits a file and a report.
@Suite("Evidence files: kind by content, limits")
struct EvidenceFileTypeTests {
    static let pdf = Data("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".utf8)
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0])
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8))
    static let windowsProgram = Data(Array("MZ".utf8) + [0x90, 0x00, 0x03] + Array(repeating: 0, count: 59) + Array("This program cannot be run in DOS mode".utf8))
    static let linuxProgram = Data([0x7F] + Array("ELF".utf8) + [2, 1, 1, 0] + Array(repeating: 0, count: 8))
    static let docx = Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26) + Array("[Content_Types].xml".utf8) + Array("word/document.xml".utf8))
    static let zip = Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26) + Array("payload.exe".utf8))
    static let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 24))

    @Test func theContentDecidesAndTheNameMustAgree() throws {
        #expect(try EvidenceFileType.detect(Self.pdf, fileName: "Акт проверки.PDF") == .pdf)
        #expect(try EvidenceFileType.detect(Self.jpeg, fileName: "фото.jpg") == .jpeg)
        #expect(try EvidenceFileType.detect(Self.jpeg, fileName: "фото.jpeg") == .jpeg)
        #expect(try EvidenceFileType.detect(Self.png, fileName: "скан.png") == .png)
        #expect(try EvidenceFileType.detect(Self.docx, fileName: "программа.docx") == .docx)
        #expect(try EvidenceFileType.detect(Self.ole, fileName: "таблица.xls") == .xls)
        #expect(try EvidenceFileType.detect(Data("{\\rtf1\\ansi текст}".utf8), fileName: "письмо.rtf") == .rtf)
        #expect(EvidenceFileType.pdf.mediaType == "application/pdf")
        #expect(EvidenceFileType.acceptedExtensions.contains("jpg"))
    }

    @Test func aProgramOrAnArchiveRenamedIsRefused() {
        #expect(throws: EvidenceFileType.Refusal.unknownContent) { try EvidenceFileType.detect(Self.windowsProgram, fileName: "акт.pdf") }
        #expect(throws: EvidenceFileType.Refusal.unknownContent) { try EvidenceFileType.detect(Self.linuxProgram, fileName: "акт.pdf") }
        #expect(throws: EvidenceFileType.Refusal.unknownContent) { try EvidenceFileType.detect(Self.zip, fileName: "отчёт.docx") }
        #expect(throws: EvidenceFileType.Refusal.unknownContent) {
            try EvidenceFileType.detect(Data("<html><script>alert(1)</script>".utf8), fileName: "акт.pdf")
        }
        #expect(throws: EvidenceFileType.Refusal.extensionNotAccepted("setup.exe")) { try EvidenceFileType.detect(Self.windowsProgram, fileName: "setup.exe") }
        #expect(throws: EvidenceFileType.Refusal.extensionNotAccepted("акт")) { try EvidenceFileType.detect(Self.pdf, fileName: "акт") }
        #expect(throws: EvidenceFileType.Refusal.contentDoesNotMatchName(content: .jpeg, name: "фото.pdf")) {
            try EvidenceFileType.detect(Self.jpeg, fileName: "фото.pdf")
        }
        #expect(throws: EvidenceFileType.Refusal.contentDoesNotMatchName(content: .pdf, name: "скан.docx")) {
            try EvidenceFileType.detect(Self.pdf, fileName: "скан.docx")
        }
    }

    @Test func aFileAndAReportHaveLimits() {
        let limits = EvidenceLimits()
        let megabyte = 1024 * 1024
        #expect(throws: Never.self) { try limits.check([("акт.pdf", 20 * megabyte), ("фото.jpg", 20 * megabyte)]) }
        #expect(throws: EvidenceLimits.Refusal.fileTooLarge(name: "видео.pdf", bytes: 60 * megabyte, limit: 20 * megabyte)) {
            try limits.check([("видео.pdf", 60 * megabyte)])
        }
        #expect(throws: EvidenceLimits.Refusal.reportTooLarge(bytes: 60 * megabyte, limit: 50 * megabyte)) {
            try limits.check([("1.pdf", 20 * megabyte), ("2.pdf", 20 * megabyte), ("3.pdf", 20 * megabyte)])
        }
        #expect(throws: EvidenceLimits.Refusal.reportTooLarge(bytes: 51 * megabyte, limit: 50 * megabyte)) {
            try limits.check([("3.pdf", 11 * megabyte)], alreadyAttached: 40 * megabyte, attachedCount: 2)
        }
        #expect(throws: EvidenceLimits.Refusal.empty("пусто.pdf")) { try limits.check([("пусто.pdf", 0)]) }
        #expect(throws: EvidenceLimits.Refusal.tooManyFiles(count: 21, limit: 20)) {
            try limits.check(Array(repeating: ("a.pdf", 10), count: 21))
        }
        #expect(EvidenceLimits.megabytes(20 * megabyte) == "20 MB")
        #expect(EvidenceLimits.megabytes(1536 * 1024) == "1.5 MB")
        #expect(EvidenceLimits.megabytes(300 * 1024) == "300 KB")
    }
}
