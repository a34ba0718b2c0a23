/// The shapes a plan table takes in the copies committees keep, and a table's rows written
/// in each: used to read one plan in many layouts (`LayoutVariationTests`) and each real
/// plan of the corpus again in every shape (`CorpusShapesTests`).
enum TableShape: String, CaseIterable {
    case tabs, pipes, pipesWithoutOuter, cellPerLineWithSeparators, cellPerLineEndedByPipe, csv, flattened
    /// A PDF's narrow columns: each cell wrapped over short lines, a blank line between cells.
    case wrapped

    var fileName: String { self == .csv ? "plan.csv" : self == .tabs ? "plan.tsv" : "plan.txt" }

    /// `rows` (cell texts) under the line `title`, written in this shape.
    func render(_ rows: [[String]], title: String) -> String {
        let heading = title + "\n"
        switch self {
        case .tabs: return heading + rows.map { $0.joined(separator: "\t") }.joined(separator: "\n")
        case .pipes: return heading + rows.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n")
        case .pipesWithoutOuter: return heading + rows.map { $0.joined(separator: " | ") }.joined(separator: "\n")
        case .cellPerLineWithSeparators:
            return heading + rows.map { $0.filter { !$0.isEmpty }.joined(separator: "\n|\n") }.joined(separator: "\n|\n")
        case .cellPerLineEndedByPipe:
            return heading + rows.map { $0.filter { !$0.isEmpty }.map { $0 + " |" }.joined(separator: "\n") }.joined(separator: "\n")
        case .flattened:
            // Borders lost: a row is its cells one after another on one line.
            return heading + rows.map { $0.filter { !$0.isEmpty }.joined(separator: " ") }.joined(separator: "\n")
        case .csv:
            return "\"\(title)\"\n" + rows.map { $0.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ";") }
                .joined(separator: "\n")
        case .wrapped:
            return heading + "\n" + rows.map { row in
                row.filter { !$0.isEmpty }.map { Self.wrapped($0).joined(separator: "\n") }.joined(separator: "\n\n")
            }.joined(separator: "\n\n")
        }
    }

    /// `text` broken into lines of at most `width` characters at spaces, as a narrow column of a PDF.
    static func wrapped(_ text: String, width: Int = 24) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
