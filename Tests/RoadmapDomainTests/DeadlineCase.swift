import Foundation
import RoadmapDomain
import Testing

/// One row of a deadline table: the text, the context, and what it must parse to.
struct DeadlineCase: Sendable, CustomTestStringConvertible {
    let text: String
    let context: DeadlineContext
    let kind: Deadline.Kind
    /// `first..last`, nil when there is no period.
    let period: String?
    var recurrence: Recurrence?
    /// Number of occurrences; nil to skip the check.
    var occurrences: Int?
    /// `first..last` of the first occurrence; nil to skip the check.
    var firstOccurrence: String?

    var testDescription: String { "«\(text)» in \(context)" }

    func with(text: String) -> DeadlineCase {
        DeadlineCase(
            text: text, context: context, kind: kind, period: period, recurrence: recurrence,
            occurrences: occurrences, firstOccurrence: firstOccurrence)
    }

    /// The spellings real documents use for the same text: any case, no-break and double spaces,
    /// a stray trailing dot, other dashes, a cell broken over lines.
    var spellingVariants: [DeadlineCase] {
        var texts = [text, text.uppercased(), text.lowercased()]
        texts.append(text.replacingOccurrences(of: " ", with: "\u{00A0}"))
        texts.append("  " + text.replacingOccurrences(of: " ", with: "  ") + " ")
        if !text.hasSuffix(".") { texts.append(text + ".") }
        if text.contains(" ") {
            texts.append(text.replacingOccurrences(of: " ", with: "\n", options: [], range: text.range(of: " ")))
        }
        for dash in ["-", "–", "—", "‐", "−"] {
            let swapped = text.map { "-–—".contains($0) ? Character(dash) : $0 }
            if String(swapped) != text { texts.append(String(swapped)) }
        }
        var seen: Set<String> = []
        return texts.filter { seen.insert($0).inserted }.map(with(text:))
    }
}

let y2019 = DeadlineContext.calendarYear(2019)
let ay2022 = DeadlineContext.academicYear(startingIn: 2022)
let ay2023 = DeadlineContext.academicYear(startingIn: 2023)

func plan(_ text: String) -> DeadlineContext {
    guard let period = DatePeriod(parsing: text) else { fatalError("bad test period \(text)") }
    return .planPeriod(period)
}

func row(
    _ text: String, _ context: DeadlineContext, _ kind: Deadline.Kind, _ period: String?,
    _ recurrence: Recurrence? = nil, count: Int? = nil, first: String? = nil
) -> DeadlineCase {
    DeadlineCase(
        text: text, context: context, kind: kind, period: period, recurrence: recurrence, occurrences: count,
        firstOccurrence: first)
}

func row(
    _ text: String, _ kind: Deadline.Kind, _ period: String?,
    _ recurrence: Recurrence? = nil, count: Int? = nil, first: String? = nil
) -> DeadlineCase {
    row(text, .none, kind, period, recurrence, count: count, first: first)
}
