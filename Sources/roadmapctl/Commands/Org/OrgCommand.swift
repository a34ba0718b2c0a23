import ArgumentParser

/// `roadmapctl org …`: the organisations plans name.
struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Add, list, show, alias and import organisations.",
        discussion: """
            Examples:
              roadmapctl org add "МБОУ «СОШ № 22»" --kind school --short-name "СОШ № 22" --alias "Школа № 22"
              roadmapctl org list --kind school --format csv
              roadmapctl org show "сош 22"
              roadmapctl org alias "СОШ № 22" "школа 22"
              roadmapctl org import schools.csv
            """,
        subcommands: [OrgAdd.self, OrgList.self, OrgShow.self, OrgAlias.self, OrgMerge.self, OrgImport.self]
    )
}
