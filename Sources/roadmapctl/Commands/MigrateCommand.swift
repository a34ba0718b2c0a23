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
        let (store, _) = try database.open(logger: Logger(label: "roadmapctl"))
        do {
            let migrations = try SchemaStore(database: store)
            if status {
                let state = try await migrations.state()
                for name in state.applied { print("applied  \(name)") }
                for name in state.pending { print("pending  \(name)") }
            } else {
                let outcome = try await migrations.migrate()
                if outcome.applied.isEmpty {
                    print("Schema is current (\(outcome.alreadyApplied) migrations applied).")
                } else {
                    for name in outcome.applied { print("applied  \(name)") }
                }
                if outcome.keysRewritten > 0 {
                    print("Rewrote \(outcome.keysRewritten) organisation name keys to the current matching rules.")
                }
            }
            await store.close()
        } catch {
            await store.close()
            throw error
        }
    }
}
