import Foundation

/// Runs a helper program (LibreOffice's converter, poppler's `pdftotext`) on a hostile file:
/// as a separate process in a throwaway folder, with a time limit (`timeout`, which kills it
/// and its children), caps on memory and on the size of any file it writes (`prlimit`), and,
/// where the system allows, no network (`unshare`).
struct ConfinedCommand: Sendable {
    /// Seconds the command may take before it is killed.
    var timeLimit: Int
    /// Bytes of address space it may use.
    var memoryLimit: Int
    /// Bytes any one file it writes may reach; nil for no cap.
    var fileSizeLimit: Int?

    /// What came of a run.
    struct Outcome: Sendable {
        /// The exit status, or the signal that ended it when `signaled`.
        var status: Int32
        /// The first 4 KiB of what it wrote to stdout and stderr.
        var output: String
        var signaled = false

        /// Whether `timeout` stopped it: with its own status, or with the KILL it sent, which
        /// `timeout` passes on by dying of it too.
        var timedOut: Bool { signaled ? status == 9 : status == 124 || status == 128 + 9 }
        /// Whether it was killed for writing past the file size cap (SIGXFSZ).
        var exceededFileSize: Bool { signaled ? status == 25 : status == 128 + 25 }
    }

    /// Runs `command` (its first element found on PATH) in `folder` under the limits, and waits.
    func run(_ command: [String], in folder: URL) -> Outcome {
        var limits = ["prlimit", "--as=\(memoryLimit)"]
        if let fileSizeLimit { limits.append("--fsize=\(fileSizeLimit)") }
        // KILL at once: a process started from a thread of this service may inherit a mask that
        // blocks TERM, and nothing these programs leave behind needs cleaning but the folder.
        var wrapped = ["timeout", "--signal=KILL", String(timeLimit)] + limits + ["--"] + command
        if let isolation = Self.networkIsolation { wrapped = isolation + wrapped }
        return Self.run(wrapped, in: folder)
    }

    /// `unshare` with a network namespace of its own, as root or through a user namespace;
    /// nil where the system permits neither (then the command runs with the host's network,
    /// and still opens nothing over it: nothing in a file makes these programs fetch).
    static let networkIsolation: [String]? = {
        for candidate in [["unshare", "--net"], ["unshare", "--user", "--map-root-user", "--net"]] {
            if run(candidate + ["true"], in: FileManager.default.temporaryDirectory).status == 0 { return candidate }
        }
        return nil
    }()

    /// A new throwaway folder holding `data` as `inputName`, for a helper to read; the caller
    /// removes the folder. The error names `file`.
    static func scratch(_ data: Data, as inputName: String, file: String) throws(DocumentReadError) -> (folder: URL, input: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roadmap-\(UUID().uuidString)")
        let input = folder.appendingPathComponent(inputName)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: input)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw .unreadable(file: file, reason: "the file could not be prepared for reading: \(error.localizedDescription)")
        }
        return (folder, input)
    }

    /// Whether `name` is an executable on PATH.
    static func isInstalled(_ name: String) -> Bool {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// Runs `command` unconfined and waits; HOME is the folder, stdin is empty.
    static func run(_ command: [String], in folder: URL) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder.path
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return Outcome(status: 127, output: "\(error)")
        }
        // Keep the first 4 KiB; read the rest away so a chatty program never blocks on a full pipe.
        var kept = Data()
        while let chunk = try? pipe.fileHandleForReading.read(upToCount: 65_536), !chunk.isEmpty {
            if kept.count < 4096 { kept.append(chunk.prefix(4096 - kept.count)) }
        }
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: kept, as: UTF8.self),
            signaled: process.terminationReason == .uncaughtSignal)
    }
}
