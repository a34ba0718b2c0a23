import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl report accept REPORT`.
struct ReportAccept: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "Accept a report: the assignment is done.",
        discussion: "Example:\n  roadmapctl report accept REPORT_ID --as coordinator")

    @Argument(help: "The report's id.") var report: String
    @Option(help: "A comment for the school.") var comment: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws { _ = try Reference.id(report, entity: "REPORT") }

    func run() async throws {
        let record = try await database.withDatabase { db in
            try await ReportStore(database: db).review(
                try Reference.id(report, entity: "REPORT"), decision: .accept, comment: comment, ifVersion: nil, actor: try await actor.principal(db))
        }
        print("Report \(record.id.lowercased) accepted.")
    }
}
