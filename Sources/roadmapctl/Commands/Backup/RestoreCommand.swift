import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl restore FILE`: a backup into an empty database or a new embedded cluster.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup made by `roadmapctl backup` into an empty database.",
        discussion: """
            The database must hold no table: a new database (createdb) or a new embedded
            cluster (--data-dir of a folder not yet used). The restore runs in one transaction:
            if it fails, nothing is left behind. Owners and grants are not restored: the
            restoring role owns everything; grant analysts their logins again
            (roadmapctl analyst grant). Rows per table are printed, to compare with what the
            backup printed.

            Examples:
              roadmapctl restore /var/backups/roadmap/roadmap-20261130-020000Z.dump --database-url postgresql://roadmap@db2/roadmap
              roadmapctl restore backup.dump --data-dir /srv/roadmap-restored
            """)

    @Argument(help: ArgumentHelp("The backup file.", valueName: "file"))
    var file: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let conninfo = database.conninfo
        let counts = try await database.withDatabase(preparing: false) { db in
            // An empty database has no users yet: the restore is the installation's own act.
            try await BackupStore(database: db, conninfo: conninfo).restore(
                from: URL(fileURLWithPath: file), actor: .installation(commandLine: ActorOptions.commandLine))
        }
        print("Restored \(file).")
        print(Self.countsTable(counts))
    }

    /// «table rows» lines, by table name.
    static func countsTable(_ counts: [String: Int]) -> String {
        Output.table([["table", "rows"]] + counts.keys.sorted().map { [$0, String(counts[$0] ?? 0)] })
    }
}
