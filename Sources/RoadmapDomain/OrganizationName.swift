import Foundation

/// An organisation's name taken apart for matching free text against known organisations:
/// «МАОУ СОШ № 5 имени Ю.А.Гагарина» is the legal form «маоу», the core «сош 5» (type «сош»,
/// number 5) and the honorific «имени ю а гагарина». «СОШ №5», «сош № 5», «МАОУ «СОШ N 5»»
/// all have the core «сош 5».
///
/// Normalisation: NFC, tags removed, lower case, «ё» → «е», Latin look-alikes fixed, every kind
/// of quote and punctuation removed, «№ 5» / «№5» / «N 5» / «No 5» → «5», initials «Ю.А.Гагарина»
/// and «Ю. А. Гагарина» both «ю а гагарина», «им.» → «имени», whitespace collapsed, type words
/// unified («гимназии» → «гимназия», «детского сада» / «д/с» → «детский сад», «средняя
/// общеобразовательная школа» → «сош»).
public struct OrganizationName: Hashable, Sendable, CustomStringConvertible {
    /// The name as given (NFC).
    public let original: String
    /// Legal-form words at the start («маоу», «мбу до», «муниципальное автономное … учреждение»), or nil.
    public let legalForm: String?
    /// What identifies the organisation inside its municipality: type, number and name words.
    public let core: String
    /// The institution type word («сош», «гимназия», «лицей», «детский сад», «центр», …), or nil.
    public let type: String?
    /// The organisation's number («5» in «СОШ № 5»), or nil.
    public let number: String?
    /// «имени ю а гагарина», or nil.
    public let honorific: String?
    /// A trailing place («г тамбов», «города тамбова»), or nil.
    public let place: String?

    /// Everything, normalised: the key for exact matches.
    public var key: String {
        [legalForm, core, honorific, place].compactMap { $0 }.joined(separator: " ")
    }

    /// The name without its legal form: the key two spellings of one organisation share when one
    /// of them omits the legal form.
    public var keyWithoutLegalForm: String {
        [core, honorific, place].compactMap { $0 }.joined(separator: " ")
    }

    public var description: String { key }

    public init(_ name: String) {
        original = RussianText.nfc(name)
        // Remarks in brackets («(Договор)», «(по согласованию)») are not part of the name.
        let withoutRemarks = original.replacing(Self.remark.regex, with: " ")
        var words = Self.unifiedTypes(Self.words(of: withoutRemarks))

        // Legal form: abbreviations, optionally followed by «до» / «удо», or a spelled-out form
        // ending in «учреждение».
        var legal: [String] = []
        if let first = words.first, first.hasPrefix("муниципальн") || first.hasPrefix("государственн")
            || first.hasPrefix("областн") || first.hasPrefix("федеральн") || first.hasPrefix("частн"),
            let end = words.firstIndex(where: { $0.hasPrefix("учреждени") || $0 == "организация" }), end < words.count - 1
        {
            legal = Array(words[...end])
            words.removeFirst(end + 1)
            if words.first == "дополнительного", words.dropFirst().first == "образования" {
                legal += words.prefix(2)
                words.removeFirst(2)
            }
        } else {
            while let first = words.first, Self.legalForms.contains(first), words.count > 1 {
                legal.append(first)
                words.removeFirst()
                if let next = words.first, next == "до" || next == "удо", words.count > 1 {
                    legal.append(next)
                    words.removeFirst()
                }
            }
        }
        legalForm = legal.isEmpty ? nil : legal.joined(separator: " ")

        // Honorific: «имени …» to the end, or to a place.
        var honorificWords: [String] = []
        var placeWords: [String] = []
        if let placeStart = Self.placeStart(in: words) {
            placeWords = Array(words[placeStart...])
            words.removeSubrange(placeStart...)
        }
        if let nameStart = words.firstIndex(of: "имени"), nameStart > 0 {
            honorificWords = Array(words[nameStart...])
            words.removeSubrange(nameStart...)
            // «поликлиника им. Луки № 1»: the number belongs to the organisation.
            words += honorificWords.filter { $0.allSatisfy(\.isNumber) }
            honorificWords.removeAll { $0.allSatisfy(\.isNumber) }
        }
        honorific = honorificWords.isEmpty ? nil : honorificWords.joined(separator: " ")
        place = placeWords.isEmpty ? nil : placeWords.joined(separator: " ")
        core = words.joined(separator: " ")
        number = words.first { $0.allSatisfy(\.isNumber) }
        // «МАДОУ № 24 «Журавушка»» is a kindergarten even though its name does not say so.
        type = words.first { Self.typeWords.contains($0) }
            ?? (legal.contains { $0.hasSuffix("доу") } ? "детский сад" : nil)
    }

    /// The core's words beyond its type and number: what must agree for a probable match.
    var distinguishingWords: Set<String> {
        var words = core.split(separator: " ").map(String.init)
        let typeParts = type.map { $0.split(separator: " ").map(String.init) } ?? []
        words.removeAll { typeParts.contains($0) || $0 == number }
        return Set(words)
    }

    /// Legal-form abbreviations that may precede a name.
    static let legalForms: Set<String> = [
        "маоу", "мбоу", "моу", "мкоу", "мадоу", "мбдоу", "мдоу", "мкдоу", "мау", "мбу", "мку", "му", "мук", "мбук",
        "мауk", "маук", "мбудо", "маудо", "мкудо", "мудо", "мбоудо", "мао", "гбоу", "гоу", "гбу", "гку", "гау",
        "тогбоу", "тогоу", "огбоу", "огоу", "тогапоу", "тогау", "тогаук", "тогбу", "гапоу", "гбпоу", "гбуз",
        "огбуз", "тогбуз", "гуз", "муз", "ано", "ноу", "чоу", "ооо", "оао", "пао", "зао", "ао", "нко", "фгбоу",
        "фгбу", "чу", "ту", "то",
    ]

    /// Institution types after unification.
    static let typeWords: Set<String> = [
        "сош", "оош", "нош", "цо", "гимназия", "лицей", "школа", "детский сад", "доу", "центр", "дюсш",
        "библиотека", "музей", "колледж", "поликлиника", "дк", "интернат", "прогимназия",
    ]

    /// Lower-cased, «ё»-folded words and numbers; quotes, punctuation and «№» marks dropped.
    public static func words(of text: String) -> [String] {
        let normalized = RussianText.normalizedForReading(text)
        var words: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        for character in normalized {
            if character.isLetter || character.isNumber {
                // «СОШ5», «№5»: letters and digits are separate words.
                if let last = current.last, last.isNumber != character.isNumber { flush() }
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        // «№», «n», «no» before a number carry nothing; «им» is «имени».
        var result: [String] = []
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            if ["n", "no", "nn", "номер"].contains(word), next.allSatisfy(\.isNumber), !next.isEmpty { continue }
            result.append(word == "им" ? "имени" : word)
        }
        return result
    }

    /// Unifies the ways a type is spelled.
    static func unifiedTypes(_ words: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        let phrases: [([String], String)] = [
            (["средняя", "общеобразовательная", "школа"], "сош"),
            (["средней", "общеобразовательной", "школы"], "сош"),
            (["основная", "общеобразовательная", "школа"], "оош"),
            (["начальная", "общеобразовательная", "школа"], "нош"),
            (["детский", "сад"], "детский сад"),
            (["детского", "сада"], "детский сад"),
            (["д", "с"], "детский сад"),
            (["центр", "образования"], "цо"),
            (["дом", "культуры"], "дк"),
        ]
        outer: while index < words.count {
            for (phrase, replacement) in phrases where words[index...].starts(with: phrase) {
                result.append(replacement)
                index += phrase.count
                continue outer
            }
            let word = words[index]
            let single: [String: String] = [
                "гимназии": "гимназия", "гимназию": "гимназия", "лицея": "лицей", "школы": "школа",
                "школу": "школа", "центра": "центр", "дс": "детский сад",
            ]
            result.append(single[word] ?? word)
            index += 1
        }
        return result
    }

    /// Where a trailing place starts: «г тамбов», «города тамбова», «город тамбов» at the end.
    static func placeStart(in words: [String]) -> Int? {
        guard words.count >= 3 else { return nil }
        for index in stride(from: words.count - 2, through: 1, by: -1)
        where ["г", "город", "города", "городе", "гор"].contains(words[index]) {
            // Only one or two words of place name after the marker.
            if words.count - index <= 3 { return index }
        }
        return nil
    }
}

// Built once: a regex literal is parsed again each time it is evaluated (see SharedRegex), and
// these run for every cell, executor or word of a plan.
extension OrganizationName {
    static let remark = SharedRegex(/\([^()]*\)/)
}
