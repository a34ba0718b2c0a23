import ArgumentParser

/// `roadmapctl plan …`: plans as a whole, e.g. one imported with no order.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "List plans imported without an order or withdrawn; withdraw or restore one.",
        discussion: """
            PLAN is a plan's id: `roadmapctl import` prints it, `plan list` shows it.

            Examples:
              roadmapctl plan list
              roadmapctl plan withdraw PLAN_ID --reason "Загружен наш собственный отчёт"
              roadmapctl plan restore PLAN_ID
            """,
        subcommands: [PlanList.self, PlanWithdraw.self, PlanRestore.self]
    )
}
