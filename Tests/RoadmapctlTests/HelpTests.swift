import Foundation
import Testing

@Suite("roadmapctl --help and completion")
struct HelpTests {
    let runner = RoadmapctlRunner()

    static let commands = [
        "serve", "migrate", "db start", "db stop", "db status", "db url", "deadline parse", "deadline move", "import",
        "user add", "user import", "user list", "user disable", "user unlock", "user passwd", "token issue", "token list", "token revoke",
        "analyst grant", "analyst list", "analyst revoke", "org add", "org list", "org show", "org alias", "org merge", "org import",
        "order list", "order show", "status", "assign", "report submit", "report accept", "report return",
        "extend request", "extend approve", "extend reject", "history", "export",
    ]

    @Test(arguments: commands)
    func everyCommandShowsAnExample(command: String) throws {
        let help = try runner.run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Example"), "\(command) --help has no example")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsAreGenerated(shell: String) throws {
        let script = try runner.run(["--generate-completion-script", shell])
        #expect(script.status == 0)
        #expect(script.stdout.contains("roadmapctl"))
        #expect(script.stdout.contains("analyst") && script.stdout.contains("export"))
    }
}
