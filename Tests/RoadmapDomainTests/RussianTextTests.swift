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
        ("1- 4 классы", "1- 4 классы"),
        ("МБОУ СОШ № 5 - Ивановская", "МБОУ СОШ № 5 - Ивановская"),
        ("Отдел Образования- Комитет", "Отдел Образования- Комитет"),
    ])
    func wrappedWordsAreJoined(_ text: String, _ expected: String) {
        #expect(RussianText.joiningWrappedWords(text) == expected)
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
