import ArgumentParser
import Foundation
import RoadmapStore

/// `roadmapctl notify status`: how many messages wait, went out and failed.
struct NotifyStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Count the outbox's messages: queued, sent, failed.",
        discussion: "Example:\n  roadmapctl notify status --format json")

    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    struct Row: Encodable {
        let status: String
        let count: Int
    }

    func run() async throws {
        let counts = try await database.withDatabase { db in
            try await ReminderPass(database: db).status(actor: try await actor.principal(db))
        }
        let rows = ["queued", "sent", "failed"].map { Row(status: $0, count: counts[$0] ?? 0) }
        try Output.list(rows, format: format, columns: ["status", "count"]) { [$0.status, "\($0.count)"] }
    }
}
