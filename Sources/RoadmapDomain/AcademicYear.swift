/// An academic year, named by the calendar year it starts in (2024 is 2024/2025), as a person
/// types it for a plan that names none: «2024», «2024/2025», «2024-25», «2024–2025 учебный год».
/// A plan's months without a year («сентябрь», «в течение года») are read in it.
public enum AcademicYear {
    /// The years an import takes: a typo such as «20224» or «1924» is refused, not read.
    public static let supported = 1990...2200

    /// The year `text` starts in, or nil for text that names no academic year this side of
    /// `supported`, or names two years that do not follow each other («2024/2026»).
    public static func startYear(of text: String) -> Int? {
        let folded = RussianText.folded(RussianText.unifyingDashes(text))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let match = folded.wholeMatch(of: pattern.regex),
              let first = Int(match.output.1), supported.contains(first)
        else { return nil }
        guard let second = match.output.2.flatMap({ Int($0) }) else { return first }
        let follows = match.output.2?.count == 2 ? second == (first + 1) % 100 : second == first + 1
        return follows ? first : nil
    }

    /// «2024/2025».
    public static func label(_ startYear: Int) -> String {
        "\(startYear)/\(startYear + 1)"
    }

    /// «2024», «2024/25», «2024 - 2025», with «учебный год», «уч. г.», «г.» or «гг.» after it.
    private static let pattern = SharedRegex(
        /(\d{4})(?:\s*[-\/]\s*(\d{4}|\d{2}))?(?:\s*(?:учебн[а-я]*\s+год[а-я]*|уч\.?\s*г(?:од)?\.?|гг?\.?|год))?/)
}
