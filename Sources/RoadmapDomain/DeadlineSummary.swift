/// The JSON shape of a parsed deadline, as `roadmapctl deadline parse --format json` prints it
/// and the API returns it:
/// `{"text", "kind", "start", "end", "recurrence", "occurrences": [{"start", "end"}], "parsed"}`
/// with dates as `YYYY-MM-DD` and absent values written as `null`, never omitted.
public struct DeadlineSummary: Encodable, Hashable, Sendable {
    /// One occurrence: `{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}`.
    public struct Occurrence: Encodable, Hashable, Sendable {
        public let start: String
        public let end: String

        public init(_ period: DatePeriod) {
            start = period.first.iso
            end = period.last.iso
        }
    }

    public let text: String
    public let kind: String
    public let start: String?
    public let end: String?
    public let recurrence: String?
    public let occurrences: [Occurrence]
    public let parsed: Bool

    public init(_ deadline: Deadline) {
        text = deadline.text
        kind = deadline.kind.rawValue
        start = deadline.period?.first.iso
        end = deadline.period?.last.iso
        recurrence = deadline.recurrence?.rawValue
        occurrences = deadline.occurrences.map(Occurrence.init)
        parsed = deadline.isParsed
    }

    enum CodingKeys: String, CodingKey {
        case text, kind, start, end, recurrence, occurrences, parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(kind, forKey: .kind)
        if let start { try container.encode(start, forKey: .start) } else { try container.encodeNil(forKey: .start) }
        if let end { try container.encode(end, forKey: .end) } else { try container.encodeNil(forKey: .end) }
        if let recurrence {
            try container.encode(recurrence, forKey: .recurrence)
        } else {
            try container.encodeNil(forKey: .recurrence)
        }
        try container.encode(occurrences, forKey: .occurrences)
        try container.encode(parsed, forKey: .parsed)
    }

    /// A short human-readable summary for the CLI's text output.
    public var humanReadable: String {
        var lines = ["text:        \(text)", "kind:        \(kind)"]
        if let start, let end {
            lines.append("period:      \(start == end ? start : "\(start)..\(end)")")
        } else {
            lines.append("period:      none (never overdue)")
        }
        if let recurrence { lines.append("recurrence:  \(recurrence)") }
        if occurrences.count > 1 || recurrence != nil {
            lines.append("occurrences: \(occurrences.count)")
            for occurrence in occurrences {
                lines.append("  \(occurrence.start == occurrence.end ? occurrence.start : "\(occurrence.start)..\(occurrence.end)")")
            }
        }
        if !parsed { lines.append("not parsed: the text is kept as written for a person to read") }
        return lines.joined(separator: "\n")
    }
}
