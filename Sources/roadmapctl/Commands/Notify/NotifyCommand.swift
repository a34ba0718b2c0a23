import ArgumentParser

/// `roadmapctl notify …`: the control loop's outbox.
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Queue the day's reminders to schools; see what waits in the outbox.",
        discussion: """
            Examples:
              roadmapctl notify run --as-of 2019-03-24 --dry-run
              roadmapctl notify status
            """,
        subcommands: [NotifyRun.self, NotifySend.self, NotifyStatus.self, NotifySettings.self]
    )
}
