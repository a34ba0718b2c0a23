import Foundation

/// The clean-ups every piece of Russian free text from a plan table needs before it can be
/// read by a machine: documents converted from office files carry no-break spaces, five
/// kinds of dashes, Latin letters typed in the Cyrillic layout, «ё» and «е» used at will,
/// stray HTML tags and cells broken over lines.
///
/// These functions never change what a person would read; they only unify the spellings.
public enum RussianText {
    /// Whether `text` holds `part` byte for byte (no case or normalisation folding): a
    /// cheap test before a costlier reading, where Foundation's `contains` bridged a long
    /// cell through NSString.
    public static func containsBytes(_ text: String, _ part: String) -> Bool {
        var text = text
        var part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= haystack.count else { return false }
                for index in 0...(haystack.count - needle.count) where haystack[index] == first {
                    if haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
                }
                return false
            }
        }
    }

    /// Whether `text` has more than `limit` characters (only those `counted` accepts, when it
    /// is given), counting no further than needed: a long cell's length is asked before rules
    /// meant for short headings, and `count` walked all of it.
    public static func isLonger(
        _ text: some StringProtocol, than limit: Int, counting counted: (Character) -> Bool = { _ in true }
    ) -> Bool {
        guard text.utf8.count > limit else { return false }
        var count = 0
        for character in text where counted(character) {
            count += 1
            if count > limit { return true }
        }
        return false
    }

    /// NFC, as the service keeps all text.
    ///
    /// Text made only of characters that never take part in a canonical composition or
    /// decomposition (ASCII and Latin-1, Cyrillic, the general punctuation from U+2002 on,
    /// «№») is already NFC and is returned as it is: a plan's cells are almost all such text,
    /// and Foundation's normalisation bridged each of them through NSString.
    public static func nfc(_ text: String) -> String {
        isNFCStable(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Whether every scalar of `text` is one NFC leaves alone whatever surrounds it.
    static func isNFCStable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x300, 0x400..<0x500, 0x2002..<0x2070, 0x2116: true
            default: false
            }
        }
    }

    /// Every dash and hyphen users type (‐ ‑ ‒ – — ― − ﹘ ﹣ －), as ASCII `-`.
    public static let dashes: Set<Character> = [
        "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}",
        "\u{2212}", "\u{FE58}", "\u{FE63}", "\u{FF0D}", "\u{00AD}",
    ]

    /// Opening and closing quotes of every kind: «» "" „“ ‘’ ‚ ‹› and ASCII.
    public static let quotes: Set<Character> = [
        "«", "»", "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2018}", "\u{2019}",
        "\u{201A}", "\u{201B}", "\u{2039}", "\u{203A}", "'", "`", "\u{00B4}",
    ]

    /// Latin letters that look like Cyrillic ones, as typed by people switching layouts
    /// («мaрт» with a Latin «a»). Applied only inside words that also hold Cyrillic letters.
    static let latinLookalikes: [Character: Character] = [
        "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "k": "к",
        "m": "м", "t": "т", "h": "н", "b": "в",
    ]

    /// Removes HTML tags (`<p>`, `<b>`) that office converters leave in cells.
    public static func removingTags(_ text: String) -> String {
        guard text.contains("<") else { return text }
        var result = ""
        var inTag = false
        var pending = ""
        for character in text {
            if inTag {
                pending.append(character)
                if character == ">" {
                    inTag = false
                    pending = ""
                    result.append(" ")
                }
            } else if character == "<" {
                inTag = true
                pending = "<"
            } else {
                result.append(character)
            }
        }
        // An unclosed «<» is text, not a tag.
        return result + pending
    }

    /// Unifies whitespace: no-break and thin spaces, tabs and line breaks become one space;
    /// runs collapse; the ends are trimmed.
    public static func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        var lastWasSpace = true
        for character in text {
            if character.isWhitespace || character == "\u{200B}" || character == "\u{FEFF}" {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// The second noun of a post written with a hyphen («учитель-предметник», «педагог-психолог»):
    /// no word a narrow column broke ends so.
    static let secondNounOfAPost = SharedRegex(
        /(?:предметник|организатор|психолог|логопед|дефектолог|библиотекар|методист|наставник)\p{L}{0,3}/)

    /// Words a narrow column broke with a hyphen joined again: «вза- имодействии» →
    /// «взаимодействии», «образова-\nния» → «образования». A part that ends as the first part
    /// of a compound does («учебно- воспитательный», «психолого- педагогический») keeps its
    /// hyphen, and so does a post named by two nouns («учителя- предметники»); a month before a
    /// range («сентябрь- октябрь») is left as written.
    public static func joiningWrappedWords(_ text: String) -> String {
        guard text.contains("-") else { return text }
        var result = text
        for match in text.matches(of: /(\p{L}+)-[ \t\n]+(\p{Ll}+)/).reversed() {
            let left = String(match.output.1), right = String(match.output.2)
            guard left.last?.isLowercase == true,
                  folded(left).wholeMatch(of: /(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*|по|и|или/) == nil
            else { continue }
            // «Учителя- предметники», «педагог- организатор»: a post named by two nouns.
            let compound = left.count >= 5 && ["но", "ко", "ро", "го", "во"].contains(String(folded(left).suffix(2)))
                || left.count >= 5 && folded(right).wholeMatch(of: Self.secondNounOfAPost.regex) != nil
            result.replaceSubrange(match.range, with: compound ? left + "-" + right : left + right)
        }
        return result
    }

    /// Every dash as ASCII `-` (a soft hyphen is dropped).
    public static func unifyingDashes(_ text: String) -> String {
        String(text.compactMap { character -> Character? in
            if character == "\u{00AD}" { return nil }
            return dashes.contains(character) ? "-" : character
        })
    }

    /// Lower case with «ё» folded to «е» and Ukrainian/Belarusian «і» folded to Latin «i»
    /// (it stands for a Roman one in «І квартал»).
    public static func folded(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            switch character {
            case "ё": result.append("е")
            case "і": result.append("i")
            default: result.append(character)
            }
        }
        return result
    }

    /// Whether `word` becomes `other` by changing, adding or dropping at most one letter: a
    /// misspelling such as «сетябрь» for «сентябрь».
    static func withinOneEdit(_ word: [Character], _ other: [Character]) -> Bool {
        guard abs(word.count - other.count) <= 1 else { return false }
        let (short, long) = word.count <= other.count ? (word, other) : (other, word)
        var i = 0, j = 0, edits = 0
        while i < short.count, j < long.count {
            if short[i] == long[j] {
                i += 1
                j += 1
                continue
            }
            edits += 1
            if edits > 1 { return false }
            if short.count == long.count { i += 1 }
            j += 1
        }
        return edits + (long.count - j) - (short.count - i) <= 1
    }

    /// Replaces Latin look-alike letters in words that mix Latin and Cyrillic letters.
    public static func fixingMixedLayout(_ text: String) -> String {
        var result = ""
        var word = ""
        func flush() {
            let hasCyrillic = word.unicodeScalars.contains { isCyrillic($0) }
            let hasLatin = word.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
            if hasCyrillic && hasLatin {
                result.append(contentsOf: word.map { latinLookalikes[$0] ?? $0 })
            } else {
                result.append(contentsOf: word)
            }
            word = ""
        }
        for character in text {
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

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        (0x0400...0x04FF).contains(scalar.value)
    }

    /// The full clean-up for machine reading: NFC, tags removed, spaces and dashes unified,
    /// lower case, «ё» → «е», mixed layouts fixed.
    public static func normalizedForReading(_ text: String) -> String {
        let cleaned = collapsingWhitespace(unifyingDashes(removingTags(nfc(text))))
        return fixingMixedLayout(folded(cleaned))
    }
}
