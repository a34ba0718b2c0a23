import ArgumentParser
import Foundation

/// The admin CLI of Roadmap: the service, its database, and the committee's bulk work.
@main
struct Roadmapctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roadmapctl",
        abstract: "Roadmap: tracks the execution of municipal education road maps.",
        discussion: """
            Without --database-url (or DATABASE_URL) every command uses a private PostgreSQL
            cluster under --data-dir (or ROADMAP_HOME, default ./.roadmap), created and started
            on demand.

            Example:
              roadmapctl serve --demo
            """,
        subcommands: [
            ServeCommand.self,
            MigrateCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
            DBCommand.self,
            DeadlineCommand.self,
            ImportCommand.self,
            UserCommand.self,
            TokenCommand.self,
            AnalystCommand.self,
            OrgCommand.self,
            OrderCommand.self,
            PlanCommand.self,
            SummaryCommand.self,
            NotifyCommand.self,
            CalendarCommand.self,
            WorkdaysCommand.self,
            StatusCommand.self,
            AssignCommand.self,
            ReportCommand.self,
            ExtendCommand.self,
            HistoryCommand.self,
            ExportCommand.self,
        ]
    )

    /// Exit codes: 0 ok, 1 not found or refused, 2 bad usage.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
