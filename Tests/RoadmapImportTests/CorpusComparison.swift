import Foundation
@testable import RoadmapDomain

@testable import RoadmapImport

/// The corpus's plans read back from another form of them (a PDF, a Word or Excel file),
/// each compared with the plan as first read.
enum CorpusComparison {
    /// `work`'s minutes of LibreOffice, poppler and the reader, run on a thread of their own at
    /// the lowest priority, as are the programs it starts: on the swift-testing pool's threads,
    /// the machine's two cores, they kept other tests' resumed I/O waiting (in CI an SMTP
    /// server gave up on a STARTTLS handshake, a token guesser's bucket refilled).
    static func atLowestPriority(_ work: @escaping @Sendable () throws -> [String]) async throws -> [String] {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[String], any Error>) in
            let thread = Thread {
                // On Linux a nice value is the calling thread's own, and its children inherit it.
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
                do {
                    continuation.resume(returning: try work())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

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
