import Foundation

/// Printing results the way `--format` asks: aligned tables for people (Cyrillic counts
/// as one column a letter), JSON for scripts (stable, sorted keys), CSV for spreadsheets.
enum Output {
    static func json(_ value: some Encodable, snakeCase: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// One object: JSON, or the sentence `table` makes.
    static func print(_ value: some Encodable, format: OutputFormat, table: () -> String) throws {
        switch format {
        case .json: Swift.print(try json(value))
        case .table, .csv: Swift.print(table())
        }
    }

    /// A list: JSON array of the items, CSV with a header, or an aligned table.
    static func list<Item: Encodable>(_ items: [Item], format: OutputFormat, columns: [String], row: (Item) -> [String]) throws {
        switch format {
        case .json:
            Swift.print(try json(items))
        case .csv:
            Swift.print(csv([columns] + items.map(row)), terminator: "")
        case .table:
            Swift.print(table([columns] + items.map(row)), terminator: "")
        }
    }

    static func table(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func csv(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { cell in
                cell.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }
}
