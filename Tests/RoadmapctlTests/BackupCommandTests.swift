import Foundation
import RoadmapTestSupport
import Testing

/// `roadmapctl backup` and `restore` (#18) as an operator types them: a folder of daily
/// backups keeps the newest, and a restore prints the same rows the backup printed.
@Suite("Backup commands")
struct BackupCommandTests {
    /// The «table rows» lines a command printed.
    private func rows(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("public.") || $0.hasPrefix("analytics.") }
    }

    @Test func aFolderKeepsTheNewestBackupsAndARestoreGivesBackEveryRow() async throws {
        try await TestDatabase.withDatabase { (source) async throws in
            let runner = RoadmapctlRunner()
            let folder = URL(fileURLWithPath: "/tmp/rmbk-\(UUID().uuidString.prefix(8).lowercased())")
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = ["--database-url", source.connectionString]
            let neither = try runner.run(["backup"] + url)
            #expect(neither.status != 0 && neither.stderr.contains("--output FILE or --directory DIR"), "\(neither.stderr)")

            let first = try runner.run(["backup", "--directory", folder.path, "--keep", "1"] + url)
            #expect(first.status == 0, "\(first.stderr)")
            sleep(1)
            let second = try runner.run(["backup", "--directory", folder.path, "--keep", "1"] + url)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout.contains("Deleted old backup roadmap-"), "\(second.stdout)")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".dump") }
            #expect(files.count == 1, "\(files)")
            let file = folder.appendingPathComponent(try #require(files.first)).path
            #expect(second.stdout.contains("Backup written: \(file)"))
            #expect(rows(second.stdout).contains { $0.hasPrefix("public.backups") && $0.hasSuffix(" 1") }, "the first backup is recorded")

            let target = try await TestDatabase.database(migrated: false)
            defer { Task { await target.drop() } }
            let restored = try runner.run(["restore", file, "--database-url", target.connectionString])
            #expect(restored.status == 0, "\(restored.stderr)")
            #expect(!rows(restored.stdout).isEmpty && rows(restored.stdout) == rows(second.stdout), "\(restored.stdout)")
            let again = try runner.run(["restore", file, "--database-url", target.connectionString])
            #expect(again.status == 1 && again.stderr.contains("restore into an empty database"), "\(again.stderr)")
        }
    }
}
