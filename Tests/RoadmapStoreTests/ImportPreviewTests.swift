import Testing

@testable import RoadmapStore

/// Where the preview's headings open: the page and the CLI both list the plan by them.
@Suite("The import preview's headings")
struct ImportPreviewTests {
    static func action(_ title: String, goal: ImportPreview.Goal?, tasks: [String] = [], section: String? = nil) -> ImportPreview.Action {
        ImportPreview.Action(
            goal: goal, tasks: tasks, section: section, title: title, deadline: "май 2025", period: nil, deadlineRead: true,
            executors: [], moreExecutors: 0)
    }

    @Test func goalsTasksAndSectionsOpenWhereTheyChange() {
        let quality = ImportPreview.Goal(title: "Повышение качества образования", tasks: ["Кадры", "Одарённые дети"])
        let buildings = ImportPreview.Goal(title: "Развитие инфраструктуры", tasks: [])
        let preview = ImportPreview(actions: [
            Self.action("Семинар", goal: quality, tasks: ["Кадры"], section: "I. Организационная работа"),
            Self.action("Конкурс", goal: quality, tasks: ["Кадры"], section: "I. Организационная работа"),
            Self.action("Олимпиада", goal: quality, tasks: ["Одарённые дети"], section: "I. Организационная работа"),
            // A new goal opens the same section again.
            Self.action("Ремонт", goal: buildings, section: "I. Организационная работа"),
            Self.action("Закупка", goal: buildings, section: "II. Материальная база"),
        ])
        #expect(preview.headings.map(\.goal) == [quality, nil, nil, buildings, nil])
        #expect(preview.headings.map(\.tasks) == [["Кадры"], nil, ["Одарённые дети"], nil, nil])
        #expect(preview.headings.map(\.section) == ["I. Организационная работа", nil, nil, "I. Организационная работа", "II. Материальная база"])
    }

    /// A plan read without any «Цель» shows no goal, only its sections.
    @Test func aPlanOfOneGoalWithoutTasksShowsItsSectionsAlone() {
        let preview = ImportPreview(actions: [
            Self.action("Семинар", goal: nil, section: "Раздел 1"),
            Self.action("Конкурс", goal: nil, section: "Раздел 1"),
            Self.action("Олимпиада", goal: nil),
        ])
        #expect(preview.headings.allSatisfy { $0.goal == nil && $0.tasks == nil })
        #expect(preview.headings.map(\.section) == ["Раздел 1", nil, nil])
    }
}
