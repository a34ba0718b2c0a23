import ArgumentParser

/// `roadmapctl db stop`: stops the embedded cluster.
struct DBStop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop",
        abstract: "Stop the embedded cluster.",
        discussion: "Example:\n  roadmapctl db stop"
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        print(try database.location.stopCluster() ? "stopped" : "not running")
    }
}
