import Foundation

/// The horizontal rules a PDF draws, page by page, read from what poppler's `pdftocairo -svg`
/// writes: a `<page>` of a `<pageSet>` for each page (or the document's one surface), and on
/// it each painted shape a `<path>` of straight lines, in points from the top left corner as
/// `pdftotext -bbox-layout` gives the words. A table's border is such a shape, a thin filled
/// rectangle or a stroked line; the glyphs are not (they are `<symbol>`s the page `<use>`s),
/// nor are clipping paths (defined apart, in `<defs>`).
enum PDFRules {
    /// As tall as a rule may be, in points: Word's thickest border is 6 points, usually half
    /// a point.
    static let thickness = 2.5
    /// As short as a rule may be: a cell's border is wider than a letter.
    static let shortest = 4.0

    /// Each page's horizontal rules, in page order; pages beyond what the SVG holds have none.
    static func horizontal(svg data: Data) -> [[PDFPage.Rule]] {
        let bytes = [UInt8](data)
        // Where the pages are: after `<pageSet>`, each `<page>`; a document of one page is its
        // surface after the definitions.
        let pageMarks = Self.occurrences(of: Array("<page>".utf8), in: bytes)
        let ranges: [Range<Int>]
        if pageMarks.isEmpty {
            let start = Self.occurrences(of: Array("</defs>".utf8), in: bytes).last ?? 0
            ranges = [start..<bytes.count]
        } else {
            ranges = pageMarks.indices.map { index in
                pageMarks[index]..<(index + 1 < pageMarks.count ? pageMarks[index + 1] : bytes.count)
            }
        }
        let pathMark = Array("<path ".utf8)
        return ranges.map { range in
            var rules: [PDFPage.Rule] = []
            for start in Self.occurrences(of: pathMark, in: bytes, within: range) {
                guard let end = Self.firstIndex(of: Array("/>".utf8), in: bytes, from: start, before: range.upperBound) else { continue }
                let element = String(decoding: bytes[start..<end], as: UTF8.self)
                rules += Self.rules(inPath: element)
            }
            return rules
        }
    }

    /// The horizontal rules one `<path …` element draws: each of its pieces (from one `M` to
    /// the next) of straight lines whose box is thin and wide. A piece with a curve is a
    /// shape, not a rule, and so is one painted white (text blanked out).
    static func rules(inPath element: String) -> [PDFPage.Rule] {
        let style = Self.attribute("style", of: element) ?? ""
        let filled = style.contains("fill:rgb(") && !style.contains("fill:rgb(100%,100%,100%)")
        let stroked = style.contains("stroke:rgb(") && !style.contains("stroke:rgb(100%,100%,100%)")
        guard filled || stroked, let d = Self.attribute("d", of: element) else { return [] }
        let matrix = Self.attribute("transform", of: element).flatMap(Self.matrix) ?? [1, 0, 0, 1, 0, 0]
        var pieces: [[(Double, Double)]] = []
        var numbers: [Double] = []
        var command: Character = " "
        func flush() -> Bool {
            switch command {
            case "M":
                guard numbers.count == 2 else { return false }
                pieces.append([(numbers[0], numbers[1])])
            case "L":
                guard numbers.count == 2, !pieces.isEmpty else { return false }
                pieces[pieces.count - 1].append((numbers[0], numbers[1]))
            case "H":
                guard numbers.count == 1, let last = pieces.last?.last else { return false }
                pieces[pieces.count - 1].append((numbers[0], last.1))
            case "V":
                guard numbers.count == 1, let last = pieces.last?.last else { return false }
                pieces[pieces.count - 1].append((last.0, numbers[0]))
            case "Z", " ":
                guard numbers.isEmpty else { return false }
            default:
                return false
            }
            numbers = []
            return true
        }
        for token in d.split(separator: " ") {
            if let number = Double(token) {
                numbers.append(number)
            } else if token.count == 1, let letter = token.first, letter.isLetter {
                guard flush() else { return [] }
                command = letter
            } else {
                return []
            }
        }
        guard flush() else { return [] }
        return pieces.compactMap { piece in
            guard piece.count >= 2 else { return nil }
            let points = piece.map { x, y in
                (matrix[0] * x + matrix[2] * y + matrix[4], matrix[1] * x + matrix[3] * y + matrix[5])
            }
            let xs = points.map(\.0), ys = points.map(\.1)
            guard let xMin = xs.min(), let xMax = xs.max(), let yMin = ys.min(), let yMax = ys.max(),
                  yMax - yMin <= thickness, xMax - xMin >= shortest else { return nil }
            return PDFPage.Rule(y: (yMin + yMax) / 2, xMin: xMin, xMax: xMax)
        }
    }

    /// `matrix(a,b,c,d,e,f)` as its six numbers.
    static func matrix(_ transform: String) -> [Double]? {
        guard transform.hasPrefix("matrix("), transform.hasSuffix(")") else { return nil }
        let numbers = transform.dropFirst("matrix(".count).dropLast()
            .split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
        return numbers.count == 6 ? numbers : nil
    }

    static func attribute(_ name: String, of element: String) -> String? {
        guard let start = element.range(of: " \(name)=\"") else { return nil }
        let rest = element[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func occurrences(of pattern: [UInt8], in bytes: [UInt8], within range: Range<Int>? = nil) -> [Int] {
        let range = range ?? 0..<bytes.count
        var found: [Int] = []
        var index = range.lowerBound
        while let next = Self.firstIndex(of: pattern, in: bytes, from: index, before: range.upperBound) {
            found.append(next)
            index = next + pattern.count
        }
        return found
    }

    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int, before end: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= end - start else { return nil }
        var index = start
        while index + pattern.count <= end {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
