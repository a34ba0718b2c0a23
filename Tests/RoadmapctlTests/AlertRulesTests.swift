import Foundation
import Testing

/// The Prometheus alert rules of deploy/ (#18) are valid and fire when they should:
/// `promtool check rules` and `promtool test rules` with the unit tests beside them. CI
/// installs Prometheus's tools and requires this test (`ROADMAP_ALERT_TESTS=required`).
@Suite("Alert rules")
struct AlertRulesTests {
    static let promtool = "/usr/bin/promtool"
    static let installed = FileManager.default.isExecutableFile(atPath: promtool)
    static let required = ProcessInfo.processInfo.environment["ROADMAP_ALERT_TESTS"] == "required"

    @Test(.enabled(if: installed || required))
    func theRulesAreValidAndFireOnAnOldBackupALostStandbyFailedMailAndASaturatedPool() throws {
        #expect(Self.installed, "promtool must be installed: CI requires the alert rules' tests")
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("deploy/prometheus")
        let runner = RoadmapctlRunner(executable: URL(fileURLWithPath: Self.promtool))
        let check = try runner.run(["check", "rules", folder.appendingPathComponent("roadmap-alerts.yml").path])
        #expect(check.status == 0 && check.stdout.contains("SUCCESS: 8 rules found"), "\(check.stdout)\(check.stderr)")
        let tests = try runner.run(["test", "rules", folder.appendingPathComponent("roadmap-alerts.test.yml").path])
        #expect(tests.status == 0 && tests.stdout.contains("SUCCESS"), "\(tests.stdout)\(tests.stderr)")
    }
}
