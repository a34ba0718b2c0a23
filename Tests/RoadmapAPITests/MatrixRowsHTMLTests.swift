@testable import RoadmapAPI
import Testing

/// The matrix page's rows, written by Swift: marks with their links and labels, empty cells
/// empty, every text escaped.
@Suite("The matrix page's rows as HTML")
struct MatrixRowsHTMLTests {
    static let hostile = "<script>alert('x')</script> & «Школа»"

    static func row(_ cells: [MatrixPage.Cell], overdue: Int = 0) -> MatrixPage.Row {
        MatrixPage.Row(name: hostile, href: "/organizations/o1", overdue: overdue, hasOverdue: overdue > 0, cells: cells)
    }

    static let late = MatrixPage.Cell(symbol: "!", name: hostile, cssClass: "st-overdue", href: "/assignments/a1")
    static let empty = MatrixPage.Cell(symbol: "", name: "", cssClass: nil, href: nil)

    @Test func aMarkLinksToItsAssignmentAndAnEmptyCellIsEmpty() {
        let html = MatrixRowsHTML(rows: [Self.row([Self.late, Self.empty], overdue: 3)]).renderText
        let name = HTMLEscaping().escapeText(Self.hostile)
        #expect(html == """
            <tr><th scope="row"><a href="/organizations/o1">\(name)</a></th><td class="num bad">3</td>
                <td class="st-overdue"><a href="/assignments/a1" aria-label="\(name)">!</a></td><td></td></tr>
            """)
        #expect(!html.contains("<script"))
        #expect(!html.contains("aria-label=\"\""), "no link without a label")
    }

    @Test func rowsFollowEachOtherAndNoneWriteNothing() {
        let two = MatrixRowsHTML(rows: [Self.row([Self.empty]), Self.row([Self.empty])]).renderText
        #expect(two.components(separatedBy: "</tr>\n<tr>").count == 2)
        #expect(two.contains("<td class=\"num\">0</td>"))
        #expect(MatrixRowsHTML(rows: []).renderText.isEmpty)
        #expect(MatrixRowsHTML(rows: []).isNull)
    }
}
