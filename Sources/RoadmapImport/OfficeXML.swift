import Foundation
import RoadmapDomain
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses one XML part of an office file safely: a part that declares a DTD or an entity is
/// refused before the parser sees it (billion laughs, XXE), external entities are never
/// resolved, and an error raised by the handler stops the parse and comes out unchanged.
enum OfficeXML {
    /// Runs `handler` over the part at `part` of `file`.
    static func parse(_ data: Data, part: String, file: String, handler: OfficeXMLHandler) throws(DocumentReadError) {
        try refuseDeclarations(data, part: part, file: file)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = handler
        let finished = parser.parse()
        if let error = handler.failure { throw error }
        // FoundationXML on Linux may return true after recovering from a fatal error.
        guard finished, parser.parserError == nil, !handler.sawParseError else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown error"
            throw .malformed(
                file: file, location: SourceLocation(line: parser.lineNumber),
                reason: "the XML of \(part) is broken (\(reason))")
        }
    }

    /// Refuses `<!DOCTYPE` and `<!ENTITY` anywhere in the part, and encodings other than
    /// UTF-8, in which such a declaration could hide from a byte search.
    static func refuseDeclarations(_ data: Data, part: String, file: String) throws(DocumentReadError) {
        let head = Array(data.prefix(4))
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.contains(0) {
            throw .forbiddenContent(file: file, reason: "\(part) is not UTF-8 XML; only UTF-8 parts are read")
        }
        for marker in ["<!DOCTYPE", "<!ENTITY"] where data.range(of: Data(marker.utf8)) != nil {
            throw .forbiddenContent(
                file: file,
                reason: "\(part) contains a \(marker.dropFirst(2)) declaration; "
                    + "documents with DTDs or entities are not accepted")
        }
    }
}

/// The base of the SAX handlers of the office readers: element names come without their
/// namespace prefix (Word writes `w:p`, the OpenXML SDK `x:c` where Excel writes `c`), and
/// a handler stops the parse by calling `fail(_:)`.
class OfficeXMLHandler: NSObject, XMLParserDelegate {
    /// The file being read, for error messages.
    let file: String
    private(set) var failure: DocumentReadError?
    private weak var parser: XMLParser?

    init(file: String) {
        self.file = file
    }

    func fail(_ error: DocumentReadError) {
        if failure == nil { failure = error }
        parser?.abortParsing()
    }

    var isFailed: Bool { failure != nil }
    private(set) var sawParseError = false

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        sawParseError = true
        parser.abortParsing()
    }

    /// Called for each opening tag, with the local name and attributes keyed by local name.
    func open(_ name: String, attributes: [String: String]) {}
    /// Called for each closing tag.
    func close(_ name: String) {}
    /// Called for character data.
    func text(_ string: String) {}

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        self.parser = parser
        guard !isFailed else { return }
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict { attributes[Self.localName(key)] = value }
        open(Self.localName(elementName), attributes: attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard !isFailed else { return }
        close(Self.localName(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !isFailed else { return }
        text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !isFailed else { return }
        text(String(decoding: CDATABlock, as: UTF8.self))
    }

    /// Entities must never reach us (refused above); if one does, stop.
    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail(.forbiddenContent(file: file, reason: "an XML part declares the entity \(name)"))
    }

    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}
