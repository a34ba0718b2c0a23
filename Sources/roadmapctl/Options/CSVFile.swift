import Foundation
import RoadmapDomain
import RoadmapImport

/// A CSV file a command reads as one table (UTF-8 or Windows-1251, ; or , separated).
enum CSVFile {
    static func table(_ path: String) throws -> SourceTable {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw CommandError("cannot read \(path): \(error.localizedDescription)") }
        let name = url.lastPathComponent.hasSuffix(".csv") ? url.lastPathComponent : url.lastPathComponent + ".csv"
        guard let table = try DocumentReader.read(data: data, fileName: name).tables.first, !table.rows.isEmpty else {
            throw CommandError("\(path): no rows")
        }
        return table
    }
}
