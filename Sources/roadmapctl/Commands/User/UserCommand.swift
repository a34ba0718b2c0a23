import ArgumentParser

/// `roadmapctl user …`: the people who sign in.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list and disable users.",
        discussion: """
            Examples:
              roadmapctl user add ivanova --role coordinator
              roadmapctl user add school5 --role executor --organization 6f1c…
              roadmapctl user list --format json
              roadmapctl user disable school5
              roadmapctl user passwd school5 --password-stdin < password.txt
            """,
        subcommands: [UserAdd.self, UserEdit.self, UserImportCommand.self, UserList.self, UserDisable.self, UserUnlock.self, UserPasswd.self]
    )
}
