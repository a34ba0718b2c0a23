import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl extend request|approve|reject`.
struct ExtendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Request, approve or reject a later due date.",
        discussion: """
            Examples:
              roadmapctl extend request ASSIGNMENT_ID --to 2019-05-31 --reason "Лектор заболел" --as school5
              roadmapctl extend approve EXTENSION_ID --as coordinator
            """,
        subcommands: [ExtendRequest.self, ExtendApprove.self, ExtendReject.self]
    )
}

