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
    /// The document is encrypted: it opens only with a password, which the import never asks for.
    case encrypted(file: String)
    /// A PDF with no text to read: a scan or photographs of pages.
    case noTextLayer(file: String)
    /// Reading this format needs a program that is not installed (`package` is Debian's);
    /// `alternative` is the format to save the file as instead.
    case toolMissing(file: String, tool: String, package: String, alternative: String)
    /// The helper program reading the file ran past its time limit and was stopped.
    case timedOut(file: String, tool: String, seconds: Int)

    /// The file the error is about.
    public var file: String {
        switch self {
        case .unreadable(let file, _), .empty(let file), .unsupportedEncoding(let file, _, _),
             .tooLarge(let file, _), .limitExceeded(let file, _, _), .forbiddenContent(let file, _),
             .malformed(let file, _, _), .unsupportedFormat(let file, _), .encrypted(let file),
             .noTextLayer(let file), .toolMissing(let file, _, _, _), .timedOut(let file, _, _):
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
        case .encrypted(let file):
            "\(file): the document is protected by a password; save a copy without the password and import that; nothing was imported"
        case .noTextLayer(let file):
            "\(file): the PDF has no text layer (a scan?); import the original document, or a PDF saved from it; nothing was imported"
        case .toolMissing(let file, let tool, let package, let alternative):
            "\(file): reading it needs \(tool), which is not installed here (apt-get install \(package)); or save the file as \(alternative); nothing was imported"
        case .timedOut(let file, let tool, let seconds):
            "\(file): \(tool) took longer than \(seconds) s to read it and was stopped; nothing was imported"
        }
    }
}
