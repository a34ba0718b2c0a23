import ArgumentParser
import Foundation
import RoadmapDomain

/// `roadmapctl deadline parse TEXT`: parses one deadline and prints its kind, period,
/// recurrence and occurrences. Exits 0 when parsed, 1 when the text is unparsed or needs
/// context it was not given, 2 on bad arguments.
struct DeadlineParse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a deadline (exit 1 when it cannot be read).",
        discussion: """
            A month without a year takes it from --year, --academic-year (2022 means 2022–2023:
            September–December 2022, January–August 2023) or --period; give at most one.

            Examples:
              roadmapctl deadline parse "Сентябрь 2018 – апрель 2019"
              roadmapctl deadline parse "ежеквартально" --year 2019 --format json
              roadmapctl deadline parse "Март" --period 2022-09-01..2023-05-31
            """
    )

    @Argument(help: "The deadline text, as written in the document.")
    var text: String

    @Option(help: ArgumentHelp("Calendar year for text without one.", valueName: "YYYY"))
    var year: Int?

    @Option(help: ArgumentHelp("Academic year starting in YYYY (1 September – 31 August).", valueName: "YYYY"))
    var academicYear: Int?

    @Option(help: ArgumentHelp("The plan's period.", valueName: "YYYY-MM-DD..YYYY-MM-DD"))
    var period: String?

    @Option(help: "Output format: table (a short summary) or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if [year != nil, academicYear != nil, period != nil].filter({ $0 }).count > 1 {
            throw ValidationError("Give at most one of --year, --academic-year and --period.")
        }
        if format == .csv {
            throw ValidationError("deadline parse prints table or json, not csv.")
        }
        _ = try context()
    }

    /// The context the options describe; bad values are usage errors.
    func context() throws -> DeadlineContext {
        do {
            return try DeadlineContext(year: year, academicYear: academicYear, period: period)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let deadline: Deadline
        do {
            deadline = try DeadlineParser().parse(text, in: try context())
        } catch let error as DeadlineError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        let summary = DeadlineSummary(deadline)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        case .table, .csv:
            print(summary.humanReadable)
        }
        if !deadline.isParsed { throw ExitCode(1) }
    }
}
