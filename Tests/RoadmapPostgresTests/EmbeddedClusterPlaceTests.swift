import Foundation
import RoadmapPostgres
import Testing

/// The embedded cluster refuses a folder the postgres system user cannot reach, and leaves
/// nothing behind (#18: `roadmapctl backup` typed as root in /root/deploy left a stray,
/// postgres-owned `.roadmap` there).
@Suite("Where the embedded cluster may live")
struct EmbeddedClusterPlaceTests {
    @Test(.enabled(if: geteuid() == 0, "only root hands the folder to the postgres user"))
    func aFolderThePostgresUserCannotEnterIsRefusedAndNotLeftBehind() throws {
        let closed = URL(fileURLWithPath: "/tmp/roadmap-closed-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: closed, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: closed) }
        let place = closed.appendingPathComponent(".roadmap")
        let cluster = EmbeddedCluster(directory: place, forTesting: true)
        #expect {
            _ = try cluster.start()
        } throws: { error in
            String(describing: error).contains("cannot enter")
        }
        #expect(!FileManager.default.fileExists(atPath: place.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: closed.path).isEmpty)
    }
}
