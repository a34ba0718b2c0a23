import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl report submit ASSIGNMENT --done-on DATE --text TEXT`.
struct ReportSubmit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Report an assignment done.",
        discussion: "Example:\n  roadmapctl report submit ASSIGNMENT_ID --done-on 2019-03-20 --text \"Проведено\" --as school5")

    @Argument(help: "The assignment's id.") var assignment: String
    @Option(name: .customLong("done-on"), help: ArgumentHelp("The day it was done.", valueName: "YYYY-MM-DD")) var doneOn: String
    @Option(help: "What was done.") var text: String
    @Option(name: .customLong("evidence"), help: "A link to evidence (repeatable).") var evidence: [String] = []
    @Option(help: "Output format: table or json.") var format: OutputFormat = .table
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        _ = try Reference.id(assignment, entity: "ASSIGNMENT")
        _ = try Reference.date(doneOn, option: "--done-on")
    }

    func run() async throws {
        let outcome = try await database.withDatabase { db in
            try await ReportStore(database: db).submit(
                assignmentID: try Reference.id(assignment, entity: "ASSIGNMENT"),
                ReportSubmission(doneOn: try Reference.date(doneOn, option: "--done-on"), text: text, evidenceURLs: evidence),
                idempotencyKey: nil, actor: try await actor.principal(db))
        }
        try Output.print(outcome.report, format: format) { "Report \(outcome.report.id.uuidString.lowercased()) submitted; it waits for review." }
    }
}
