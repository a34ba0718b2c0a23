import RoadmapDomain
import Testing

@Suite("Markup: text made safe in hand-written HTML and XML")
struct MarkupTextTests {
    @Test func specialCharactersBecomeEntitiesAndControlCharactersGo() {
        #expect(MarkupText.escaped(#"<a href="x">Школа № 5 & 'лицей'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Школа № 5 &amp; &#39;лицей&#39;&lt;/a&gt;")
        #expect(MarkupText.escaped("строка\u{0}\u{1B}\tвторая\n") == "строка\tвторая\n")
    }
}
