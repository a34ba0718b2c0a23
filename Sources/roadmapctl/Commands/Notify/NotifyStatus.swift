import ArgumentParser
import Foundation
import RoadmapStore

/// `roadmapctl notify status`: how many messages wait, went out, failed, and may have gone
/// out twice; the latest failures with their errors.
struct NotifyStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Count the outbox's messages by state; list the latest failures.",
        discussion: "Example:\n  roadmapctl notify status --format json")

    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    struct Row: Encodable {
        let status: String
        let count: Int
    }

    func run() async throws {
        let overview = try await database.withDatabase { db in
            try await NotificationStore(database: db).overview(actor: try await actor.principal(db))
        }
        let states = ["queued", "sending", "sent", "failed", "held", "digested"]
        let rows = states.map { Row(status: $0, count: overview.counts[$0] ?? 0) }
            + [Row(status: "reclaimed (may have gone twice)", count: overview.reclaimed)]
        try Output.list(rows, format: format, columns: ["status", "count"]) { [$0.status, "\($0.count)"] }
        if format == .table {
            var lines = ""
            if let oldest = overview.oldestQueuedAt {
                lines += "Oldest queued message due since \(ISO8601DateFormatter().string(from: oldest)).\n"
            }
            for message in overview.failed.prefix(10) {
                lines += "failed: \(message.recipient) «\(message.subject)» after \(message.attempts) attempt(s): \(message.lastError ?? "")\n"
            }
            if !lines.isEmpty { FileHandle.standardError.write(Data(lines.utf8)) }
        }
    }
}
