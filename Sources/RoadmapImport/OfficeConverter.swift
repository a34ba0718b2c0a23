import Foundation

/// Turns the formats committees keep besides .docx and .xlsx — .doc, .rtf and .odt into
/// .docx, .xls and .ods into .xlsx — with LibreOffice's headless converter (Debian's
/// `libreoffice-writer-nogui` and `libreoffice-calc-nogui`), so the one reader of each kind
/// reads them. The converter is someone else's large program fed a hostile file, so it runs
/// as a `ConfinedCommand` in a throwaway folder and profile; what it writes is read under
/// the same `ReadLimits` as an upload.
public struct OfficeConverter: Sendable {
    /// The converter program; nil when LibreOffice is not installed.
    public var executable: String?
    /// Seconds the conversion may take before it is killed.
    public var timeLimit: Int
    /// Bytes of address space the converter may use.
    public var memoryLimit: Int

    public init(executable: String? = OfficeConverter.locate(), timeLimit: Int = 60, memoryLimit: Int = 4 << 30) {
        self.executable = executable
        self.timeLimit = timeLimit
        self.memoryLimit = memoryLimit
    }

    /// `ROADMAP_SOFFICE`, else `soffice` or `libreoffice` on PATH or in LibreOffice's folder.
    public static func locate() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["ROADMAP_SOFFICE"], !given.isEmpty { return given }
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for folder in path + ["/usr/lib/libreoffice/program", "/opt/libreoffice/program"] {
            for name in ["soffice", "libreoffice"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// The format each old or open format becomes.
    public static let targets: [String: String] = ["doc": "docx", "rtf": "docx", "odt": "docx", "xls": "xlsx", "ods": "xlsx"]

    /// `data` (a file named `fileName` with extension `pathExtension`) converted to the
    /// target format's bytes, or an error that names the file and says what to do.
    public func convert(_ data: Data, fileName: String, pathExtension: String) throws(DocumentReadError) -> Data {
        guard let target = Self.targets[pathExtension] else {
            throw .unsupportedFormat(file: fileName, reason: "a .\(pathExtension) file is not converted")
        }
        // The converter reads anything as text; what is handed to it must be what it claims.
        guard Self.hasSignature(data, of: pathExtension) else {
            throw .unreadable(file: fileName, reason: "the content is not a .\(pathExtension) document")
        }
        guard let executable else {
            let package = target == "xlsx" ? "libreoffice-calc-nogui" : "libreoffice-writer-nogui"
            throw .toolMissing(file: fileName, tool: "LibreOffice", package: package, alternative: ".\(target)")
        }
        let (folder, input) = try ConfinedCommand.scratch(data, as: "document.\(pathExtension)", file: fileName)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw .unreadable(file: fileName, reason: "the file could not be prepared for conversion: \(error.localizedDescription)")
        }
        let arguments = [
            executable, "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo", "--nofirststartwizard",
            "-env:UserInstallation=file://\(folder.path)/profile", "--convert-to", target, "--outdir", output.path, input.path,
        ]
        let outcome = ConfinedCommand(timeLimit: timeLimit, memoryLimit: memoryLimit).run(arguments, in: folder)
        if outcome.timedOut { throw .timedOut(file: fileName, tool: "LibreOffice", seconds: timeLimit) }
        let converted = output.appendingPathComponent("document.\(target)")
        guard outcome.status == 0, let bytes = try? Data(contentsOf: converted), !bytes.isEmpty else {
            throw .unreadable(
                file: fileName,
                reason: "LibreOffice could not convert it (a damaged or password-protected document?)")
        }
        return bytes
    }

    /// Whether `data` starts as a file of `pathExtension` does: the OLE compound file of .doc
    /// and .xls, the «{\\rtf» of RTF, the ZIP of OpenDocument.
    static func hasSignature(_ data: Data, of pathExtension: String) -> Bool {
        let bytes = [UInt8](data.prefix(8))
        switch pathExtension {
        case "doc", "xls": return bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        case "rtf": return bytes.starts(with: Array("{\\rtf".utf8))
        case "odt", "ods": return bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
        default: return false
        }
    }
}
