import Foundation
import Testing

/// Point-in-time recovery with pgBackRest (#18): `scripts/test-pitr.sh` archives a
/// cluster's WAL, takes a full backup, lets two schools report on either side of a moment,
/// restores to that moment in a new data folder and compares. CI installs pgbackrest and
/// requires this test (`ROADMAP_PITR_TESTS=required`); elsewhere it is skipped without it.
@Suite("Point-in-time recovery")
struct PointInTimeRecoveryTests {
    static let installed = ["/usr/bin/pgbackrest", "/usr/local/bin/pgbackrest"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    static let required = ProcessInfo.processInfo.environment["ROADMAP_PITR_TESTS"] == "required"

    @Test(.enabled(if: installed || required), .timeLimit(.minutes(5)))
    func aRestoreToAMomentBetweenTwoReportsHasTheFirstAndNotTheSecond() async throws {
        #expect(Self.installed, "pgbackrest must be installed: CI requires the point-in-time recovery test")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let outcome = try await RoadmapctlRunner(executable: URL(fileURLWithPath: "/bin/bash"))
            .runOnOwnThread([root.appendingPathComponent("scripts/test-pitr.sh").path, RoadmapctlRunner.executable.path])
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("report A 1, report B 0"), "\(outcome.stdout)")
        print(outcome.stdout)
    }
}
