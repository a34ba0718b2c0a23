import ArgumentParser
import Foundation
import RoadmapStore

/// `roadmapctl calendar issue`: a private iCalendar feed of deadlines, for a user (`--as`) or
/// an organisation (`--organization`). The address is printed once; issuing again replaces it.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Issue a private calendar feed of deadlines (for Outlook, Thunderbird, Yandex or Google Calendar).",
        discussion: """
            The address is shown once; issuing again stops the previous one.
            Examples:
              roadmapctl calendar issue --organization "СОШ № 5" --public-url https://roadmap.example
              roadmapctl calendar issue --as school5 --public-url https://roadmap.example
            """,
        subcommands: [CalendarIssue.self]
    )
}

struct CalendarIssue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "issue", abstract: "Issue a feed and print its address once.")

    @Option(help: "The organisation whose deadlines the feed holds (its name or id); without it, the acting user's.")
    var organization: String?
    @Option(name: .customLong("public-url"), help: ArgumentHelp("The service's address.", valueName: "URL")) var publicURL: String = "http://localhost:8080"
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let issued = try await database.withDatabase { db in
            let principal = try await actor.principal(db)
            if let organization {
                let found = try await OrganizationStore(database: db).resolve(organization, scope: principal)
                return try await CalendarFeedStore(database: db).issue(organizationID: found.id, actor: principal)
            }
            return try await CalendarFeedStore(database: db).issueOwn(actor: principal)
        }
        let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        print("\(base)/calendar/\(issued.secret).ics")
    }
}
