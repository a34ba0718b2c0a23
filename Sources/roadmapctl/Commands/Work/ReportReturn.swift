import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl report return REPORT --comment TEXT`.
struct ReportReturn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return", abstract: "Return a report for rework, with a comment.",
        discussion: "Example:\n  roadmapctl report return REPORT_ID --comment \"Приложите программу семинара\"")

    @Argument(help: "The report's id.") var report: String
    @Option(help: "What must be reworked (required).") var comment: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws { _ = try Reference.id(report, entity: "REPORT") }

    func run() async throws {
        let record = try await database.withDatabase { db in
            try await ReportStore(database: db).review(
                try Reference.id(report, entity: "REPORT"), decision: .returnForRework, comment: comment, ifVersion: nil, actor: try await actor.principal(db))
        }
        print("Report \(record.id.lowercased) returned for rework.")
    }
}
