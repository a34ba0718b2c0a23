import Foundation
@testable import RoadmapDomain
import Testing
@testable import RoadmapImport
@Suite struct DebugTmp {
    @Test func show() throws {
        guard let path = ProcessInfo.processInfo.environment["DEBUG_FILE"] else { return }
        let document = try DocumentReader.read(data: Data(contentsOf: URL(fileURLWithPath: path)), fileName: "x.txt")
        for block in document.blocks { print("DBG", block) }
        for cell in CellRunTable.cells(document.paragraphs) { print("DBG CELL", cell.cell.text) }
        for row in CellRunTable.rebuild(pipeStream: PlanDocumentParser.lines(of: document))?.table.rows ?? [] { print("DBG PIPEROW", row.map(\.text)) }
    }
}
@Suite struct DebugTmp2 {
    @Test func plan() throws {
        guard let path = ProcessInfo.processInfo.environment["DEBUG_FILE"] else { return }
        let document = try DocumentReader.read(data: Data(contentsOf: URL(fileURLWithPath: path)), fileName: "x.txt")
        let plan = try PlanDocumentParser().parse(document)
        print("DBG TITLE", plan.title); for row in CellRunTable.rebuild(document.paragraphs)?.table.rows ?? [] { print("DBG ROW", row.map(\.text)) }; for goal in plan.goals { print("DBG GOAL", goal.title, goal.tasks.map(\.title)); for a in goal.actions { print("DBG   ", a.section ?? "-", "|", a.title, "|", a.deadline.text) } }
    }
}
