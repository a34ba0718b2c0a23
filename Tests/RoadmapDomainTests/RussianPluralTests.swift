import RoadmapDomain
import Testing

@Suite("Russian plural forms")
struct RussianPluralTests {
    @Test(arguments: [
        (0, "0 дней"), (1, "1 день"), (2, "2 дня"), (3, "3 дня"), (4, "4 дня"), (5, "5 дней"), (11, "11 дней"),
        (12, "12 дней"), (14, "14 дней"), (21, "21 день"), (22, "22 дня"), (25, "25 дней"), (101, "101 день"),
        (111, "111 дней"), (112, "112 дней"), (1001, "1001 день"), (-1, "-1 день"),
    ])
    func days(count: Int, expected: String) {
        #expect(RussianPlural.days(count) == expected)
    }
}
