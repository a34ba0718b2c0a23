import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// `roadmapctl workdays …`: the production calendar (производственный календарь) reminders count.
struct WorkdaysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workdays",
        abstract: "Show and edit the production calendar: days off and transferred working days.",
        discussion: """
            In a loaded year Monday to Friday are worked and weekends are off, except the days listed. 2026 ships
            with the service. A calendar file has one day a line: YYYY-MM-DD;off|work;note.
            Examples:
              roadmapctl workdays show
              roadmapctl workdays load ru-2027.txt --source "Постановление Правительства РФ № …"
              roadmapctl workdays set 2026-12-30 off --note "Решение главы администрации"
            """,
        subcommands: [WorkdaysShow.self, WorkdaysLoad.self, WorkdaysSet.self]
    )
}

struct WorkdaysShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "List the loaded years and their exceptional days.")

    @Option(help: "Only this year.") var year: Int?
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var database: DatabaseOptions

    struct Row: Encodable {
        let day: String
        let kind: String
        let note: String
    }

    func run() async throws {
        let years = try await database.withDatabase { db in try await WorkingCalendarStore(database: db).years() }
        let shown = years.filter { year == nil || $0.year == year }
        let rows = shown.flatMap { year in
            year.days.map { Row(day: $0.day.iso, kind: $0.worked ? "work" : "off", note: $0.note ?? "") }
        }
        try Output.list(rows, format: format, columns: ["day", "kind", "note"]) { [$0.day, $0.kind, $0.note] }
        if format == .table {
            let summary = shown.map { "\($0.year): \($0.source)" }.joined(separator: "\n")
            FileHandle.standardError.write(Data((summary.isEmpty ? "No year is loaded." : summary).utf8 + Data("\n".utf8)))
        }
    }
}

struct WorkdaysLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "Load the years a calendar file lists, replacing them.")

    @Argument(help: "The file: YYYY-MM-DD;off|work;note a line.") var file: String
    @Option(help: "Where the calendar comes from (the government's decree).") var source: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("\(file) cannot be read as UTF-8 text") }
        let years = try await database.withDatabase { db in
            try await WorkingCalendarStore(database: db).load(text, source: source ?? (file as NSString).lastPathComponent, actor: try await actor.principal(db))
        }
        print("loaded \(years.map(String.init).joined(separator: ", "))")
    }
}

struct WorkdaysSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Make one day off, a working day, or as its weekday says.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case off, work, weekday
    }

    @Argument(help: ArgumentHelp("The day.", valueName: "YYYY-MM-DD")) var day: String
    @Argument(help: "off, work, or weekday (Monday–Friday worked).") var kind: Kind
    @Option(help: "Why (a holiday's name, a decree).") var note: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let date = try Reference.date(day, option: "day")
        try await database.withDatabase { db in
            try await WorkingCalendarStore(database: db).setDay(
                date, worked: kind == .weekday ? nil : kind == .work, note: note, actor: try await actor.principal(db))
        }
        print("\(date.russian): \(kind == .off ? "выходной" : kind == .work ? "рабочий" : "по дню недели")")
    }
}
