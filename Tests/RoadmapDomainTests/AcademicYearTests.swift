import RoadmapDomain
import Testing

@Suite("An academic year as a person types it")
struct AcademicYearTests {
    @Test(arguments: [
        ("2024", 2024),
        (" 2024 ", 2024),
        ("2024/2025", 2024),
        ("2024-2025", 2024),
        ("2024 – 2025", 2024),
        ("2024/25", 2024),
        ("2099-00", 2099),
        ("2024-2025 учебный год", 2024),
        ("2024/25 уч. год", 2024),
        ("2024/25 уч.г.", 2024),
        ("2024 г.", 2024),
        ("2024-2025 гг.", 2024),
        ("1990", 1990),
        ("2200", 2200),
    ])
    func readsTheYearItStartsIn(text: String, year: Int) {
        #expect(AcademicYear.startYear(of: text) == year)
    }

    /// A typo, a year out of range, two years apart, or words: nothing is read.
    @Test(arguments: ["", "двадцать четвёртый", "20224", "202", "1924", "2201", "2024/2026", "2024/23", "2025-2024",
                      "сентябрь 2024", "2024 год и 2025", "24/25", "2024.2025"])
    func refusesWhatIsNoAcademicYear(text: String) {
        #expect(AcademicYear.startYear(of: text) == nil)
    }

    @Test func isLabelledWithBothYears() {
        #expect(AcademicYear.label(2024) == "2024/2025")
    }
}
