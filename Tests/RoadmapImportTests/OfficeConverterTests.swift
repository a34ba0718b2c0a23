import Foundation
import RoadmapDomain
import Testing

@testable import RoadmapImport

/// .doc, .rtf, .odt, .xls and .ods through LibreOffice's headless converter, and a converter
/// that is missing, hangs or crashes. CI installs LibreOffice and requires these tests
/// (`ROADMAP_CONVERTER_TESTS=required`); elsewhere they are skipped without it.
@Suite("Old and open office formats")
struct OfficeConverterTests {
    static let installed = OfficeConverter.locate() != nil
    static let required = ProcessInfo.processInfo.environment["ROADMAP_CONVERTER_TESTS"] == "required"
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func script(_ body: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fake-soffice-\(UUID().uuidString).sh")
        try "#!/bin/sh\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }

    /// Bytes that start as the format claims, and are nothing more.
    static let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 64))
    static let zip = Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 64))
    static let rtf = Data(#"{\rtf1\ansi Пример}"#.utf8)

    @Test func theConverterIsInstalledWhereItIsRequired() {
        if Self.required { #expect(Self.installed, "LibreOffice (soffice) must be installed: CI requires the conversion tests") }
    }

    @Test(.enabled(if: installed || required), arguments: [("order770.docx", "doc"), ("order770.docx", "odt"), ("order770.docx", "rtf"),
                                                            ("order770.xlsx", "xls"), ("order770.xlsx", "ods")])
    func order770InEveryFormatReadsAsTheOriginal(source: String, format: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roadmap-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let soffice = try #require(OfficeConverter.locate())
        let made = ConfinedCommand.run([soffice, "--headless", "-env:UserInstallation=file://\(folder.path)/profile", "--convert-to", format,
                                        "--outdir", folder.path, Self.fixtures.appendingPathComponent(source).path], in: folder)
        #expect(made.status == 0, "\(made.output)")
        let name = source.replacingOccurrences(of: source.split(separator: ".").last.map(String.init) ?? "", with: format)
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        let original = try PlanDocumentParser().parse(try DocumentReader.read(data: try Data(contentsOf: Self.fixtures.appendingPathComponent(source)),
                                                                               fileName: source))
        let converted = try PlanDocumentParser().parse(try DocumentReader.read(data: data, fileName: name))
        #expect(converted.actionCount == original.actionCount)
        #expect(converted.actions.map(\.title) == original.actions.map(\.title))
        #expect(converted.order?.number == "770")
        #expect(converted.sourceName == name)
    }

    @Test(arguments: ["приказ.doc", "план.xls", "план.rtf", "план.odt", "план.ods"])
    func aFileThatIsNotWhatItsNameSaysIsRefusedBeforeConversion(name: String) {
        var bytes = Data("not really an office document".utf8)
        bytes.append(Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        do {
            _ = try DocumentReader.read(data: bytes, fileName: name)
            Issue.record("\(name) must be refused")
        } catch {
            #expect("\(error)".contains("is not a ."), "\(error)")
        }
    }

    @Test func withoutLibreOfficeTheMessageSaysWhatToInstall() {
        let converter = OfficeConverter(executable: nil)
        do {
            _ = try DocumentReader.read(data: Self.ole, fileName: "plan.xls", converter: converter)
            Issue.record("a .xls without a converter must be refused")
        } catch {
            #expect("\(error)".contains("libreoffice-calc-nogui"), "\(error)")
            #expect("\(error)".contains("plan.xls"))
        }
    }

    @Test func aConverterThatHangsIsStoppedInBoundedTime() throws {
        let hanging = try Self.script("sleep 60")
        defer { try? FileManager.default.removeItem(at: hanging) }
        let converter = OfficeConverter(executable: hanging.path, timeLimit: 2)
        let start = ContinuousClock.now
        do {
            _ = try DocumentReader.read(data: Self.zip, fileName: "plan.odt", converter: converter)
            Issue.record("a hanging converter must be stopped")
        } catch {
            #expect("\(error)".contains("longer than 2 s"), "\(error)")
        }
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test func aConverterThatCrashesIsAClearError() throws {
        let crashing = try Self.script("kill -SEGV $$")
        defer { try? FileManager.default.removeItem(at: crashing) }
        do {
            _ = try DocumentReader.read(data: Self.rtf, fileName: "plan.rtf", converter: OfficeConverter(executable: crashing.path))
            Issue.record("a crashing converter must be refused")
        } catch {
            #expect("\(error)".contains("could not convert"), "\(error)")
        }
    }
}
