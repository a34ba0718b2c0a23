import Foundation
import RoadmapDomain

/// The import's one way in: reads an uploaded or given file into a `SourceDocument` by its
/// extension (.docx, .xlsx, .csv, .tsv, .txt; .pdf through poppler's `pdftotext`; .doc, .rtf,
/// .odt, .xls and .ods through LibreOffice's converter), under `ReadLimits`, and refuses anything else with an error
/// that names the file.
public enum DocumentReader {
    /// The extensions read, in the words of an error message.
    public static let supportedExtensions = ["docx", "xlsx", "pdf", "csv", "tsv", "txt", "doc", "rtf", "odt", "xls", "ods", "docm", "xlsm"]

    public static func read(
        data: Data, fileName: String, limits: ReadLimits = .standard, converter: OfficeConverter = OfficeConverter()
    ) throws(DocumentReadError) -> SourceDocument {
        guard data.count <= limits.maxFileSize else {
            throw .tooLarge(file: fileName, limit: ReadLimits.describe(bytes: limits.maxFileSize))
        }
        let baseName = fileName.split(separator: "/").last ?? Substring(fileName)
        let pathExtension = baseName.lastIndex(of: ".").map { baseName[baseName.index(after: $0)...].lowercased() } ?? ""
        // Word and Excel keep a password-protected .docx or .xlsx in an OLE compound file with
        // the encrypted package inside; an unprotected OLE file so named is an old .doc or .xls.
        if pathExtension == "docx" || pathExtension == "xlsx", OfficeConverter.hasSignature(data, of: "doc") {
            if data.range(of: Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })) != nil {
                throw .encrypted(file: fileName)
            }
            let old = pathExtension == "docx" ? "doc" : "xls"
            let converted = try converter.convert(data, fileName: fileName, pathExtension: old)
            return old == "xls"
                ? try XlsxReader.read(data: converted, name: fileName, limits: limits)
                : try DocxReader.read(data: converted, name: fileName, limits: limits)
        }
        switch pathExtension {
        // A macro-enabled .docm or .xlsm is the same package with a program beside the text;
        // the readers read the text and never run anything.
        case "docx", "docm": return try DocxReader.read(data: data, name: fileName, limits: limits)
        case "xlsx", "xlsm": return try XlsxReader.read(data: data, name: fileName, limits: limits)
        case "pdf": return try PDFReader.read(data: data, name: fileName, limits: limits)
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
                reason: "\(shown) cannot be imported; use .docx, .xlsx, .pdf, .doc, .xls, .odt, .ods, .rtf, .csv, .tsv or .txt")
        }
    }
}
