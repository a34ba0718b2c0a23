import Foundation
import RoadmapDomain
import RoadmapStore

/// «Сводка об исполнении» as a table for a spreadsheet: a row per goal, task and action
/// with its totals, a row per executor under its action, the order's totals last. The CLI
/// (csv, xlsx) and the page's download write the same rows.
public enum SummarySheet {
    public static let header = ["№", "Мероприятие, исполнитель", "Срок", "Исполнение", "Дата исполнения", "Отчёт", "Всего",
                         "Выполнено в срок", "Выполнено с нарушением срока", "Не выполнено, срок истёк", "Срок не наступил"]

    /// A row per goal, task and action with its totals, a row per executor under its action,
    /// and the order's totals last.
    public static func rows(_ summary: ExecutionSummaryRecord) -> [[ExportCell]] {
        func totals(_ tally: ExecutionTally) -> [ExportCell] {
            [.number(tally.total), .number(tally.count(.doneOnTime)), .number(tally.count(.doneLate)),
             .number(tally.count(.overdue)), .number(tally.count(.notYetDue))]
        }
        var rows: [[ExportCell]] = []
        for goal in summary.goals {
            rows.append([.text("\(goal.position)"), .text("Цель \(goal.position). \(goal.title)"), .empty, .empty, .empty, .empty]
                        + totals(goal.tally))
            for task in goal.tasks {
                rows.append([.text(task.number), .text("Задача \(task.number). \(task.title)"), .empty, .empty, .empty, .empty]
                            + totals(task.tally))
            }
            for action in goal.actions {
                rows.append([.text(action.number), .text(action.title), .text(action.deadlineText), .empty, .empty, .empty]
                            + totals(action.tally))
                for line in action.lines {
                    rows.append([
                        .empty, .text(line.executorName), line.dueOn.map(ExportCell.date) ?? .empty, .text(line.outcome.russianName),
                        line.doneOn.map(ExportCell.date) ?? .empty, .text(line.reportText ?? ""),
                        .empty, .empty, .empty, .empty, .empty,
                    ])
                }
            }
        }
        rows.append([.empty, .text("Итого по приказу"), .empty, .empty, .empty, .empty] + totals(summary.tally))
        return rows
    }

    /// The summary as an .xlsx workbook of one sheet.
    public static func workbook(_ summary: ExecutionSummaryRecord) throws -> Data {
        try XLSXExport.data(sheet: "Сводка на \(summary.asOf.russian)", header: header, rows: rows(summary),
                            widths: [7, 60, 12, 28, 14, 50, 8, 10, 12, 12, 10])
    }
}
