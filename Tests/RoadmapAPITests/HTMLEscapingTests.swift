import Mustache
@testable import RoadmapAPI
import Testing

/// The pages' own HTML escaping must escape exactly what Mustache's does, and every template
/// must ask for it.
@Suite("HTML escaping of the pages")
struct HTMLEscapingTests {
    @Test(arguments: [
        "", "Приказ № 770", "<script>alert('x')</script>", "a & b", "\"цитата\" и 'апостроф'",
        "«ёлки» — 5 < 6 > 4 & 7", "&amp; уже", "😀 <b>", "tab\tand\nnewline", "><&\"'",
    ])
    func escapesWhatMustacheEscapes(text: String) throws {
        let template = try MustacheTemplate(string: "{{text}}")
        let expected = template.render(["text": text])
        #expect(HTMLEscaping().escapeText(text) == expected)
    }

    @Test func everyTemplateAsksForIt() {
        let templates = EmbeddedAssets.files.filter { $0.key.hasSuffix(".mustache") }
        #expect(!templates.isEmpty)
        for (name, text) in templates {
            #expect(text.hasPrefix("{{% CONTENT_TYPE: \(HTMLEscaping.name) }}\n"), "\(name) does not start with the content type")
        }
    }

    @Test func aTemplateRendersWithItAsWithMustachesOwn() throws {
        HTMLEscaping.register()
        let text = "<a href=\"x\">Школа № 5 & «Гимназия»</a>"
        let own = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(HTMLEscaping.name) }}\n<p>{{text}}</p>").render(["text": text])
        let mustaches = try MustacheTemplate(string: "<p>{{text}}</p>").render(["text": text])
        #expect(own == mustaches)
        #expect(own == "<p>&lt;a href=&quot;x&quot;&gt;Школа № 5 &amp; «Гимназия»&lt;/a&gt;</p>")
    }
}
