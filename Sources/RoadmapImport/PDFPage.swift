/// One page of a PDF as its text layer gives it: the words with their boxes, in points from
/// the top left corner (what `pdftotext -bbox-layout` writes), and the horizontal rules drawn
/// on it (a table's borders, as `pdftocairo -svg` draws them), in the same points.
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

    /// A horizontal line drawn on the page: a piece of a table's border, an underline.
    struct Rule: Sendable, Equatable {
        var y: Double
        var xMin: Double
        var xMax: Double
    }

    /// 1 for the first page.
    var number: Int
    var words: [Word]
    /// Empty where the page draws none, or where they could not be read.
    var rules: [Rule] = []
}
