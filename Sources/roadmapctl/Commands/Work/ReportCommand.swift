import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl report submit|accept|return`: the same rules and history as the API.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Submit, accept or return reports on assignments.",
        discussion: """
            Examples:
              roadmapctl report submit ASSIGNMENT_ID --done-on 2019-03-20 --text "Семинар проведён" --evidence https://school5.example/news/1 --as school5
              roadmapctl report return REPORT_ID --comment "Приложите программу" --as coordinator
              roadmapctl report accept REPORT_ID
            """,
        subcommands: [ReportSubmit.self, ReportAccept.self, ReportReturn.self]
    )
}

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
        let outcome = try await database.withPool { pool in
            try await ReportStore(pool: pool).submit(
                assignmentID: try Reference.id(assignment, entity: "ASSIGNMENT"),
                ReportSubmission(doneOn: try Reference.date(doneOn, option: "--done-on"), text: text, evidenceURLs: evidence),
                idempotencyKey: nil, actor: try await actor.principal(pool))
        }
        try Output.print(outcome.report, format: format) { "Report \(outcome.report.id.uuidString.lowercased()) submitted; it waits for review." }
    }
}

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
        let record = try await database.withPool { pool in
            try await ReportStore(pool: pool).review(
                try Reference.id(report, entity: "REPORT"), accept: true, comment: comment, ifVersion: nil, actor: try await actor.principal(pool))
        }
        print("Report \(record.id.uuidString.lowercased()) accepted.")
    }
}

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
        let record = try await database.withPool { pool in
            try await ReportStore(pool: pool).review(
                try Reference.id(report, entity: "REPORT"), accept: false, comment: comment, ifVersion: nil, actor: try await actor.principal(pool))
        }
        print("Report \(record.id.uuidString.lowercased()) returned for rework.")
    }
}
