/// A spreadsheet cell reference («B7»): column letters and a row number, both 1-based.
struct CellReference: Hashable, CustomStringConvertible {
    var row: Int
    var column: Int

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses «B7» or «$B$7»; nil for anything else. Columns beyond «ZZZ» are refused, so a
    /// hostile reference cannot overflow.
    init?(_ text: Substring) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for character in text where character != "$" {
            if let ascii = character.asciiValue, (65...90).contains(ascii) || (97...122).contains(ascii) {
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((ascii & 0xDF) - 64)
                letters += 1
            } else if let digit = character.wholeNumberValue, character.isASCII {
                guard letters > 0, digits < 8 else { return nil }
                row = row * 10 + digit
                digits += 1
            } else {
                return nil
            }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        self.init(row: row, column: column)
    }

    /// Just the column letters («AB» → 28); nil when there are none.
    static func column(of text: Substring) -> Int? {
        let letters = text.prefix { $0.isLetter && $0.isASCII }
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        return letters.reduce(0) { $0 * 26 + Int(($1.asciiValue ?? 65) & 0xDF) - 64 }
    }

    static func letters(of column: Int) -> String {
        var column = column
        var letters = ""
        while column > 0 {
            let remainder = (column - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            column = (column - 1) / 26
        }
        return letters
    }

    var description: String { "\(Self.letters(of: column))\(row)" }
}
