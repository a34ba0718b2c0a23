import Foundation

/// A table a web page laid out for a narrow screen: each cell preceded by its column's heading,
/// row after row — «Наименование мероприятия» / «Пополнение музея экспонатами» / «Сроки, место
/// проведения» / «в течение года» / «Ответственный» / «Альмухаметова З. К.», then «Наименование
/// мероприятия» again for the next row. The headings of the first row are the header; each
/// return of the first heading starts a row; the lines after a heading, up to the next one,
/// are its cell.
enum LabelledCellTable {
    /// The table rebuilt from `paragraphs` and the paragraph its first heading stands in; nil
    /// when the text is no such table (a heading that never comes back, or one with no text
    /// after it in the first row).
    static func rebuild(_ paragraphs: [(text: String, location: SourceLocation)]) -> (table: SourceTable, headerStart: Int)? {
        var lines: [(text: String, location: SourceLocation, paragraph: Int)] = []
        for (index, paragraph) in paragraphs.enumerated() {
            for line in paragraph.text.split(separator: "\n") {
                let text = line.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { lines.append((text, paragraph.location, index)) }
            }
        }
        func label(_ text: String) -> String? {
            guard !RussianText.isLonger(text, than: 60), PlanColumn(header: text) != nil else { return nil }
            return RussianText.folded(RussianText.collapsingWhitespace(text))
        }
        let labels = lines.map { label($0.text) }
        for start in lines.indices {
            guard let first = labels[start], [.action, .number].contains(PlanColumn(header: lines[start].text)),
                  let again = labels.indices.dropFirst(start + 1).first(where: { labels[$0] == first }) else { continue }
            // The first row: headings each followed by its text, naming a deadline or executors.
            let cycle = Array(start..<again)
            let headings = cycle.filter { labels[$0] != nil }
            let kinds = headings.compactMap { PlanColumn(header: lines[$0].text) }
            guard headings.count >= 3, Set(headings.compactMap { labels[$0] }).count == headings.count,
                  kinds.contains(.deadline) || kinds.contains(.executor),
                  headings.allSatisfy({ $0 + 1 < again && labels[$0 + 1] == nil }) else { continue }
            let order = headings.compactMap { labels[$0] }
            var rows: [[String]] = []
            var column: Int?
            for index in lines.indices.dropFirst(start) {
                if let heading = labels[index], let at = order.firstIndex(of: heading) {
                    if at == 0 { rows.append(Array(repeating: "", count: order.count)) }
                    column = at
                } else if let column, !rows.isEmpty {
                    let cell = rows[rows.count - 1][column]
                    rows[rows.count - 1][column] = cell.isEmpty ? lines[index].text : cell + "\n" + lines[index].text
                }
            }
            return (SourceTable(header: headings.map { lines[$0].text }, body: rows, at: lines[start].location), lines[start].paragraph)
        }
        return nil
    }
}
