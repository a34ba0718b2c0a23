import Foundation

/// Reads the header of an order («приказ», «распоряжение») from the running text before a plan
/// table: the issuing body and the body above it, the date, the number, the title, the
/// signatory and who controls execution.
///
/// The header of order № 770 reads, line by line: «АДМИНИСТРАЦИЯ ГОРОДА ТАМБОВА / ТАМБОВСКОЙ
/// ОБЛАСТИ», «КОМИТЕТ ОБРАЗОВАНИЯ», «ПРИКАЗ», «25.06.2018», «г. Тамбов», «№ 770», the title
/// «О …», the text, «Председатель / комитета образования», «Е.Д.Выжимов». Capitals are turned
/// into ordinary case, keeping capitals on words the document itself writes with one
/// («Тамбова»).
public struct OrderHeaderReader: Sendable {
    /// The words a document names its kind of order with.
    static let orderWords: Set<String> = ["приказ", "распоряжение", "постановление"]

    public init() {}

    /// The order header, or nil when the paragraphs hold none (no «ПРИКАЗ» line).
    public func read(_ paragraphs: [(text: String, location: SourceLocation)]) -> OrderHeader? {
        guard let kindIndex = paragraphs.firstIndex(where: {
            Self.orderWords.contains(RussianText.folded($0.text).trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)))
        }) else { return Self.approvalStamp(in: paragraphs) }
        let vocabulary = Self.capitalisedWords(in: paragraphs.map(\.text))
        var header = OrderHeader()

        // Issuer: the last group of capitalised lines above «ПРИКАЗ»; the groups above it are
        // the body it belongs to.
        var groups: [[String]] = []
        var previousLine: Int?
        for paragraph in paragraphs[..<kindIndex] {
            guard Self.isCapitals(paragraph.text) else { continue }
            let line = paragraph.location.line
            if let previousLine, let line, line == previousLine + 1, !groups.isEmpty {
                groups[groups.count - 1].append(paragraph.text)
            } else {
                groups.append([paragraph.text])
            }
            previousLine = line
        }
        if let issuer = groups.last {
            header.issuer = Self.ordinaryCase(issuer.joined(separator: " "), vocabulary: vocabulary)
        }
        if groups.count > 1 {
            header.parentBody = Self.ordinaryCase(
                groups.dropLast().map { $0.joined(separator: " ") }.joined(separator: " "), vocabulary: vocabulary)
        }

        // Date, number and title: the first of each after «ПРИКАЗ».
        let after = Array(paragraphs[(kindIndex + 1)...])
        var titleIndex: Int?
        for (index, paragraph) in after.enumerated() {
            let text = paragraph.text
            if header.date == nil, let date = Self.date(in: text), text.count <= 40 { header.date = date }
            if header.number == nil, let match = text.firstMatch(of: /^(?:от\s+\S+\s+)?№\s*([\w\/.-]+)\s*$/) {
                header.number = String(match.output.1)
            }
            if titleIndex == nil, text.firstMatch(of: /^(?:О|Об|Обо)\s/) != nil {
                titleIndex = index
                header.title = text
                break
            }
        }
        if header.date == nil || header.number == nil {
            // «от 25.06.2018 № 770» in the appendix stamp.
            for paragraph in after {
                if let match = paragraph.text.firstMatch(of: /от\s+(\d{1,2}\.\d{1,2}\.\d{4})\s*(?:г\.?)?\s*№\s*([\w\/.-]+)/) {
                    header.date = header.date ?? Self.date(in: String(match.output.1))
                    header.number = header.number ?? String(match.output.2)
                    break
                }
            }
        }

        // Signatory: the position lines and the name with initials after the order's text.
        let body = after.dropFirst((titleIndex ?? -1) + 1)
        if let nameIndex = body.firstIndex(where: { $0.text.firstMatch(of: Self.initialsName) != nil }) {
            var position: [String] = []
            var index = nameIndex - 1
            while index >= body.startIndex {
                let text = body[index].text
                if text.firstMatch(of: /^\d+\.\s/) != nil || text.count > 80 || text.hasSuffix(".") { break }
                position.insert(text, at: 0)
                index -= 1
            }
            header.signatory = (position + [body[nameIndex].text]).joined(separator: " ")
        } else if let line = body.first(where: { $0.text.count <= 120 && $0.text.firstMatch(of: Self.trailingInitialsName) != nil }) {
            // Word and Excel often keep the position and the name on one line or in one cell:
            // «Председатель комитета образования<TAB>Е.Д.Выжимов».
            header.signatory = line.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        // Control: «Контроль за исполнением … оставляю за собой» or «… возложить на …».
        if let control = body.first(where: { RussianText.folded($0.text).contains("контроль") })?.text {
            let folded = RussianText.folded(control)
            if folded.contains("оставляю за собой") {
                header.controller = header.signatory
            } else if let range = control.range(of: "возложить на ", options: .caseInsensitive) {
                header.controller = control[range.upperBound...].trimmingCharacters(in: .whitespaces.union(["."]))
            }
        }
        return header
    }

    /// A plan issued as an appendix, without the order's own header: «УТВЕРЖДЁН приказом
    /// комитета образования от 15.01.2025 № 12», «Приложение № 2 к приказу управления
    /// образования администрации города Тамбова от 03.02.2025 № 45». The issuer is named in
    /// the genitive; its first word is put back in the nominative («комитета» → «Комитет»).
    /// Nil unless the stamp names the issuer, the date and the number: an order is only
    /// made from all three.
    static func approvalStamp(in paragraphs: [(text: String, location: SourceLocation)]) -> OrderHeader? {
        let text = RussianText.collapsingWhitespace(paragraphs.prefix(15).map(\.text).joined(separator: " "))
        let pattern = #"(?:утвержд[её]н[аоы]?|приложение(?:\s*№\s*\d+)?)\s+(?:к\s+)?(?:приказ(?:ом|у)|распоряжени(?:ем|ю)|постановлени(?:ем|ю))\s+(\S.{1,150}?)\s+от\s+[«"]?(\d{1,2}\.\d{1,2}\.\d{4})\s*(?:г\.?|года)?\s*№\s*([\w\/.-]+)"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let issuerRange = Range(match.range(at: 1), in: text), let dateRange = Range(match.range(at: 2), in: text),
              let numberRange = Range(match.range(at: 3), in: text),
              let date = Self.date(in: String(text[dateRange])),
              let issuer = Self.nominative(String(text[issuerRange]))
        else { return nil }
        var header = OrderHeader()
        header.issuer = issuer
        header.date = date
        header.number = String(text[numberRange]).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return header
    }

    /// «комитета образования» → «Комитет образования», «управления образования администрации
    /// города» → «Управление образования администрации города», «администрации района» →
    /// «Администрация района»; nil when the first word is none of these.
    static func nominative(_ genitive: String) -> String? {
        let words = genitive.split(separator: " ").map(String.init)
        guard let first = words.first else { return nil }
        let endings: [(String, String)] = [
            ("комитета", "комитет"), ("управления", "управление"), ("отдела", "отдел"), ("министерства", "министерство"),
            ("департамента", "департамент"), ("администрации", "администрация"), ("главы", "глава"), ("мэрии", "мэрия"),
            ("правительства", "правительство"),
        ]
        guard let (_, base) = endings.first(where: { RussianText.folded(first) == $0.0 }) else { return nil }
        let rest = words.dropFirst().joined(separator: " ")
        return (base.prefix(1).uppercased() + base.dropFirst()) + (rest.isEmpty ? "" : " " + rest)
    }

    /// «Е.Д.Выжимов», «Е. Д. Выжимов», «Выжимов Е.Д.»
    static var initialsName: Regex<Substring> {
        /^(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.?)$/
    }

    /// A position followed by a name with initials on the same line.
    static var trailingInitialsName: Regex<Substring> {
        /[а-яё]\s+(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.?)$/
    }

    /// «25.06.2018» anywhere in the text.
    static func date(in text: String) -> CalendarDate? {
        guard let match = text.firstMatch(of: /(\d{1,2})\.(\d{1,2})\.(\d{4})/),
              let day = Int(match.output.1), let month = Int(match.output.2), let year = Int(match.output.3)
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// A line written in capitals («КОМИТЕТ ОБРАЗОВАНИЯ»).
    static func isCapitals(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count >= 3 && letters.allSatisfy(\.isUppercase)
    }

    /// Words the document writes capitalised somewhere and never in lower case: proper names.
    static func capitalisedWords(in texts: [String]) -> Set<String> {
        var capitalised: Set<String> = []
        var lower: Set<String> = []
        for text in texts where !isCapitals(text) {
            for word in text.split(whereSeparator: { !$0.isLetter }) {
                guard let first = word.first, word.count > 1 else { continue }
                let rest = word.dropFirst()
                if first.isUppercase && rest.allSatisfy(\.isLowercase) {
                    capitalised.insert(word.lowercased())
                } else if word.allSatisfy(\.isLowercase) {
                    lower.insert(String(word))
                }
            }
        }
        return capitalised.subtracting(lower)
    }

    /// «АДМИНИСТРАЦИЯ ГОРОДА ТАМБОВА» → «Администрация города Тамбова».
    static func ordinaryCase(_ text: String, vocabulary: Set<String>) -> String {
        var result = ""
        var word = ""
        var isFirstWord = true
        func flush() {
            guard !word.isEmpty else { return }
            let lower = word.lowercased()
            if isFirstWord || vocabulary.contains(lower) {
                result += lower.prefix(1).uppercased() + lower.dropFirst()
            } else if word.count <= 4 && word.allSatisfy(\.isUppercase) && !isCommonShortWord(lower) {
                result += word  // an abbreviation: «МКУ»
            } else {
                result += lower
            }
            isFirstWord = false
            word = ""
        }
        for character in RussianText.collapsingWhitespace(text) {
            if character.isLetter {
                word.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    static func isCommonShortWord(_ word: String) -> Bool {
        ["и", "в", "во", "на", "по", "при", "для", "от", "до", "за", "о", "об", "с", "со", "к", "из", "года", "г"]
            .contains(word)
    }
}
