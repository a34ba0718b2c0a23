import ArgumentParser
import Foundation
import RoadmapStore

/// `roadmapctl org import FILE.csv`: organisations in bulk, all or nothing.
struct OrgImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add organisations from a CSV file (name;kind;short_name;aliases), in one transaction.",
        discussion: """
            The first row names the columns: name and kind are required, short_name and aliases
            (several separated by |) are optional. UTF-8 or Windows-1251, ; or , separated.
            Organisations that already exist (by normalised name) get the new aliases.

            Example:
              roadmapctl org import schools.csv --dry-run
            """
    )

    @Argument(help: "The CSV file.")
    var file: String

    @Flag(name: .customLong("dry-run"), help: "Check the file and show what would change; write nothing.")
    var dryRun = false

    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let table = try CSVFile.table(file)
        guard let header = table.rows.first else { throw CommandError("\(file): no rows") }
        let names = header.map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let nameColumn = names.firstIndex(of: "name"), let kindColumn = names.firstIndex(of: "kind") else {
            throw CommandError("\(file): the first row must name the columns name and kind (found: \(names.joined(separator: ", ")))")
        }
        let shortColumn = names.firstIndex(of: "short_name")
        let aliasColumn = names.firstIndex(of: "aliases")
        var changes: [(line: Int, change: OrganizationChange)] = []
        for (index, row) in table.rows.enumerated().dropFirst() {
            func cell(_ column: Int?) -> String? {
                guard let column, column < row.count else { return nil }
                let text = row[column].text.trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            guard cell(nameColumn) != nil || cell(kindColumn) != nil else { continue }
            let aliases = cell(aliasColumn)?.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            changes.append((index + 1, OrganizationChange(name: cell(nameColumn), kind: cell(kindColumn), shortName: cell(shortColumn), aliases: aliases)))
        }
        let outcome = try await database.withDatabase { db in
            try await OrganizationStore(database: db).importOrganizations(changes, dryRun: dryRun, actor: try await actor.principal(db))
        }
        print("\(dryRun ? "Dry run: would add" : "Added") \(outcome.created) organisation(s), \(dryRun ? "would update" : "updated") \(outcome.updated).")
    }
}
