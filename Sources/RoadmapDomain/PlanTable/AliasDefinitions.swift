/// Short names a document defines for itself: «Министерство образования Республики Мордовия
/// (далее – Министерство)» makes «Министерство» in the rows below mean the ministry. Found in
/// every paragraph and cell; the long name is the organisation's name that stands right
/// before the definition (the longest run of words there that reads as an organisation).
public enum AliasDefinitions {
    /// Short name (folded, as `RussianText.folded`) → the long name it stands for.
    public static func find(in texts: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for text in texts where RussianText.containsBytes(text, "далее") || RussianText.containsBytes(text, "Далее") {
            let line = RussianText.collapsingWhitespace(RussianText.unifyingDashes(text))
            for match in line.matches(of: /\(\s*[Дд]алее\s*(?:по\s+тексту\s*)?[-:]?\s*[«"]?([^»")]{2,60}?)[»"]?\s*\)/) {
                let alias = RussianText.collapsingWhitespace(String(match.output.1))
                let before = String(line[..<match.range.lowerBound])
                guard !alias.isEmpty, let full = organizationName(endingAt: before), full != alias else { continue }
                result[RussianText.folded(alias)] = full
            }
        }
        return result
    }

    /// Words that join a name to the sentence around it («в соответствии с приказом …»):
    /// an organisation's name never holds them.
    static let connectors: Set<String> = [
        "в", "во", "с", "со", "на", "по", "к", "ко", "о", "об", "от", "для", "при", "согласно", "соответствии",
        "приказом", "приказа", "приказ", "постановлением", "распоряжением", "утвержден", "утверждён", "утвердить",
        "между", "также",
    ]

    /// The longest run of the last words of `text` (within its clause) that starts with a
    /// capital, holds no connecting word and names an organisation by its markers
    /// («Комитет образования администрации города Тамбова»).
    static func organizationName(endingAt text: String) -> String? {
        let clause = text.split(whereSeparator: { ";:".contains($0) }).last.map(String.init) ?? text
        let words = clause.split(separator: " ").map(String.init).suffix(16)
        for start in words.indices {
            let run = words[start...]
            guard let first = run.first?.first, first.isUppercase || first == "«",
                  !run.contains(where: { connectors.contains(RussianText.folded($0)) }) else { continue }
            let candidate = run.joined(separator: " ").trimmingCharacters(in: .punctuationCharacters.subtracting(["«", "»", "\""]))
            let kind = Executor.kind(of: candidate)
            if kind != .other, kind != .personRole { return candidate }
        }
        return nil
    }
}
