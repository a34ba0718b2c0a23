import Foundation
@testable import RoadmapDomain
import Testing

@testable import RoadmapImport

/// The real plans of the corpus under the headings and column orders other committees use:
/// every document read right is rebuilt as a table of its own actions (their real wording,
/// deadlines, results, persons and sections) under one of the issue's synonyms for each
/// column, in one of several column orders, now and then with a numbering row, a header over
/// two rows or an empty column for the marks of completion, and written as a tab table, a
/// «|» table and CSV. Each must read as the same actions with the same deadlines.
/// `LayoutVariationTests` holds one invented plan to every layout; this holds the corpus's
/// real cells to them, where a column's content, not its heading, is what is hard to read.
@Suite("The corpus's plans under other headings and column orders", .serialized)
struct CorpusLayoutsTests {
    typealias Column = LayoutVariationTests.Column

    /// The column orders: the action before or after its deadline and executors, the number
    /// first or left out, the result anywhere.
    static let orders: [[Column]] = [
        [.number, .action, .deadline, .executor],
        [.number, .action, .executor, .deadline],
        [.number, .action, .result, .deadline, .executor],
        [.number, .action, .deadline, .executor, .result],
        [.number, .deadline, .action, .executor],
        [.action, .deadline, .executor],
        [.number, .action, .executor, .result, .deadline],
    ]

    /// How the rows are numbered: «1.» again in each section, «1» on through the plan, «1)»,
    /// or «1.1.» under a section row numbered «1.» itself.
    enum Numbering: CaseIterable {
        case perSection, continuous, parenthesis, underNumberedSections
    }

    /// How a section row is written: as the plan has it, in capitals, or after «Раздел N.»
    /// (when it has no number of its own).
    enum SectionStyle: CaseIterable {
        case asWritten, capitals, numberedPart
    }

    /// One layout of a table: its column order, the heading chosen for each column, what else
    /// its header holds, and how its rows are numbered.
    struct Layout: CustomStringConvertible {
        var order: [Column]
        var variant: Int
        var numberingRow: Bool
        var twoRowHeader: Bool
        var marksColumn: Bool
        var numbering: Numbering
        var sectionStyle: SectionStyle

        /// The `index`-th layout: each choice cycles at its own pace, so that every heading
        /// meets every order across the corpus.
        init(_ index: Int) {
            order = CorpusLayoutsTests.orders[index % CorpusLayoutsTests.orders.count]
            variant = index / CorpusLayoutsTests.orders.count
            numberingRow = index % 3 == 1
            twoRowHeader = index % 5 == 2
            marksColumn = index % 4 == 3
            numbering = Numbering.allCases[(index / 2) % Numbering.allCases.count]
            sectionStyle = SectionStyle.allCases[(index / 3) % SectionStyle.allCases.count]
        }

        /// The header's cells: each column's heading, then the marks' column if any.
        var header: [String] {
            order.enumerated().map { index, column in
                let names = LayoutVariationTests.headings[column] ?? []
                return names[(variant + index) % names.count]
            } + (marksColumn ? ["Отметка о выполнении"] : [])
        }

        var description: String {
            header.joined(separator: " | ")
                + (numberingRow ? ", numbering row" : "") + (twoRowHeader ? ", two-row header" : "")
                + (marksColumn ? ", marks column" : "") + (order.contains(.number) ? ", numbered \(numbering)" : "")
                + ", sections \(sectionStyle)"
        }
    }

    /// `plan`'s actions as table rows under `layout`: the header, then a section row where the
    /// section changes, then the actions, numbered as the layout has them.
    static func rows(of plan: PlanDraft, layout: Layout) -> [[String]] {
        let header = layout.header
        var rows = LayoutVariationTests.headerRows(header, twoRows: layout.twoRowHeader, numberingRow: layout.numberingRow)
        var section: String?
        var sections = 0
        var number = 0
        let numbered = layout.order.contains(.number)
        for action in plan.actions {
            if let current = action.section, current != section {
                sections += 1
                let heading = switch layout.sectionStyle {
                case .asWritten: current
                case .capitals: current.uppercased()
                // A section numbered already («2. Мероприятия …») keeps its own number.
                case .numberedPart: current.firstMatch(of: /^(?:[IVXLC]+|\d+)[.)\s]/) == nil ? "Раздел \(sections). \(current)" : current
                }
                if numbered, layout.numbering == .underNumberedSections {
                    // «1. | Организационные мероприятия | |»: the number where the rows' are.
                    rows.append(layout.order.map { $0 == .number ? "\(sections)." : $0 == .action ? heading : "" }
                        + (layout.marksColumn ? [""] : []))
                } else {
                    rows.append([heading] + Array(repeating: "", count: header.count - 1))
                }
                if layout.numbering != .continuous { number = 0 }
            }
            section = action.section
            number += 1
            let written = switch layout.numbering {
            case .perSection: "\(number)."
            case .continuous: "\(number)"
            case .parenthesis: "\(number))"
            case .underNumberedSections: section == nil ? "\(number)." : "\(sections).\(number)."
            }
            rows.append(layout.order.map { column in
                switch column {
                case .number: written
                case .action: action.title
                case .deadline: action.deadline.text
                case .executor: action.executors.map(\.name).joined(separator: ", ")
                case .result: action.expectedResult ?? ""
                }
            } + (layout.marksColumn ? [""] : []))
        }
        return rows
    }

    static let shapes: [TableShape] = [.tabs, .pipes, .csv]

    /// What went wrong reading `plan` back from `layout` written as `shape`, or nil.
    static func difference(_ plan: PlanDraft, layout: Layout, shape: TableShape) -> String? {
        let text = shape.render(rows(of: plan, layout: layout), title: "План мероприятий")
        do {
            let again = try PlanDocumentParser().parse(try DocumentReader.read(data: Data(text.utf8), fileName: shape.fileName))
            if ProcessInfo.processInfo.environment["ROADMAP_CORPUS_LAYOUTS_SHOW"] == "\(plan.sourceName):\(shape.rawValue)" {
                let read = again.actions.map {
                    "SHOW \($0.section ?? "-") | \($0.title.prefix(60)) | \($0.deadline.text) | \($0.executors.map(\.name).joined(separator: "; "))"
                }
                FileHandle.standardError.write(Data((["LAYOUT \(layout)", text] + read + [""]).joined(separator: "\n").utf8))
            }
            return CorpusShapesTests.difference(plan, again)
        } catch {
            return "\(error)".prefix(120).description
        }
    }

    /// The documents a shape does not read back the same under any layout, as in
    /// `CorpusShapesTests`: cells holding «|» (013, 132, 307) and deadline cells of paragraphs
    /// with empty ones between (3302), which end a row written unquoted.
    static let differing: [TableShape: Set<String>] = [.tabs: ["3302"], .pipes: ["013", "132", "307", "3302"]]

    /// Each plan under three layouts, one per shape; across the corpus every layout meets
    /// every shape about forty times (the report runs them all).
    @Test(arguments: CorpusTests.readRight.sorted().enumerated().map { ($0.offset, $0.element) })
    func everyLayoutReadsTheSameActions(_ index: Int, _ name: String) throws {
        let (data, file) = try CorpusTests.document(name)
        let plan = try PlanDocumentParser().parse(try DocumentReader.read(data: data, fileName: file))
        for (shapeIndex, shape) in Self.shapes.enumerated() where !(Self.differing[shape] ?? []).contains(name) {
            let layout = Layout(index + 97 * shapeIndex)
            if let difference = Self.difference(plan, layout: layout, shape: shape) {
                Issue.record("\(name) as \(shape.rawValue) under «\(layout)»: \(difference)")
            }
        }
    }

    /// `ROADMAP_CORPUS_LAYOUTS=1 swift test --filter CorpusLayoutsTests/report`: every plan
    /// under every column order, with what differs. `ROADMAP_CORPUS_LAYOUTS_ONLY=013,132`
    /// takes those plans alone; `ROADMAP_CORPUS_LAYOUTS_SHOW=013.txt:tabs` writes each table
    /// of that plan and shape, and the actions read from it, to the output;
    /// `ROADMAP_CORPUS_LAYOUTS_SHAPES=wrapped,flattened` writes the tables in those shapes instead.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ROADMAP_CORPUS_LAYOUTS"] != nil))
    func report() throws {
        var right = 0, total = 0
        let environment = ProcessInfo.processInfo.environment
        let only = environment["ROADMAP_CORPUS_LAYOUTS_ONLY"].map { Set($0.split(separator: ",").map(String.init)) }
        let shapes = environment["ROADMAP_CORPUS_LAYOUTS_SHAPES"].map { $0.split(separator: ",").compactMap { TableShape(rawValue: String($0)) } } ?? Self.shapes
        for (index, name) in CorpusTests.readRight.sorted().enumerated() where only?.contains(name) ?? true {
            let (data, file) = try CorpusTests.document(name)
            let plan = try PlanDocumentParser().parse(try DocumentReader.read(data: data, fileName: file))
            for step in 0..<Self.orders.count {
                let layout = Layout(index + step * 11)
                for shape in shapes {
                    total += 1
                    if let difference = Self.difference(plan, layout: layout, shape: shape) {
                        print("LAYOUTS \(name) \(shape.rawValue) [\(layout)]: \(difference)")
                    } else {
                        right += 1
                    }
                }
            }
        }
        print("LAYOUTS \(right) of \(total) read back the same")
    }
}
