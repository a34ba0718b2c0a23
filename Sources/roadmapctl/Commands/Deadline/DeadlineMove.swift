import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl deadline move ASSIGNMENT --to DATE --reason TEXT`, or `--action ACTION` for all
/// the action's open assignments: the committee moves a deadline itself.
struct DeadlineMove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move a deadline, for one school's assignment or the whole action, with a reason.",
        discussion: """
            The day first planned is kept; the move is recorded in the assignment's history.
            Examples:
              roadmapctl deadline move ASSIGNMENT_ID --to 2019-05-31 --reason "Карантин в школе"
              roadmapctl deadline move --action ACTION_ID --to 2019-05-31 --reason "Перенос семинара"
            """)

    @Argument(help: "The assignment's id (or give --action).") var assignment: String?
    @Option(help: "Move every open assignment of this action instead.") var action: String?
    @Option(help: ArgumentHelp("The new due date.", valueName: "YYYY-MM-DD")) var to: String
    @Option(help: "Why the deadline moves.") var reason: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        switch (assignment, action) {
        case (let assignment?, nil): _ = try Reference.id(assignment, entity: "ASSIGNMENT")
        case (nil, let action?): _ = try Reference.id(action, entity: "--action")
        default: throw ValidationError("Give an assignment's id or --action, not both.")
        }
        _ = try Reference.date(to, option: "--to")
    }

    func run() async throws {
        let dueOn = try Reference.date(to, option: "--to")
        let moved = try await database.withDatabase { db in
            let store = DeadlineMoveStore(database: db)
            let principal = try await actor.principal(db)
            if let action {
                return try await store.move(actionID: try Reference.id(action, entity: "--action"), to: dueOn, reason: reason, actor: principal)
            }
            return [try await store.move(assignmentID: try Reference.id(assignment ?? "", entity: "ASSIGNMENT"), to: dueOn, reason: reason,
                                         ifVersion: nil, actor: principal)]
        }
        for record in moved {
            print("Assignment \(record.id.lowercased) (\(record.executorName)): due \(dueOn.russian), first planned \(record.originalDueOn?.russian ?? "—").")
        }
    }
}
