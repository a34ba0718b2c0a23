import ArgumentParser

/// `roadmapctl order …`: orders and their plans.
struct OrderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order",
        abstract: "List orders and show an order's plan with its progress.",
        discussion: """
            ORDER is an id or NUMBER/YYYY-MM-DD, the way orders are cited.

            Examples:
              roadmapctl order list --year 2018
              roadmapctl order show 770/2018-06-25
            """,
        subcommands: [OrderList.self, OrderShow.self]
    )
}

