import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl notify run [--as-of DATE] [--dry-run]`: the daily reminder pass for a day.
struct NotifyRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run the daily pass for a day (today in the committee's time zone by default): reminders, digests, escalations.",
        discussion: """
            Exactly what `serve` does each morning. Each open assignment the committee's rule chases that day (7 and 1
            working days before its due day, the first working day after it and weekly while overdue) gets a reminder for
            each executor user of its school with an e-mail address, as each chose; then each person's held messages go
            in one digest, the coordinators get their day, and work overdue too long goes to the school's head. Nothing
            is sent on a day off of the production calendar. Running it again for the same day queues nothing new.
            Example:
              roadmapctl notify run --as-of 2019-03-24 --dry-run
            """)

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day (default today).", valueName: "YYYY-MM-DD")) var asOf: String?
    @Flag(help: "Queue nothing; print what would be queued.") var dryRun = false
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    struct Row: Encodable {
        let recipient: String
        let kind: String
        let assignment: String
        let subject: String
    }

    func validate() throws {
        if let asOf { _ = try Reference.date(asOf, option: "--as-of") }
    }

    func run() async throws {
        let day = try asOf.map { try Reference.date($0, option: "--as-of") } ?? CommitteeClock().today()
        let outcome = try await database.withDatabase { db in
            try await ReminderPass(database: db).run(asOf: day, dryRun: dryRun, actor: try await actor.principal(db))
        }
        let rows = outcome.queued.map {
            Row(recipient: $0.recipient, kind: $0.kind, assignment: $0.assignmentID.lowercased, subject: $0.subject)
        }
        try Output.list(rows, format: format, columns: ["recipient", "kind", "assignment", "subject"]) {
            [$0.recipient, $0.kind, $0.assignment, $0.subject]
        }
        if outcome.dayOff {
            FileHandle.standardError.write(Data("\(day.russian) is a day off in the production calendar: nothing is sent.\n".utf8))
        } else if !outcome.calendarLoaded {
            FileHandle.standardError.write(Data("No production calendar is loaded for \(day.year): every day counts as a working day.\n".utf8))
        }
        if format == .table {
            let verb = dryRun ? "would be queued" : "queued"
            FileHandle.standardError.write(Data("""
                \(day.russian): \(outcome.queued.count) reminder(s) \(verb), \(outcome.alreadyQueued) queued before, \
                \(outcome.unreachable) assignment(s) with no executor e-mail address; \
                \(outcome.digests) digest(s), \(outcome.reviewDigests) coordinator's day(s), \(outcome.escalations) escalation(s).

                """.utf8))
        }
    }
}
