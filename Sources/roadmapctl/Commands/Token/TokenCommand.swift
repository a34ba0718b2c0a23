import ArgumentParser

/// `roadmapctl token …`: API tokens.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Issue, list and revoke API tokens.",
        discussion: """
            A token is shown once, when issued; only its hash is kept.

            Examples:
              TOKEN=$(roadmapctl token issue school5 --expires-in 90d | tail -n 1)
              curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/v1/me
              roadmapctl token revoke rm_AbC1234
            """,
        subcommands: [TokenIssue.self, TokenList.self, TokenRevoke.self]
    )
}
