import Foundation
import RoadmapDomain
import RoadmapImport
import Testing

/// The five seed documents (`../shared/seeds/`), read and parsed with the counts the seeds'
/// README gives.
@Suite("Seed documents")
struct SeedImportTests {
    static func document(_ name: String) throws -> SourceDocument {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures"))
        return try TextDocumentReader.read(data: Data(contentsOf: url), name: name + ".txt")
    }

    static func plan(_ name: String, academicYear: Int? = nil) throws -> PlanDraft {
        try PlanDocumentParser(academicYear: academicYear).parse(document(name))
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) throws -> CalendarDate {
        try #require(CalendarDate(year: year, month: month, day: day))
    }

    static func period(_ first: CalendarDate, _ last: CalendarDate) throws -> DatePeriod {
        try #require(DatePeriod(first: first, last: last))
    }

    /// Order № 770: header, one goal, four tasks (the fourth after the page break), three actions.
    @Test func order770() throws {
        let plan = try Self.plan("004_153ef6bb7bb7f341")
        let order = try #require(plan.order)
        #expect(order.number == "770")
        #expect(order.date == (try Self.day(2018, 6, 25)))
        #expect(order.issuer == "Комитет образования")
        #expect(order.parentBody?.hasPrefix("Администрация города Тамбова") == true)
        #expect(order.title?.hasPrefix("О Плана мероприятий («дорожной карте») межмуниципального взаимодействия") == true)
        #expect(order.signatory == "Председатель комитета образования Е.Д.Выжимов")
        #expect(order.controller == order.signatory)
        #expect(plan.title.hasPrefix("ПЛАН МЕРОПРИЯТИЙ («ДОРОЖНАЯ КАРТА») межмуниципального взаимодействия"))
        #expect(plan.title.hasSuffix("социальных условиях"))

        #expect(plan.goals.count == 1)
        let goal = try #require(plan.goals.first)
        #expect(goal.title == "Повышение профессиональной компетенции педагогов в рамках межмуниципального взаимодействия")
        #expect(goal.tasks.count == 4)
        #expect(goal.tasks.last?.title == "Активизировать участие педагогов в конкурсах профмастерства")
        #expect(goal.tasks[2].title == "Распространить и внедрить опыт педагогов")

        #expect(plan.actionCount == 3)
        #expect(plan.actions.map(\.deadline.period) == [
            try Self.period(Self.day(2018, 9, 1), Self.day(2019, 4, 30)),
            try Self.period(Self.day(2019, 3, 1), Self.day(2019, 3, 31)),
            try Self.period(Self.day(2018, 10, 1), Self.day(2018, 10, 31)),
        ])
        let committee = ["Комитет образования", "МКУ «Центр сопровождения образовательной деятельности»"]
        #expect(plan.actions.map { $0.executors.map(\.name) } == [
            committee, committee, committee + ["МАОУ СОШ № 5 имени Ю.А.Гагарина"],
        ])
        #expect(!plan.actions.flatMap(\.executors).contains { $0.name.contains("Тамбов") && !$0.name.contains("Гагарина") })
        #expect(plan.actions[0].expectedResult == "Создание условий для развития творческого потенциала педагогических кадров")
        #expect(plan.period == (try Self.period(Self.day(2018, 6, 25), Self.day(2019, 4, 30))))
        #expect(plan.warnings.isEmpty)
    }

    /// The school's monthly plan: months without a year fall in 2022–2023.
    @Test func monthlyPlan2022() throws {
        let plan = try Self.plan("002_8a4f5a097a206d04")
        #expect(plan.academicYear == 2022)
        #expect(plan.goals.count == 1)
        #expect(plan.taskCount == 6)
        #expect(plan.actionCount == 13)
        let years = plan.actions.map { action -> Int? in action.deadline.period?.first.year }
        let months = plan.actions.map { action -> Int? in action.deadline.period?.first.month }
        #expect(months == [9, 10, 11, 11, 12, 12, 12, 1, 2, 2, 3, 4, 5])
        #expect(years == [2022, 2022, 2022, 2022, 2022, 2022, 2022, 2023, 2023, 2023, 2023, 2023, 2023])
        #expect(plan.actions.flatMap(\.executors).allSatisfy { $0.kind == .personRole })
        #expect(plan.actions[10].title == "Реализация плана мероприятий Центра здоровьесбережения")
        #expect(plan.actions[10].executors.map(\.name) == ["Классный руководитель"])
        #expect(plan.actions[1].executors.map(\.name) == ["Классный руководитель", "родители"])
        #expect(plan.warnings.isEmpty)
    }

    /// The kindergarten's partners: two directions, thirteen partners, three agreements.
    @Test func kindergartenPartners() throws {
        let plan = try Self.plan("000_ddb912d28cb13497")
        #expect(plan.goals.count == 2)
        #expect(plan.goals.map(\.direction) == ["Образовательные связи", "Социальные связи"])
        #expect(plan.goals.map(\.actions.count) == [7, 6])
        #expect(plan.actionCount == 13)
        let partners = plan.actions.flatMap(\.partners)
        #expect(partners.count == 13)
        #expect(Set(partners.map(\.name)).count == 13)
        #expect(partners.filter(\.hasAgreement).map(\.name) == [
            "ТОГАПОУ «Педагогический колледж г. Тамбова»", "Центральная детская библиотека им. С.Я.Маршака",
            "Тамбовское Отдельское казачье общество",
        ])
        let excursions = plan.actions[8]
        #expect(excursions.partners.first?.name == "Центральная детская библиотека им. С.Я.Маршака")
        #expect(excursions.deadline.recurrence == .twiceAYear)
        #expect(plan.actions.filter { $0.deadline.kind == .recurring }.count == 1)
        #expect(plan.warnings.count == 1)
    }

    /// Given the academic year, «2 раза в год» gets its two occurrences.
    @Test func kindergartenPartnersInAcademicYear() throws {
        let plan = try Self.plan("000_ddb912d28cb13497", academicYear: 2022)
        #expect(plan.actions[8].deadline.occurrences.count == 2)
        #expect(plan.warnings.isEmpty)
    }

    /// The school's model of interaction: ten partner blocks with bullets, no dates.
    @Test func schoolPartnerModel() throws {
        let plan = try Self.plan("001_fc12653a00570d93")
        #expect(plan.actionCount == 10)
        #expect(plan.actions.allSatisfy { !$0.partners.isEmpty })
        #expect(plan.actions.allSatisfy { $0.deadline.kind == .noDueDate && $0.deadline.dueDay == nil })
        let far = try Self.day(2100, 1, 1)
        #expect(!plan.actions.contains { $0.deadline.isOverdue(asOf: far) })
        let parents = try #require(plan.actions.first?.partners.first)
        #expect(parents.name == "Родители")
        #expect(parents.forms.count == 10)
        #expect(parents.effects.count == 5)
        #expect(plan.actions[3].partners.map(\.name) == ["ДК «МАЯК» Г.ЗВЕРЕВО", "РДК Г.КРАСНЫЙ СУЛИН"])
        #expect(plan.warnings.isEmpty)
    }

    @Test func narrativeIsRefused() throws {
        let document = try Self.document("003_e4c257c19e74403b")
        #expect(document.tables.isEmpty)
        let error = try #require(throws: PlanParseError.self) { try PlanDocumentParser().parse(document) }
        #expect(error.description
            == "003_e4c257c19e74403b.txt: no plan table found: the document is prose only; nothing was imported")
    }

    @Test func readerShapes() throws {
        #expect(try Self.document("004_153ef6bb7bb7f341").tables.map(\.rows.count) == [6])
        #expect(try Self.document("002_8a4f5a097a206d04").tables.map(\.rows.count) == [15])
        #expect(try Self.document("000_ddb912d28cb13497").tables.map(\.rows.count) == [16])
        #expect(try Self.document("001_fc12653a00570d93").tables.map(\.rows.count) == [11])
    }
}
