import Foundation

/// The kinds of file a school may attach to a report as evidence: scans and photos, PDFs
/// and office documents. A file's kind is read from its first bytes, never taken from its
/// name: a program renamed «акт.pdf» is not a PDF. The name's extension must then agree
/// with the content, so what the committee downloads opens as what it says it is.
public enum EvidenceFileType: String, CaseIterable, Sendable, Hashable {
    case pdf, jpeg, png, gif, webp, tiff, heic
    case docx, xlsx, pptx, odt, ods, odp
    case doc, xls, ppt, rtf

    /// The media type it is served with.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .tiff: "image/tiff"
        case .heic: "image/heic"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .odp: "application/vnd.oasis.opendocument.presentation"
        case .doc: "application/msword"
        case .xls: "application/vnd.ms-excel"
        case .ppt: "application/vnd.ms-powerpoint"
        case .rtf: "application/rtf"
        }
    }

    /// The extensions a file of this kind may be named with, lower case.
    public var extensions: Set<String> {
        switch self {
        case .jpeg: ["jpg", "jpeg", "jpe", "jfif"]
        case .tiff: ["tif", "tiff"]
        case .heic: ["heic", "heif"]
        default: [rawValue]
        }
    }

    /// Every extension accepted, for a file input's `accept` attribute and for messages.
    public static var acceptedExtensions: [String] {
        allCases.flatMap { $0.extensions.sorted() }
    }

    /// Why a file is not accepted as evidence.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        /// The name's extension is none of the accepted ones (or there is none).
        case extensionNotAccepted(String)
        /// The content is none of the accepted kinds (a program, an archive, a web page…).
        case unknownContent
        /// The content is of one kind, the name says another («фото.pdf» holding a JPEG).
        case contentDoesNotMatchName(content: EvidenceFileType, name: String)

        public var description: String {
            switch self {
            case .extensionNotAccepted(let name):
                "«\(name)» is not a kind of file accepted as evidence (PDF, images, office documents)"
            case .unknownContent:
                "the content is not a PDF, an image or an office document, whatever its name says"
            case .contentDoesNotMatchName(let content, let name):
                "«\(name)» holds a \(content.rawValue.uppercased()) file; name it .\(content.extensions.sorted().first ?? content.rawValue)"
            }
        }
    }

    /// The kind of `content` named `fileName`, or why it is not accepted.
    public static func detect(_ content: Data, fileName: String) throws(Refusal) -> EvidenceFileType {
        let dot = fileName.lastIndex(of: ".")
        let fileExtension = dot.map { fileName[fileName.index(after: $0)...].lowercased() } ?? ""
        guard allCases.contains(where: { $0.extensions.contains(fileExtension) }) else {
            throw .extensionNotAccepted(fileName)
        }
        guard let kind = sniff(content, extension: fileExtension) else { throw .unknownContent }
        guard kind.extensions.contains(fileExtension) else {
            throw .contentDoesNotMatchName(content: kind, name: fileName)
        }
        return kind
    }

    /// The kind the first bytes say, nil for anything else. An OLE compound file (legacy
    /// Word, Excel, PowerPoint) and a ZIP package (OOXML, OpenDocument) say only their
    /// family in their first bytes: within it the name's extension decides, once the
    /// package is shown to be an office document.
    static func sniff(_ content: Data, extension fileExtension: String) -> EvidenceFileType? {
        let bytes = [UInt8](content.prefix(16))
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if bytes.count >= 12, starts(Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return .webp }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if bytes.count >= 12, Array(bytes[4..<8]) == Array("ftyp".utf8),
           ["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"].contains(String(decoding: bytes[8..<12], as: UTF8.self)) {
            return .heic
        }
        if starts(Array("{\\rtf".utf8)) { return .rtf }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return [.doc, .xls, .ppt].first { $0.extensions.contains(fileExtension) } ?? .doc
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            return officePackage(content)
        }
        return nil
    }

    /// A ZIP file is an office document when it holds OOXML's `[Content_Types].xml` or
    /// OpenDocument's `mimetype` naming its kind; any other archive is refused.
    static func officePackage(_ content: Data) -> EvidenceFileType? {
        func holds(_ text: String) -> Bool { content.range(of: Data(text.utf8)) != nil }
        if holds("[Content_Types].xml") {
            if holds("word/") { return .docx }
            if holds("xl/") { return .xlsx }
            if holds("ppt/") { return .pptx }
            return nil
        }
        if holds("mimetypeapplication/vnd.oasis.opendocument.") {
            if holds("opendocument.text") { return .odt }
            if holds("opendocument.spreadsheet") { return .ods }
            if holds("opendocument.presentation") { return .odp }
        }
        return nil
    }
}
