import Foundation
@testable import RoadmapDomain
import Testing

@testable import RoadmapImport

/// The real plans of the corpus, each typeset again as committees publish them: a bordered
/// table saved as PDF by LibreOffice, in the three ways Word and Writer set a plan's cells,
/// and printed by Chromium (`Typesetting`). Every document read right is rebuilt as a table of
/// its own actions (`CorpusShapesTests.rows(of:)`), the tables of one typesetting are converted
/// in one run of LibreOffice (or of Chromium), and each PDF must read back as the same actions
/// with the same deadlines: the PDF reader knows nothing of where a table's columns are but
/// the words' positions, and holding on the five PDFs it was built on is not reading PDFs. CI
/// installs LibreOffice and Chromium and requires these tests (`ROADMAP_CONVERTER_TESTS=required`,
/// `ROADMAP_BROWSER_TESTS=required`); elsewhere they run where LibreOffice is installed, the
/// browser's typesettings where Chromium is. `ROADMAP_CORPUS_PDF_REPORT=1` prints every
/// difference instead of failing.
@Suite("The corpus's plans as PDF", .serialized)
struct CorpusPDFTests {
    /// How the cells of a table are set.
    enum Typesetting: String, CaseIterable {
        /// Each cell centred from top to bottom, its text to the left (an HTML table's
        /// default): a row's number and short cells stand between the lines of its action.
        case middle
        /// Each cell's text at its top, as Word's default, under headings centred and bold.
        case top
        /// The action justified to both edges, every other column centred: the typeset look of
        /// a signed order, where deadlines and executors start wherever their width puts them.
        case justified
        /// The same three printed by Chromium instead of LibreOffice: another program's words,
        /// spaces and line breaks (Skia's), as a page saved from a browser or a site's PDF;
        /// `browserTop` on landscape pages.
        case browserMiddle, browserTop, browserJustified

        var printedByBrowser: Bool { [.browserMiddle, .browserTop, .browserJustified].contains(self) }

        /// How the cells are set, whoever prints them.
        var cells: Typesetting {
            switch self {
            case .browserMiddle: .middle
            case .browserTop: .top
            case .browserJustified: .justified
            default: self
            }
        }

        func cell(column: Int) -> String {
            switch cells {
            case .top: "<td valign=\"top\">"
            case .justified: column == 1 ? "<td align=\"justify\">" : "<td align=\"center\">"
            default: "<td>"
            }
        }

        var widths: [Int] { cells == .top ? [8, 42, 25, 25] : [6, 50, 18, 26] }

        /// The header row set as Word sets it by habit, each heading bold and centred over its
        /// column, where the cells below start at its left: a heading starts wherever its
        /// width puts it, a one-row plan's columns are found by no cell starting twice.
        var centredHeadings: Bool { cells == .top }

        /// The pages turned landscape, as a plan's appendix to an order is: the columns twice
        /// as wide, a centred heading further from where its cells start.
        var landscape: Bool { self == .browserTop }
    }

    /// The documents each typesetting does not read back the same today (measured). Most
    /// are the plan's own typing, which a line broken at a dash cannot tell: «очевидцев
    /// –проведение» (035), «09.45 -11.40» (1005), «спорта -Беседы» (1902), «100- летию» (2601),
    /// «специалистов. -Составление» (3003), «миру»; –Административная» (3004), «обучающихся
    /// -контроль» (3201), «;-флэшмоб» (3302), «города –Железнодорожный» (506), «: -знакомство»
    /// (605), «мовы –День» (705) come back with the space where the line broke, or without it;
    /// «распространения» and «эпидемиологической» filled their lines to the edge and are taken
    /// for words broken there (2603, 609); Chuvash letters («Чӑвашбукварӗ», 507) are drawn in
    /// another font, and poppler splits the word (printed by Chromium, 507 reads back the
    /// same: the table's borders keep the split word's row whole). 223 and 1108 hold rows their plan read oddly
    /// (a column «Отметка о выполнении», days as sections), and the PDF reads them as rows.
    /// Justified, a few more: a justified line of two words whose second lands where a
    /// centred column's text starts, and rows whose justified lines stand apart as if cells;
    /// 4301, a plan of one row, its deadline «2006» centred beside two executors' lines.
    /// Printed by Chromium: a long word alone on its line that ends where the cell's text may
    /// reach, as a word too long for its column and broken there does («диспансеризации» /
    /// «поликлиники», 025, 148, 204, 216, 2603, 609, 708: Chromium lets such a word run into
    /// the cell's padding where Word and Writer break it), and the plan's own «13.10.2025-
    /// 21.10.2025», «11.00- 12.00», «Физкульт- Ура!» broken at the dash (1007, 1905, 2801).
    /// Printed by Chromium with the action justified, not yet looked into: «№ 2» read for «№2»
    /// (1305, 2508, 3801, 4702, 4801). Under headings centred and bold, not yet looked into:
    /// LibreOffice's 025, 2802, 416; landscape, Chromium's 1302, 202, 604 and the one-row
    /// 2403 (also justified, with 4301), whose headings and row do not stand in pairs.
    static let differing: [Typesetting: Set<String>] = [
        .middle: ["035", "1005", "1108", "1902", "223", "2601", "3003", "3004", "3201", "3302", "506", "507", "605", "705"],
        .top: ["025", "035", "1005", "1108", "1902", "223", "2601", "2802", "3003", "3004", "3201", "3302", "416", "506", "507", "605"],
        .justified: ["021", "035", "1005", "1110", "1902", "2403", "2601", "3003", "3004", "3201", "3302", "4301", "506", "507", "605", "705"],
        .browserMiddle: ["025", "1007", "148", "1905", "204", "216", "2603", "2801", "609", "708"],
        .browserTop: ["1302", "202", "2403", "604"],
        .browserJustified: ["1007", "1305", "1905", "204", "216", "2508", "2801", "3801", "4702", "4801"],
    ]

    static let installed = OfficeConverter.locate() != nil
    static let browserRequired = ProcessInfo.processInfo.environment["ROADMAP_BROWSER_TESTS"] == "required"

    /// Chromium, where installed.
    static func chromium() -> String? {
        ["chromium", "chromium-browser", "google-chrome"].first(where: ConfinedCommand.isInstalled)
    }
    static let required = ProcessInfo.processInfo.environment["ROADMAP_CONVERTER_TESTS"] == "required"
    /// Each typesetting program is killed after five minutes: a hung LibreOffice or browser
    /// fails its typesetting instead of holding the whole test run until CI's own limit.
    /// (Not `ConfinedCommand`'s memory cap: Chromium reserves far more address space than it uses.)
    static let timeLimit = ["timeout", "--signal=KILL", "300"]
    static let reporting = ProcessInfo.processInfo.environment["ROADMAP_CORPUS_PDF_REPORT"] != nil

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// `rows` as an HTML page: the title, then a bordered table whose section rows span it.
    static func html(_ rows: [[String]], title: String, typesetting: Typesetting) -> String {
        var page = """
            <html><head><meta charset="utf-8"></head><body><p align="center"><b>\(escaped(title))</b></p>
            <table border="1" cellspacing="0" cellpadding="4" width="100%">
            \(typesetting.widths.map { "<col width=\"\($0)%\">" }.joined())

            """
        for (index, row) in rows.enumerated() {
            if typesetting.centredHeadings, index == 0 {
                page += "<tr>" + row.map { "<th>" + escaped($0) + "</th>" }.joined() + "</tr>\n"
            } else if row.dropFirst().allSatisfy(\.isEmpty) {
                page += "<tr><td colspan=\"\(row.count)\"><b>\(escaped(row[0]))</b></td></tr>\n"
            } else {
                page += "<tr>" + row.enumerated().map { typesetting.cell(column: $0.offset) + escaped($0.element) + "</td>" }.joined() + "</tr>\n"
            }
        }
        return page + "</table></body></html>\n"
    }

    /// The plans read right, each read once for all three typesettings.
    static func plans() throws -> [String: PlanDraft] {
        var plans: [String: PlanDraft] = [:]
        for name in CorpusTests.readRight.sorted() {
            let (data, file) = try CorpusTests.document(name)
            plans[name] = try PlanDocumentParser().parse(try DocumentReader.read(data: data, fileName: file))
        }
        return plans
    }

    /// Its minutes of work (LibreOffice, poppler, the reader) run at the lowest priority
    /// (`CorpusComparison.atLowestPriority`).
    @Test(.enabled(if: installed || required))
    func everyPlanReadsBackFromItsPDF() async throws {
        let problems = try await CorpusComparison.atLowestPriority {
            let plans = try Self.plans()
            // `ROADMAP_CORPUS_PDF_ONLY=browserTop` checks one typesetting alone.
            let only = ProcessInfo.processInfo.environment["ROADMAP_CORPUS_PDF_ONLY"]
            return try Typesetting.allCases.filter { only == nil || only == $0.rawValue }.flatMap { try Self.check(plans, typeset: $0) }
        }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }

    /// What differs, typeset as `typesetting`, from what `differing` says.
    static func check(_ plans: [String: PlanDraft], typeset typesetting: Typesetting) throws -> [String] {
        var problems: [String] = []
        // `ROADMAP_CORPUS_PDF_KEEP=folder` keeps the pages and PDFs there, to look at.
        let kept = ProcessInfo.processInfo.environment["ROADMAP_CORPUS_PDF_KEEP"].map { URL(fileURLWithPath: $0).appendingPathComponent(typesetting.rawValue) }
        let folder = kept ?? FileManager.default.temporaryDirectory.appendingPathComponent("roadmap-corpus-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if kept == nil { try? FileManager.default.removeItem(at: folder) } }
        if typesetting.printedByBrowser {
            return try Self.checkPrinted(plans, typeset: typesetting, in: folder)
        }
        for (name, plan) in plans {
            let page = Self.html(CorpusShapesTests.rows(of: plan), title: "План мероприятий", typesetting: typesetting)
            try Data(page.utf8).write(to: folder.appendingPathComponent("\(name).html"))
        }
        let soffice = try #require(OfficeConverter.locate())
        let pages = plans.keys.sorted().map { folder.appendingPathComponent("\($0).html").path }
        // A hundred pages a run: given all at once, LibreOffice 7.4 stops after some 246
        // without a word.
        for batch in stride(from: 0, to: pages.count, by: 100) {
            let made = ConfinedCommand.run(
                Self.timeLimit + [soffice, "--headless", "-env:UserInstallation=file://\(folder.path)/profile", "--infilter=HTML (StarWriter)",
                 "--convert-to", "pdf", "--outdir", folder.path] + pages[batch..<min(batch + 100, pages.count)], in: folder)
            if made.status != 0 { problems.append("LibreOffice failed\(made.timedOut ? " (killed after 300 s)" : ""): \(made.output.suffix(500))") }
        }

        return problems + Self.compare(plans, typeset: typesetting) { name in
            let data = try Data(contentsOf: folder.appendingPathComponent("\(name).pdf"))
            return try DocumentReader.read(data: data, fileName: "\(name).pdf")
        }
    }

    /// Every plan on pages of its own in one page printed by Chromium (a few seconds for all
    /// of them, where a browser started for each took a second a plan), each plan's pages
    /// found by its title and read as a document of their own.
    static func checkPrinted(_ plans: [String: PlanDraft], typeset typesetting: Typesetting, in folder: URL) throws -> [String] {
        guard let chromium = Self.chromium() else {
            return Self.browserRequired ? ["Chromium is required (ROADMAP_BROWSER_TESTS=required) but was not found; apt-get install chromium"] : []
        }
        let landscape = typesetting.landscape ? "<style>@page { size: A4 landscape }</style>" : ""
        var page = "<html><head><meta charset=\"utf-8\">\(landscape)</head><body>\n"
        for name in plans.keys.sorted() {
            guard let plan = plans[name] else { continue }
            let one = Self.html(CorpusShapesTests.rows(of: plan), title: "План мероприятий \(name)", typesetting: typesetting)
            page += one.components(separatedBy: "<body>").last?.components(separatedBy: "</body>").first?
                .replacingOccurrences(of: "<p align=\"center\">", with: "<p align=\"center\" style=\"break-before: page\">") ?? ""
        }
        try Data((page + "</body></html>\n").utf8).write(to: folder.appendingPathComponent("plans.html"))
        let printed = ConfinedCommand.run(
            Self.timeLimit + [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(folder.path)/chromium",
             "--print-to-pdf=\(folder.path)/plans.pdf", "\(folder.path)/plans.html"], in: folder)
        let words = ConfinedCommand.run(Self.timeLimit + ["pdftotext", "-q", "-bbox-layout", "-enc", "UTF-8", "plans.pdf", "words.html"], in: folder)
        guard printed.status == 0, words.status == 0 else {
            return ["Chromium or pdftotext failed\(printed.timedOut || words.timedOut ? " (killed after 300 s)" : ""): \(printed.output.suffix(300)) \(words.output.suffix(300))"]
        }
        // The rules drawn, as `PDFReader` reads them, page by page.
        let drawing = ConfinedCommand.run(Self.timeLimit + ["pdftocairo", "-q", "-svg", "plans.pdf", "drawing.svg"], in: folder)
        let rules = drawing.status == 0 ? PDFRules.horizontal(svg: try Data(contentsOf: folder.appendingPathComponent("drawing.svg"))) : []
        var planPages: [String: [PDFPage]] = [:]
        var current: String?
        for (index, var page) in try PDFReader.pages(fromBoundingBoxes: try Data(contentsOf: folder.appendingPathComponent("words.html")), name: "plans.pdf").enumerated() {
            if index < rules.count { page.rules = rules[index] }
            let top = page.words.sorted { ($0.yMin, $0.xMin) < ($1.yMin, $1.xMin) }.prefix(3).map(\.text)
            if top.count == 3, top[0] == "План", top[1] == "мероприятий", plans[top[2]] != nil { current = top[2] }
            if let current { planPages[current, default: []].append(PDFPage(number: (planPages[current]?.count ?? 0) + 1, words: page.words, rules: page.rules)) }
        }
        return Self.compare(plans, typeset: typesetting) { name in
            guard let pages = planPages[name] else { throw DocumentReadError.unreadable(file: name, reason: "no page of the printed plans is this plan's") }
            return PDFLayout.document(name: "\(name).pdf", pages: pages)
        }
    }

    /// What differs between each plan and `document` of its PDF, from what `differing` says.
    static func compare(_ plans: [String: PlanDraft], typeset typesetting: Typesetting, document: (String) throws -> SourceDocument) -> [String] {
        CorpusComparison.compare(
            plans, names: plans.keys.sorted(), form: "typeset \(typesetting.rawValue) as PDF", differing: Self.differing[typesetting] ?? [],
            report: Self.reporting ? "CORPUS PDF \(typesetting.rawValue)" : nil, document: document)
    }
}
