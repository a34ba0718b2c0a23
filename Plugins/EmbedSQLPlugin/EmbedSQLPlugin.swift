import Foundation
import PackagePlugin

/// Embeds the package's `sql/` migrations, `sql/demo/` scripts and the `demo/` documents
/// into the target as Swift string literals, so a deployed `roadmapctl` carries the exact
/// schema it was built with and its demo data set.
@main
struct EmbedSQLPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // The HTTP target carries its OpenAPI document, served at /openapi.yaml.
        if let source = target as? SourceModuleTarget,
           let document = source.sourceFiles.first(where: { $0.url.lastPathComponent == "openapi.yaml" }) {
            let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedOpenAPI.swift")
            // The web pages' templates and stylesheet travel in the binary too.
            let assets = source.sourceFiles.map(\.url).filter { ["mustache", "css"].contains($0.pathExtension) }
                .sorted { $0.path() < $1.path() }
            let assetsOutput = context.pluginWorkDirectoryURL.appending(path: "EmbeddedAssets.swift")
            return [
                .buildCommand(
                    displayName: "Embedding openapi.yaml",
                    executable: try context.tool(named: "EmbedSQL").url,
                    arguments: ["--document", "EmbeddedOpenAPI", document.url.path(), output.path()],
                    inputFiles: [document.url],
                    outputFiles: [output]
                ),
                .buildCommand(
                    displayName: "Embedding \(assets.count) web assets",
                    executable: try context.tool(named: "EmbedSQL").url,
                    arguments: ["--assets", "EmbeddedAssets", assetsOutput.path()] + assets.map { $0.path() },
                    inputFiles: assets,
                    outputFiles: [assetsOutput]
                ),
            ]
        }
        let sqlDirectory = context.package.directoryURL.appending(path: "sql")
        let demoDirectory = context.package.directoryURL.appending(path: "demo")
        let inputs = try Self.sqlFiles(in: sqlDirectory) + Self.files(in: demoDirectory, ending: ".txt")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSQL.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) SQL files",
                executable: try context.tool(named: "EmbedSQL").url,
                arguments: [sqlDirectory.path(), demoDirectory.path(), output.path()],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    static func sqlFiles(in directory: URL) throws -> [URL] {
        files(in: directory, ending: ".sql") + files(in: directory.appending(path: "demo"), ending: ".sql")
    }

    static func files(in folder: URL, ending: String) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path()) else { return [] }
        return names.filter { $0.hasSuffix(ending) }.sorted().map { folder.appending(path: $0) }
    }
}
