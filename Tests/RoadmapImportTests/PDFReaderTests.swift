import Foundation
import RoadmapDomain
import Testing

@testable import RoadmapImport

/// PDFs with a text layer, read through poppler's `pdftotext` with the table recovered from
/// the words' positions, and PDFs that must be refused: a scan, a password, a bomb. The
/// fixtures in `Fixtures/pdf` were made by `scripts/make-pdf-fixtures.sh` (LibreOffice, as
/// committees' PDFs are made from Word and Writer files). CI installs poppler-utils and
/// requires these tests (`ROADMAP_CONVERTER_TESTS=required`); elsewhere they are skipped
/// without it.
@Suite("PDF plans")
struct PDFReaderTests {
    static let installed = ConfinedCommand.isInstalled("pdftotext")
    static let required = ProcessInfo.processInfo.environment["ROADMAP_CONVERTER_TESTS"] == "required"
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func read(_ name: String) throws -> SourceDocument {
        let folder = name.hasSuffix(".pdf") ? "pdf/" : ""
        let data = try Data(contentsOf: fixtures.appendingPathComponent(folder + name))
        return try DocumentReader.read(data: data, fileName: name)
    }

    @Test func popplerIsInstalledWhereItIsRequired() {
        if Self.required { #expect(Self.installed, "pdftotext (poppler-utils) must be installed: CI requires the PDF tests") }
    }

    @Test(.enabled(if: installed || required))
    func order770AsPDFReadsAsTheDocx() throws {
        let document = try Self.read("order770.pdf")
        let pdf = try PlanDocumentParser().parse(document)
        let docx = try PlanDocumentParser().parse(try Self.read("order770.docx"))
        #expect(pdf.order?.number == "770")
        #expect(pdf.order?.date == docx.order?.date)
        #expect(pdf.goals.count == docx.goals.count)
        #expect(pdf.taskCount == docx.taskCount)
        // A word too long for its narrow column is broken where the line ends, and a PDF keeps
        // no sign of whether a space stood there: the letters are the docx's, the spaces may not be.
        func letters(_ text: String) -> String { text.filter { !$0.isWhitespace } }
        #expect(pdf.actions.map { letters($0.title) } == docx.actions.map { letters($0.title) })
        #expect(pdf.actions.map(\.deadline) == docx.actions.map(\.deadline))
        #expect(pdf.actions.map { $0.executors.map { letters($0.name) } } == docx.actions.map { $0.executors.map { letters($0.name) } })
        #expect(pdf.actions.map { $0.executors.map(\.kind) } == docx.actions.map { $0.executors.map(\.kind) })
    }

    @Test(.enabled(if: installed || required))
    func aPlanWithSectionsAndRestartingNumbersIsReadByPosition() throws {
        let document = try Self.read("gia-plan.pdf")
        let plan = try PlanDocumentParser().parse(document)
        #expect(plan.actionCount == 14)
        #expect(plan.actions.map(\.section).compactMap { $0 }.count == 14, "every action stands in its section")
        #expect(Set(plan.actions.compactMap(\.section)).count == 3)
        #expect(plan.actions[3].deadline.text == "до 25 числа каждого месяца")
        #expect(plan.actions[0].executors.map(\.kind) == [.personRole], "«Б.С. Муртазов» is a person")
        #expect(plan.actions.map(\.deadline.text).contains("с 1 января по 30 июня 2014 г."))    }

    /// Five pages saved from a Word-like table: the heading row (centred) repeated at the top
    /// of every page, rows cut by page breaks, cells filled to their right border. Read as the
    /// same table written as CSV.
    @Test(.enabled(if: installed || required))
    func aPlanOfManyPagesIsReadAsTheSameTableWrittenAsCSV() throws {
        try Self.expectTheLongPlan(in: "long-plan.pdf")
    }

    /// The same plan with «Продолжение приложения 1 …» at the head of its pages and a page
    /// number at their foot: neither ends the table nor parts a row the page break cut.
    @Test(.enabled(if: installed || required))
    func aRunningHeadAndPageNumbersAreNoPartOfThePlan() throws {
        try Self.expectTheLongPlan(in: "paged-plan.pdf")
    }

    /// A PDF fixture and the CSV of the same table, each as the importer reads it.
    static func plans(_ pdf: String, comparedWith csv: String) throws -> (pdf: PlanDraft, csv: PlanDraft) {
        let csvData = try Data(contentsOf: fixtures.appendingPathComponent("pdf/\(csv)"))
        return (try PlanDocumentParser().parse(try read(pdf)),
                try PlanDocumentParser().parse(try DocumentReader.read(data: csvData, fileName: csv)))
    }

    static func expectTheLongPlan(in name: String) throws {
        let (pdf, csv) = try Self.plans(name, comparedWith: "long-plan.csv")
        #expect(csv.actionCount == 39)
        #expect(pdf.actionCount == csv.actionCount)
        #expect(pdf.actions.map(\.title) == csv.actions.map(\.title))
        #expect(pdf.actions.map(\.deadline) == csv.actions.map(\.deadline))
        #expect(pdf.actions.map(\.section) == csv.actions.map(\.section))
        #expect(pdf.actions.map { $0.executors.map(\.name) } == csv.actions.map { $0.executors.map(\.name) })
        #expect(Set(pdf.actions.compactMap(\.section)).count == 3)
    }

    /// Text justified in its cells (a line's words set wide apart), numbers and deadlines
    /// centred, a row numbering the columns under a header repeated on the next page: the
    /// same actions and deadlines as the table written as CSV. An executor merged down three
    /// rows stands centred beside the middle one, and a PDF keeps nothing else of the merge.
    @Test(.enabled(if: installed || required))
    func justifiedTextIsNoColumnOfItsOwn() throws {
        let (pdf, csv) = try Self.plans("justified-plan.pdf", comparedWith: "justified-plan.csv")
        #expect(csv.actionCount == 18)
        #expect(pdf.actions.map(\.title) == csv.actions.map(\.title))
        #expect(pdf.actions.map(\.deadline) == csv.actions.map(\.deadline))
        let named = pdf.actions.enumerated().filter { !$0.element.executors.isEmpty }
        #expect(named.count == 6, "one row of each merged cell names its executor")
        #expect(named.map { $0.element.executors.map(\.name) } == named.map { csv.actions[$0.offset].executors.map(\.name) })
    }

    /// Dates of different widths centred in one column, classes under a heading wider than
    /// they are, a table of signatures under the plan: the columns are the table's five.
    @Test(.enabled(if: installed || required))
    func shortCellsCentredInTheirColumnsStayInThem() throws {
        let (pdf, csv) = try Self.plans("centred-plan.pdf", comparedWith: "centred-plan.csv")
        #expect(csv.actionCount == 8)
        #expect(pdf.actions.map(\.title) == csv.actions.map(\.title))
        #expect(pdf.actions.map(\.deadline.text) == csv.actions.map(\.deadline.text))
        #expect(pdf.actions.map { $0.executors.map(\.name) } == csv.actions.map { $0.executors.map(\.name) })
        #expect(pdf.actions.compactMap(\.section).isEmpty, "the heading «Классы» is no section")
        #expect(pdf.actions.flatMap(\.executors).allSatisfy { $0.kind == .personRole })
    }

    /// Executors one to a line in a narrow column, no comma between them, one name wrapped
    /// after «имени»: each is an executor of its own, as in the CSV that lists them with commas.
    @Test(.enabled(if: installed || required))
    func executorsOneToALineAreEachAnExecutor() throws {
        let (pdf, csv) = try Self.plans("listed-plan.pdf", comparedWith: "listed-plan.csv")
        #expect(csv.actions.first?.executors.count == 4)
        #expect(pdf.actions.map { $0.executors.map(\.name) } == csv.actions.map { $0.executors.map(\.name) })
        // The CSV has no title to say the academic year: the deadlines' texts are compared.
        #expect(pdf.actions.map(\.deadline.text) == csv.actions.map(\.deadline.text))
    }
}

extension PDFReaderTests {
    static func refusal(_ name: String, timeLimit: Int = 30) -> (error: DocumentReadError?, seconds: Double) {
        let start = ContinuousClock.now
        do {
            let data = try Data(contentsOf: fixtures.appendingPathComponent("pdf/" + name))
            _ = try PDFReader.read(data: data, name: name, timeLimit: timeLimit)
            return (nil, 0)
        } catch let error as DocumentReadError {
            let elapsed = ContinuousClock.now - start
            return (error, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        } catch {
            Issue.record("unexpected \(error)")
            return (nil, 0)
        }
    }

    @Test(.enabled(if: installed || required))
    func aScanIsRefusedAsHavingNoText() {
        let (error, _) = Self.refusal("scanned.pdf")
        #expect(error == .noTextLayer(file: "scanned.pdf"))
        #expect("\(error.map { "\($0)" } ?? "")".contains("no text layer"))
    }

    @Test(.enabled(if: installed || required))
    func aPasswordProtectedPDFIsRefusedAsEncrypted() {
        #expect(Self.refusal("encrypted.pdf").error == .encrypted(file: "encrypted.pdf"))
    }

    @Test(.enabled(if: installed || required))
    func aThousandPagesAreRefusedBeforeTheyAreRead() {
        guard case .limitExceeded(_, _, let limit) = Self.refusal("bomb-pages.pdf").error else {
            Issue.record("a PDF of 1000 pages must be refused")
            return
        }
        #expect(limit.contains("1000 pages"))
    }

    /// Forms that draw each other ten times, nine deep: `pdftotext` would draw a billion words.
    @Test(.enabled(if: installed || required))
    func aDrawingBombIsStoppedInBoundedTime() {
        let (error, seconds) = Self.refusal("bomb-forms.pdf", timeLimit: 2)
        #expect(error == .timedOut(file: "bomb-forms.pdf", tool: "pdftotext", seconds: 2))
        #expect(seconds < 15, "stopped after \(seconds) s")
    }

    @Test(.enabled(if: installed || required), arguments: [
        ("plan.pdf", Data("not a pdf at all".utf8)),
        ("plan.pdf", Data("%PDF-1.4\n1 0 obj\n<< broken".utf8)),
        ("plan.pdf", Data()),
    ])
    func whatIsNotAReadablePDFIsRefused(name: String, data: Data) {
        do {
            _ = try DocumentReader.read(data: data, fileName: name)
            Issue.record("\(data.count) bytes must be refused")
        } catch {
            #expect(error.file == name)
            #expect("\(error)".contains("nothing was imported"))
        }
    }

    @Test func withoutPopplerTheMessageSaysWhatToInstall() {
        let error = DocumentReadError.toolMissing(file: "plan.pdf", tool: "pdftotext", package: "poppler-utils", alternative: ".docx")
        #expect("\(error)".contains("apt-get install poppler-utils"))
    }
}

extension PDFReaderTests {
    /// The layout matrix's plan saved as PDF by LibreOffice, in every column order and two sets
    /// of headings, with cells centred (a web page) or at the top (Word), with and without a
    /// numbering row: every PDF reads as the same plan.
    @Test(.enabled(if: (installed && OfficeConverter.locate() != nil) || required))
    func thePlanInEveryColumnOrderAsPDF() throws {
        let soffice = try #require(OfficeConverter.locate())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roadmap-pdf-matrix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var names: [String] = []
        for (orderIndex, order) in LayoutVariationTests.orders.enumerated() {
            for variant in [0, 3] {
                let rows = LayoutVariationTests.rows(order: order, variant: variant, numberingRow: variant == 3, twoRowHeader: false)
                let body = rows.map { row -> String in
                    if row.dropFirst().allSatisfy(\.isEmpty) {
                        return "<tr><td colspan=\"\(row.count)\">\(row[0])</td></tr>"
                    }
                    // Word's cells stand at the top; a web page's in the middle.
                    return "<tr>" + row.map { "<td\(variant == 3 ? " valign=\"top\"" : "")>\($0)</td>" }.joined() + "</tr>"
                }.joined(separator: "\n")
                let html = """
                    <html><head><meta charset="utf-8"></head><body>
                    <p>План мероприятий («дорожная карта») на 2024/2025 учебный год</p>
                    <table border="1" cellspacing="0" cellpadding="4" width="100%">\(body)</table>
                    <p>Начальник отдела образования ________ И.И. Петрова</p></body></html>
                    """
                let name = "plan-\(orderIndex)-\(variant)"
                try html.write(to: folder.appendingPathComponent("\(name).html"), atomically: true, encoding: .utf8)
                names.append(name)
            }
        }
        let made = ConfinedCommand.run(
            [soffice, "--headless", "-env:UserInstallation=file://\(folder.path)/profile", "--infilter=HTML (StarWriter)",
             "--convert-to", "pdf", "--outdir", folder.path] + names.map { folder.appendingPathComponent("\($0).html").path }, in: folder)
        #expect(made.status == 0, "\(made.output)")
        let expected = LayoutVariationTests.sections.flatMap(\.1)
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent("\(name).pdf"))
            let plan = try PlanDocumentParser(academicYear: 2024).parse(try DocumentReader.read(data: data, fileName: "\(name).pdf"))
            #expect(plan.actions.map(\.title) == expected.map(\.title), "\(name)")
            #expect(plan.actions.map(\.deadline.text) == expected.map(\.deadline), "\(name)")
            #expect(plan.actions.compactMap(\.section).count == 4, "\(name): \(plan.actions.map(\.section))")
        }
    }
}

