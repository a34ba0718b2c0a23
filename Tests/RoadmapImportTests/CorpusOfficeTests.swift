import Foundation
@testable import RoadmapDomain
import Testing

@testable import RoadmapImport

/// The real plans of the corpus, each saved again as the Word and Excel files committees keep:
/// every document read right is rebuilt as a table of its own actions
/// (`CorpusShapesTests.rows(of:)`), set as a committee's clerk sets it (headings bold and
/// centred, a section's row merged across the table, an executor or a deadline that several
/// rows in a row share merged down over them), and saved by LibreOffice as .docx through
/// Writer and as .xlsx through Calc, all the plans of a format in one run; a tenth of them
/// also as .doc, .rtf, .odt, .xls and .ods, which the importer has LibreOffice convert again.
/// Each file must read back as the same actions with the same deadlines: the readers of
/// Word's and Excel's XML must hold on every plan of the corpus, with its merged cells, and on
/// what a spreadsheet keeps of a cell (a row's number, a date). CI installs LibreOffice and requires these
/// tests (`ROADMAP_CONVERTER_TESTS=required`); elsewhere they run where it is installed.
/// `ROADMAP_CORPUS_OFFICE_REPORT=1` prints every difference instead of failing.
@Suite("The corpus's plans as Word and Excel files", .serialized)
struct CorpusOfficeTests {
    /// A format LibreOffice saves: .docx and .xlsx, which the importer reads itself, and the
    /// older and open formats it has LibreOffice convert first (`OfficeConverter`).
    enum Format: String, CaseIterable {
        case docx, xlsx, doc, rtf, odt, xls, ods

        /// Whether the format is a spreadsheet's, saved through Calc.
        var isSheet: Bool { [.xlsx, .xls, .ods].contains(self) }

        /// LibreOffice's import filter for the HTML page, and its export filter for the format.
        var filters: (input: String, output: String) {
            let output = switch self {
            case .docx: "MS Word 2007 XML"
            case .xlsx: "Calc MS Excel 2007 XML"
            case .doc: "MS Word 97"
            case .rtf: "Rich Text Format"
            case .odt: "writer8"
            case .xls: "MS Excel 97"
            case .ods: "calc8"
            }
            return (isSheet ? "HTML (StarCalc)" : "HTML (StarWriter)", "\(rawValue):\(output)")
        }

        /// Which plans are saved in the format: all of them where the importer reads it
        /// itself; where LibreOffice converts each file again on import (a second a file), a
        /// tenth of them, every 29th by name.
        func plans(_ names: [String]) -> [String] {
            OfficeConverter.targets[rawValue] == nil ? names : stride(from: 0, to: names.count, by: 29).map { names[$0] }
        }
    }

    /// The documents each format does not read back the same today (measured).
    static let differing: [Format: Set<String>] = [
        .docx: [], .xlsx: [], .doc: [], .rtf: [], .odt: [], .xls: [], .ods: [],
    ]

    static let reporting = ProcessInfo.processInfo.environment["ROADMAP_CORPUS_OFFICE_REPORT"] != nil

    /// `rows` as an HTML page: the title, then a bordered table under bold centred headings,
    /// whose section rows span it, and whose executors' and deadlines' cells are merged down
    /// over the rows of a section that share them.
    /// Saved as .xlsx, a cell that holds a whole date («01.09.2024») is a date, as Excel
    /// keeps a date typed into a cell: its serial number under a date format. Every other cell
    /// is text (Calc's import would take «10.00» for the number 10 and «01.09» for 1.09,
    /// where Excel in Russian keeps them as typed); a row's number stays a number.
    static func html(_ rows: [[String]], title: String, format: Format) -> String {
        var page = """
            <html><head><meta charset="utf-8"></head><body><p align="center"><b>\(CorpusPDFTests.escaped(title))</b></p>
            <table border="1" cellspacing="0" cellpadding="4" width="100%">
            <col width="8%"><col width="42%"><col width="25%"><col width="25%">

            """
        let isSection = { (row: [String]) in row.dropFirst().allSatisfy(\.isEmpty) }
        /// How many rows from `index` on share column `column`'s text, within one section.
        func span(from index: Int, column: Int) -> Int {
            var end = index + 1
            while end < rows.count, !isSection(rows[end]), rows[end][column] == rows[index][column], !rows[index][column].isEmpty { end += 1 }
            return end - index
        }
        var merged = [Int: Int]()  // column → the row its merged cell runs to (exclusive)
        for (index, row) in rows.enumerated() {
            if index == 0 {
                page += "<tr>" + row.map { "<th>" + CorpusPDFTests.escaped($0) + "</th>" }.joined() + "</tr>\n"
            } else if isSection(row) {
                page += "<tr><td colspan=\"\(row.count)\"><b>\(CorpusPDFTests.escaped(row[0]))</b></td></tr>\n"
            } else {
                page += "<tr>"
                for (column, text) in row.enumerated() {
                    if column >= 2, let end = merged[column], index < end { continue }
                    let rows = column >= 2 ? span(from: index, column: column) : 1
                    if rows > 1 { merged[column] = index + rows }
                    let spread = rows > 1 ? " rowspan=\"\(rows)\"" : ""
                    page += "<td valign=\"top\"\(spread)\(Self.kept(text, column: column, as: format))>" + CorpusPDFTests.escaped(text) + "</td>"
                }
                page += "</tr>\n"
            }
        }
        return page + "</table></body></html>\n"
    }

    /// How Calc is told to keep a cell's text (`sdval`, `sdnum`: its own HTML's attributes).
    static func kept(_ text: String, column: Int, as format: Format) -> String {
        guard format.isSheet, column > 0 else { return "" }
        if let date = CalendarDate(russian: text), date.russian == text {
            return " sdval=\"\(date.daysSinceEpoch + 25_569)\" sdnum=\"1049;0;DD.MM.YYYY\""
        }
        return " sdnum=\"1049;0;@\""
    }

    static let installed = OfficeConverter.locate() != nil

    /// Its minutes of LibreOffice run at the lowest priority, as `CorpusPDFTests`' do.
    @Test(.enabled(if: installed || CorpusPDFTests.required))
    func everyPlanReadsBackFromItsWordAndExcelFiles() async throws {
        let problems = try await CorpusComparison.atLowestPriority {
            let plans = try CorpusPDFTests.plans()
            return try Format.allCases.flatMap { try Self.check(plans, savedAs: $0) }
        }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }

    /// What differs, saved as `format`, from what `differing` says.
    static func check(_ plans: [String: PlanDraft], savedAs format: Format) throws -> [String] {
        // `ROADMAP_CORPUS_OFFICE_KEEP=folder` keeps the pages and files there, to look at.
        let kept = ProcessInfo.processInfo.environment["ROADMAP_CORPUS_OFFICE_KEEP"].map { URL(fileURLWithPath: $0).appendingPathComponent(format.rawValue) }
        let folder = kept ?? FileManager.default.temporaryDirectory.appendingPathComponent("roadmap-corpus-office-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if kept == nil { try? FileManager.default.removeItem(at: folder) } }
        let names = format.plans(plans.keys.sorted())
        for name in names {
            guard let plan = plans[name] else { continue }
            let page = Self.html(CorpusShapesTests.rows(of: plan), title: "План мероприятий", format: format)
            try Data(page.utf8).write(to: folder.appendingPathComponent("\(name).html"))
        }
        let soffice = try #require(OfficeConverter.locate())
        let pages = names.map { folder.appendingPathComponent("\($0).html").path }
        var problems: [String] = []
        // A hundred pages a run, as for the PDFs.
        for batch in stride(from: 0, to: pages.count, by: 100) {
            let made = ConfinedCommand.run(
                CorpusPDFTests.timeLimit + [soffice, "--headless", "-env:UserInstallation=file://\(folder.path)/profile", "--infilter=\(format.filters.input)",
                 "--convert-to", format.filters.output, "--outdir", folder.path] + pages[batch..<min(batch + 100, pages.count)], in: folder)
            if made.status != 0 { problems.append("LibreOffice failed\(made.timedOut ? " (killed after 300 s)" : ""): \(made.output.suffix(500))") }
        }
        return problems + CorpusComparison.compare(
            plans, names: names, form: "saved as .\(format.rawValue)", differing: Self.differing[format] ?? [],
            report: Self.reporting ? "CORPUS OFFICE \(format.rawValue)" : nil
        ) { name in
            let file = "\(name).\(format.rawValue)"
            return try DocumentReader.read(data: try Data(contentsOf: folder.appendingPathComponent(file)), fileName: file)
        }
    }
}
