import Foundation
@testable import RoadmapDomain

@testable import RoadmapImport

/// The corpus's plans read back from another form of them (a PDF, a Word or Excel file),
/// each compared with the plan as first read.
enum CorpusComparison {
    /// What differs for each of `names` between its plan and `document(name)` read again, from
    /// what `differing` expects to differ: `form` says what was read («typeset top as PDF»).
    /// With `report` («CORPUS PDF top») every difference and the count read back the same are
    /// printed under it instead, and nothing fails.
    static func compare(
        _ plans: [String: PlanDraft], names: [String], form: String, differing: Set<String>, report: String?,
        document: (String) throws -> SourceDocument
    ) -> [String] {
        var problems: [String] = []
        var right = 0
        for name in names {
            guard let plan = plans[name] else { continue }
            let difference: String?
            do {
                difference = CorpusShapesTests.difference(plan, try PlanDocumentParser().parse(try document(name)))
            } catch {
                difference = "\(error)".prefix(160).description
            }
            if let difference {
                if let report { print("\(report) \(name): \(difference)") }
                else if !differing.contains(name) { problems.append("\(name) \(form): \(difference)") }
            } else {
                right += 1
                if differing.contains(name) && report == nil {
                    problems.append("\(name) \(form) reads back the same now: take it off `differing`")
                }
            }
        }
        if let report { print("\(report): \(right) of \(names.count) read back the same") }
        return problems
    }
}
