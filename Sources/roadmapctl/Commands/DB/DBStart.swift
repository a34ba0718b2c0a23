import ArgumentParser
import Logging

/// `roadmapctl db start`: creates the cluster if needed and starts it.
struct DBStart: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Create the embedded cluster if needed and start it.",
        discussion: "Example:\n  roadmapctl db start --data-dir ./.roadmap"
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let location = database.location
        let started = try location.startCluster(logger: Logger(label: "roadmapctl"))
        print(started ? "started \(location.clusterPath)" : "already running \(location.clusterPath)")
    }
}
