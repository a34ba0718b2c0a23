import ArgumentParser

/// `roadmapctl deadline`: how the service reads Russian deadline text.
struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Read Russian deadline text («Сентябрь 2018 – апрель 2019», «ежеквартально»); move a deadline.",
        discussion: """
            Example:
              roadmapctl deadline parse "Сентябрь" --academic-year 2022 --format json
              roadmapctl deadline move ASSIGNMENT_ID --to 2019-05-31 --reason "Карантин"
            """,
        subcommands: [DeadlineParse.self, DeadlineMove.self]
    )
}
