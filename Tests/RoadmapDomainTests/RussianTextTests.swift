import Testing

@testable import RoadmapDomain

@Suite("Russian text as documents write it")
struct RussianTextTests {
    @Test(arguments: [
        ("Заключение соглашения о вза- имодействии", "Заключение соглашения о взаимодействии"),
        ("Управление образова- ния администрации", "Управление образования администрации"),
        ("Управле-\nние образования", "Управлеание образования".replacingOccurrences(of: "еа", with: "е")),
        ("учебно- воспитательной работы", "учебно-воспитательной работы"),
        ("психолого- педагогического сопровождения", "психолого-педагогического сопровождения"),
        ("сентябрь- октябрь", "сентябрь- октябрь"),
        ("учителя -предметники", "учителя -предметники"),
        ("Учителя- предметники", "Учителя-предметники"),
        ("педагог- организатор, педагоги- психологи", "педагог-организатор, педагоги-психологи"),
        ("фото- выставка", "фотовыставка"),
        ("1- 4 классы", "1- 4 классы"),
        ("МБОУ СОШ № 5 - Ивановская", "МБОУ СОШ № 5 - Ивановская"),
        ("Отдел Образования- Комитет", "Отдел Образования- Комитет"),
    ])
    func wrappedWordsAreJoined(_ text: String, _ expected: String) {
        #expect(RussianText.joiningWrappedWords(text) == expected)
    }

    /// Cyrillic, Latin-1 and punctuation are NFC already and pass as they are; «й» typed as
    /// «и» and a combining breve is composed, and an em quad becomes the em space NFC has.
    @Test func textIsPutInNFCOnlyWhereItIsNotAlready() {
        let plain = "МАОУ СОШ № 5 «Гимназия» — 2025 г., café"
        #expect(RussianText.isNFCStable(plain))
        #expect(RussianText.nfc(plain) == plain)
        let decomposed = "Краснознаменски\u{0438}\u{0306}"
        #expect(!RussianText.isNFCStable(decomposed))
        #expect(Array(RussianText.nfc(decomposed).unicodeScalars) == Array("Краснознаменский".unicodeScalars))
        #expect(Array(RussianText.nfc("а\u{2001}б").unicodeScalars) == Array("а\u{2003}б".unicodeScalars))
        #expect(Array(RussianText.nfc("Ёлка е\u{0308}").unicodeScalars) == Array("Ёлка ё".unicodeScalars))
    }

    @Test func lengthIsCountedOnlyAsFarAsTheLimit() {
        #expect(!RussianText.isLonger("Срок", than: 4))
        #expect(RussianText.isLonger("Сроки", than: 4))
        // Five characters of more than one scalar each: not longer than five.
        #expect(!RussianText.isLonger("и\u{0306}и\u{0306}и\u{0306}и\u{0306}и\u{0306}", than: 5))
        #expect(RussianText.isLonger(String(repeating: "я", count: 10_000), than: 300))
        // Only the characters asked for are counted: 81 letters among spaces.
        let spaced = String(repeating: "я ", count: 81)
        #expect(RussianText.isLonger(spaced, than: 80, counting: { !$0.isWhitespace }))
        #expect(!RussianText.isLonger(String(repeating: "я ", count: 80), than: 80, counting: { !$0.isWhitespace }))
    }

    @Test func bytesAreFoundWhereverTheyStand() {
        #expect(RussianText.containsBytes("Комитет (далее – Комитет)", "далее"))
        #expect(RussianText.containsBytes("далее", "далее"))
        #expect(!RussianText.containsBytes("Далее", "далее"), "byte for byte: the case is not folded")
        #expect(!RussianText.containsBytes("дал", "далее"))
        #expect(RussianText.containsBytes("", ""))
        #expect(!RussianText.containsBytes("", "а"))
    }
}
