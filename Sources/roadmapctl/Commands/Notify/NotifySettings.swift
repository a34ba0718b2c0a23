import ArgumentParser
import Foundation
import RoadmapStore

/// `roadmapctl notify settings [--days-before 7,1] [--overdue-every 7] [--escalate-after 14]`.
struct NotifySettings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show or change when schools are reminded and when overdue work is escalated.",
        discussion: """
            Without options it shows the committee's settings.
            Example:
              roadmapctl notify settings --days-before 10,3,1 --overdue-every 7 --escalate-after 21
            """)

    @Option(name: .customLong("days-before"), help: ArgumentHelp("Working days before a due day to remind, comma-separated (1–90, at most 5).", valueName: "days"))
    var daysBefore: String?
    @Option(name: .customLong("overdue-every"), help: ArgumentHelp("Days between reminders while work is overdue (1–30).", valueName: "days"))
    var overdueEvery: Int?
    @Option(name: .customLong("escalate-after"), help: ArgumentHelp("Days of overdue after which work goes to the coordinators' day and the head of the school (1–365).", valueName: "days"))
    var escalateAfter: Int?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    var days: [Int]? {
        get throws {
            guard let daysBefore else { return nil }
            let parts = daysBefore.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
                throw ValidationError("--days-before must be numbers separated by commas, like 7,1; got «\(daysBefore)»")
            }
            return parts.compactMap { $0 }
        }
    }

    func validate() throws { _ = try days }

    func run() async throws {
        let settings = try await database.withDatabase { db in
            let store = NotificationStore(database: db)
            if daysBefore == nil && overdueEvery == nil && escalateAfter == nil { return try await store.settings() }
            return try await store.updateSettings(daysBefore: try days, overdueEvery: overdueEvery, escalateAfter: escalateAfter,
                                                  actor: try await actor.principal(db))
        }
        print("""
            days before a due day: \(settings.rule.daysBefore.map(String.init).joined(separator: ","))
            overdue reminded every: \(settings.rule.overdueEvery) days
            escalated after: \(settings.escalateAfter) days overdue
            """)
    }
}
