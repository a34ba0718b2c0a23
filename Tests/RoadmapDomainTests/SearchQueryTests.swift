import RoadmapDomain
import Testing

@Suite("Search: what was typed, taken apart")
struct SearchQueryTests {
    @Test func wordsArePrefixesAndNothingElseReachesTheQuery() throws {
        #expect(try SearchQuery("  Семинар педагогов ").prefixQuery == "семинар:* & педагогов:*")
        #expect(try SearchQuery("СОШ № 5").words == ["сош", "5"])
        #expect(try SearchQuery("Ёлка").words == ["елка"])
        #expect(try SearchQuery("a' | b:* & !c <-> (d)").prefixQuery == "a:* & b:* & c:* & d:*")
        #expect(try SearchQuery("1 2 3 4 5 6 7 8 9 10").words.count == 8)
    }

    @Test func tooLittleOrTooMuchIsRefused() {
        #expect(throws: SearchQuery.Refusal.tooShort) { try SearchQuery("") }
        #expect(throws: SearchQuery.Refusal.tooShort) { try SearchQuery("я") }
        #expect(throws: SearchQuery.Refusal.tooShort) { try SearchQuery("!!! ---") }
        #expect(throws: SearchQuery.Refusal.tooLong) { try SearchQuery(String(repeating: "а", count: 201)) }
    }
}
