import Foundation
import RoadmapDomain

/// Reads a PDF with a text layer through poppler's `pdftotext -bbox-layout` (Debian's
/// `poppler-utils`), which gives every word with its box; `PDFLayout` recovers the table's
/// columns and rows from those positions, and `pdftocairo -svg` gives the rules drawn, the
/// table's borders, which tell where a row ends (`PDFRules`). `pdftotext` runs as a `ConfinedCommand`: a PDF is
/// a program of its own, and a hostile one (a page tree of a million pages, a stream that
/// inflates to gigabytes) must cost bounded time, memory and disk. A PDF that opens only
/// with a password is refused as encrypted; one without any text (a scan) is refused as such.
public enum PDFReader {
    /// The most pages read; a plan is a few dozen.
    public static let maxPages = 300

    public static func read(
        data: Data, name: String, limits: ReadLimits = .standard, timeLimit: Int = 30
    ) throws(DocumentReadError) -> SourceDocument {
        guard data.count <= limits.maxFileSize else {
            throw .tooLarge(file: name, limit: ReadLimits.describe(bytes: limits.maxFileSize))
        }
        guard data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil else {
            throw .unreadable(file: name, reason: "the content is not a PDF document")
        }
        guard ConfinedCommand.isInstalled("pdftotext"), ConfinedCommand.isInstalled("pdfinfo") else {
            throw .toolMissing(file: name, tool: "pdftotext", package: "poppler-utils", alternative: ".docx")
        }
        let (folder, input) = try ConfinedCommand.scratch(data, as: "document.pdf", file: name)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("words.html")
        // The text of a page is a few kilobytes; a page's worth of words with their boxes some
        // tens. What is written beyond the limit is a bomb, and `prlimit` stops it.
        let outputLimit = max(limits.maxUncompressedSize, 1 << 20)
        let confined = ConfinedCommand(timeLimit: timeLimit, memoryLimit: 1 << 30, fileSizeLimit: outputLimit)

        let info = confined.run(["pdfinfo", input.path], in: folder)
        if info.timedOut { throw .timedOut(file: name, tool: "pdfinfo", seconds: timeLimit) }
        if info.output.contains("Incorrect password") { throw .encrypted(file: name) }
        guard info.status == 0 else {
            throw .unreadable(file: name, reason: "poppler could not open it (\(Self.firstLine(of: info.output)))")
        }
        let pages = Self.pageCount(in: info.output) ?? 0
        guard pages > 0 else { throw .unreadable(file: name, reason: "the PDF has no pages") }
        guard pages <= maxPages else {
            throw .limitExceeded(file: name, location: nil, limit: "a PDF of \(pages) pages (the limit is \(maxPages))")
        }

        let extraction = confined.run(
            ["pdftotext", "-q", "-bbox-layout", "-enc", "UTF-8", "-l", String(maxPages), input.path, output.path], in: folder)
        if extraction.timedOut { throw .timedOut(file: name, tool: "pdftotext", seconds: timeLimit) }
        if extraction.exceededFileSize {
            throw .tooLarge(file: name, limit: "\(ReadLimits.describe(bytes: outputLimit)) of text")
        }
        if extraction.status == 3 { throw .encrypted(file: name) }
        guard extraction.status == 0, let words = try? Data(contentsOf: output) else {
            throw .unreadable(file: name, reason: "pdftotext could not read it (exit status \(extraction.status): \(Self.firstLine(of: extraction.output)))")
        }
        var parsed = try Self.pages(fromBoundingBoxes: words, name: name)
        guard parsed.contains(where: { !$0.words.isEmpty }) else { throw .noTextLayer(file: name) }
        // The table's borders tell where a row ends; a PDF whose drawing cannot be read within
        // the same limits is read by its words alone.
        if ConfinedCommand.isInstalled("pdftocairo") {
            let drawing = folder.appendingPathComponent("drawing.svg")
            let rendered = confined.run(["pdftocairo", "-q", "-svg", "-l", String(maxPages), input.path, drawing.path], in: folder)
            if rendered.status == 0, !rendered.timedOut, let svg = try? Data(contentsOf: drawing) {
                for (index, rules) in PDFRules.horizontal(svg: svg).prefix(parsed.count).enumerated() {
                    parsed[index].rules = rules
                }
            }
        }
        let document = PDFLayout.document(name: name, pages: parsed)
        try TextDocumentReader.check(document, against: limits)
        return document
    }

    /// The pages of `pdftotext -bbox-layout` output: one element per line, `<page …>`,
    /// `<word xMin=… yMin=… xMax=… yMax=…>text</word>`, the text XML-escaped.
    static func pages(fromBoundingBoxes data: Data, name: String) throws(DocumentReadError) -> [PDFPage] {
        let text = String(decoding: data, as: UTF8.self)
        var pages: [PDFPage] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("<page ") {
                pages.append(PDFPage(number: pages.count + 1, words: []))
            } else if trimmed.hasPrefix("<word "), !pages.isEmpty {
                guard let word = Self.word(trimmed) else {
                    throw .malformed(file: name, location: SourceLocation(page: pages.count),
                                     reason: "pdftotext wrote a word it did not describe: \(trimmed.prefix(80))")
                }
                let page = pages.count - 1
                if !word.text.isEmpty { pages[page].words.append(word) }
            }
        }
        return pages
    }

    static func word(_ element: Substring) -> PDFPage.Word? {
        func attribute(_ key: String) -> Double? {
            guard let start = element.range(of: "\(key)=\"") else { return nil }
            let rest = element[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            return Double(rest[..<end])
        }
        guard let xMin = attribute("xMin"), let yMin = attribute("yMin"), let xMax = attribute("xMax"),
              let yMax = attribute("yMax"), let open = element.firstIndex(of: ">"),
              let close = element.range(of: "</word>", options: .backwards) else { return nil }
        let escaped = element[element.index(after: open)..<close.lowerBound]
        let text = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        return PDFPage.Word(text: RussianText.nfc(text), xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax)
    }

    static func pageCount(in info: String) -> Int? {
        for line in info.split(separator: "\n") where line.hasPrefix("Pages:") {
            return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    static func firstLine(of output: String) -> String {
        let line = output.split(separator: "\n").first.map(String.init) ?? "no message"
        return String(line.prefix(200))
    }
}
