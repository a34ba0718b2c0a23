import Foundation
import Testing

/// The adapters (HTTP, pages, CLI) reach the database only through the use cases: no file
/// of theirs imports the driver or names one of its types.
@Suite("Architecture: adapters never see the driver")
struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let driverNames = [
        "import RoadmapPostgres", "import CPostgres", "PostgresPool", "PostgresConnection", "PostgresError",
        "PostgresConfiguration", "PostgresResult", "PostgresRow", "Migrator", "EmbeddedCluster", "SQLState", "SystemCommand",
    ]

    @Test(arguments: ["Sources/RoadmapAPI", "Sources/roadmapctl"])
    func noAdapterFileNamesADriverType(folder: String) throws {
        let directory = Self.root.appendingPathComponent(folder)
        let files = try #require(FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 10, "the folder was found")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for name in Self.driverNames {
                #expect(!text.contains(name), "\(file.lastPathComponent) names \(name)")
            }
        }
    }
}
