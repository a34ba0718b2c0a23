import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl report submit ASSIGNMENT --done-on DATE --text TEXT`.
struct ReportSubmit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Report an assignment done.",
        discussion: """
            Files go with the report as evidence (PDF, images, office documents; 20 MB a file,
            50 MB a report); one refused refuses the report, and nothing is written.
            Example:
              roadmapctl report submit ASSIGNMENT_ID --done-on 2019-03-20 --text "Проведено" --file akt.pdf --as school5
            """)

    @Argument(help: "The assignment's id.") var assignment: String
    @Option(name: .customLong("done-on"), help: ArgumentHelp("The day it was done.", valueName: "YYYY-MM-DD")) var doneOn: String
    @Option(help: "What was done.") var text: String
    @Option(name: .customLong("evidence"), help: "A link to evidence (repeatable).") var evidence: [String] = []
    @Option(name: .customLong("file"), help: ArgumentHelp("A file of evidence (repeatable).", valueName: "PATH")) var files: [String] = []
    @Option(help: "Output format: table or json.") var format: OutputFormat = .table
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        _ = try Reference.id(assignment, entity: "ASSIGNMENT")
        _ = try Reference.date(doneOn, option: "--done-on")
    }

    func run() async throws {
        let uploads = try Self.read(files)
        let outcome = try await database.withDatabase { db in
            try await ReportStore(database: db).submit(
                assignmentID: try Reference.id(assignment, entity: "ASSIGNMENT"),
                ReportSubmission(doneOn: try Reference.date(doneOn, option: "--done-on"), text: text, evidenceURLs: evidence),
                files: uploads, idempotencyKey: nil, actor: try await actor.principal(db))
        }
        try Output.print(outcome.report, format: format) { "Report \(outcome.report.id.lowercased) submitted; it waits for review." }
    }

    /// The files named, each read only once its size is known to be within the limits.
    static func read(_ paths: [String]) throws -> [EvidenceUpload] {
        let urls = paths.map { URL(fileURLWithPath: $0) }
        let sizes = try urls.map { url -> (name: String, bytes: Int) in
            guard let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int else {
                throw ValidationError("--file \(url.path): no such file")
            }
            return (url.lastPathComponent, size)
        }
        do {
            try EvidenceLimits().check(sizes)
        } catch {
            throw EvidenceRefusal.limits(error)
        }
        return try urls.map { EvidenceUpload(fileName: $0.lastPathComponent, content: try Data(contentsOf: $0)) }
    }
}
