import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A headless Chromium driven over the DevTools protocol through a pipe
/// (`--remote-debugging-pipe`: commands on file descriptor 3, answers on 4, each a JSON
/// message ended by a NUL byte), so the browser tests need no WebDriver and no network
/// port of their own. Blocking reads run on a queue of their own, off Swift's
/// concurrency pool that the server under test uses.
public final class HeadlessBrowser: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `ROADMAP_CDP_DEBUG=1` prints every message to standard error.
    private static let debug = ProcessInfo.processInfo.environment["ROADMAP_CDP_DEBUG"] == "1"
    private let process: pid_t
    private let commands: FileHandle
    private let answers: FileHandle
    private let profile: URL
    private let queue = DispatchQueue(label: "roadmap.headless-browser")
    private var pending = Data()
    private var nextID = 0
    private var session = ""

    /// The Chromium binary: `$CHROMIUM`, else the first of Debian's and others' names on PATH.
    public static func locate() -> String? {
        if let path = ProcessInfo.processInfo.environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) { return path }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for directory in directories where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        return nil
    }

    /// Starts the browser with one page of `width` × `height` CSS pixels.
    public init(binary: String, width: Int = 1280, height: Int = 900) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("roadmap-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var toBrowser: [Int32] = [0, 0]
        var fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(description: "pipe() failed: errno \(errno)") }
        // Out of the way of 3 and 4 before the child's dup2 puts its ends there.
        let childRead = fcntl(toBrowser[0], F_DUPFD_CLOEXEC, 10)
        let childWrite = fcntl(fromBrowser[1], F_DUPFD_CLOEXEC, 10)
        close(toBrowser[0])
        close(fromBrowser[1])
        _ = fcntl(toBrowser[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fromBrowser[0], F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childRead, 3)
        posix_spawn_file_actions_adddup2(&actions, childWrite, 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [
            binary, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--hide-scrollbars", "--lang=ru-RU", "--window-size=\(width),\(height)", "--user-data-dir=\(profile.path)", "about:blank",
        ]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
        close(childRead)
        close(childWrite)
        guard spawned == 0 else { throw Failure(description: "could not start \(binary): error \(spawned)") }
        process = pid
        commands = FileHandle(fileDescriptor: toBrowser[1], closeOnDealloc: true)
        answers = FileHandle(fileDescriptor: fromBrowser[0], closeOnDealloc: true)
    }

    deinit {
        kill(process, SIGKILL)
        var status: Int32 = 0
        waitpid(process, &status, 0)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Attaches to the browser's first page; call once before anything else.
    public func open() async throws {
        let targets = try await send("Target.getTargets", [:], inSession: false)
        let infos = targets["targetInfos"] as? [[String: Any]] ?? []
        guard let page = infos.first(where: { $0["type"] as? String == "page" })?["targetId"] as? String else {
            throw Failure(description: "the browser has no page: \(infos)")
        }
        let attached = try await send("Target.attachToTarget", ["targetId": page, "flatten": true], inSession: false)
        guard let id = attached["sessionId"] as? String else { throw Failure(description: "attachToTarget gave no session") }
        session = id
        _ = try await send("Page.enable")
    }

    /// Sends one DevTools command and waits for its answer (events in between are skipped).
    @discardableResult
    public func send(_ method: String, _ parameters: [String: Any] = [:], inSession: Bool = true) async throws -> [String: Any] {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": parameters]
        if inSession { message["sessionId"] = session }
        var encoded = try JSONSerialization.data(withJSONObject: message)
        encoded.append(0)
        let data = encoded
        let id = nextID
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    if Self.debug { FileHandle.standardError.write(Data("→ \(String(decoding: data.prefix(300), as: UTF8.self))\n".utf8)) }
                    try self.commands.write(contentsOf: data)
                    while true {
                        let answer = try self.readMessage()
                        if Self.debug { FileHandle.standardError.write(Data("← \(String(describing: answer).prefix(300))\n".utf8)) }
                        guard answer["id"] as? Int == id else { continue }
                        if let error = answer["error"] as? [String: Any] {
                            throw Failure(description: "\(method) failed: \(error["message"] ?? error)")
                        }
                        continuation.resume(returning: answer["result"] as? [String: Any] ?? [:])
                        return
                    }
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private func readMessage() throws -> [String: Any] {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let message = pending[pending.startIndex..<end]
                pending = Data(pending[pending.index(after: end)...])
                return (try JSONSerialization.jsonObject(with: message)) as? [String: Any] ?? [:]
            }
            // One read(2): FileHandle.read(upToCount:) would wait for the whole count.
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(answers.fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw Failure(description: "the browser closed its pipe") }
            pending.append(contentsOf: chunk[0..<count])
        }
    }

    // MARK: Pages

    /// Runs JavaScript in the page and returns its value.
    @discardableResult
    public func evaluate(_ script: String) async throws -> Any? {
        let result = try await send("Runtime.evaluate", ["expression": script, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] as? [String: Any] {
            throw Failure(description: "script failed: \(exception["text"] ?? "") \((exception["exception"] as? [String: Any])?["description"] ?? "")")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Goes to `url` and waits for the new page.
    public func navigate(to url: String) async throws {
        try await loading { _ = try await self.send("Page.navigate", ["url": url]) }
    }

    /// Clicks the element `selector` names and waits for the page it leads to.
    public func click(_ selector: String) async throws {
        try await loading {
            let found = try await self.evaluate("(() => { const e = document.querySelector(\(Self.literal(selector))); if (!e) return false; e.click(); return true })()")
            guard found as? Bool == true else { throw Failure(description: "nothing matches \(selector) on \(try await self.location())") }
        }
    }

    /// Types `value` into the field `selector` names.
    public func fill(_ selector: String, _ value: String) async throws {
        let found = try await evaluate("""
            (() => { const e = document.querySelector(\(Self.literal(selector))); if (!e) return false;
                     e.value = \(Self.literal(value)); e.dispatchEvent(new Event('input', {bubbles: true})); return true })()
            """)
        guard found as? Bool == true else { throw Failure(description: "no field \(selector) on \(try await location())") }
    }

    /// Puts the file at `path` into the file input `selector` names.
    public func attach(_ path: String, to selector: String) async throws {
        let document = try await send("DOM.getDocument", ["depth": 0])
        guard let root = (document["root"] as? [String: Any])?["nodeId"] as? Int else { throw Failure(description: "no document") }
        let node = try await send("DOM.querySelector", ["nodeId": root, "selector": selector])
        guard let id = node["nodeId"] as? Int, id != 0 else { throw Failure(description: "no file input \(selector)") }
        try await send("DOM.setFileInputFiles", ["nodeId": id, "files": [path]])
    }

    /// The page's visible text.
    public func text() async throws -> String {
        try await evaluate("document.body.innerText") as? String ?? ""
    }

    public func location() async throws -> String {
        try await evaluate("location.href") as? String ?? ""
    }

    /// Makes the window `width` CSS pixels wide: 640 is a 1280-pixel screen at 200 % zoom.
    public func resize(width: Int, height: Int = 900) async throws {
        try await send("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false])
    }

    /// How many CSS pixels the page is wider than its window (0 when nothing scrolls sideways).
    public func horizontalOverflow() async throws -> Int {
        let value = try await evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        return (value as? Int) ?? Int((value as? Double) ?? 0)
    }

    /// A PNG of the whole page, not just the window.
    public func screenshot() async throws -> Data {
        let metrics = try await send("Page.getLayoutMetrics")
        let content = metrics["cssContentSize"] as? [String: Any] ?? metrics["contentSize"] as? [String: Any] ?? [:]
        let width = (content["width"] as? Double) ?? 1280
        let height = min((content["height"] as? Double) ?? 900, 8000)
        let shot = try await send("Page.captureScreenshot", [
            "format": "png", "captureBeyondViewport": true,
            "clip": ["x": 0, "y": 0, "width": width, "height": height, "scale": 1],
        ])
        guard let base64 = shot["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "the screenshot came back empty")
        }
        return data
    }

    /// Runs `action`, then waits until a new document has replaced the current one and
    /// finished loading (a marker set on the old window is gone).
    private func loading(_ action: () async throws -> Void) async throws {
        try await evaluate("window.__roadmapOld = true")
        try await action()
        for _ in 0..<200 {
            let state = try? await evaluate("window.__roadmapOld === undefined && document.readyState === 'complete'")
            if state as? Bool == true { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "no new page after 10 s; still on \(try await location())")
    }

    private static func literal(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
        return String(decoding: data, as: UTF8.self).dropFirst().dropLast().description
    }
}
