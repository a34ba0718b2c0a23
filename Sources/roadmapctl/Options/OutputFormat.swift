import ArgumentParser

/// How a command prints its result: a table for people, JSON for programs, CSV for spreadsheets.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table
    case json
    case csv
}
