import Foundation

/// Word's automatic numbering (`word/numbering.xml`): the numbers Word shows before a
/// paragraph of a numbered list but does not keep in its text. A plan's «№» column numbered
/// with Word's button, «1.», «1.1.», «1.1.1.», and its parts «I.», «II.» are such lists: read
/// without them, a goal's and a task's rows are rows of nothing but text. Each paragraph of a
/// list is given its label as Word counts it: the lists of one definition (`w:abstractNum`)
/// count on together, a level's count starts again after a higher level's, and a list that
/// overrides its start (`w:startOverride`) starts again there. Bullets and unnumbered levels
/// give no label.
struct DocxNumbering {
    /// One level of a list's definition.
    struct Level {
        var start = 1
        /// `w:numFmt`: «decimal», «upperRoman», «russianLower», «bullet», …
        var format = "decimal"
        /// `w:lvlText`: «%1.», «%1.%2.», a bullet's character.
        var text = ""
    }

    /// A list (`w:num`): its definition and the levels whose start it overrides.
    struct List {
        var definition: String
        var startOverrides: [Int: Int] = [:]
    }

    /// Levels of each definition, by `w:abstractNumId` and level.
    var definitions: [String: [Int: Level]] = [:]
    /// Lists by `w:numId`.
    var lists: [String: List] = [:]
    /// The numbering a paragraph style gives (`w:pStyle` → `w:numPr`), by style id.
    var styles: [String: (list: String?, level: Int?)] = [:]
    /// The style a style is based on.
    var basedOn: [String: String] = [:]

    /// The counts so far, by definition: the current number of each level, nil where none.
    private var counts: [String: [Int: Int]] = [:]
    /// The lists and levels that have started again at their override («numId/level»).
    private var restarted: Set<String> = []

    /// Word numbers at most nine levels.
    static let levels = 0...8
    /// The numbers a list may start at: Word's own bounds. A file's larger or negative
    /// number is brought within them rather than counted past the largest integer.
    static let starts = 0...32_767

    /// A start as written, within `starts`.
    static func start(_ written: String?) -> Int? {
        guard let written = written?.trimmingCharacters(in: .whitespaces) else { return nil }
        let digits = written.hasPrefix("-") ? written.dropFirst() : Substring(written)
        guard !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        // Past any integer: the bound on its side.
        guard let number = Int(written) else { return written.hasPrefix("-") ? starts.lowerBound : starts.upperBound }
        return min(max(number, starts.lowerBound), starts.upperBound)
    }

    /// The list and level a paragraph of style `style` takes from its style or the styles
    /// it is based on, when its own properties name none.
    func styleNumbering(_ style: String) -> (list: String?, level: Int?) {
        var seen: Set<String> = []
        var current: String? = style
        while let id = current, seen.insert(id).inserted {
            if let numbering = styles[id], numbering.list != nil { return numbering }
            current = basedOn[id]
        }
        return (nil, nil)
    }

    /// The label Word shows before the next paragraph of list `list` at `level` («2.»,
    /// «1.3.», «IV.»), counting it; nil for a bullet, a level without a number or a list the
    /// document does not define (`numId` 0 takes a paragraph out of its list).
    mutating func label(list id: String, level: Int) -> String? {
        guard Self.levels.contains(level), let list = lists[id], let levels = definitions[list.definition],
              let format = levels[level] else { return nil }
        var count = counts[list.definition] ?? [:]
        if let start = list.startOverrides[level], restarted.insert("\(id)/\(level)").inserted {
            count[level] = start
        } else {
            count[level] = count[level].map { $0 + 1 } ?? format.start
        }
        for deeper in count.keys where deeper > level { count[deeper] = nil }
        counts[list.definition] = count
        guard !["bullet", "none"].contains(format.format), format.text.contains("%") else { return nil }
        var label = format.text
        for shown in Self.levels.reversed() where label.contains("%\(shown + 1)") {
            let shownLevel = levels[shown] ?? Level()
            let number = count[shown] ?? list.startOverrides[shown] ?? shownLevel.start
            label = label.replacingOccurrences(of: "%\(shown + 1)", with: Self.written(number, as: shownLevel.format))
        }
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `number` written as a level of format `format` writes it.
    static func written(_ number: Int, as format: String) -> String {
        switch format {
        case "upperRoman": roman(number)
        case "lowerRoman": roman(number).lowercased()
        case "upperLetter": letters(number, alphabet: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        case "lowerLetter": letters(number, alphabet: Array("abcdefghijklmnopqrstuvwxyz"))
        // Word's Russian letters leave out Ё, Й, Ъ, Ы and Ь, as Russian numbering does.
        case "russianUpper": letters(number, alphabet: Array("АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"))
        case "russianLower": letters(number, alphabet: Array("абвгдежзиклмнопрстуфхцчшщэюя"))
        case "decimalZero": number < 10 && number >= 0 ? "0\(number)" : String(number)
        default: String(number)
        }
    }

    /// «XIV»; a number out of Roman numerals' range is written in figures.
    static func roman(_ number: Int) -> String {
        guard (1...3999).contains(number) else { return String(number) }
        let values = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var left = number
        var written = ""
        for (value, numeral) in values {
            while left >= value {
                written += numeral
                left -= value
            }
        }
        return written
    }

    /// «A», …, «Z», «AA», «BB»: Word repeats the letter once the alphabet is used up.
    static func letters(_ number: Int, alphabet: [Character]) -> String {
        guard number >= 1 else { return String(number) }
        let letter = alphabet[(number - 1) % alphabet.count]
        return String(repeating: letter, count: min((number - 1) / alphabet.count + 1, 10))
    }

    /// The numbering of the document in `archive`: its lists from `word/numbering.xml`, the
    /// numbering its paragraph styles give from `word/styles.xml`. A document without them
    /// numbers nothing.
    static func read(from archive: OfficeArchive) throws(DocumentReadError) -> DocxNumbering {
        var numbering = DocxNumbering()
        if let xml = try archive.part("word/numbering.xml") {
            let handler = DocxNumberingHandler(file: archive.file)
            try OfficeXML.parse(xml, part: "word/numbering.xml", file: archive.file, handler: handler)
            numbering.definitions = handler.definitions
            numbering.lists = handler.lists
        }
        if !numbering.lists.isEmpty, let xml = try archive.part("word/styles.xml") {
            let handler = DocxStyleNumberingHandler(file: archive.file)
            try OfficeXML.parse(xml, part: "word/styles.xml", file: archive.file, handler: handler)
            numbering.styles = handler.styles
            numbering.basedOn = handler.basedOn
        }
        return numbering
    }
}

/// `word/numbering.xml`: each definition's levels and each list's definition and overrides.
private final class DocxNumberingHandler: OfficeXMLHandler {
    var definitions: [String: [Int: DocxNumbering.Level]] = [:]
    var lists: [String: DocxNumbering.List] = [:]
    private var definition: String?
    private var list: String?
    private var level: Int?
    private var overrideLevel: Int?

    override func open(_ name: String, attributes: [String: String]) {
        switch name {
        case "abstractNum":
            definition = attributes["abstractNumId"]
        case "num":
            list = attributes["numId"]
        case "abstractNumId" where list != nil:
            if let list, let id = attributes["val"] { lists[list] = DocxNumbering.List(definition: id) }
        case "lvlOverride" where list != nil:
            overrideLevel = attributes["ilvl"].flatMap { Int($0) }
        case "startOverride" where list != nil:
            if let list, let level = overrideLevel, let start = DocxNumbering.start(attributes["val"]) {
                lists[list]?.startOverrides[level] = start
            }
        case "lvl" where definition != nil && overrideLevel == nil:
            level = attributes["ilvl"].flatMap { Int($0) }
            if let definition, let level, DocxNumbering.levels.contains(level) { definitions[definition, default: [:]][level] = DocxNumbering.Level() }
        case "start", "numFmt", "lvlText":
            guard let definition, let level, overrideLevel == nil, definitions[definition]?[level] != nil, let value = attributes["val"] else { return }
            switch name {
            case "start": definitions[definition]?[level]?.start = DocxNumbering.start(value) ?? 1
            case "numFmt": definitions[definition]?[level]?.format = value
            default: definitions[definition]?[level]?.text = value
            }
        default:
            break
        }
    }

    override func close(_ name: String) {
        switch name {
        case "abstractNum": definition = nil
        case "num": list = nil
        case "lvlOverride": overrideLevel = nil
        case "lvl": level = nil
        default: break
        }
    }
}

/// `word/styles.xml`: the list and level each paragraph style numbers with, and its base.
private final class DocxStyleNumberingHandler: OfficeXMLHandler {
    var styles: [String: (list: String?, level: Int?)] = [:]
    var basedOn: [String: String] = [:]
    private var style: String?

    override func open(_ name: String, attributes: [String: String]) {
        switch name {
        case "style":
            style = attributes["type"] == "paragraph" ? attributes["styleId"] : nil
        case "basedOn":
            if let style, let base = attributes["val"] { basedOn[style] = base }
        case "numId":
            if let style { styles[style, default: (nil, nil)].list = attributes["val"] }
        case "ilvl":
            if let style { styles[style, default: (nil, nil)].level = attributes["val"].flatMap { Int($0) } }
        default:
            break
        }
    }

    override func close(_ name: String) {
        if name == "style" { style = nil }
    }
}
