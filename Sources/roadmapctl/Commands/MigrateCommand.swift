import ArgumentParser
import Logging
import RoadmapStore

/// `roadmapctl migrate`: applies the pending migrations of this build.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the pending database migrations.",
        discussion: """
            Each migration runs in its own transaction; an applied migration whose file was
            edited is refused. Safe to run from several processes at once.

            Example:
              roadmapctl migrate --database-url postgresql://roadmap@db/roadmap
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Only show what is applied and what is pending.")
    var status = false

    func run() async throws {
        let logger = Logger(label: "roadmapctl")
        let (configuration, _) = try database.connect(logger: logger)
        let connection = try PostgresConnection(configuration: configuration)
        defer { connection.close() }
        let migrator = try Migrator.embedded()
        if status {
            let state = try migrator.status(on: connection)
            for name in state.applied { print("applied  \(name)") }
            for name in state.pending { print("pending  \(name)") }
            return
        }
        let outcome = try migrator.migrate(on: connection)
        if outcome.applied.isEmpty {
            print("Schema is current (\(outcome.alreadyApplied) migrations applied).")
        } else {
            for name in outcome.applied { print("applied  \(name)") }
        }
    }
}
