import ArgumentParser

/// `roadmapctl db`: the embedded PostgreSQL cluster.
struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Start, stop and locate the embedded PostgreSQL cluster; check the kept counts.",
        discussion: """
            Example:
              roadmapctl db start --data-dir /var/lib/roadmap
              psql "$(roadmapctl db url)"
            """,
        subcommands: [DBStart.self, DBStop.self, DBStatus.self, DBURL.self, DBCheckRollups.self]
    )
}
