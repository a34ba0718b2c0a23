import Foundation
import RoadmapDomain
import Testing

@testable import RoadmapImport

/// One plan written in the shapes real copies take, with the headings real plans use (the
/// issue's list of synonyms), in several column orders, with and without a numbering row and
/// a header over two rows: every variant must read as the same four actions in two sections.
@Suite("One plan in many layouts")
struct LayoutVariationTests {
    struct Action {
        let title, deadline, executor, result: String
    }

    static let sections: [(String, [Action])] = [
        ("I. Организационная работа", [
            Action(title: "Совещание с руководителями ОО", deadline: "сентябрь 2024", executor: "Отдел образования", result: "протокол"),
            Action(title: "Мониторинг готовности школ", deadline: "до 15.10.2024", executor: "Петрова И.И., заместитель начальника",
                   result: "справка"),
        ]),
        ("II. Работа с педагогами", [
            Action(title: "Семинар для учителей математики", deadline: "ноябрь – декабрь 2024", executor: "МКУ «ЦСОД»",
                   result: "методические рекомендации"),
            Action(title: "Конкурс «Учитель года»", deadline: "I квартал 2025 г.", executor: "Руководители ОО", result: "приказ"),
        ]),
    ]

    enum Column: CaseIterable { case number, action, deadline, executor, result }

    static let headings: [Column: [String]] = [
        .number: ["№ п/п", "№", "N п/п"],
        .action: ["Мероприятия", "Наименование мероприятия", "Направления деятельности", "Содержание работы", "Виды работ"],
        .deadline: ["Срок", "Сроки", "Срок исполнения", "Дата проведения", "Период", "Время проведения"],
        .executor: ["Ответственные", "Ответственный исполнитель", "Исполнители", "Ответственные лица", "Соисполнители"],
        .result: ["Ожидаемый результат", "Показатель", "Форма отчётности", "Итоговый документ", "Результат"],
    ]

    static let orders: [[Column]] = [
        [.number, .action, .deadline, .executor, .result],
        [.number, .action, .executor, .deadline, .result],
        [.number, .action, .result, .executor, .deadline],
        [.number, .action, .deadline, .executor],
    ]

    typealias Shape = TableShape

    /// The rows of the table as cell texts: header (one or two rows), numbering row, sections, actions.
    static func rows(order: [Column], variant: Int, numberingRow: Bool, twoRowHeader: Bool) -> [[String]] {
        let header = order.map { column in
            let names = headings[column] ?? []
            return names[variant % names.count]
        }
        var rows = headerRows(header, twoRows: twoRowHeader, numberingRow: numberingRow)
        for (section, actions) in sections {
            rows.append([section] + Array(repeating: "", count: order.count - 1))
            for (index, action) in actions.enumerated() {
                rows.append(order.map { column in
                    switch column {
                    case .number: "\(index + 1)."
                    case .action: action.title
                    case .deadline: action.deadline
                    case .executor: action.executor
                    case .result: action.result
                    }
                })
            }
        }
        return rows
    }

    /// The rows of a header of `header`'s headings: one row, or two with each heading's first
    /// word above the rest («Срок» over «исполнения»); then maybe the columns' numbers.
    static func headerRows(_ header: [String], twoRows: Bool, numberingRow: Bool) -> [[String]] {
        var rows: [[String]] = []
        if twoRows {
            rows.append(header.map { String($0.split(separator: " ").first ?? "") })
            rows.append(header.map { $0.split(separator: " ").dropFirst().joined(separator: " ") })
        } else {
            rows.append(header)
        }
        if numberingRow { rows.append(header.indices.map { String($0 + 1) }) }
        return rows
    }

    static func render(_ rows: [[String]], as shape: Shape) -> String {
        shape.render(rows, title: "План мероприятий («дорожная карта») на 2024/2025 учебный год")
    }

    @Test func everyLayoutReadsTheSamePlan() throws {
        var failures: [String] = []
        var cases = 0
        for (orderIndex, order) in Self.orders.enumerated() {
            for variant in 0..<6 {
                // Rows that lost their borders are split into action, deadline and executors only.
                for shape in Shape.allCases where shape != .flattened || !order.contains(.result) {
                    for numberingRow in [false, true] {
                        for twoRowHeader in [false, true] where !twoRowHeader || [.tabs, .pipes, .csv].contains(shape) {
                            cases += 1
                            let rows = Self.rows(order: order, variant: variant, numberingRow: numberingRow, twoRowHeader: twoRowHeader)
                            let text = Self.render(rows, as: shape)
                            let name = "order \(orderIndex), headings \(variant), \(shape.rawValue)\(numberingRow ? ", numbering row" : "")\(twoRowHeader ? ", two-row header" : "")"
                            do {
                                let plan = try PlanDocumentParser(academicYear: 2024).parse(
                                    try DocumentReader.read(data: Data(text.utf8), fileName: shape.fileName))
                                let expected = Self.sections.flatMap(\.1)
                                if plan.actions.map(\.title) != expected.map(\.title) {
                                    failures.append("\(name): titles \(plan.actions.map(\.title))")
                                } else if plan.actions.map(\.deadline.text) != expected.map(\.deadline) {
                                    failures.append("\(name): deadlines \(plan.actions.map(\.deadline.text))")
                                } else if plan.actions.map(\.section) != Self.sections.flatMap({ section in section.1.map { _ in section.0 } }) {
                                    failures.append("\(name): sections \(plan.actions.map(\.section))")
                                } else if plan.actions[1].executors.map(\.kind) != [.personRole] {
                                    failures.append("\(name): executors \(plan.actions[1].executors)")
                                }
                            } catch {
                                failures.append("\(name): \(error)")
                            }
                        }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases) layouts misread:\n\(failures.prefix(40).joined(separator: "\n"))")
    }
}
