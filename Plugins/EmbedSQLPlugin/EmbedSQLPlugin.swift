import Foundation
import PackagePlugin

/// Embeds the package's `sql/` migrations (and `sql/demo/`) into the target as Swift
/// string literals, so a deployed `roadmapctl` carries the exact schema it was built with.
@main
struct EmbedSQLPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let sqlDirectory = context.package.directoryURL.appending(path: "sql")
        let inputs = try Self.sqlFiles(in: sqlDirectory)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSQL.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) SQL files",
                executable: try context.tool(named: "EmbedSQL").url,
                arguments: [sqlDirectory.path(), output.path()],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    static func sqlFiles(in directory: URL) throws -> [URL] {
        let manager = FileManager.default
        var files: [URL] = []
        for folder in [directory, directory.appending(path: "demo")] {
            guard let names = try? manager.contentsOfDirectory(atPath: folder.path()) else { continue }
            files += names.filter { $0.hasSuffix(".sql") }.sorted().map { folder.appending(path: $0) }
        }
        return files
    }
}
