import ArgumentParser

/// `roadmapctl deadline`: how the service reads Russian deadline text.
struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Read Russian deadline text («Сентябрь 2018 – апрель 2019», «ежеквартально»).",
        discussion: """
            Example:
              roadmapctl deadline parse "Сентябрь" --academic-year 2022 --format json
            """,
        subcommands: [DeadlineParse.self]
    )
}
