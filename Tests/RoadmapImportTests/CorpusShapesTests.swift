import Foundation
@testable import RoadmapDomain
import Testing

@testable import RoadmapImport

/// The real plans of the corpus, each written again in the shapes copies take: every document
/// read right is rebuilt as a table of its own actions (their real wording, deadlines, persons
/// and sections), then written as tab and «|» tables, CSV, one cell a line, rows that lost
/// their borders, and a PDF's narrow columns (each cell wrapped over short lines, a blank
/// line between cells). Each shape must read as the same actions with the same deadlines: a
/// reader that holds on one shape of a plan and drops it on another is fitted to its samples.
///
/// Its cases run one at a time: started all at once, its hundreds of CPU-bound cases queued
/// ahead of every other test's resumed I/O on the machine's two cores (in CI an SMTP test's
/// STARTTLS waited over 60 s, and the server gave up on the handshake).
@Suite("The corpus's plans in every shape", .serialized)
struct CorpusShapesTests {
    typealias Shape = TableShape

    /// The actions `plan` holds as table rows: a header, a section row where the section
    /// changes, then «number | action | deadline | executors».
    static func rows(of plan: PlanDraft) -> [[String]] {
        var rows = [["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственные"]]
        var section: String?
        var number = 0
        for action in plan.actions {
            if let current = action.section, current != section {
                rows.append([current, "", "", ""])
                number = 0
            }
            section = action.section
            number += 1
            rows.append(["\(number).", action.title, action.deadline.text, action.executors.map(\.name).joined(separator: ", ")])
        }
        return rows
    }

    static func folded(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What went wrong reading `plan`'s actions back from `shape`, or nil when they read the same.
    static func difference(_ plan: PlanDraft, as shape: Shape) -> String? {
        let text = shape.render(rows(of: plan), title: "План мероприятий")
        do {
            let again = try PlanDocumentParser().parse(try DocumentReader.read(data: Data(text.utf8), fileName: shape.fileName))
            if let show = ProcessInfo.processInfo.environment["ROADMAP_CORPUS_SHAPES_SHOW"], show == "\(plan.sourceName):\(shape.rawValue)" {
                print(text)
                for action in again.actions {
                    print("SHOW \(action.title.prefix(60)) | \(action.deadline.text) [\(action.deadline.kind)] | \(action.executors.map(\.name).joined(separator: "; "))")
                }
            }
            return difference(plan, again)
        } catch {
            return "\(error)".prefix(120).description
        }
    }

    /// What differs between the actions of `plan` and those of `again`, the same plan read
    /// from another shape: the count, then the first deadline, then the first title.
    static func difference(_ plan: PlanDraft, _ again: PlanDraft) -> String? {
        if again.actionCount != plan.actionCount { return "\(again.actionCount) actions, not \(plan.actionCount)" }
        let deadlines = plan.actions.map { folded($0.deadline.text) }
        let read = again.actions.map { folded($0.deadline.text) }
        if let index = deadlines.indices.first(where: { deadlines[$0] != read[$0] }) {
            return "deadline \(index + 1): «\(read[index])», not «\(deadlines[index])»"
        }
        let titles = plan.actions.map { folded($0.title) }
        let readTitles = again.actions.map { folded($0.title) }
        if let index = titles.indices.first(where: { titles[$0] != readTitles[$0] }) {
            // Where they part, with a little before it.
            let read = Array(readTitles[index]), written = Array(titles[index])
            let from = max(0, zip(read, written).prefix { $0 == $1 }.count - 30)
            return "action \(index + 1): «\(String(read[min(from, read.count)...].prefix(70)))», not «\(String(written[from...].prefix(70)))»"
        }
        return nil
    }

    /// The documents each shape does not read back the same today (measured; `report` lists
    /// why). Most are cells that the plan itself left odd (a cut deadline «В т», a place in
    /// the deadline's cell, a pipe inside a cell) or, for rows that lost their borders, texts
    /// with nothing to tell the action from the deadline. 604 («С 21 сентября по 28 сентября
    /// 2012 года» above its days) reads each day with its hour since its period is known; written
    /// again without that line, a day's heading over the same day's cells is taken for executors.
    /// 2904 (a .docx) gives its days as «1-10» under a month across the table: a line of its own
    /// in a copy one cell a line, that reads as a row's number.
    /// 3302 (a .docx) has deadline cells of paragraphs with empty ones between («Сентябрь», «»,
    /// «», «Январь», «Май»): written unquoted in a tab or «|» row, the empty lines end the row.
    /// 3801 (a PDF from Word) has a deadline broken in its narrow column where the word would
    /// have fitted («Постоянн» «о»), read as written: rows without borders and a PDF's narrow
    /// columns take the «о» for a word of the next cell or join it.
    /// 3902 (a page copied a paragraph a cell, its deadline first) has «Август» then «(3 неделя)»:
    /// on a row without borders, the note in brackets opens the action after the month.
    /// 132 (a legal database's table copied without its header, read by what its rows hold)
    /// has a row whose two date cells are conditions cut by the end of the copy: written as
    /// «|» rows or without borders, those long cells no longer read as its dates.
    /// 4601 (cells between lines of «|») has two rows whose number cells are blank: a «|» row
    /// without outer pipes then opens with « | », and loses one; a deadline «Февраль» /
    /// «2021 г. (не реже одного раза в год)» wrapped or without borders keeps the month alone.
    /// 4703 (rows ending with «|», the deadline first) has deadlines that name no date, «1-я
    /// неделя»: one cell a line, wrapped or without borders, nothing tells them from a text.
    /// 4801 (one cell a line, its deadline cells of several months «Сентябрь» / «октябрь» / …
    /// under an action of as many items): on a row without borders the months after the first
    /// words read as the action's, and wrapped, the months over two blocks part.
    /// Every other document must stay right.
    static let differing: [Shape: Set<String>] = [
        .tabs: [
            "3302"
        ],
        .pipes: [
            "132", "307", "3302"
        ],
        .pipesWithoutOuter: [
            "013", "123", "132", "217", "307", "2201", "3302", "4601"
        ],
        .cellPerLineWithSeparators: [
            "128", "131", "223", "307", "410", "604", "809", "1108", "2202", "2606", "2904", "3301", "4703"
        ],
        .cellPerLineEndedByPipe: [
            "128", "131", "159", "223", "307", "410", "604", "809", "1108", "2202", "2606", "2904", "3301", "4703"
        ],
        .flattened: [
            "001", "023", "025", "037", "039", "132", "1002", "1005", "1108", "1109", "1207", "123",
            "126", "127", "128", "130", "131", "1403", "143", "148", "149", "151", "152", "154", "155", "156",
            "159", "1601", "1602", "2001", "2002", "2005", "2006", "202", "204", "2102", "217", "219", "220",
            "2202", "2204", "2206", "223", "2402", "2404", "301", "303", "305", "307", "313",
            "314", "410", "413", "508", "601", "604", "605", "608", "609", "704", "705",
            "708", "709", "806", "807", "809", "2501", "2502", "2507", "2601",
            "2603", "2605", "2606", "2607", "2805", "2901", "2902", "2903", "2904", "3004", "3201", "3202", "3203",
            "3301", "3302", "3401", "3402", "3801", "4601", "4703", "4801"
        ],
        .wrapped: [
            "025", "029", "127", "128", "131", "151", "155", "159", "204", "220", "223", "307", "314", "410", "412",
            "604", "809", "1002", "1108", "1109", "1305", "1307", "2008", "2202", "2204", "2508", "2601", "2606", "2904",
            "3301", "3302", "3401", "3801", "4601", "4703", "4801"
        ],
    ]

    @Test(arguments: CorpusTests.readRight.sorted())
    func everyShapeReadsTheSameActions(_ name: String) throws {
        let (data, file) = try CorpusTests.document(name)
        let plan = try PlanDocumentParser().parse(try DocumentReader.read(data: data, fileName: file))
        for shape in Shape.allCases where !(Self.differing[shape] ?? []).contains(name) {
            if let difference = Self.difference(plan, as: shape) {
                Issue.record("\(name) written as \(shape.rawValue): \(difference)")
            }
        }
    }

    /// `ROADMAP_CORPUS_SHAPES=1 swift test --filter CorpusShapesTests/report`: how many documents
    /// each shape reads back the same, and what differs in the others.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ROADMAP_CORPUS_SHAPES"] != nil))
    func report() throws {
        let folder = try CorpusTests.folder
        var right: [Shape: Int] = [:]
        var seconds: [Shape: Double] = [:]
        var total = 0
        for name in CorpusTests.readRight.sorted() {
            let (data, file) = try CorpusTests.document(name, in: folder)
            let plan = try PlanDocumentParser().parse(try DocumentReader.read(data: data, fileName: file))
            total += 1
            for shape in Shape.allCases {
                let started = Date()
                defer { seconds[shape, default: 0] += Date().timeIntervalSince(started) }
                if let difference = Self.difference(plan, as: shape) {
                    print("SHAPES \(name) \(shape.rawValue): \(difference)")
                } else {
                    right[shape, default: 0] += 1
                }
            }
        }
        for shape in Shape.allCases { print("SHAPES \(shape.rawValue): \(right[shape] ?? 0) of \(total) (\(Int(seconds[shape] ?? 0)) s)") }
    }
}
