import Foundation
import RoadmapDomain
import Testing

@Suite("Backup retention")
struct BackupRetentionTests {
    @Test func aBackupIsNamedByItsMomentInUTC() {
        #expect(BackupRetention.fileName(at: Date(timeIntervalSince1970: 1_554_152_400)) == "roadmap-20190401-210000Z.dump")
        #expect(BackupRetention.isBackup("roadmap-20190401-210000Z.dump"))
        for other in ["roadmap-2019-04-01.dump", "notes.txt", "roadmap-20190401-210000Z.dump.partial", "roadmap-2019040x-210000Z.dump"] {
            #expect(!BackupRetention.isBackup(other), "\(other)")
        }
    }

    @Test func theNewestAreKeptAndOtherFilesNeverTouched() {
        let names = ["roadmap-20261128-020000Z.dump", "roadmap-20261130-020000Z.dump", "README.txt",
                     "roadmap-20261129-020000Z.dump", "roadmap-20261127-020000Z.dump.partial"]
        #expect(BackupRetention.toDelete(names, keep: 2) == ["roadmap-20261128-020000Z.dump"])
        #expect(BackupRetention.toDelete(names, keep: 5).isEmpty)
        #expect(BackupRetention.toDelete(names, keep: 0) == ["roadmap-20261129-020000Z.dump", "roadmap-20261128-020000Z.dump"],
                "the newest is always kept")
    }
}
