import ArgumentParser

/// `roadmapctl db status`: whether the embedded cluster exists and runs. Exits 1 when it
/// does not run, so scripts can test it.
struct DBStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show whether the embedded cluster runs (exit 1 when not).",
        discussion: "Example:\n  roadmapctl db status || roadmapctl db start"
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let location = database.location
        switch try location.clusterState() {
        case .notInitialized:
            print("not initialized: \(location.clusterPath)")
            throw ExitCode(1)
        case .stopped:
            print("stopped: \(location.clusterPath)")
            throw ExitCode(1)
        case .running(let pid):
            print("running (pid \(pid)): \(location.clusterPath)")
        }
    }
}
