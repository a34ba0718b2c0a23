/// One meaningful piece of a deadline's text, after `RussianText.normalizedForReading`:
/// numbers, dates, month names, Roman numerals, the words that mark quarters, half-years, years
/// and academic years, separators, and every other word as itself.
enum DeadlineToken: Hashable, Sendable {
    /// Digits; `digits` tells a year (4) from a day (1–2).
    case number(Int, digits: Int)
    /// «25.06.2018», «01.09», «2019-09-01»; a two-digit year is in the 2000s.
    case date(day: Int, month: Int, year: Int?)
    case month(Int)
    /// «i», «ii», «iii», «iv» (and «v», «vi» … only to reject them).
    case roman(Int)
    /// «первое», «второй», … as in «второе полугодие».
    case ordinal(Int)
    /// «квартал», «кв»
    case quarter
    /// «полугодие», «полугодия», «п/г»
    case half
    /// «г», «гг», «год», «года», «годы»
    case yearWord
    /// «учебный», «учебного», «уч»
    case academic
    case season(Season)
    case dash
    case slash
    /// «,», «;», «и»: separates items of a list.
    case comma
    case word(String)

    /// The seasons a deadline can name.
    enum Season: Int, Hashable, Sendable {
        case winter, spring, summer, autumn

        /// The season's first month.
        var firstMonth: Int {
            switch self {
            case .winter: 12
            case .spring: 3
            case .summer: 6
            case .autumn: 9
            }
        }
    }

    /// How the token is written back when a phrase is quoted («2 раза в год»).
    var spelling: String {
        switch self {
        case .number(let number, _): "\(number)"
        case .date(let day, let month, let year):
            year.map { "\(day).\(month).\($0)" } ?? "\(day).\(month)"
        case .month(let month): DeadlinePoint.months[month - 1]
        case .roman(let number): DeadlineToken.romanNumbers.first { $0.value == number }?.key.uppercased() ?? "\(number)"
        case .ordinal(let number): "\(number)"
        case .quarter: "квартал"
        case .half: "полугодие"
        case .yearWord: "год"
        case .academic: "учебный"
        case .season(let season): DeadlinePoint(unit: .season(season)).phrase
        case .dash: "-"
        case .slash: "/"
        case .comma: ","
        case .word(let word): word
        }
    }

    /// Splits normalised text into tokens. Dots, colons, quotes, brackets and «№» are dropped
    /// after dates are read, because users sprinkle them freely («г.», «кв.», «янв.»).
    static func tokens(in text: String) -> [DeadlineToken] {
        let characters = Array(text)
        var tokens: [DeadlineToken] = []
        var index = 0

        func digitRun(from start: Int) -> (value: Int, digits: Int, end: Int)? {
            var end = start
            while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
            guard end > start, end - start <= 9, let value = Int(String(characters[start..<end])) else {
                return nil
            }
            return (value, end - start, end)
        }

        while index < characters.count {
            let character = characters[index]
            if character.isASCII && character.isNumber {
                guard let first = digitRun(from: index) else { index += 1; continue }
                // ISO date 2019-09-01.
                if first.digits == 4, first.end < characters.count, characters[first.end] == "-", let second = digitRun(from: first.end + 1), second.digits == 2,
                   second.end < characters.count, characters[second.end] == "-",
                   let third = digitRun(from: second.end + 1), third.digits == 2 {
                    tokens.append(.date(day: third.value, month: second.value, year: first.value))
                    index = third.end
                    continue
                }
                // dd.mm[.yyyy]
                if first.digits <= 2, first.end + 1 < characters.count, characters[first.end] == ".",
                   let second = digitRun(from: first.end + 1), second.digits <= 2 {
                    // «12.00» is a time of day, «31.13» nothing: no date, so nothing a reader places.
                    guard (1...12).contains(second.value), (1...31).contains(first.value) else {
                        tokens.append(.word("\(first.value).\(second.value)"))
                        index = second.end
                        continue
                    }
                    if second.end + 1 < characters.count, characters[second.end] == ".",
                       let third = digitRun(from: second.end + 1), third.digits == 4 || third.digits == 2 {
                        let year = third.digits == 2 ? 2000 + third.value : third.value
                        tokens.append(.date(day: first.value, month: second.value, year: year))
                        index = third.end
                    } else {
                        tokens.append(.date(day: first.value, month: second.value, year: nil))
                        index = second.end
                    }
                    continue
                }
                tokens.append(.number(first.value, digits: first.digits))
                index = first.end
                continue
            }
            if character.isLetter {
                var end = index
                // «п/г», «д/с» keep their slash; letters run otherwise.
                while end < characters.count,
                      characters[end].isLetter
                        || (characters[end] == "/" && end + 1 < characters.count && characters[end + 1].isLetter
                            && end - index == 1)
                {
                    end += 1
                }
                let word = String(characters[index..<end])
                tokens.append(classify(word))
                index = end
                continue
            }
            switch character {
            case "-": tokens.append(.dash)
            case "/": tokens.append(.slash)
            case ",", ";": tokens.append(.comma)
            default: break
            }
            index += 1
        }
        return tokens
    }

    static func classify(_ word: String) -> DeadlineToken {
        if let month = monthNumber(word) { return .month(month) }
        if let roman = romanNumbers[word] { return .roman(roman) }
        if let ordinal = ordinalNumber(word) { return .ordinal(ordinal) }
        if word == "кв" || word == "кв-л" || word.hasPrefix("квартал") { return .quarter }
        if word.hasPrefix("полугод") || word == "п/г" || word == "полуг" { return .half }
        if yearWords.contains(word) { return .yearWord }
        if word.hasPrefix("учебн") || word == "уч" || word == "у/г" { return .academic }
        if let season = season(word) { return .season(season) }
        if word == "и" { return .comma }
        return .word(word)
    }

    static let yearWords: Set<String> = [
        "г", "гг", "год", "года", "году", "годы", "годов", "годах", "годом", "годам", "гг",
    ]

    static let romanNumbers: [String: Int] = [
        "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
        "xi": 11, "xii": 12,
    ]

    /// Month names in every case, abbreviations and the misspellings real documents carry. A
    /// word is a month when it is one of a month's forms («марта», «сентябре», «мартовский»),
    /// the start of one («сент», «нояб», «декабр»), or one letter away from a form of six
    /// letters or more («сетябрь»): never merely because it starts like one, which made
    /// «Мартынюк» March, «апробация» April and «в сети» September. Looked up in tables built
    /// once: the tokenizer asks this of every word of every stretch tried as a deadline.
    static func monthNumber(_ word: String) -> Int? {
        guard word.count >= 3, word.count <= 10 else { return nil }
        if let month = monthStarts[word] { return month }
        guard let near = monthsByStart[String(word.prefix(2))] else { return nil }
        for (adjective, month) in near.adjectives where word.hasPrefix(adjective) { return month }
        guard word.count >= 6 else { return nil }
        let letters = Array(word)
        return near.longForms.first { RussianText.withinOneEdit(letters, $0.form) }?.month
    }

    /// Each month's forms in every case: soft stems take «ь/я/е/ю/ём/ем», hard ones «/а/е/у/ом».
    static let monthForms: [(form: String, month: Int)] = {
        var forms: [(String, Int)] = ["май", "мая", "мае", "маю", "маем"].map { ($0, 5) }
        let soft = [("январ", 1), ("феврал", 2), ("апрел", 4), ("июн", 6), ("июл", 7),
                    ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12)]
        for (stem, month) in soft {
            forms += ["ь", "я", "е", "ю", "ём", "ем"].map { (stem + $0, month) }
        }
        for (stem, month) in [("март", 3), ("август", 8)] {
            forms += ["", "а", "е", "у", "ом"].map { (stem + $0, month) }
        }
        return forms
    }()

    /// Every month's form and every start of one of three letters or more («сен», «сент»,
    /// «сентябр», «сентября»); no start is two months'.
    static let monthStarts: [String: Int] = {
        var starts: [String: Int] = [:]
        for (form, month) in monthForms {
            for length in 3...form.count { starts[String(form.prefix(length))] = month }
        }
        return starts
    }()

    /// «январский», «мартовские», «августовское»: a month's adjectives by their stems.
    static let monthAdjectives: [(String, Int)] = [
        ("январск", 1), ("февральск", 2), ("мартовск", 3), ("апрельск", 4), ("майск", 5), ("июньск", 6),
        ("июльск", 7), ("августовск", 8), ("сентябрьск", 9), ("октябрьск", 10), ("ноябрьск", 11), ("декабрьск", 12),
    ]

    /// The adjectives and the forms of six letters or more (those a misspelling is measured
    /// against) by their first two letters, so that a word no month starts with is passed at once.
    static let monthsByStart: [String: (adjectives: [(String, Int)], longForms: [(form: [Character], month: Int)])] = {
        var table: [String: (adjectives: [(String, Int)], longForms: [(form: [Character], month: Int)])] = [:]
        for (adjective, month) in monthAdjectives {
            table[String(adjective.prefix(2)), default: ([], [])].adjectives.append((adjective, month))
        }
        for (form, month) in monthForms where form.count >= 6 {
            table[String(form.prefix(2)), default: ([], [])].longForms.append((Array(form), month))
        }
        return table
    }()

    static func ordinalNumber(_ word: String) -> Int? {
        let stems: [(String, Int)] = [("перв", 1), ("втор", 2), ("трет", 3), ("четверт", 4)]
        for (stem, number) in stems where word.hasPrefix(stem) {
            // «четверть» is a school term, not «четвёртый».
            if word == "четверть" || word == "четверти" { return nil }
            return number
        }
        return nil
    }

    static func season(_ word: String) -> Season? {
        switch word {
        case "лето", "летом", "летний", "летнего", "летние", "летних", "летнем", "лета": .summer
        case "зима", "зимой", "зимний", "зимнего", "зимние", "зимних", "зимнем", "зимы": .winter
        case "весна", "весной", "весенний", "весеннего", "весенние", "весенних", "весеннем", "весны": .spring
        case "осень", "осенью", "осенний", "осеннего", "осенние", "осенних", "осеннем", "осени": .autumn
        default: nil
        }
    }
}
