import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Backups (#18): pg_dump's custom format with the evidence files, restored into an empty
/// database with identical rows; a bad file or a database in use refused, nothing written.
@Suite("Backup and restore")
struct BackupTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func tableCount(_ lease: TestDatabase.Lease) async throws -> Int {
        try await lease.pool.withConnection { connection in
            try connection.query("""
                SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                """).first?.decode(Int.self, "n") ?? -1
        }
    }

    @Test func aBackupRestoresIntoAnEmptyDatabaseWithEveryRowAndFile() async throws {
        try await TestDatabase.withDatabase { (source) async throws in
            let world = try await UseCaseRoleTests.World.make(source.database)
            let report = try await ReportStore(database: world.database).submit(
                assignmentID: world.assignmentA, ReportSubmission(doneOn: try #require(CalendarDate(iso: "2019-03-20")), text: "Проведено"),
                files: [EvidenceUpload(fileName: "Программа семинара.pdf", content: EvidenceTests.pdf)], idempotencyKey: nil, actor: world.schoolA)
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("roadmap.dump")
            let store = BackupStore(database: source.database, conninfo: source.connectionString)

            // Only an administrator; the file is never overwritten.
            for actor in [world.coordinator, world.viewer, world.schoolA] {
                #expect(await UseCaseRoleTests.outcome { _ = try await store.backup(to: file, actor: actor) } == .forbidden)
            }
            let backup = try await store.backup(to: file, actor: world.admin)
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o640, "a backup holds everyone's data: owner and group only, whatever the umask")
            #expect(backup.sizeBytes > 0 && FileManager.default.fileExists(atPath: file.path))
            #expect(!FileManager.default.fileExists(atPath: file.path + ".partial"))
            #expect(backup.counts["public.evidence_files"] == 1 && backup.counts["public.reports"] == 1 && (backup.counts["public.events"] ?? 0) > 5)
            #expect(try await BackupLog(database: source.database).latest()?.file == file.path)
            await #expect(throws: UseCaseError.self, "a backup never overwrites a file") {
                _ = try await store.backup(to: file, actor: world.admin)
            }

            // Into an empty database: the same rows in every table, the same file's bytes.
            let target = try await TestDatabase.database(migrated: false)
            defer { Task { await target.drop() } }
            let restorer = BackupStore(database: target.database, conninfo: target.connectionString)
            #expect(await UseCaseRoleTests.outcome { _ = try await restorer.restore(from: file, actor: world.coordinator) } == .forbidden)
            let restored = try await restorer.restore(from: file, actor: .installation(commandLine: "test"))
            #expect(restored == backup.counts)
            let content = try await target.pool.withConnection { connection in
                try connection.query("SELECT content FROM evidence_files WHERE report_id = \(report.report.id)").first?.decode(Data.self, "content")
            }
            #expect(content == EvidenceTests.pdf)
            // The restored database serves: the summary reads the report.
            let summary = try await ExecutionSummaryStore(database: target.database).summary(
                orderID: world.orderID, asOf: world.today, scope: world.coordinator)
            #expect(summary.goals.flatMap(\.actions).flatMap(\.lines).contains { $0.reportText == "Проведено" })

            // A database in use is refused, and keeps what it had.
            await #expect(throws: UseCaseError.self) {
                _ = try await restorer.restore(from: file, actor: .installation(commandLine: "test"))
            }
            #expect(try await BackupStore.countRows(target.database) == backup.counts)
        }
    }

    @Test func aFileThatIsNoBackupIsRefusedAndNothingIsWritten() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = try await TestDatabase.database(migrated: false)
        defer { Task { await target.drop() } }
        let store = BackupStore(database: target.database, conninfo: target.connectionString)
        let garbage = folder.appendingPathComponent("not-a-backup.dump")
        try Data("PGDMP? no: a plan.docx renamed".utf8).write(to: garbage)
        await #expect(throws: (any Error).self) {
            _ = try await store.restore(from: garbage, actor: .installation(commandLine: "test"))
        }
        await #expect(throws: UseCaseError.self) {
            _ = try await store.restore(from: folder.appendingPathComponent("missing.dump"), actor: .installation(commandLine: "test"))
        }
        #expect(try await tableCount(target) == 0, "nothing written")
    }
}
