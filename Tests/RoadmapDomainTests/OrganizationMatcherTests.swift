import Foundation
import RoadmapDomain
import Testing

@Suite("Organisation names and matching")
struct OrganizationMatcherTests {
    @Test("spellings of one name normalise alike", arguments: [
        ("СОШ №5", "сош № 5"),
        ("СОШ №5", "СОШ N 5"),
        ("СОШ №5", "СОШ No 5"),
        ("СОШ №5", "«СОШ № 5»"),
        ("МАОУ СОШ № 5 имени Ю.А.Гагарина", "МАОУ «СОШ № 5 имени Ю. А. Гагарина»"),
        ("МАОУ СОШ № 5 имени Ю.А.Гагарина", "маоу сош №5 им. Ю.А. Гагарина"),
        ("МАОУ СОШ № 5 имени Ю.А.Гагарина", "МАОУ  СОШ\u{00A0}№\u{00A0}5 имени Ю.А.Гагарина"),
        ("Детский сад «Ёлочка»", "детский сад \"Елочка\""),
        ("Детский сад „Ёлочка“", "Д/С «Елочка»"),
        ("Средняя общеобразовательная школа № 3", "СОШ № 3"),
        ("Гимназия № 7", "гимназии №7"),
    ])
    func sameKey(_ a: String, _ b: String) {
        #expect(OrganizationName(a).key == OrganizationName(b).key)
    }

    @Test func partsOfAName() throws {
        let name = OrganizationName("МАОУ СОШ № 5 имени Ю.А.Гагарина")
        #expect(name.legalForm == "маоу")
        #expect(name.core == "сош 5")
        #expect(name.type == "сош")
        #expect(name.number == "5")
        #expect(name.honorific == "имени ю а гагарина")
        #expect(name.keyWithoutLegalForm == "сош 5 имени ю а гагарина")
        let spelled = OrganizationName("Муниципальное автономное общеобразовательное учреждение средняя общеобразовательная школа № 5 г. Тамбова")
        #expect(spelled.legalForm == "муниципальное автономное общеобразовательное учреждение")
        #expect(spelled.core == "сош 5")
        #expect(spelled.place == "г тамбова")
        #expect(OrganizationName("ТОГАПОУ «Педагогический колледж»(Договор)").key == "тогапоу педагогический колледж")
    }

    static let known = [
        KnownOrganization(id: "committee", name: "Комитет образования администрации города Тамбова", aliases: ["Комитет образования"]),
        KnownOrganization(id: "csod", name: "МКУ «Центр сопровождения образовательной деятельности»", aliases: ["ЦСОД"]),
        KnownOrganization(id: "school5", name: "МАОУ СОШ № 5 имени Ю.А.Гагарина"),
        KnownOrganization(id: "school15", name: "МАОУ СОШ № 15"),
        KnownOrganization(id: "gym5", name: "МАОУ «Гимназия № 5»"),
        KnownOrganization(id: "lyceum14", name: "МАОУ «Лицей № 14 имени заслуженного учителя РФ А.М. Кузьмина»"),
        KnownOrganization(id: "kg24", name: "МАДОУ № 24 «Журавушка»"),
    ]
    static let matcher = OrganizationMatcher(known)

    @Test("free text finds its organisation with a confidence", arguments: [
        ("МАОУ СОШ № 5 имени Ю.А.Гагарина", "school5", OrganizationMatch.Confidence.exact),
        ("МАОУ «СОШ № 5 имени Ю. А. Гагарина»", "school5", .exact),
        ("Комитет образования", "committee", .alias),
        ("комитет  образования.", "committee", .alias),
        ("ЦСОД", "csod", .alias),
        ("СОШ №5", "school5", .probable),
        ("сош № 5", "school5", .probable),
        ("СОШ № 5 имени Ю.А. Гагарина", "school5", .probable),
        ("МАОУ СОШ №5", "school5", .probable),
        ("Центр сопровождения образовательной деятельности", "csod", .probable),
        ("Гимназия №5", "gym5", .probable),
        ("лицей № 14", "lyceum14", .probable),
        ("детский сад № 24", "kg24", .probable),
        ("МАДОУ «Журавушка» № 24", "kg24", .probable),
        ("СОШ № 15", "school15", .probable),
        // Long words broken where a narrow PDF column ended.
        ("МКУ «Центр сопровожде ния образовательной деятельности»", "csod", .probable),
        ("МАОУ СОШ № 5 имени Ю.А.Гагари на", "school5", .probable),
        ("Комитет образова ния", "committee", .probable),
    ])
    func matches(_ text: String, _ id: String, _ confidence: OrganizationMatch.Confidence) {
        let result = Self.matcher.match(text)
        #expect(result.organization?.id == id)
        #expect(result.confidence == confidence)
    }

    @Test("different numbers, types, legal forms or honorifics never match", arguments: [
        "СОШ № 51", "СОШ № 1", "Гимназия № 15", "Лицей № 5", "СОШ", "школа", "МБОУ СОШ № 5",
        "СОШ № 5 имени А.С. Пушкина", "Центр", "детский сад № 4", "МАДОУ № 24 «Ромашка»", "Комитет по спорту",
        "", "Классный руководитель",
    ])
    func noMatch(_ text: String) {
        #expect(Self.matcher.match(text) == .none)
    }

    @Test func neverMergesFiveAndFifteen() {
        #expect(Self.matcher.match("СОШ № 5").organization?.id == "school5")
        #expect(Self.matcher.match("СОШ № 15").organization?.id == "school15")
        #expect(Self.matcher.match("Гимназия № 5").organization?.id == "gym5")
        #expect(Self.matcher.match("СОШ № 5").organization?.id != "gym5")
    }

    @Test("two equally good candidates are ambiguous, not a guess")
    func ambiguous() {
        let matcher = OrganizationMatcher([
            KnownOrganization(id: "a", name: "МАОУ СОШ № 5 имени Ю.А.Гагарина"),
            KnownOrganization(id: "b", name: "МБОУ СОШ № 5"),
            KnownOrganization(id: "c", name: "Комитет образования"),
            KnownOrganization(id: "d", name: "Комитет образования", aliases: []),
        ])
        guard case .ambiguous(let candidates) = matcher.match("СОШ № 5") else {
            Issue.record("expected an ambiguous result")
            return
        }
        #expect(Set(candidates.map(\.id)) == ["a", "b"])
        #expect(matcher.match("Комитет образования") == .ambiguous([
            KnownOrganization(id: "c", name: "Комитет образования"), KnownOrganization(id: "d", name: "Комитет образования"),
        ]))
        // The legal form tells them apart.
        #expect(matcher.match("МБОУ СОШ №5").organization?.id == "b")
    }

    /// Two organisations of one name: the import asks a coordinator, whose choice makes the
    /// name an alias of one of them; from then on that one is meant.
    @Test func ofSeveralOfOneNameTheOneWithItAsAnAliasIsMeant() {
        let twins = [KnownOrganization(id: "north", name: "МБОУ СОШ № 5"), KnownOrganization(id: "south", name: "МБОУ СОШ № 5")]
        #expect(OrganizationMatcher(twins).match("МБОУ СОШ № 5") == .ambiguous(twins))
        let chosen = OrganizationMatcher([twins[0], KnownOrganization(id: "south", name: "МБОУ СОШ № 5", aliases: ["МБОУ СОШ №5"])])
        #expect(chosen.match("МБОУ СОШ № 5") == .matched(KnownOrganization(id: "south", name: "МБОУ СОШ № 5", aliases: ["МБОУ СОШ №5"]), .alias))
        // Both given it as an alias: still nobody's to guess.
        let both = OrganizationMatcher(twins.map { KnownOrganization(id: $0.id, name: $0.name, aliases: ["мбоу сош № 5"]) })
        guard case .ambiguous = both.match("МБОУ СОШ № 5") else {
            Issue.record("expected an ambiguous result")
            return
        }
    }

    @Test func confidenceOrder() {
        #expect(OrganizationMatch.Confidence.exact > .alias)
        #expect(OrganizationMatch.Confidence.alias > .probable)
    }
}
