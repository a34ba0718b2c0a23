import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl report submit|accept|return`: the same rules and history as the API.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Submit, accept or return reports on assignments.",
        discussion: """
            Examples:
              roadmapctl report submit ASSIGNMENT_ID --done-on 2019-03-20 --text "Семинар проведён" --evidence https://school5.example/news/1 --as school5
              roadmapctl report return REPORT_ID --comment "Приложите программу" --as coordinator
              roadmapctl report accept REPORT_ID
            """,
        subcommands: [ReportSubmit.self, ReportAccept.self, ReportReturn.self]
    )
}

