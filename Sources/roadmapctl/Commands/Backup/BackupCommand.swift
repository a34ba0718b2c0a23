import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl backup --output FILE` or `--directory DIR --keep N`: the whole database in
/// pg_dump's custom format, evidence files included.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a backup of the whole database (pg_dump, custom format; uploaded files included).",
        discussion: """
            The file is written complete or not at all (to FILE.partial, checked with
            pg_restore --list, then renamed), is never overwritten, and the backup is recorded
            so the service can report the age of the last one (roadmap_last_backup_timestamp_seconds).
            With --directory the file is named by its moment (roadmap-YYYYMMDD-HHMMSSZ.dump, UTC)
            and all but the newest --keep backups there are deleted; other files are left alone.
            Rows per table are printed: `roadmapctl restore` prints the same after a restore.

            Examples:
              roadmapctl backup --output /var/backups/roadmap/before-upgrade.dump
              roadmapctl backup --directory /var/backups/roadmap --keep 14
            """)

    @Option(help: ArgumentHelp("The backup file to write.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("A folder for daily backups, named by their moment.", valueName: "dir"))
    var directory: String?

    @Option(help: "With --directory: how many backups to keep there.")
    var keep: Int = 14

    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (output == nil) != (directory == nil) else {
            throw ValidationError("give either --output FILE or --directory DIR")
        }
        guard (1...3650).contains(keep) else { throw ValidationError("--keep must be between 1 and 3650, got \(keep)") }
    }

    func run() async throws {
        let conninfo = database.conninfo
        let (record, deleted) = try await database.withDatabase { db in
            let store = BackupStore(database: db, conninfo: conninfo)
            let principal = try await actor.principal(db)
            if let output {
                return (try await store.backup(to: URL(fileURLWithPath: output), actor: principal), [String]())
            }
            return try await store.backup(into: URL(fileURLWithPath: directory ?? "."), keep: keep, actor: principal)
        }
        print("Backup written: \(record.file) (\(record.sizeBytes) bytes).")
        print(RestoreCommand.countsTable(record.counts))
        for name in deleted { print("Deleted old backup \(name).") }
    }
}
