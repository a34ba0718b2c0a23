import ArgumentParser
import Foundation
import RoadmapStore

/// `roadmapctl db check-rollups`: compares the counts kept for pages with a count made from
/// scratch. Exits 1 when they differ (after repairing them, with --repair).
struct DBCheckRollups: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-rollups",
        abstract: "Check the kept status counts against a fresh count (exit 1 when they differ).",
        discussion: """
            The order pages read per-action counts kept by triggers in the transaction of each
            change. This counts every assignment again and lists any action whose kept counts
            differ; --repair rewrites them from the fresh count.

            Example:
              roadmapctl db check-rollups --database-url postgresql://roadmap@db/roadmap
            """)

    @Flag(help: "Rewrite the kept counts from the fresh count when they differ.") var repair = false
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let outcome = try await database.withDatabase { db in
            try await RollupStore(database: db).check(repair: repair, actor: try await actor.principal(db))
        }
        for difference in outcome.differences {
            print("action \(difference.actionID.lowercased) \(difference.what): kept \(difference.kept), counted \(difference.counted)")
        }
        if outcome.differenceCount == 0 {
            print("Roll-ups match: \(outcome.assignments) assignments of \(outcome.actions) actions counted again, no difference.")
            return
        }
        if outcome.differenceCount > outcome.differences.count {
            print("… and \(outcome.differenceCount - outcome.differences.count) more.")
        }
        print(outcome.repaired
            ? "\(outcome.differenceCount) difference(s) found and repaired from the fresh count."
            : "\(outcome.differenceCount) difference(s) found; run with --repair to rewrite the kept counts.")
        throw ExitCode(1)
    }
}
