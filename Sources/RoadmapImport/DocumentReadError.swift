import RoadmapDomain

/// Why a file could not be turned into a `SourceDocument`: every reader of the import (.txt,
/// .docx, .xlsx, .csv) throws this, and each case names the file (and, where it is known, the
/// line or cell) so a user can find the problem without reading code. Nothing is imported
/// when a reader throws.
public enum DocumentReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes are not a document of the kind expected (not a ZIP, no `word/document.xml`, …).
    case unreadable(file: String, reason: String)
    /// The file has no content at all (zero bytes, or only whitespace).
    case empty(file: String)
    /// The text is not in an encoding the reader accepts (UTF-8 for .txt; UTF-8 or
    /// Windows-1251 for .csv); `offset` is the first byte that does not decode, when known.
    case unsupportedEncoding(file: String, offset: Int?, reason: String)
    /// The file (or the uncompressed content of an archive) is larger than the reader allows.
    case tooLarge(file: String, limit: String)
    /// More rows, cells, archive entries or characters in a cell than the reader allows.
    case limitExceeded(file: String, location: SourceLocation?, limit: String)
    /// Content a safe reader refuses on purpose: a DTD or an external entity in XML, an
    /// encrypted archive, a path leaving the archive.
    case forbiddenContent(file: String, reason: String)
    /// The structure is broken where the reader expected something definite.
    case malformed(file: String, location: SourceLocation?, reason: String)
    /// The file extension names a format no reader handles.
    case unsupportedFormat(file: String, reason: String)

    /// The file the error is about.
    public var file: String {
        switch self {
        case .unreadable(let file, _), .empty(let file), .unsupportedEncoding(let file, _, _),
             .tooLarge(let file, _), .limitExceeded(let file, _, _), .forbiddenContent(let file, _),
             .malformed(let file, _, _), .unsupportedFormat(let file, _):
            file
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot be read: \(reason); nothing was imported"
        case .empty(let file):
            "\(file): the file is empty; nothing was imported"
        case .unsupportedEncoding(let file, let offset, let reason):
            "\(file): \(reason)" + (offset.map { " (first bad byte at offset \($0))" } ?? "")
                + "; nothing was imported"
        case .tooLarge(let file, let limit):
            "\(file): the file is too large (the limit is \(limit)); nothing was imported"
        case .limitExceeded(let file, let location, let limit):
            "\(file)" + (location.map { ", \($0)" } ?? "") + ": \(limit); nothing was imported"
        case .forbiddenContent(let file, let reason):
            "\(file): refused: \(reason); nothing was imported"
        case .malformed(let file, let location, let reason):
            "\(file)" + (location.map { ", \($0)" } ?? "") + ": \(reason); nothing was imported"
        case .unsupportedFormat(let file, let reason):
            "\(file): \(reason); nothing was imported"
        }
    }
}
