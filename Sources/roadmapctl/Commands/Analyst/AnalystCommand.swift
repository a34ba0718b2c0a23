import ArgumentParser

/// `roadmapctl analyst …`: read-only SQL logins for the `analytics` views.
struct AnalystCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyst",
        abstract: "Grant, list and revoke read-only SQL logins for analysts.",
        discussion: """
            Analysts read the documented views of the schema `analytics` (docs/analytics.md)
            and nothing else. The database user needs CREATEROLE.

            Examples:
              psql "$(roadmapctl analyst grant petrova | tail -n 1)"
              roadmapctl analyst list
              roadmapctl analyst revoke petrova
            """,
        subcommands: [AnalystGrant.self, AnalystList.self, AnalystRevoke.self]
    )
}
