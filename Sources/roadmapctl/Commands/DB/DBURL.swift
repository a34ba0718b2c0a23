import ArgumentParser

/// `roadmapctl db url`: the libpq URL of the embedded cluster, for psql and other tools.
struct DBURL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "url",
        abstract: "Print the connection URL of the embedded cluster.",
        discussion: "Example:\n  psql \"$(roadmapctl db url)\""
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        print(database.location.clusterURL)
    }
}
