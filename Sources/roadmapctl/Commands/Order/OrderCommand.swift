import ArgumentParser

/// `roadmapctl order …`: orders and their plans.
struct OrderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order",
        abstract: "List orders, show an order's plan with its progress, withdraw or restore an order.",
        discussion: """
            ORDER is an id or NUMBER/YYYY-MM-DD, the way orders are cited.

            Examples:
              roadmapctl order list --year 2018
              roadmapctl order show 770/2018-06-25
              roadmapctl order withdraw 770/2018-06-25 --reason "Импортирован по ошибке"
              roadmapctl order restore 770/2018-06-25
            """,
        subcommands: [OrderList.self, OrderShow.self, OrderWithdraw.self, OrderRestore.self]
    )
}

