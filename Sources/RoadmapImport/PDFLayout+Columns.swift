/// Where a table's columns start (step 2 of `PDFLayout`): edges where the runs of table lines
/// start again and again, made wider for the lines a scan sets askew, moved to where a centred
/// column's text covers the page, and added for columns the header names but rows barely fill.
extension PDFLayout {
    /// Where each column's cells start, a point give or take one: a word placed by a
    /// program starts every line of a cell at its column's edge. Text recognised on a scan
    /// (a signed order scanned and read again, the way many are published) starts its lines
    /// a few points apart: 129.6 to 137 for the lines of one column. Where the starts of a
    /// column are that close together, and many, the edge is all of them; a column of
    /// centred text, whose lines start anywhere across it, keeps its point.
    static func edgeWindows(_ starts: [Double], _ lines: [[Run]], tolerance: Double, medianHeight: Double) -> [ClosedRange<Double>] {
        let clusters = edgeClusters(lines, tolerance: tolerance)
        return starts.map { start in
            let point = (start - 1)...(start + 1)
            guard let cluster = clusters.first(where: { $0.first == start }), let last = cluster.last,
                  cluster.count >= 10, last - start <= 0.8 * medianHeight else { return point }
            return (start - 1)...(last + 1)
        }
    }

    /// Left edges where runs of lines with two runs or more start at least twice. A line
    /// drawn again the same (a header repeated at the top of every page) counts once: a
    /// centred heading is no column's edge, however many pages repeat it.
    static func columnStarts(_ lines: [[Run]], tolerance: Double) -> [Double] {
        let clusters = edgeClusters(lines, tolerance: tolerance)
        // Cells centred from top to bottom put a column's lines between the lines of the
        // columns beside it, each a line of its own: an edge the header starts a cell at once
        // is a column's when lines of one run start there again and again.
        let alone = lines.filter { $0.count == 1 }.map { $0[0].xMin }
        func aloneAt(_ edge: Double) -> Int { alone.filter { abs($0 - edge) <= tolerance }.count }
        var candidates = clusters.filter { cluster in
            cluster.count >= 2 || cluster.first.map { aloneAt($0) >= 3 } == true
        }.compactMap(\.first)
        candidates = withHeaderOverRow(candidates, lines, tolerance: tolerance)
        guard let first = candidates.first else { return [clusters.first?.first ?? 0] }
        // A table of one row has one row number, and its header's «№ п/п» may break over lines
        // of their own: two such starts left of every column, inside the table and not crossing
        // into the first column (as a section's heading does), are a column of their own.
        let inside = trimmedToTable(lines).filter { $0.count == 1 }.map { $0[0] }
        let lonely = (lines.filter { $0.count >= 2 }.map { $0[0] } + inside).filter { $0.xMax < first - tolerance }
        if let left = lonely.map(\.xMin).min(), lonely.filter({ abs($0.xMin - left) <= tolerance }).count >= 2 {
            candidates.insert(left, at: 0)
        }
        let merged = mergingCentredEdges(droppingPushedEdges(candidates, lines, tolerance: tolerance), lines, tolerance: tolerance)
        return withEmptyColumns(coveredColumns(merged, lines, tolerance: tolerance), lines, tolerance: tolerance)
    }

    /// `edges` moved to, or completed by, the strips of the page the table's lines cover. A
    /// column of text centred in its cells (deadlines, executors, as Word sets them) starts a
    /// line wherever its width puts it, and its left edge is no place where lines start again
    /// and again: it is where the widest of its texts starts, and the strip it covers has
    /// padding on both sides that no line of the table crosses. A strip holding one known edge
    /// moves it to the strip's start; a strip holding none is a column of its own; a strip
    /// holding several (crossed by lines across the table) changes nothing.
    static func coveredColumns(_ edges: [Double], _ lines: [[Run]], tolerance: Double) -> [Double] {
        // The lines from the first with two runs or more to the last, page by page: cells
        // centred from top to bottom set many lines of a column on lines of their own.
        var table: [[Run]] = []
        var page: [[Run]] = []
        for line in lines {
            if let current = page.first?.first?.page, current != line.first?.page {
                table += Self.trimmedToTable(page)
                page = []
            }
            page.append(line)
        }
        table += Self.trimmedToTable(page)
        // A line across a known edge is a section's, not one column's text; not a line that
        // starts inside the table at no edge and crosses only one, the widest text of a centred
        // column whose edge is not known yet («Учителя физической» over «Ответственные»).
        let first = edges.min() ?? 0
        table.removeAll { line in
            guard line.count == 1 else { return false }
            let crossed = edges.filter { line[0].xMin < $0 - tolerance && line[0].xMax > $0 + tolerance }.count
            let inside = line[0].xMin > first + tolerance && !edges.contains { abs(line[0].xMin - $0) <= tolerance }
            return crossed >= 2 || crossed == 1 && !inside
        }
        let runs = table.flatMap { $0 }
        guard table.count >= 4, let left = runs.map(\.xMin).min(), let right = runs.map(\.xMax).max(), right - left < 5_000 else {
            return edges
        }
        let origin = Int(left.rounded(.down))
        var counts = Array(repeating: 0, count: Int(right.rounded(.up)) - origin + 2)
        for line in table {
            var covered = Set<Int>()
            for run in line where run.xMax > run.xMin {
                covered.formUnion(Int(run.xMin.rounded(.up)) - origin...Int(run.xMax.rounded(.down)) - origin)
            }
            for point in covered { counts[point] += 1 }
        }
        let threshold = max(1, table.count / 20)
        var strips: [ClosedRange<Double>] = []
        var start: Int?
        for (point, count) in counts.enumerated() {
            if count > threshold, start == nil { start = point }
            if count <= threshold, let first = start {
                // Two lines that touch by chance cover a point or two: no column is that narrow.
                if point - first > Int(3 * tolerance) { strips.append(Double(first + origin)...Double(point - 1 + origin)) }
                start = nil
            }
        }
        var found = edges
        var previousEnd = -Double.infinity
        for (index, strip) in strips.enumerated() {
            // The strip's start is where the widest text inside it starts: its heading, as a
            // rule, wider than any of its cells and centred over them.
            let next = index + 1 < strips.count ? strips[index + 1].lowerBound : .infinity
            let inside = runs.filter {
                $0.xMin > previousEnd + tolerance && $0.xMin < strip.upperBound && $0.xMax > strip.lowerBound && $0.xMax < next - tolerance
            }
            previousEnd = strip.upperBound
            guard let edge = inside.map(\.xMin).min() else { continue }
            let known = found.indices.filter { found[$0] >= edge - tolerance && found[$0] <= strip.upperBound }
            if known.isEmpty {
                // A column of its own starts the text of two lines at least: one run alone is
                // a heading centred over a wide column whose cells start left of the strip
                // («Срок исполнения» over «8:30»), its strip cut from theirs where only the
                // heading and one long cell cover the page.
                guard inside.count >= 2 else { continue }
                found.append(edge)
            } else if known.count == 1 {
                found[known[0]] = min(found[known[0]], edge)
            }
        }
        return found.sorted()
    }

    /// `edges` with the columns a header and the row under it agree on, where too few rows
    /// start their cells again and again to find them: a plan of one row under headings
    /// centred over its cells («Срок исполнения» over «01.02.2024»). A line of three runs or
    /// more and the next line of two runs or more, more than the edges known (lines of one
    /// run between them aside: a section «1 Приоритет: …»), each of whose runs stands under one
    /// of the first line's in order (or beside it, closer than the narrower is wide: a row's
    /// number «1.» beside a centred «№ п/п»), no pair crossing another: each pair's column
    /// starts where the first of its two runs does, a heading over no cell where it does.
    /// A heading broken over lines of its own above and below the header's line stands in it.
    static func withHeaderOverRow(_ edges: [Double], _ lines: [[Run]], tolerance: Double) -> [Double] {
        for index in lines.indices where lines[index].count >= 2 {
            guard let below = lines[(index + 1)...].firstIndex(where: { $0.count >= 2 }) else { break }
            let lower = lines[below]
            // A heading broken over two lines of its own, one over and one under the others,
            // which stand in the middle of their cells («Наименование» over «№ п/п … Срок
            // исполнения …» over «мероприятия»), is the header's too.
            let page = lines[index].first?.page
            var upper = lines[index]
            if index > 0, index + 1 < lines.count, let over = lines[index - 1].first, let under = lines[index + 1].first,
               lines[index - 1].count == 1, lines[index + 1].count == 1, over.page == page, under.page == page,
               over.xMax > under.xMin, under.xMax > over.xMin,
               !upper.contains(where: { $0.xMax > min(over.xMin, under.xMin) - tolerance && max(over.xMax, under.xMax) > $0.xMin - tolerance }) {
                // Only its place counts: the leftmost word first.
                let heading = Run(words: (over.words + under.words).sorted { $0.xMin < $1.xMin }, page: over.page)
                upper = (upper + [heading]).sorted { $0.xMin < $1.xMin }
            }
            guard upper.count >= 3, upper.count >= lower.count, lower.count > edges.count, page == lower.first?.page else { continue }
            var starts = upper.map(\.xMin)
            var next = 0
            var previous: (above: Run, below: Run)?
            let paired = lower.allSatisfy { below in
                func near(_ above: Run) -> Bool {
                    let apart = max(above.xMin - below.xMax, below.xMin - above.xMax)
                    return apart < min(above.xMax - above.xMin, below.xMax - below.xMin)
                }
                guard let index = upper.indices.dropFirst(next).first(where: { near(upper[$0]) }) else { return false }
                let above = upper[index]
                if let previous, above.xMin <= previous.below.xMax - tolerance || below.xMin <= previous.above.xMax - tolerance {
                    return false
                }
                starts[index] = min(above.xMin, below.xMin)
                previous = (above, below)
                next = index + 1
                return true
            }
            guard paired else { continue }
            let added = starts.filter { start in !edges.contains { abs($0 - start) <= tolerance } }
            return (edges + added).sorted()
        }
        return edges
    }

    /// `lines` from the first with two runs or more to the last.
    static func trimmedToTable(_ lines: [[Run]]) -> [[Run]] {
        guard let first = lines.firstIndex(where: { $0.count >= 2 }), let last = lines.lastIndex(where: { $0.count >= 2 }) else { return [] }
        return Array(lines[first...last])
    }

    /// `edges` with a first or last column a header names and rows hardly fill: «Ответственные»
    /// over empty cells, a column «Отметка о выполнении» left for later, the one row's number
    /// «1.» set midway down its cell, between two lines of the others. It is a heading that
    /// ends (or starts) a line whose other cells start at known edges, right (or left) of them
    /// all, where no cell of the table runs.
    static func withEmptyColumns(_ edges: [Double], _ lines: [[Run]], tolerance: Double) -> [Double] {
        let table = lines.filter { $0.count >= 2 }
        let runs = Array(lines.joined())
        var found = edges
        // Whether a heading at a place is crossed, asked once a place (centred cells of a last
        // column beyond every edge put hundreds of lines' last runs at a few places).
        var crossings: [String: Bool] = [:]
        for line in table {
            guard let first = line.first, let last = line.last else { continue }
            let heading: Run
            if found.allSatisfy({ $0 < last.xMin - tolerance }) {
                heading = last
            } else if found.allSatisfy({ $0 > first.xMax + tolerance }) {
                heading = first
            } else {
                continue
            }
            // The line's other cells stand one to a known column, as a header's do.
            let others = line.filter { $0.xMin != heading.xMin }.map { Self.column(of: $0, starts: edges) }
            guard Set(others).count == others.count else { continue }
            // A cell of the known last (or first) column reaching across is that column's.
            let isLast = heading.xMin == last.xMin
            let key = "\(isLast) \(Int((isLast ? heading.xMin : heading.xMax).rounded())) \(found.count)"
            let crossed = crossings[key] ?? runs.contains { run in
                isLast
                    ? run.xMin >= (found.last ?? 0) - tolerance && run.xMin < heading.xMin - tolerance && run.xMax > heading.xMin + tolerance
                    : run.xMax <= (found.first ?? 0) + tolerance && run.xMin < heading.xMax - tolerance && run.xMax > heading.xMax + tolerance
            }
            crossings[key] = crossed
            if !crossed { found.append(heading.xMin) }
        }
        return found.sorted()
    }

    /// The left edges of the runs of lines with two runs or more, each line drawn again the
    /// same counted once, in groups no wider apart than `tolerance` from one to the next.
    static func edgeClusters(_ lines: [[Run]], tolerance: Double) -> [[Double]] {
        var seen: Set<String> = []
        let distinct = lines.filter { line in
            line.count >= 2 && seen.insert(line.map { "\(Int($0.xMin.rounded()))\u{1F}\($0.text)" }.joined(separator: "\u{1E}")).inserted
        }
        let edges = distinct.flatMap { $0.map(\.xMin) }.sorted()
        var clusters: [[Double]] = []
        for edge in edges {
            if let last = clusters.last?.last, edge - last <= tolerance {
                clusters[clusters.count - 1].append(edge)
            } else {
                clusters.append([edge])
            }
        }
        return clusters
    }

    /// The runs of `lines` that may be one cell's text: not those across most of the text's
    /// width, lines of a paragraph above or below the table (justified, or with a double
    /// space that splits them) or sections across it, which cross every column's edge.
    static func cellRuns(_ lines: [[Run]]) -> [Run] {
        let runs = lines.flatMap { $0 }
        guard let left = runs.map(\.xMin).min(), let right = runs.map(\.xMax).max() else { return runs }
        return runs.filter { $0.xMax - $0.xMin <= 0.6 * (right - left) }
    }

    /// An edge that the column to its left runs across more often than text starts at it lies
    /// inside that column: a word a justified line pushed there, not a cell's edge.
    static func droppingPushedEdges(_ candidates: [Double], _ lines: [[Run]], tolerance: Double) -> [Double] {
        let runs = lines.flatMap { $0 }
        let cells = Self.cellRuns(lines)
        var starts = [candidates[0]]
        for candidate in candidates.dropFirst() {
            let left = starts[starts.count - 1]
            let startingHere = runs.filter { abs($0.xMin - candidate) <= tolerance }.count
            let across = cells.filter { abs($0.xMin - left) <= tolerance && $0.xMax > candidate + tolerance }.count
            if across <= startingHere { starts.append(candidate) }
        }
        return starts
    }

    /// Text centred in its column starts wherever its width puts it: «02.09–05.09» and «01.09»
    /// in one column of dates. Two edges where no line starts text at both, and text from the
    /// first runs across the second, are one column's, and it starts at the first.
    static func mergingCentredEdges(_ starts: [Double], _ lines: [[Run]], tolerance: Double) -> [Double] {
        // A line of one run may cross the table (a section «1. Проведение мероприятий»); where
        // the rows' cells are centred from top to bottom, the row's number is rarely level
        // with its action's lines, and no line starts text at both.
        let runs = Self.cellRuns(lines.filter { $0.count >= 2 })
        let starting = lines.map { line in line.map(\.xMin) }
        var groups = [[starts[0]]]
        for candidate in starts.dropFirst() {
            let group = groups[groups.count - 1]
            func startsHere(_ x: Double) -> Bool { group.contains { abs(x - $0) <= tolerance } }
            // Two runs of one line, not one run near both edges («руководитель» at 472 beside
            // edges at 470.6 and 474).
            let together = starting.contains { xs in
                xs.indices.contains { first in
                    startsHere(xs[first]) && xs.indices.contains { $0 != first && abs(xs[$0] - candidate) <= tolerance }
                }
            }
            let crossed = runs.contains { startsHere($0.xMin) && $0.xMax > candidate + tolerance }
            if together || !crossed {
                groups.append([candidate])
            } else {
                groups[groups.count - 1].append(candidate)
            }
        }
        return groups.map { $0[0] }
    }
}
