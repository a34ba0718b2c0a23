import RoadmapDomain
import Testing

@Suite("Typed names and texts: what is kept, what is refused")
struct TypedTextTests {
    @Test(arguments: [
        ("  Семинар  ", "Семинар"),
        ("Строка 1\r\nСтрока 2", "Строка 1\nСтрока 2"),
        ("Старый\rМак", "Старый\nМак"),
        ("Колонка\tвторая", "Колонка\tвторая"),
        ("e\u{301}", "\u{E9}"),
        ("СОШ № 5 — «Гагарин»", "СОШ № 5 — «Гагарин»"),
    ])
    func keptTexts(input: String, kept: String) throws {
        #expect(try TypedText.cleaned(input) == kept)
    }

    @Test(arguments: [
        ("a\u{0}b", TypedText.Violation.controlCharacter(0)),
        ("звонок\u{7}", .controlCharacter(7)),
        ("escape\u{1B}[31m", .controlCharacter(0x1B)),
        ("del\u{7F}", .controlCharacter(0x7F)),
        ("c1\u{85}", .controlCharacter(0x85)),
        ("отчёт\u{202E}fdp.exe", .bidirectionalControl(0x202E)),
        ("\u{2066}isolate", .bidirectionalControl(0x2066)),
        ("embed\u{202B}", .bidirectionalControl(0x202B)),
    ])
    func refusedTexts(input: String, violation: TypedText.Violation) {
        #expect(throws: violation) { try TypedText.cleaned(input) }
        #expect(TypedText.violation(in: input) == violation)
    }

    @Test func theReasonNamesTheCharacter() {
        #expect(TypedText.Violation.controlCharacter(7).description.contains("U+0007"))
        #expect(TypedText.Violation.bidirectionalControl(0x202E).description.contains("U+202E"))
    }
}
