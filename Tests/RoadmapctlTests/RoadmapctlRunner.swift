import Foundation
import Testing

/// Runs the built `roadmapctl` as a user would, capturing its output and exit code.
struct RoadmapctlRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `roadmapctl` built next to this test bundle.
    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("roadmapctl")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/roadmapctl")
    }

    /// A fresh data folder for an embedded cluster, short enough for a Unix socket path.
    static func temporaryDataDirectory() -> URL {
        URL(fileURLWithPath: "/tmp/rmctl-\(UUID().uuidString.prefix(8).lowercased())")
    }

    var environment: [String: String] = [:]
    /// The program to run: roadmapctl unless a test names another (a script).
    var executable: URL = Self.executable

    /// Runs on a thread of its own, for programs that take minutes (scripts): the test's
    /// task waits without holding one of the few threads every other test shares.
    func runOnOwnThread(_ arguments: [String]) async throws -> Outcome {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Outcome, any Error>) in
            Thread.detachNewThread {
                do {
                    continuation.resume(returning: try run(arguments))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DATABASE_URL")
        env.removeValue(forKey: "ROADMAP_HOME")
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a full stderr cannot block the child.
        let errData = LockedData()
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.isSet { usleep(1000) }
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.value, as: UTF8.self))
    }
}

/// Data handed from a reader thread.
final class LockedData: @unchecked Sendable {
    // Safe: every access goes through the lock.
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return data != nil
    }

    var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return data ?? Data()
    }
}
