import Foundation

/// What a person typed into the search box, taken apart: its words (letters and digits,
/// lower case, «ё» as «е»), each matched as the start of a word, all of them required. At
/// most 8 words and 200 characters; fewer than 2 letters or digits in all find nothing
/// worth showing and are refused.
public struct SearchQuery: Hashable, Sendable {
    public let text: String
    public let words: [String]

    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case tooShort
        case tooLong

        public var description: String {
            switch self {
            case .tooShort: "type at least 2 letters or digits"
            case .tooLong: "at most 200 characters"
            }
        }
    }

    public init(_ typed: String) throws(Refusal) {
        let text = RussianText.nfc(typed).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= 200 else { throw .tooLong }
        var words: [String] = []
        var current = ""
        for character in text.lowercased().replacingOccurrences(of: "ё", with: "е") {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        guard words.joined().count >= 2 else { throw .tooShort }
        self.text = text
        self.words = Array(words.prefix(8))
    }

    /// The words as a `to_tsquery` text: each a prefix, all required («семинар:* & педагог:*»).
    /// Only letters and digits reach it, so no operator of the query language can.
    public var prefixQuery: String {
        words.map { "\($0):*" }.joined(separator: " & ")
    }
}
