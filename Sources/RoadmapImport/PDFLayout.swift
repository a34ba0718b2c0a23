import RoadmapDomain

/// Recovers a plan table from the positions of a PDF's words, where the file itself keeps no
/// table at all: only words drawn at places.
///
/// 0. Page numbers and a running head or foot repeated on several pages are left out.
/// 1. Words on one baseline make a line; a line splits into runs where the gap between two
///    words is much wider than a space (the padding between two cells) and not as wide as
///    the gap beside it (a justified line stretches its spaces alike).
/// 2. Columns start where runs of table lines (lines of two runs or more) start again and
///    again: a cell's text is aligned to its column's left edge. A header repeated on every
///    page counts once; an edge the column to its left runs across is inside that column;
///    edges of text centred in one column are that column's. A run is split again where a
///    word starts at a column's edge.
/// 3. In each column, runs one line pitch apart make a block: the text of one cell. A run
///    that crosses into the next column is a line across the table (a section «I. …»).
/// 4. Blocks whose heights overlap stand in one row, whether the cells are aligned to the
///    top or centred. A block that overlaps several rows of a column with more blocks is a
///    merged cell: its text goes to the first of them, and the rest are marked merged.
///    Where the PDF draws a rule between most of those rows (`PDFPage.rules`), rows whose
///    first lines stand between the same two rules are one row (`joinedByRules`).
/// 5. The table runs from its first row with three filled columns to its last with two;
///    lines before and after it are paragraphs. A row cut by a page break (its first column
///    empty at the top of the next page, or a section line that goes on) is joined again,
///    and a header repeated on a new page (with the row numbering its columns) is dropped.
/// 6. Text recognised on a scan is told by its words standing a little askew (`jitter(_:)`):
///    there the first column's numbers start the rows, and a cell's lines may stand further
///    apart than a program would set them.
enum PDFLayout {
    /// A piece of a line: words with no cell gap between them.
    struct Run {
        var words: [PDFPage.Word]
        var page: Int
        var xMin: Double { words.first?.xMin ?? 0 }
        var xMax: Double { words.map(\.xMax).max() ?? 0 }
        var yMin: Double { words.map(\.yMin).min() ?? 0 }
        var yMax: Double { words.map(\.yMax).max() ?? 0 }
        var text: String { words.map(\.text).joined(separator: " ") }
    }

    /// One cell's text as drawn: runs of one column, a line pitch apart.
    struct Block {
        var column: Int
        var runs: [Run]
        /// A line across the table: a section or a heading row.
        var spansTable: Bool
        /// The rightmost point text reaches in the block's column.
        var rightEdge: Double? = nil
        /// As far as a cell's text may reach in the block's column (`Geometry.cellEnds`): a word
        /// alone on its line that ends there was broken because it did not fit.
        var cellEnd: Double? = nil
        /// Where the block's column starts: a word broken at the right edge starts a line there
        /// (a centred heading «Ответственный» does not, however wide it is).
        var leftEdge: Double? = nil
        var yMin: Double { runs.map(\.yMin).min() ?? 0 }
        var yMax: Double { runs.map(\.yMax).max() ?? 0 }
        var page: Int { runs.first?.page ?? 0 }

        func overlaps(_ other: Block) -> Bool {
            min(yMax, other.yMax) - max(yMin, other.yMin) > 1
        }

        var text: String {
            var lines: [(text: String, brokenAtEdge: Bool)] = []
            // A line that starts with a capital may have been begun by hand (a name of its own
            // in a list of executors written one to a line): it keeps its line, and what reads
            // the cell decides. Not when its first word would not have fitted at the end of the
            // line before, whose end is as far as the column's text reaches: that line was full,
            // and the capital is a wrapped name or place («17 ноября 12.00» «Актовый зал»).
            let paragraphs = Set(runs.indices.dropFirst().filter { index in
                guard let first = runs[index].words.first, first.text.first?.isUppercase == true else { return false }
                guard let rightEdge, let last = runs[index - 1].words.last else { return true }
                return last.xMax + 0.25 * first.height + (first.xMax - first.xMin) <= rightEdge + 1
            })
            for run in runs {
                let single = run.words.count == 1
                let word = run.words.last
                let letters = word.map { $0.text.count } ?? 1
                let charWidth = word.map { ($0.xMax - $0.xMin) / Double(max(letters, 1)) } ?? 0
                let atEdge = (cellEnd ?? rightEdge).map { edge in single && letters >= 4 && run.xMax >= edge - 0.6 * charWidth } ?? false
                    && leftEdge.map { run.xMin <= $0 + 2 } ?? true
                lines.append((run.text, atEdge && word?.text.last?.isLetter == true))
            }
            return PDFLayout.join(lines, paragraphs: paragraphs)
        }
    }

    /// A row of the page: the blocks that stand side by side.
    struct Row {
        var blocks: [Block]
        /// Columns covered by a merged cell that started in an earlier row.
        var mergedColumns: Set<Int> = []
        var yMin: Double { blocks.map(\.yMin).min() ?? 0 }
        var yMax: Double { blocks.map(\.yMax).max() ?? 0 }
        var spansTable: Bool { blocks.count == 1 && blocks[0].spansTable }
        var filledColumns: Set<Int> { Set(blocks.filter { !$0.spansTable }.map(\.column)) }
    }

    static func document(name: String, pages: [PDFPage]) -> SourceDocument {
        let pages = pages.map { page in PDFPage(number: page.number, words: page.words.map(Self.markerAsBullet), rules: page.rules) }
        var lines = Self.withoutPageFurniture(pages.map { page in Self.lines(of: page.words) })
        // A program sets a line's words on one foot: there two cells' lines a third of a line
        // apart (a cell's paragraphs spaced apart beside a list) are two lines, not one.
        if Self.jitter(lines.flatMap { $0 }) == 0 {
            lines = Self.withoutPageFurniture(pages.map { page in Self.lines(of: page.words, byFeet: true) })
        }
        let allWords = pages.flatMap(\.words)
        let heights = allWords.map(\.height).sorted()
        let medianHeight = heights.isEmpty ? 12 : heights[heights.count / 2]
        let gaps = lines.flatMap { $0 }.flatMap { line in zip(line, line.dropFirst()).map { $1.xMin - $0.xMax } }
            .filter { $0 > 0 }.sorted()
        // The space between two words of a line that is not stretched: justified lines, many
        // in a scan's recognised text and in a column Word justifies, make the median gap
        // several spaces wide. A program stretches a line's spaces alike (`runs` keeps them
        // together); a recogniser boxes each word a little apart, and there a cell's padding
        // is told from the median space.
        let space = gaps.isEmpty ? medianHeight / 4 : gaps[gaps.count / 2]
        // Stretched spaces differ from line to line, a font's own are all one width: the
        // commonest width (to half a point) is a space, where justified lines are the most.
        let commonest = Dictionary(grouping: gaps, by: { ($0 * 2).rounded() }).max { ($0.value.count, -$0.key) < ($1.value.count, -$1.key) }
        let narrowSpace = gaps.isEmpty ? space : min(gaps[gaps.count / 5], commonest.map { $0.key / 2 } ?? space)
        let jitter = Self.jitter(lines.flatMap { $0 })
        let cellGap = max(2 * (jitter > 0 ? space : narrowSpace), 0.3 * medianHeight)

        let unsplit: [[[Run]]] = zip(pages, lines).map { page, lines in
            lines.map { Self.runs(of: $0, page: page.number, cellGap: cellGap, placed: jitter == 0) }
        }
        let wideGap = max(2.5 * narrowSpace, 0.5 * medianHeight)
        // Each run of pages whose tables share one grid is measured by itself: a document of
        // several tables laid out apart (one per branch, each a few points wider or narrower)
        // measured as one would have every table's edges for columns.
        var segmentStarts: [[Double]] = []
        var segmentOfPage: [Int] = []
        var pageRows: [[Row]] = []
        for segment in Self.segments(unsplit, jitter: jitter) {
            let pages = Array(unsplit[segment])
            let starts = Self.columnStarts(pages.flatMap { $0 }, tolerance: 2)
            let windows = Self.edgeWindows(starts, pages.flatMap { $0 }, tolerance: 2, medianHeight: medianHeight)
            // A run that starts left of every column is no cell's: a line across the table whose
            // words may fall on a column's edge by chance («I.» «Анализ работы …»).
            let runLines = pages.map { page in
                page.map { line in
                    line.flatMap { $0.xMin < (starts.first ?? 0) - 2 ? [$0] : Self.split($0, at: windows, wideGap: wideGap, reach: 0.3 * medianHeight) }
                }
            }
            var geometry = Geometry(
                starts: starts, medianHeight: medianHeight,
                pitch: Self.pitch(runLines, starts: starts, medianHeight: medianHeight, jitter: jitter),
                jitter: jitter,
                rightEdges: Self.rightEdges(runLines, starts: starts))
            geometry.white = Self.white(runLines, starts: starts, pitch: geometry.pitch)
            pageRows += runLines.map { Self.rows($0, geometry: geometry) }
            segmentOfPage += segment.map { _ in segmentStarts.count }
            segmentStarts.append(starts)
        }
        pageRows = Self.joinedByRules(pageRows, rules: pages.map(\.rules))

        var blocks: [SourceDocument.Block] = []
        var table: [Row] = []
        var tableOpen = false
        var header: [[String]] = []
        var lineNumber = 0
        var starts = segmentStarts.first ?? []

        func flushTable() {
            if !table.isEmpty { blocks.append(.table(Self.sourceTable(table, columns: starts.count, name: name))) }
            table = []
            tableOpen = false
        }
        func paragraphs(_ rows: ArraySlice<Row>, page: Int) {
            let runs = rows.flatMap { $0.blocks.flatMap(\.runs) }.sorted { ($0.yMin, $0.xMin) < ($1.yMin, $1.xMin) }
            var line: [Run] = []
            func emit() {
                guard !line.isEmpty else { return }
                lineNumber += 1
                let text = line.sorted { $0.xMin < $1.xMin }.map(\.text).joined(separator: " ")
                blocks.append(.paragraph(text, location: SourceLocation(page: page, line: lineNumber)))
                line = []
            }
            for run in runs {
                if let last = line.last, abs(run.yMin - last.yMin) > 0.5 * medianHeight { emit() }
                line.append(run)
            }
            emit()
        }

        for (pageIndex, page) in pages.enumerated() {
            let rows = pageRows[pageIndex]
            // Another grid is another table.
            if pageIndex > 0, segmentOfPage[pageIndex] != segmentOfPage[pageIndex - 1] {
                flushTable()
                header = []
                starts = segmentStarts[segmentOfPage[pageIndex]]
            }
            // A page with no text (left blank, or holding only its number) goes on with the table.
            guard !rows.isEmpty else { continue }
            let wide = min(3, max(starts.count, 1))
            let first = tableOpen ? rows.startIndex : rows.firstIndex { $0.filledColumns.count >= wide }
            guard let first else {
                paragraphs(rows[...], page: page.number)
                continue
            }
            if !tableOpen { paragraphs(rows[..<first], page: page.number) }
            var last = rows.lastIndex { $0.filledColumns.count >= min(2, wide) } ?? first
            // Lines across the table at the foot of a page, when the next page goes on with the
            // table (with a row, a line across it, or the rest of a cell), are a section or a
            // goal cut by the page break; lines of a cell but the first column's are the end of
            // a row's cell.
            if let next = pageRows.dropFirst(pageIndex + 1).first?.first,
               next.spansTable || next.filledColumns.count >= 2 || Self.goesOnInACell(next),
               rows[(last + 1)...].allSatisfy({ $0.spansTable || !$0.filledColumns.isEmpty && !$0.filledColumns.contains(0) }) {
                last = rows.endIndex - 1
            }
            var body = Array(rows[first...max(first, last)])
            // A header repeated on the new page goes; the row under it may be the rest of the
            // row the page break cut.
            while tableOpen, let top = body.first, header.contains(Self.texts(of: top, columns: starts.count))
                || Self.numbersColumns(Self.texts(of: top, columns: starts.count)) && header.contains(where: Self.numbersColumns) {
                body.removeFirst()
            }
            if tableOpen, let top = body.first, let previous = table.last, Self.continues(top, after: previous, in: table) {
                table[table.count - 1].blocks += top.blocks
                body.removeFirst()
            }
            if header.isEmpty, let top = body.first {
                // The header, and the row numbering its columns («1 | 2 | 3») if one follows.
                header = [Self.texts(of: top, columns: starts.count)]
                if body.count > 1, Self.numbersColumns(Self.texts(of: body[1], columns: starts.count)) {
                    header.append(Self.texts(of: body[1], columns: starts.count))
                }
            }
            // A header found lower than where the table began (after lines a scan's justified
            // text made look like cells): the row numbering the columns, and the row above it.
            // On the page the table begins, what stands above that header is text, not rows.
            if !header.contains(where: Self.numbersColumns),
               let numbered = body.firstIndex(where: { Self.numbersColumns(Self.texts(of: $0, columns: starts.count)) }) {
                header = [Self.texts(of: body[numbered], columns: starts.count)]
                    + (numbered > body.startIndex ? [Self.texts(of: body[numbered - 1], columns: starts.count)] : [])
                if !tableOpen, table.isEmpty, numbered - 1 > body.startIndex {
                    paragraphs(body[..<(numbered - 1)], page: page.number)
                    body.removeFirst(numbered - 1)
                }
            }
            table += body
            tableOpen = true
            if last < rows.endIndex - 1 {
                flushTable()
                paragraphs(rows[(last + 1)...], page: page.number)
            }
        }
        flushTable()
        return SourceDocument(name: name, blocks: blocks)
    }

    /// The document's pages in runs that share one grid of columns: a page whose lines make a
    /// table (five lines of two cells or more) and none of whose edges is one of the run's
    /// (the edges its first such page has) starts a run of its own. A page of prose, or of a
    /// few lines, goes with the run before it; so does a page that shares an edge with it
    /// (the same table with a column its page leaves empty, or one that moves).
    /// A scan's pages each lie a little askew and shifted: there one grid holds for all.
    static func segments(_ pages: [[[Run]]], jitter: Double = 0) -> [Range<Int>] {
        guard jitter == 0 else { return [pages.indices] }
        var segments: [Range<Int>] = []
        var start = 0
        var grid: [Double]?
        for (index, page) in pages.enumerated() where page.filter({ $0.count >= 2 }).count >= 5 {
            let starts = Self.columnStarts(page, tolerance: 2)
            guard let current = grid else {
                grid = starts
                continue
            }
            if starts.count >= 2, !starts.contains(where: { edge in current.contains { abs($0 - edge) <= 2 } }) {
                segments.append(start..<index)
                start = index
                grid = starts
            }
        }
        segments.append(start..<pages.count)
        return segments
    }

    /// A list's marker drawn from a symbol font (Word's «» is U+F0B7 of Symbol) comes out as
    /// a character of the private use area: it is a bullet.
    static func markerAsBullet(_ word: PDFPage.Word) -> PDFPage.Word {
        guard !word.text.isEmpty, word.text.unicodeScalars.allSatisfy({ (0xE000...0xF8FF).contains($0.value) }) else { return word }
        var bullet = word
        bullet.text = "•"
        return bullet
    }

    /// The pages' lines without what stands above or below the text of every page: a page
    /// number («3», «- 3 -», «Страница 3 из 5») and a running line repeated at the top or
    /// foot of several pages («Продолжение приложения 1 к приказу …»). Left in, they end the
    /// table at each page break, and the row a page break cut is no longer joined again.
    static func withoutPageFurniture(_ pages: [[[PDFPage.Word]]]) -> [[[PDFPage.Word]]] {
        guard pages.count >= 2 else { return pages }
        func text(_ line: [PDFPage.Word]) -> String { line.map(\.text).joined(separator: " ") }
        func isPageNumber(_ line: [PDFPage.Word]) -> Bool {
            let folded = RussianText.folded(text(line))
            return folded.wholeMatch(of: /[-–—\s]*\d{1,3}[-–—\s]*/) != nil
                || folded.wholeMatch(of: /(?:страница|стр\.?|лист)\s*\d{1,3}(?:\s*(?:из|\/)\s*\d{1,3})?/) != nil
        }
        // One phrase, not cells: no gap in it wider than two letters' height.
        func isOnePhrase(_ line: [PDFPage.Word]) -> Bool {
            zip(line, line.dropFirst()).allSatisfy { $1.xMin - $0.xMax < 2 * max($0.height, 1) }
        }
        func key(_ line: [PDFPage.Word]) -> String {
            RussianText.folded(text(line)).replacingOccurrences(of: #"\d+"#, with: "#", options: .regularExpression)
        }
        var atEdges: [String: Set<Int>] = [:]
        for (index, page) in pages.enumerated() {
            for line in page.prefix(2) + page.suffix(2) where isOnePhrase(line) { atEdges[key(line), default: []].insert(index) }
        }
        func isRunning(_ line: [PDFPage.Word]) -> Bool {
            isPageNumber(line) || isOnePhrase(line) && (atEdges[key(line)]?.count ?? 0) >= 2
        }
        // It stands apart from the text: half a line's height or more away.
        func apart(_ line: [PDFPage.Word], _ next: [PDFPage.Word]?) -> Bool {
            guard let next, let height = line.map(\.height).max() else { return true }
            let top = line.map(\.yMin).min() ?? 0, bottom = line.map(\.yMax).max() ?? 0
            let nextTop = next.map(\.yMin).min() ?? 0, nextBottom = next.map(\.yMax).max() ?? 0
            return nextTop >= bottom + height / 2 || nextBottom <= top - height / 2
        }
        // Numbers that count the pages (a page's number less its place the same on two pages
        // or more, at the same height) go however close they stand to the text: Word sets them
        // two points above a table's title.
        func counted(_ lines: (Int) -> [PDFPage.Word]?) -> Set<Int> {
            var byOffset: [Int: [(page: Int, y: Double)]] = [:]
            for index in pages.indices {
                guard let line = lines(index), isPageNumber(line),
                      let number = Int(text(line).filter(\.isNumber)), let y = line.first?.yCenter else { continue }
                byOffset[number - index, default: []].append((index, y))
            }
            guard let pages = byOffset.values.max(by: { $0.count < $1.count }), pages.count >= 2,
                  let low = pages.map(\.y).min(), let high = pages.map(\.y).max(), high - low <= 5 else { return [] }
            return Set(pages.map(\.page))
        }
        let numberedAtTop = counted { pages[$0].first }
        let numberedAtFoot = counted { pages[$0].last }
        return pages.enumerated().map { index, page in
            var page = page
            if numberedAtTop.contains(index) { page.removeFirst() }
            if numberedAtFoot.contains(index), !page.isEmpty { page.removeLast() }
            for _ in 0..<2 {
                if let first = page.first, isRunning(first), apart(first, page.dropFirst().first) { page.removeFirst() }
                if let last = page.last, isRunning(last), apart(last, page.dropLast().last) { page.removeLast() }
            }
            return page
        }
    }

    /// «1 | 2 | 3 | 4 | 5» under a header: each filled cell one more than the one before.
    static func numbersColumns(_ texts: [String]) -> Bool {
        // A scan's recognised «3» is now and then a «з».
        let numbers = texts.filter { !$0.isEmpty }.map { text in
            let digits = text.trimmingCharacters(in: .whitespaces)
            return Int(digits == "з" || digits == "З" ? "3" : digits)
        }
        guard numbers.count >= 3, let first = numbers.first ?? nil else { return false }
        return numbers.enumerated().allSatisfy { $0.element == first + $0.offset }
    }

    /// Words grouped into lines by their vertical centres, each line left to right; or, for a
    /// program's words, by their feet, a sixth of a line's height from the line's first foot
    /// at most (a figure's box starts lower and ends on the words' foot; a list marker's
    /// ends on it or up to 0.7 of a point below).
    static func lines(of words: [PDFPage.Word], byFeet: Bool = false) -> [[PDFPage.Word]] {
        if byFeet {
            var lines: [[PDFPage.Word]] = []
            for word in words.sorted(by: { $0.yMax < $1.yMax }) {
                if let first = lines.last?.first, abs(word.yMax - first.yMax) < min(word.height, first.height) / 6 {
                    lines[lines.count - 1].append(word)
                } else {
                    lines.append([word])
                }
            }
            return lines.map { $0.sorted { $0.xMin < $1.xMin } }
        }
        var lines: [[PDFPage.Word]] = []
        for word in words.sorted(by: { $0.yCenter < $1.yCenter }) {
            if let last = lines.last?.first, abs(word.yCenter - last.yCenter) < 0.4 * min(word.height, last.height) {
                lines[lines.count - 1].append(word)
            } else {
                lines.append([word])
            }
        }
        return lines.map { $0.sorted { $0.xMin < $1.xMin } }
    }

    /// Where a program `placed` the words (not a recogniser), a row's number is told by its gap
    /// too.
    static func runs(of line: [PDFPage.Word], page: Int, cellGap: Double, placed: Bool = true) -> [Run] {
        var runs: [Run] = []
        // A justified line stretches each of its spaces alike: a wide gap as wide as the one
        // beside it is a stretched space, not the padding between two cells.
        let gaps = zip(line, line.dropFirst()).map { $1.xMin - $0.xMax }
        func stretched(_ index: Int) -> Bool {
            let gap = gaps[index]
            return [index - 1, index + 1].contains { gaps.indices.contains($0) && abs(gaps[$0] - gap) < 0.35 }
        }
        for (index, word) in line.enumerated() {
            guard let current = runs.last, let last = current.words.last else {
                runs.append(Run(words: [word], page: page))
                continue
            }
            let gap = word.xMin - last.xMax
            // A row's number is a cell of its own, however wide the stretched spaces of the
            // justified action beside it happen to be («1.1» «Организация доступности …»).
            let number = placed && current.words.count == 1 && last.text.contains(".") && CellRunTable.isRowNumber(last.text) && gap > cellGap
            if !number, gap <= cellGap || stretched(index - 1) {
                runs[runs.count - 1].words.append(word)
            } else {
                runs.append(Run(words: [word], page: page))
            }
        }
        return runs
    }

    /// A run split where one of its words starts at a column's edge after a word that ended
    /// before it: a cell filled to its right border leaves no wider gap before the next one
    /// («февраль 2025» «Комитет»). A line across the table (a section) does not start a word
    /// at an edge but by chance, and a chance that close is rare. An edge is a point, or the
    /// few points a scan's recognised text starts its lines at (`edgeWindows`).
    ///
    /// A gap over a column's edge (or ending up to `reach` before it: centred text; or up to
    /// `headingLead(width:)`: a heading centred over a wide column, «Классы» over «1–11») is a
    /// cell's end too when it is as wide as `wideGap`, the gap no space between two words of a
    /// line across the table comes to. It matters where a justified text's stretched spaces
    /// are as wide as the padding between two cells, and the padding alone cannot tell them
    /// apart.
    static func split(_ run: Run, at windows: [ClosedRange<Double>], wideGap: Double = .infinity, reach: Double = 1) -> [Run] {
        var runs = [Run(words: [], page: run.page)]
        let words = run.words
        // A gap as wide as the one before or after it, before a word at no edge, is one of a
        // line's spaces, stretched alike where the line is justified: a word after it starts
        // at an edge by chance. (Between cells filled to their borders, every gap is as wide
        // as the next, and every word after one starts at an edge.)
        func isSpace(_ index: Int) -> Bool {
            let gap = words[index].xMin - words[index - 1].xMax
            // Not a gap wider than a justified line stretches its spaces, and only in a line
            // that runs on across the next edge too: a cell's last line, justified, may end
            // a gap as wide before the next cell's word.
            guard gap < 2 * min(wideGap, 20), let end = words.last?.xMax,
                  windows.contains(where: { $0.lowerBound > words[index].xMin + 2 && end > $0.upperBound }) else { return false }
            return [index - 1, index + 1].contains { other in
                other >= 1 && other < words.count && abs(words[other].xMin - words[other - 1].xMax - gap) < 0.35
                    && !windows.contains { $0.contains(words[other].xMin) }
            }
        }
        func endsJustified(_ index: Int) -> Bool {
            guard index >= 2 else { return false }
            let stretched = words[index - 1].xMin - words[index - 2].xMax
            return words[index].xMin - words[index - 1].xMax < stretched / 3
        }
        for (index, word) in words.enumerated() {
            if let previous = runs[runs.count - 1].words.last, !isSpace(index),
               windows.contains(where: { edge in
                   // A justified cell's last word may reach a hair past its border (304.63 before
                   // an edge at 305.09): it ended before the word at the edge began. The next
                   // cell's word may start two points into its column after a narrow gap that
                   // ends spaces stretched wide, or, on a foot of its own (another cell's line
                   // less than a point off), after a word flush against the border
                   // («устройства,» «Свод», «документация» «Свод»). A heading's words share one foot.
                   (edge.contains(word.xMin) || word.xMin > edge.upperBound && word.xMin <= edge.upperBound + 2
                       && (endsJustified(index) || previous.xMax >= edge.lowerBound - 0.5 && abs(word.yMax - previous.yMax) >= 0.3))
                       && previous.xMax < min(edge.lowerBound + 1, word.xMin)
                       || previous.xMax < edge.lowerBound + 0.5 && word.xMin - previous.xMax >= wideGap
                       && word.xMin >= edge.lowerBound - max(reach, Self.headingLead(width: word.xMax - word.xMin))
               }) {
                runs.append(Run(words: [word], page: run.page))
            } else {
                runs[runs.count - 1].words.append(word)
            }
        }
        return runs
    }

    /// How far left of its column's edge a heading `width` wide may start: centred over a
    /// column wider than its cells' text («Классы» over «1–11»), it begins a little left of
    /// where they do, a quarter of its width at most and never more than 12 points.
    static func headingLead(width: Double) -> Double { min(0.25 * width, 12) }

    static func column(of run: Run, starts: [Double]) -> Int {
        var column = starts.lastIndex { $0 <= run.xMin + 2 } ?? 0
        // A heading centred over a column wider than its cells' text begins a little left of
        // where they do.
        while column + 1 < starts.count, run.xMax > starts[column + 1] + 2,
              starts[column + 1] - run.xMin < Self.headingLead(width: run.xMax - run.xMin),
              column + 2 >= starts.count || run.xMax <= starts[column + 2] + 2 {
            column += 1
        }
        return column
    }

    /// What the whole document says about its table: where columns start and end, and the
    /// distance between two lines of one cell.
    struct Geometry {
        var starts: [Double]
        var medianHeight: Double
        var pitch: Double
        /// How far apart the words of one line stand up and down (`jitter(_:)`).
        var jitter: Double = 0
        /// The white between the boxes of two lines of one cell, one pitch apart (less than
        /// none where a font's boxes overlap): the same between a line of a symbol font's list
        /// marker, or of a heading set a size larger, and the next, though they stand further
        /// apart than the pitch.
        var white: Double = 0
        /// The rightmost point text reaches in each column.
        var rightEdges: [Double]
        /// As far as a cell's text may reach in each column: the next column's start less the
        /// least padding seen between a column's text and the next column. A long word that
        /// only filled its line stops short of it («эпидемиологической»); a word too long for
        /// its column, broken there, reaches it.
        var cellEnds: [Double] {
            let paddings = zip(rightEdges, starts.dropFirst()).filter { $0.0 > 0 }.map { max(0, $1 - $0) }
            guard let padding = paddings.min() else { return rightEdges }
            return rightEdges.indices.map { column in
                column + 1 < starts.count && rightEdges[column] > 0 ? max(rightEdges[column], starts[column + 1] - padding) : rightEdges[column]
            }
        }
    }

    /// How far apart the words of one line stand up and down: none where a program placed
    /// them, half a point to a point where they were recognised on a scan (the page a little
    /// askew, each word boxed as the recogniser saw it).
    static func jitter(_ lines: [[PDFPage.Word]]) -> Double {
        let spreads = lines.filter { $0.count >= 2 }.map { line in
            (line.map(\.yMin).max() ?? 0) - (line.map(\.yMin).min() ?? 0)
        }.sorted()
        guard !spreads.isEmpty else { return 0 }
        // A program draws most lines level, though a few stray (text set lower in its cell, by
        // half a point): only where hardly a line is level were the words recognised. Lines of
        // one cell stray least; those across several cells stray most.
        guard spreads[spreads.count / 2] > 0.005 else { return 0 }
        return min(max(spreads[spreads.count * 4 / 5], 0.2), 2)
    }

    /// The distance between two lines of one cell's text.
    static func pitch(_ pages: [[[Run]]], starts: [Double], medianHeight: Double, jitter: Double = 0) -> Double {
        var deltas: [Int: Int] = [:]
        for page in pages {
            let byColumn = Self.byColumn(page, starts: starts)
            // A program's lines are measured by their feet: where it boxes each word by its own
            // letters, a line of figures or of small letters («п/п», «этап») has its top a point
            // or two lower than a line with capitals, and every line the same foot. A scan's
            // boxes stray at both ends alike.
            let y = { (run: Run) in jitter > 0 ? run.yMin : run.yMax }
            for runs in byColumn.values {
                let sorted = runs.sorted { y($0) < y($1) }
                for (upper, lower) in zip(sorted, sorted.dropFirst()) {
                    let delta = y(lower) - y(upper)
                    if delta > 0.7 * medianHeight, delta < 1.8 * medianHeight { deltas[Int((delta * 10).rounded()), default: 0] += 1 }
                }
            }
        }
        // Runs of one cell stand one line pitch apart; runs of two rows of one-line cells stand
        // further apart, and in a small table may be the commoner. The pitch is the smallest
        // distance seen twice or more (a tenth of a point of jitter either way belongs to it).
        // Recognised text strays by its jitter: the distances of one pitch spread as wide. One
        // seen twice by chance below them (in a scan, or between the lines of a smaller type
        // above the table) is no pitch: a tenth of the commonest at least.
        let spread = max(1, Int((jitter * 10).rounded()))
        func near(_ key: Int) -> Int { (key - spread...key + spread).reduce(0) { $0 + (deltas[$1] ?? 0) } }
        let least = max(2, (deltas.keys.map(near).max() ?? 0) / 10)
        let repeated = deltas.keys.sorted().filter { near($0) >= least }
        guard var smallest = repeated.first ?? deltas.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else {
            return 1.2 * medianHeight
        }
        // A table of one-line rows but one has its row distance seen again and again, and the
        // pitch of that one cell once: a distance that much smaller, and a line's height, is
        // the pitch (no chance puts two lines of one column that close).
        if jitter == 0, let least = deltas.keys.min(), Double(least) < 0.8 * Double(smallest), Double(least) / 10 >= 0.75 * medianHeight {
            smallest = least
        }
        // Two row numbers one under the other in the first column stand a row apart, never a
        // pitch: in a table of one-line rows under a one-line header, no distance seen is a
        // pitch, and the row distance taken for one would make the table one row. (On a scan the
        // numbers start the rows already.)
        if jitter == 0, let rows = Self.rowDistance(pages, starts: starts, medianHeight: medianHeight), Double(smallest) / 10 > rows - 1 {
            guard let below = repeated.last(where: { Double($0) / 10 < rows - 1 }) else { return min(1.2 * medianHeight, 0.85 * rows) }
            smallest = below
        }
        let close = deltas.keys.filter { abs($0 - smallest) <= spread }
        return Double(close.max() ?? smallest) / 10
    }

    /// A page's runs by the column each starts in.
    static func byColumn(_ page: [[Run]], starts: [Double]) -> [Int: [Run]] {
        Dictionary(grouping: page.flatMap { $0 }) { Self.column(of: $0, starts: starts) }
    }

    /// The commonest white between the boxes of two lines of one column a pitch apart (by
    /// their feet), to a tenth of a point; none where no two lines stand a pitch apart.
    static func white(_ pages: [[[Run]]], starts: [Double], pitch: Double) -> Double {
        var whites: [Int: Int] = [:]
        for page in pages {
            for runs in Self.byColumn(page, starts: starts).values {
                let sorted = runs.sorted { $0.yMax < $1.yMax }
                for (upper, lower) in zip(sorted, sorted.dropFirst()) where abs(lower.yMax - upper.yMax - pitch) <= 0.3 {
                    whites[Int(((lower.yMin - upper.yMax) * 10).rounded()), default: 0] += 1
                }
            }
        }
        return Double(whites.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0) / 10
    }

    /// The least distance between two row numbers one under the other in the first column
    /// («1.» over «2.», «1.1» over «1.2»), if any.
    static func rowDistance(_ pages: [[[Run]]], starts: [Double], medianHeight: Double) -> Double? {
        var least: Double?
        for page in pages {
            let numbers = page.flatMap { $0 }.filter { Self.column(of: $0, starts: starts) == 0 }.sorted { $0.yMin < $1.yMin }
            for (upper, lower) in zip(numbers, numbers.dropFirst()) where CellRunTable.isRowNumber(upper.text) && CellRunTable.isRowNumber(lower.text) && upper.text != lower.text {
                let delta = lower.yMin - upper.yMin
                if delta > 0.7 * medianHeight { least = min(least ?? delta, delta) }
            }
        }
        return least
    }

    static func rightEdges(_ pages: [[[Run]]], starts: [Double]) -> [Double] {
        var edges = Array(repeating: 0.0, count: starts.count)
        for run in pages.flatMap({ $0.flatMap { $0 } }) {
            let column = Self.column(of: run, starts: starts)
            if column + 1 >= starts.count || run.xMax <= starts[column + 1] + 2 { edges[column] = max(edges[column], run.xMax) }
        }
        return edges
    }

    /// The rows of one page: blocks per column, grouped by overlapping heights.
    static func rows(_ lines: [[Run]], geometry: Geometry) -> [Row] {
        let starts = geometry.starts
        let medianHeight = geometry.medianHeight
        var spanning: [Block] = []
        var columns = Array(repeating: [Run](), count: starts.count)
        // The line each column's last run stood on.
        var lastLine = Array(repeating: -1, count: starts.count)
        // A line drawn with underscores (where the signature goes) is no text.
        for (lineIndex, line) in lines.enumerated() {
            for run in line where !run.text.allSatisfy({ $0 == "_" || $0 == " " }) {
                var column = Self.column(of: run, starts: starts)
                // A run that starts after another of its line's runs in the same column and
                // ends in the next column only is the next column's text, whose edge this
                // page sets further left than the grid has it (a column the header merged with
                // the one before it), not a line across the table.
                if column > 0, column + 1 < starts.count, run.xMax > starts[column + 1] + 2,
                   column + 2 >= starts.count || run.xMax <= starts[column + 2] + 2,
                   line.contains(where: { $0.xMax < run.xMin && Self.column(of: $0, starts: starts) == column }) {
                    column += 1
                }
                if column + 1 < starts.count, run.xMax > starts[column + 1] + 2 {
                    spanning.append(Block(column: column, runs: [run], spansTable: true))
                } else if let last = columns[column].last, lastLine[column] == lineIndex || abs(last.yMin - run.yMin) < 0.5 {
                    // Two words of one cell a justified line set far apart, or a list's marker
                    // and its text a tab apart, the marker's box standing taller than the words.
                    columns[column][columns[column].count - 1].words += run.words
                } else {
                    columns[column].append(run)
                }
                lastLine[column] = lineIndex
            }
        }
        // The next line of a heading across the table, one pitch under it and starting where
        // it starts, may end inside one column (it is shorter): alone on its line, it is the
        // heading's, not a cell's («Меры по совершенствованию … и его» «руководства в целях …»).
        let headingReach = geometry.pitch + 0.3 + geometry.jitter
        for index in spanning.indices {
            while let last = spanning[index].runs.last {
                let below = columns.indices.lazy.compactMap { column in
                    columns[column].firstIndex { run in
                        run.page == last.page && abs(run.xMin - last.xMin) <= 2 && run.yMin - last.yMin > 1 && run.yMin - last.yMin <= headingReach
                    }.map { (column, $0) }
                }.first
                guard let (column, position) = below else { break }
                let run = columns[column][position]
                // Alone on its line, or with words a space apart that an edge split from it by
                // chance («МБУДО» «СШ «КАШИРА»»).
                let level = columns.indices.flatMap { other in columns[other].indices.filter { abs(columns[other][$0].yMin - run.yMin) < 1 }.map { (other, $0) } }
                let pieces = level.map { columns[$0.0][$0.1] }.sorted { $0.xMin < $1.xMin }
                guard zip(pieces, pieces.dropFirst()).allSatisfy({ $1.xMin - $0.xMax < 0.5 * medianHeight }) else { break }
                spanning[index].runs.append(Run(words: pieces.flatMap(\.words), page: run.page))
                for (other, position) in level.sorted(by: { $0.1 > $1.1 }) { columns[other].remove(at: position) }
            }
        }
        // A section's number in the first column, level with the line across the table that
        // names it («2.» «Меры по …»), or midway down a heading of several lines, is that
        // heading's beginning.
        let level = 1 + geometry.jitter
        for (index, heading) in spanning.enumerated() where heading.column > 0 {
            // Level by the foot of their words: a bold heading's boxes stand taller than a number's.
            guard let number = columns[0].firstIndex(where: { number in
                number.xMax < heading.runs[0].xMin && (abs(number.yMax - heading.runs[0].yMax) <= level
                    || heading.runs.count > 1 && (number.yMin + number.yMax) / 2 > heading.yMin && (number.yMin + number.yMax) / 2 < heading.yMax)
            }) else { continue }
            let first = Run(words: columns[0][number].words + heading.runs[0].words, page: heading.page)
            spanning[index] = Block(column: 0, runs: [first] + heading.runs.dropFirst(), spansTable: true)
            columns[0].remove(at: number)
        }
        // Lines across the table one pitch apart are one heading of several lines.
        spanning.sort { $0.yMin < $1.yMin }
        var headings: [Block] = []
        for block in spanning {
            if let last = headings.last, block.yMin - last.yMax < 0.6 * medianHeight {
                headings[headings.count - 1].runs += block.runs
            } else {
                headings.append(block)
            }
        }
        // The row numbering the columns («1 | 2 | 3 | 4») is a row of its own, however close
        // the first row of the table stands under it.
        let numbering = Set(lines.filter { line in
            line.count >= 3 && Self.numbersColumns(line.map(\.text)) && line.map { Self.column(of: $0, starts: starts) } == Array(0..<line.count)
        }.flatMap { $0.map(\.yMin) })
        // Where the words were recognised on a scan, the lines of a cell and the first line of
        // the next row may stand one pitch apart alike: a new row starts where the first
        // column starts a cell (its number), in every column.
        var rowStarts: [Double] = []
        if geometry.jitter > 0, let first = columns.first {
            let sorted = first.sorted { $0.yMin < $1.yMin }
            rowStarts = zip([nil] + sorted.map(Optional.some), sorted).compactMap { previous, run in
                guard let previous else { return run.yMin }
                return run.yMin - previous.yMin > geometry.pitch + 0.3 + geometry.jitter || numbering.contains(previous.yMin) ? run.yMin : nil
            }
        }

        // How far down the next line of a cell may stand. A scan's lines stray, and its pitch
        // with them (13.9 to 16.6 points in one table); there the first column's numbers
        // start the rows, and a cell's lines may stand a quarter of a pitch further apart.
        let reach = geometry.jitter > 0 ? max(geometry.pitch + 0.3 + 2 * geometry.jitter, 1.25 * geometry.pitch) : geometry.pitch + 0.3
        // The white between two lines of a cell, the boxes of their words apart.
        let leading = geometry.white + 0.3
        var blocks: [Block] = []
        let cellEnds = geometry.cellEnds
        for (column, runs) in columns.enumerated() where !runs.isEmpty {
            let sorted = runs.sorted { $0.yMin < $1.yMin }
            // A word broken with no hyphen at the column's right edge is a program's doing; a
            // scan's text reaching the edge is a justified line's last word.
            let edge = geometry.jitter > 0 ? nil : geometry.rightEdges[column]
            let cellEnd = geometry.jitter > 0 ? nil : cellEnds[column]
            var current = Block(column: column, runs: [sorted[0]], spansTable: false, rightEdge: edge, cellEnd: cellEnd, leftEdge: starts[column])
            for run in sorted.dropFirst() {
                let previous = current.runs[current.runs.count - 1]
                let crossesHeading = headings.contains { $0.yMin > previous.yMin && $0.yMin < run.yMin }
                let startsRow = column > 0 && rowStarts.contains { abs($0 - run.yMin) <= level }
                // By their feet (a scan's by their tops): where a program boxes each word by its
                // own letters, a line of figures has its top a point or two lower than a line of
                // words, and the same foot. A line with a list's marker from a symbol font
                // stands taller, and the next line that much lower: the white between the two
                // is as narrow as between any two lines of a cell (its top taken from its foot
                // where its letters, Latin or figures, stand lower than a line's height).
                let apart = (geometry.jitter > 0 ? run.yMin - previous.yMin : run.yMax - previous.yMax) > reach
                    && (geometry.jitter > 0 || min(run.yMin, run.yMax - medianHeight) - previous.yMax > leading)
                if apart || crossesHeading || startsRow
                    || numbering.contains(previous.yMin) || numbering.contains(run.yMin) {
                    blocks.append(current)
                    current = Block(column: column, runs: [run], spansTable: false, rightEdge: edge, cellEnd: cellEnd, leftEdge: starts[column])
                } else {
                    current.runs.append(run)
                }
            }
            blocks.append(current)
        }

        // A block that overlaps two blocks of a column with more of them is a merged cell.
        let counts = Dictionary(grouping: blocks, by: \.column).mapValues(\.count)
        func isMerged(_ block: Block) -> Bool {
            for (column, count) in counts where column != block.column && count > (counts[block.column] ?? 0) {
                if blocks.filter({ $0.column == column && $0.overlaps(block) }).count >= 2 { return true }
            }
            return false
        }
        let merged = blocks.filter(isMerged)
        let plain = blocks.filter { !isMerged($0) } + headings

        var rows: [Row] = []
        for block in plain.sorted(by: { $0.yMin < $1.yMin }) {
            if let last = rows.last, !block.spansTable, !last.spansTable, block.yMin < last.yMax - 1 {
                rows[rows.count - 1].blocks.append(block)
            } else {
                rows.append(Row(blocks: [block]))
            }
        }
        for block in merged {
            let covered = rows.indices.filter { index in
                !rows[index].spansTable && rows[index].blocks.contains { $0.overlaps(block) }
            }
            guard let first = covered.first else {
                rows.append(Row(blocks: [block]))
                continue
            }
            rows[first].blocks.append(block)
            for index in covered.dropFirst() { rows[index].mergedColumns.insert(block.column) }
        }
        return rows.sorted { $0.yMin < $1.yMin }
    }

    /// The rows of each page with those its table draws no border between joined: a cell of
    /// many lines («7.» «Гражданско-патриотическое направление …» with its items and a date
    /// beside each) is one row however far apart its lines stand, where the table is drawn
    /// with a rule under each row. Only a document that draws rules between most of the rows
    /// found is read so: a table drawn with its frame alone, or with none, says nothing.
    static func joinedByRules(_ pageRows: [[Row]], rules: [[PDFPage.Rule]]) -> [[Row]] {
        let lines = rules.map(Self.rowRules)
        // For each page, whether a rule stands between each row and the next, where both stand
        // between the page's first rule and its last (nil elsewhere): whether the rows' first
        // lines lie between different pairs of rules. (By the middle of a row's first line: a
        // merged cell reaches down past the rows beside it, and a cell's text may touch the
        // rule above it.)
        let between: [[Bool?]] = pageRows.indices.map { page in
            let rows = pageRows[page], lines = page < lines.count ? lines[page] : []
            guard let top = lines.first, let bottom = lines.last, top < bottom else { return rows.map { _ in nil } }
            let bands = rows.map { row -> Int? in
                guard let first = row.blocks.flatMap(\.runs).min(by: { $0.yMin < $1.yMin }) else { return nil }
                let middle = (first.yMin + first.yMax) / 2
                return middle > top && middle < bottom ? lines.filter { $0 < middle }.count : nil
            }
            return rows.indices.map { index -> Bool? in
                guard index + 1 < rows.count, let band = bands[index], let next = bands[index + 1] else { return nil }
                return band != next
            }
        }
        let ruled = between.joined().filter { $0 == true }.count
        let unruled = between.joined().filter { $0 == false }.count
        guard ruled >= 3, ruled * 5 >= (ruled + unruled) * 2, unruled > 0 else { return pageRows }
        return zip(pageRows, between).map { rows, between in
            var joined: [Row] = []
            for (index, row) in rows.enumerated() {
                if index > 0, between[index - 1] == false, !joined.isEmpty {
                    joined[joined.count - 1].blocks += row.blocks
                    joined[joined.count - 1].mergedColumns.formUnion(row.mergedColumns)
                } else {
                    joined.append(row)
                }
            }
            return joined
        }
    }

    /// Where a page's rules run across most of its table (the widest span its rules cover):
    /// a row's border, drawn whole or cell by cell, and not an underline or a cell's inner line.
    static func rowRules(_ rules: [PDFPage.Rule]) -> [Double] {
        guard let left = rules.map(\.xMin).min(), let right = rules.map(\.xMax).max(), right - left > 50 else { return [] }
        var groups: [[PDFPage.Rule]] = []
        for rule in rules.sorted(by: { $0.y < $1.y }) {
            if let first = groups.last?.first, rule.y - first.y <= 1 {
                groups[groups.count - 1].append(rule)
            } else {
                groups.append([rule])
            }
        }
        return groups.compactMap { group in
            var covered = 0.0
            var reach = -Double.infinity
            for rule in group.sorted(by: { $0.xMin < $1.xMin }) {
                covered += max(0, rule.xMax - max(rule.xMin, reach))
                reach = max(reach, rule.xMax)
            }
            guard covered >= 0.5 * (right - left) else { return nil }
            return group.map(\.y).reduce(0, +) / Double(group.count)
        }
    }

    /// Whether `row`, at the top of a page, is the rest of `previous`, cut by the page break.
    static func continues(_ row: Row, after previous: Row, in table: [Row]) -> Bool {
        if row.spansTable && previous.spansTable { return true }
        guard !row.spansTable, !previous.spansTable else { return false }
        let body = table.dropFirst().filter { !$0.spansTable }
        guard body.count >= 2 else { return false }
        guard !row.filledColumns.contains(0) else { return false }
        let firstFilled = body.filter { $0.filledColumns.contains(0) }.count
        return firstFilled * 5 >= body.count * 4 || Self.goesOnInACell(row)
    }

    /// A row whose first cell but the first column's goes on in small letters («связанным с
    /// обеспечением …») or with the next item of a list («- возможность выбора …»): the rest
    /// of a cell a page break cut, however many rows of the table lack a number.
    static func goesOnInACell(_ row: Row) -> Bool {
        guard !row.spansTable, !row.filledColumns.contains(0),
              let first = row.blocks.min(by: { ($0.column, $0.yMin) < ($1.column, $1.yMin) })?.text.first else { return false }
        return first.isLowercase || "-–•".contains(first)
    }

    static func texts(of row: Row, columns: Int) -> [String] {
        (0..<max(columns, 1)).map { column in
            // Blocks of one cell on one page are paragraphs; the part of a cell a page break
            // carried over goes on the line it was cut from.
            let blocks = row.blocks.filter { $0.column == column }.sorted { ($0.page, $0.yMin) < ($1.page, $1.yMin) }
            var text = ""
            for (index, block) in blocks.enumerated() {
                if index == 0 {
                    text = block.text
                } else if block.page != blocks[index - 1].page {
                    text = Self.join([(text, false), (block.text, false)])
                } else {
                    text += "\n" + block.text
                }
            }
            return text
        }
    }

    static func sourceTable(_ rows: [Row], columns: Int, name: String) -> SourceTable {
        let width = max(columns, 1)
        let cells: [[SourceCell]] = rows.enumerated().map { index, row in
            let page = row.blocks.first?.runs.first?.page
            if row.spansTable {
                let location = SourceLocation(page: page, row: index + 1, column: 1)
                return [SourceCell(text: row.blocks[0].text, location: location)]
                    + (1..<width).map { SourceCell(text: "", location: SourceLocation(page: page, row: index + 1, column: $0 + 1), mergedFromLeft: true) }
            }
            let texts = Self.texts(of: row, columns: width)
            return texts.enumerated().map { column, text in
                SourceCell(
                    text: text, location: SourceLocation(page: page, row: index + 1, column: column + 1),
                    mergedFromAbove: text.isEmpty && row.mergedColumns.contains(column))
            }
        }
        return SourceTable(rows: cells)
    }

    /// The lines of one cell as one text: a word broken with a hyphen at the end of a line is
    /// joined again («нормативно-» «правовых»), and so is a word too long for its column,
    /// broken where the line ended («Ответственн» «ый»); a line that starts a numbered item
    /// («2.», «2.1.», «а)») starts a line of its own, as it did in the document, and so does a
    /// line in `paragraphs` (begun by hand).
    static func join(_ lines: [(text: String, brokenAtEdge: Bool)], paragraphs: Set<Int> = []) -> String {
        var text = ""
        var brokenAtEdge = false
        for (index, (line, broken)) in lines.enumerated() {
            defer { brokenAtEdge = broken }
            if text.isEmpty {
                text = line
            } else if text.hasSuffix("\u{AD}"), let first = line.first, first.isLowercase {
                // A recogniser writes a hyphen at a line's end as a soft one: where a word broke
                // («законодатель­ства») it goes; where two stems join («финансово­хозяйственной»,
                // «нормативно-правовых»: the first ends in «-но», «-во», «-ко») it was a hyphen.
                text.removeLast()
                let stem = String(text.reversed().prefix { $0.isLetter }.reversed())
                text += stem.count >= 5 && ["но", "во", "ко"].contains(String(stem.suffix(2))) ? "-" + line : line
            } else if let dash = text.last, dash == "-" || dash == "–", let before = text.dropLast().last, let first = line.first,
                      before.isNumber && first.isNumber || dash == "-" && (before.isLetter || before.isNumber) && (first.isUppercase || first.isNumber) {
                // A range broken after its dash («2023-» «2024 учебный год», «7–» «9 кл.», «I-»
                // «XI»), a name of two capitalised parts («Верх-» «Чебула»), or a word and its
                // number («COVID-» «19»).
                text += line
            } else if text.hasSuffix("-") && (text.dropLast().last.map { $0.isLetter || $0.isNumber } ?? false) || brokenAtEdge,
                      let first = line.first, first.isLowercase {
                // A word broken at its hyphen, or too long for its column. A hyphen standing
                // alone («ДОУ -» «победителей») or after a sign («о: -» «модельной») is a dash,
                // and the line broke at the space after it.
                text += line
            } else if !line.isEmpty, line.allSatisfy({ ",;:".contains($0) }) {
                // A sign a narrow column carried over to a line of its own («01.06.2016» «,»).
                text += line
            } else if Self.startsItem(line) || paragraphs.contains(index) {
                text += "\n" + line
            } else {
                text += " " + line
            }
        }
        return text
    }

    static func startsItem(_ line: String) -> Bool {
        if line.first == "•" { return true }
        let head = line.prefix { !$0.isWhitespace }
        guard let last = head.last, last == "." || last == ")" else { return false }
        let body = head.dropLast()
        // «а)», «б)»; not «г.», which is «год».
        if body.count == 1, last == ")", let letter = body.first, letter.isLetter, letter.isLowercase { return true }
        return !body.isEmpty && body.allSatisfy { $0.isNumber || $0 == "." } && body.first?.isNumber == true
    }
}
