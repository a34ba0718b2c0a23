import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl order show ORDER`: the plan as a tree.
struct OrderShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an order's plan as a tree: goals, tasks, actions with deadline, executors and progress.",
        discussion: "Example:\n  roadmapctl order show 770/2018-06-25 --as-of 2019-04-01"
    )

    @Argument(help: "The order: NUMBER/YYYY-MM-DD, its number alone when no other order has it, or its id.")
    var order: String

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Judge overdue on this day (default today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    struct Node: Encodable {
        let kind: String
        /// The action's id, for `assign`, `status` and the API.
        var id: String?
        /// The section heading the action stands under.
        var section: String?
        let number: String
        let title: String
        let deadline: String?
        let period: String?
        let executors: [String]?
        let total: Int
        let done: Int
        let overdue: Int
        let children: [Node]
    }

    func validate() throws {
        if let asOf { _ = try Reference.date(asOf, option: "--as-of") }
        if format == .csv { throw ValidationError("--format takes table or json (for a spreadsheet use `roadmapctl export`)") }
    }

    func run() async throws {
        let day = try asOf.map { try Reference.date($0, option: "--as-of") } ?? CommitteeClock().today()
        let (record, tree) = try await database.withDatabase { db in
            let scope = try await actor.principal(db)
            let record = try await OrderStore(database: db).find(order, asOf: day, scope: scope)
            return (record, try await PlanStore(database: db).tree(orderID: record.id, asOf: day, scope: scope, executorLimit: nil))
        }
        let root = Self.node(record, tree)
        switch format {
        case .json: print(try Output.json(root))
        case .table, .csv: print(Self.render(root, depth: 0).joined(separator: "\n"))
        }
    }

    static func node(_ record: OrderRecord, _ tree: PlanTreeRecord) -> Node {
        func counts(_ rollup: Rollup) -> (Int, Int, Int) { (rollup.total, rollup.count(.done), rollup.overdue) }
        let goals = tree.plans.flatMap(\.goals).enumerated().map { index, goal in
            let tasks = goal.tasks.map { task in
                Node(kind: "task", number: "\(index + 1).\(task.position)", title: task.title, deadline: nil, period: nil, executors: nil,
                     total: task.rollup.total, done: task.rollup.count(.done), overdue: task.rollup.overdue, children: [])
            }
            let actions = goal.actions.map { action in
                Node(kind: "action", id: action.id.lowercased, section: action.section,
                     number: "\(index + 1).\(action.position)",
                     title: action.title, deadline: action.deadlineText,
                     period: action.deadlinePeriod.map { "\($0.first.russian)–\($0.last.russian)" } ?? (action.deadlineParsed ? "без срока" : "не распознан"),
                     executors: action.executors.map(\.name),
                     total: action.rollup.total, done: action.rollup.count(.done), overdue: action.rollup.overdue, children: [])
            }
            let (total, done, overdue) = counts(goal.rollup)
            return Node(kind: "goal", number: "\(index + 1)", title: goal.title, deadline: nil, period: nil, executors: nil,
                        total: total, done: done, overdue: overdue, children: tasks + actions)
        }
        let (total, done, overdue) = counts(record.rollup)
        return Node(kind: "order", number: record.number, title: "Приказ № \(record.number) от \(record.date.russian) — \(record.issuerName)",
                    deadline: nil, period: nil, executors: nil, total: total, done: done, overdue: overdue, children: goals)
    }

    /// A list of names short enough to read: all of a few, the first of many and a count.
    static func summary(_ names: [String], shown: Int = 5) -> String {
        guard names.count > shown + 2 else { return names.joined(separator: "; ") }
        let rest = names.count - shown
        let institutions = RussianPlural.form(names.count, one: "учреждение", few: "учреждения", many: "учреждений")
        return "\(names.count) \(institutions): \(names.prefix(shown).joined(separator: "; ")) и ещё \(rest)"
    }

    static func render(_ node: Node, depth: Int) -> [String] {
        let indent = String(repeating: "  ", count: depth)
        let progress = Progress.text(done: node.done, total: node.total, overdue: node.overdue)
        var lines: [String]
        switch node.kind {
        case "order":
            lines = ["\(node.title)  [\(node.overdue > 0 ? Terminal.red(progress) : progress)]"]
        case "task":
            lines = ["\(indent)Задача \(node.number). \(node.title)"]
        case "action":
            lines = ["\(indent)\(node.number). \(node.title)  [\(node.overdue > 0 ? Terminal.red(progress) : progress)]",
                     "\(indent)    id: \(node.id ?? "")",
                     "\(indent)    срок: \(node.deadline ?? "") (\(node.period ?? ""))",
                     "\(indent)    исполнители: \(Self.summary(node.executors ?? []))"]
        default:
            lines = ["\(indent)Цель \(node.number). \(node.title)  [\(progress)]"]
        }
        var section: String?
        var childLines: [String] = []
        for child in node.children {
            if child.kind == "action", let heading = child.section, heading != section {
                childLines.append("\(String(repeating: "  ", count: depth + 1))Раздел: \(heading)")
            }
            if child.kind == "action" { section = child.section }
            childLines += render(child, depth: depth + 1)
        }
        return lines + childLines
    }
}
