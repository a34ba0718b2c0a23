import Foundation
import RoadmapDomain

/// The import's one way in: reads an uploaded or given file into a `SourceDocument` by its
/// extension (.docx, .xlsx, .csv, .tsv, .txt; .doc, .rtf, .odt, .xls and .ods through
/// LibreOffice's converter), under `ReadLimits`, and refuses anything else with an error
/// that names the file.
public enum DocumentReader {
    /// The extensions read, in the words of an error message.
    public static let supportedExtensions = ["docx", "xlsx", "csv", "tsv", "txt", "doc", "rtf", "odt", "xls", "ods"]

    public static func read(
        data: Data, fileName: String, limits: ReadLimits = .standard, converter: OfficeConverter = OfficeConverter()
    ) throws(DocumentReadError) -> SourceDocument {
        guard data.count <= limits.maxFileSize else {
            throw .tooLarge(file: fileName, limit: ReadLimits.describe(bytes: limits.maxFileSize))
        }
        let baseName = fileName.split(separator: "/").last ?? Substring(fileName)
        let pathExtension = baseName.lastIndex(of: ".").map { baseName[baseName.index(after: $0)...].lowercased() } ?? ""
        switch pathExtension {
        case "docx": return try DocxReader.read(data: data, name: fileName, limits: limits)
        case "xlsx": return try XlsxReader.read(data: data, name: fileName, limits: limits)
        case "csv": return try CSVReader.read(data: data, name: fileName, limits: limits)
        // Tab-separated values are text with tab tables, which the text reader reads.
        case "txt", "tsv": return try TextDocumentReader.read(data: data, name: fileName, limits: limits)
        case "doc", "rtf", "odt", "xls", "ods":
            let converted = try converter.convert(data, fileName: fileName, pathExtension: pathExtension)
            if OfficeConverter.targets[pathExtension] == "xlsx" {
                return try XlsxReader.read(data: converted, name: fileName, limits: limits)
            }
            return try DocxReader.read(data: converted, name: fileName, limits: limits)
        default:
            let shown = pathExtension.isEmpty ? "a file without an extension" : "a .\(pathExtension) file"
            throw .unsupportedFormat(
                file: fileName,
                reason: "\(shown) cannot be imported; use .docx, .xlsx, .doc, .xls, .odt, .ods, .rtf, .csv, .tsv or .txt")
        }
    }
}
