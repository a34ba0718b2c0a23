import Mustache

/// The matrix page's rows (a school, its overdue count and a mark per action), written from
/// the typed page model by Swift rather than by the template: a page of 50 schools by 12
/// actions is 600 cells, and Mustache finds each cell's four names through `Any` and dynamic
/// casts, climbing to the row and the page for every name a cell does not have (#16). That
/// climbing also gave each empty cell (a school that does not execute the action) the row's
/// link to the school with an empty label; an empty cell is now empty.
struct MatrixRowsHTML: MustacheCustomRenderable, Sendable {
    let rows: [MatrixPage.Row]
    var isNull: Bool { rows.isEmpty }

    var renderText: String {
        var html = ""
        html.reserveCapacity(rows.reduce(0) { $0 + 300 + $1.cells.count * 120 })
        for (index, row) in rows.enumerated() {
            if index > 0 { html += "\n" }
            html += "<tr><th scope=\"row\"><a href=\"\(escaped(row.href))\">\(escaped(row.name))</a></th>"
            html += "<td class=\"num\(row.hasOverdue ? " bad" : "")\">\(row.overdue)</td>\n    "
            for cell in row.cells {
                html += "<td"
                if let cssClass = cell.cssClass { html += " class=\"\(escaped(cssClass))\"" }
                html += ">"
                if let href = cell.href {
                    html += "<a href=\"\(escaped(href))\" aria-label=\"\(escaped(cell.name))\">\(escaped(cell.symbol))</a>"
                }
                html += "</td>"
            }
            html += "</tr>"
        }
        return html
    }

    private func escaped(_ text: String) -> String {
        HTMLEscaping().escapeText(text)
    }
}
