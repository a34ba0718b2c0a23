import Foundation
import Logging
import RoadmapDomain
import RoadmapImport
import RoadmapStore

/// Loads the demo data set: the organisations of `sql/demo/`, then each sample document of
/// `demo/` imported exactly as `roadmapctl import` would (order № 770 and its plan, a
/// school's plan with its partners, a kindergarten's partner table). Idempotent.
struct DemoLoader {
    let pool: PostgresPool
    let logger: Logger

    /// Per-document context a person would give on the command line.
    static let academicYears: [String: Int] = [
        "000_ddb912d28cb13497.txt": 2022,
        "002_8a4f5a097a206d04.txt": 2022,
    ]

    func load() async throws {
        try await pool.withConnection { try DemoData.load(on: $0) }
        let store = ImportStore(pool: pool)
        for document in DemoData.documents {
            let source = TextDocumentReader.read(document.text, name: document.name)
            let draft = try PlanDocumentParser(academicYear: Self.academicYears[document.name]).parse(source)
            let outcome = try await store.importPlan(draft)
            logger.info("demo document imported", metadata: [
                "document": "\(document.name)", "actions": "\(outcome.actions)",
                "assignments_created": "\(outcome.assignmentsCreated)",
            ])
        }
    }
}
