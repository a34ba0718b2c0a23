/// One page of a PDF as its text layer gives it: the words with their boxes, in points from
/// the top left corner (what `pdftotext -bbox-layout` writes).
struct PDFPage: Sendable, Equatable {
    /// A word and the box it is drawn in.
    struct Word: Sendable, Equatable {
        var text: String
        var xMin: Double
        var yMin: Double
        var xMax: Double
        var yMax: Double

        var height: Double { yMax - yMin }
        var yCenter: Double { (yMin + yMax) / 2 }
    }

    /// 1 for the first page.
    var number: Int
    var words: [Word]
}
