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
        let cluster = database.cluster
        let started = try cluster.start(logger: Logger(label: "roadmapctl"))
        print(started ? "started \(cluster.dataDirectory.path)" : "already running \(cluster.dataDirectory.path)")
    }
}
