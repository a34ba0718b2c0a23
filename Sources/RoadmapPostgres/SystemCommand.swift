import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program (initdb, pg_ctl) and collects its output; as another user via `runuser`
/// when asked to, because PostgreSQL refuses to run as root.
///
/// It uses `posix_spawn` and closes every inherited descriptor above stderr in the child:
/// `pg_ctl start` leaves a daemon behind, and a daemon holding one of our descriptors
/// (Foundation's `Process` keeps a socket pair open) would make us wait for it forever.
struct SystemCommand {
    struct Failure: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        let output: String
        var description: String {
            "\(command) exited with status \(status)" + (output.isEmpty ? "" : ":\n\(output)")
        }
    }

    let executable: String
    let arguments: [String]
    /// Run as this system user (only when the current user is root).
    let user: String?
    /// Where to run it: a folder the other user can enter, not the caller's home.
    let workingDirectory: URL?

    init(_ executable: String, _ arguments: [String], as user: String? = nil, in workingDirectory: URL? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.user = user
        self.workingDirectory = workingDirectory
    }

    var displayName: String {
        ([URL(fileURLWithPath: executable).lastPathComponent] + arguments).joined(separator: " ")
    }

    /// Runs to completion; returns stdout and stderr together, or throws `Failure`.
    @discardableResult
    func run() throws -> String {
        let (status, output) = try runReturningStatus()
        guard status == 0 else {
            throw Failure(command: displayName, status: status, output: output)
        }
        return output
    }

    func runReturningStatus() throws -> (Int32, String) {
        var argv: [String]
        if let user {
            argv = [SystemCommand.locate("runuser") ?? "/usr/sbin/runuser", "-u", user, "--", executable] + arguments
        } else {
            argv = [executable] + arguments
        }
        if let workingDirectory {
            // posix_spawn has no portable chdir action: let a shell change folder, then exec.
            argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", workingDirectory.path] + argv
        }
        var environment = ProcessInfo.processInfo.environment
        // Messages from initdb and pg_ctl in English, whatever the operator's locale.
        environment["LC_MESSAGES"] = "C"
        let envp = environment.map { "\($0.key)=\($0.value)" }

        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            throw Failure(command: displayName, status: -1, output: "pipe failed: \(String(cString: strerror(errno)))")
        }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        SystemCommand.closeInheritedDescriptors(&actions)

        var pid: pid_t = 0
        let spawned = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnvp in
                posix_spawn(&pid, argv[0], &actions, nil, cArgv, cEnvp)
            }
        }
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            throw Failure(command: displayName, status: -1, output: "could not start \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            if count > 0 {
                output.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        close(readEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// Adds "close every descriptor from 3 up" to the child's actions (glibc 2.34+).
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
            _ = closeFrom(&actions, 3)
            return
        }
        // Older C libraries: close what is open now, one by one.
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap(Int32.init) where fd > 2 && fcntl(fd, F_GETFD) != -1 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }

    /// The full path of a program on PATH or in the system folders.
    static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]
        for folder in folders {
            let candidate = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Calls `body` with a NULL-terminated C array of the strings.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else {
            preconditionFailure("a non-empty array always has storage")
        }
        return body(base)
    }
}
