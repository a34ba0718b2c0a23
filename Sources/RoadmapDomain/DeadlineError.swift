/// Why a deadline's text could not be turned into days although it was understood: the text
/// needs context it was not given, or the context contradicts it. Text that cannot be read at
/// all is not an error: it becomes a `Deadline` of kind `.unparsed` for a person to look at.
public enum DeadlineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A month, day, quarter, half-year or season without a year, and no context to take it from.
    case missingYear(text: String, phrase: String)
    /// «постоянно», «ежемесячно», «с 01.09.2018»: the text covers a period it does not name.
    case missingPeriod(text: String)
    /// The text names something that the context cannot place («в течение учебного года» in a
    /// calendar year, «зима» in a calendar year).
    case needsOtherContext(text: String, needed: String, given: String)
    /// A month (or day, quarter, …) without a year that never falls in the context's period.
    case notInContext(text: String, phrase: String, context: String)
    /// A month (or day, quarter, …) without a year that falls in the context's period more than once.
    case ambiguousInContext(text: String, phrase: String, context: String, candidates: [DatePeriod])
    /// «10.00», «9-00 Актовый зал»: a time of day with no day, where no plan of one day gives it.
    case timeWithoutDay(text: String)
    /// Options that do not make a context (two contexts at once, a malformed period).
    case invalidContext(String)

    public var description: String {
        switch self {
        case .missingYear(let text, let phrase):
            "deadline «\(text)»: «\(phrase)» has no year; give a calendar year, an academic year or the plan's period"
        case .missingPeriod(let text):
            "deadline «\(text)» covers the plan's period; give the plan's period, a calendar year or an academic year"
        case .needsOtherContext(let text, let needed, let given):
            "deadline «\(text)» needs \(needed), but the context is \(given)"
        case .notInContext(let text, let phrase, let context):
            "deadline «\(text)»: «\(phrase)» does not fall in \(context); write the year"
        case .ambiguousInContext(let text, let phrase, let context, let candidates):
            "deadline «\(text)»: «\(phrase)» falls in \(context) \(candidates.count) times ("
                + candidates.map(\.description).joined(separator: ", ") + "); write the year"
        case .timeWithoutDay(let text):
            "deadline «\(text)» is a time of day with no day; only a plan of one day gives it its day"
        case .invalidContext(let message):
            "invalid deadline context: \(message)"
        }
    }

    /// The same error about the whole text a part of it was read from («Первый этап: сентябрь»).
    func about(_ whole: String) -> DeadlineError {
        switch self {
        case .missingYear(_, let phrase): .missingYear(text: whole, phrase: phrase)
        case .missingPeriod: .missingPeriod(text: whole)
        case .needsOtherContext(_, let needed, let given): .needsOtherContext(text: whole, needed: needed, given: given)
        case .notInContext(_, let phrase, let context): .notInContext(text: whole, phrase: phrase, context: context)
        case .ambiguousInContext(_, let phrase, let context, let candidates):
            .ambiguousInContext(text: whole, phrase: phrase, context: context, candidates: candidates)
        case .timeWithoutDay: .timeWithoutDay(text: whole)
        case .invalidContext: self
        }
    }
}
