/// Reads the tokens of a non-recurring deadline into an expression: an optional prefix
/// («до», «не позднее», «с»), then one item or a list of items, each a point or a range of two
/// points («Сентябрь 2018 – апрель 2019», «с 1 по 15 сентября 2019»). Every token must be
/// accounted for: a word it does not know makes the whole text unreadable, never skipped.
struct DeadlineReader {
    enum Prefix: Hashable, Sendable {
        case none
        /// «до», «не позднее», «в срок до», «по», «к»: a due date.
        case due
        /// «с», «со», «от», «начиная с»: a start, with or without an end.
        case from
    }

    enum Item: Hashable, Sendable {
        case single(DeadlinePoint)
        case range(DeadlinePoint, DeadlinePoint)
    }

    struct Expression: Hashable, Sendable {
        var prefix: Prefix
        var items: [Item]
    }

    typealias Failure = DeadlinePoint.Failure

    private let tokens: [DeadlineToken]
    private var index = 0

    init(tokens: [DeadlineToken]) {
        self.tokens = tokens
    }

    /// Reads the whole token list; anything left over makes it unreadable.
    static func expression(from tokens: [DeadlineToken]) throws(Failure) -> Expression {
        var reader = DeadlineReader(tokens: tokens)
        let expression = try reader.readExpression()
        guard reader.isAtEnd else { throw .unreadable }
        return expression
    }

    var isAtEnd: Bool { index >= tokens.count }

    private func peek(_ offset: Int = 0) -> DeadlineToken? {
        index + offset < tokens.count ? tokens[index + offset] : nil
    }

    private func isWord(_ offset: Int, _ words: Set<String>) -> Bool {
        if case .word(let word) = peek(offset) { return words.contains(word) }
        return false
    }

    /// Fillers that may stand before a point: «в марте», «в течение 2019 года», «на 2019 год».
    static let leadingFillers: Set<String> = [
        "в", "во", "на", "течение", "течении", "теч", "протяжении", "срок", "сроки", "срока", "период",
    ]
    static let dueWords: Set<String> = ["до", "по", "к", "ко"]
    static let fromWords: Set<String> = ["с", "со", "от"]
    static let endWords: Set<String> = ["конца", "конец", "конце", "окончания", "окончанию", "окончание", "концу"]

    mutating func readExpression() throws(Failure) -> Expression {
        var prefix = Prefix.none
        var endOnly = false
        prefixLoop: while let token = peek() {
            switch token {
            case .word(let word):
                if Self.leadingFillers.contains(word) || word == "начиная" || word == "включительно" {
                    index += 1
                } else if word == "не", isWord(1, ["позднее", "позже", "познее", "позднее,"]) {
                    prefix = .due
                    index += 2
                } else if Self.dueWords.contains(word) {
                    prefix = .due
                    index += 1
                } else if Self.fromWords.contains(word) {
                    prefix = .from
                    index += 1
                } else if Self.endWords.contains(word) {
                    endOnly = true
                    index += 1
                } else {
                    break prefixLoop
                }
            case .comma:
                index += 1
            default:
                break prefixLoop
            }
        }
        var items: [Item] = []
        var first = try readItem()
        if endOnly {
            guard case .single(var point) = first else { throw .unreadable }
            point.endOnly = true
            first = .single(point)
        }
        items.append(first)
        while case .comma = peek() {
            index += 1
            // A trailing comma or dot-comma before the end.
            if isAtEnd { break }
            items.append(try readItem())
        }
        return Expression(prefix: prefix, items: items)
    }

    private mutating func readItem() throws(Failure) -> Item {
        while isWord(0, ["в", "во", "на"]) { index += 1 }
        let left = try readPoint()
        let isRangeWord = isWord(0, ["по", "до"])
        if case .dash = peek() {
            index += 1
        } else if isRangeWord {
            index += 1
        } else if case .slash = peek(), left.unit == .year {
            index += 1
        } else {
            return .single(left)
        }
        var endOnly = false
        while case .word(let word) = peek(), Self.endWords.contains(word) || word == "в" {
            if Self.endWords.contains(word) { endOnly = true }
            index += 1
        }
        var right = try readPoint()
        right.endOnly = right.endOnly || endOnly
        return .range(left, right)
    }

    /// «I квартал 2020», «1 полугодие 2019»: the number was read, the next token is the unit.
    private mutating func readQuarterOrHalf(_ number: Int) -> DeadlinePoint {
        let unit: DeadlinePoint.Unit = peek() == .quarter ? .quarter(number) : .half(number)
        index += 1
        var point = DeadlinePoint(unit: unit)
        readYear(into: &point)
        return point
    }

    private mutating func readPoint() throws(Failure) -> DeadlinePoint {
        guard let token = peek() else { throw .unreadable }
        var point: DeadlinePoint
        switch token {
        case .date(let day, let month, let year):
            index += 1
            point = DeadlinePoint(unit: .day(day, month: month), year: year)
            if year == nil { readYear(into: &point) } else { skipYearWords() }
        case .number(let number, let digits):
            index += 1
            switch peek() {
            case .month(let month):
                guard (1...31).contains(number), digits <= 2 else { throw .unreadable }
                index += 1
                point = DeadlinePoint(unit: .day(number, month: month))
                readYear(into: &point)
            case .quarter, .half:
                point = readQuarterOrHalf(number)
            default:
                if digits == 4 {
                    index -= 1
                    point = DeadlinePoint(unit: .year)
                    guard readYear(into: &point) else { throw .unreadable }
                    if point.isAcademic { point.unit = .academicYear }
                } else if digits <= 2, (1...31).contains(number) {
                    point = DeadlinePoint(unit: .bare(number))
                } else {
                    throw .unreadable
                }
            }
        case .roman(let number), .ordinal(let number):
            index += 1
            switch peek() {
            case .quarter, .half:
                point = readQuarterOrHalf(number)
            default:
                point = DeadlinePoint(unit: .bare(number))
            }
        case .month(let month):
            index += 1
            point = DeadlinePoint(unit: .month(month))
            readYear(into: &point)
        case .season(let season):
            index += 1
            while isWord(0, ["период", "периода", "периоде", "каникулы", "каникул", "время", "сезон"]) { index += 1 }
            point = DeadlinePoint(unit: .season(season))
            readYear(into: &point)
        case .word(let word) where Self.endWords.contains(word):
            index += 1
            point = try readPoint()
            point.endOnly = true
            return point
        case .word("текущего"), .word("этого"), .word("календарного"):
            index += 1
            guard case .yearWord = peek() else { throw .unreadable }
            index += 1
            skipYearWords()
            point = DeadlinePoint(unit: .year)
        case .yearWord:
            // «года» alone: the context's year («до конца года»).
            index += 1
            skipYearWords()
            point = DeadlinePoint(unit: .year)
        case .academic:
            index += 1
            skipYearWords()
            point = DeadlinePoint(unit: .academicYear)
        default:
            throw .unreadable
        }
        skipTrailingFillers()
        return point
    }

    /// Reads «2019», «2019 г.», «2019 года», «текущего года», or «2022-2023 учебного года» /
    /// «2022/2023» (an academic year) after a unit. Returns false when no year follows.
    @discardableResult
    private mutating func readYear(into point: inout DeadlinePoint) -> Bool {
        if isWord(0, ["текущего", "этого", "календарного"]), case .yearWord = peek(1) {
            // The context's year: leave the year open.
            index += 2
            skipYearWords()
            return false
        }
        guard case .number(let year, 4) = peek(), (1000...9998).contains(year) else {
            if case .academic = peek() {
                // «1 полугодие учебного года»: the context's academic year.
                index += 1
                skipYearWords()
                point.isAcademic = true
            }
            return false
        }
        // «2022-2023 учебный год», «2022/23 уч. г.», «2022/2023».
        if let separator = peek(1), separator == .dash || separator == .slash,
           case .number(let next, let digits) = peek(2),
           (digits == 4 && next == year + 1) || (digits == 2 && next == (year + 1) % 100)
        {
            var offset = 3
            while case .yearWord = peek(offset) { offset += 1 }
            if case .academic = peek(offset) {
                index += offset + 1
                skipYearWords()
                point.year = year
                point.isAcademic = true
                return true
            }
            if separator == .slash {
                index += offset
                skipYearWords()
                point.year = year
                point.isAcademic = true
                return true
            }
        }
        index += 1
        point.year = year
        skipYearWords()
        // «2022 учебный год» is left for the caller to reject: it names no academic year clearly.
        return true
    }

    private mutating func skipYearWords() {
        while case .yearWord = peek() { index += 1 }
    }

    private mutating func skipTrailingFillers() {
        while isWord(0, ["включительно", "вкл"]) { index += 1 }
    }
}
