/// What happened, in Russian, for a person reading an order's or an assignment's history:
/// one sentence per event of the log (`events`: the kind of thing, the event and its data),
/// with dates as people write them. An event this catalogue does not know is still named,
/// never hidden.
public enum HistoryText {
    public static func sentence(entityType: String, event: String, data: [String: String]) -> String {
        func date(_ key: String) -> String? { data[key].map { CalendarDate(iso: $0)?.russian ?? $0 } }
        func quoted(_ key: String) -> String { data[key].map { "«\($0)»" } ?? "" }
        switch (entityType, event) {
        case ("order", "created"):
            return "Приказ № \(data["number"] ?? "?") от \(date("date") ?? "?") создан"
        case ("order", "updated"):
            let parts = [data["number"].map { "номер \($0)" }, date("date").map { "дата \($0)" }].compactMap { $0 }
            return parts.isEmpty ? "Изменены сведения о приказе" : "Изменены реквизиты приказа: " + parts.joined(separator: ", ")
        case ("order", "imported"), ("plan", "imported"):
            var sentence = entityType == "order" ? "Приказ загружен из файла" : "План загружен из файла"
            if let actions = data["actions"] { sentence += ": мероприятий \(actions)" }
            if let created = data["assignments_created"] { sentence += ", создано назначений \(created)" }
            return sentence
        case ("order", "withdrawn"): return "Приказ отозван"
        case ("order", "restored"): return "Приказ восстановлен"
        case ("order", "published"): return "Ход исполнения опубликован на открытой странице"
        case ("order", "unpublished"): return "Ход исполнения снят с открытой страницы"
        case ("plan", "withdrawn"): return "План отозван"
        case ("plan", "restored"): return "План восстановлен"
        case ("goal", "created"): return "Добавлена цель \(quoted("title"))"
        case ("goal", "updated"): return "Цель переименована: \(quoted("title"))"
        case ("goal", "removed"): return "Удалена цель \(quoted("title"))"
        case ("task", "created"): return "Добавлена задача \(quoted("title"))"
        case ("task", "updated"): return "Задача переименована: \(quoted("title"))"
        case ("task", "removed"): return "Удалена задача \(quoted("title"))"
        case ("action", "created"):
            return "Добавлено мероприятие \(quoted("title"))" + (data["deadline"].map { ", срок «\($0)»" } ?? "")
        case ("action", "updated"):
            var parts: [String] = []
            if data["title"] != nil { parts.append("название \(quoted("title"))") }
            if let deadline = data["deadline"] {
                parts.append("срок " + (data["previous_deadline"].map { "«\($0)» → " } ?? "") + "«\(deadline)»")
            }
            if let executors = data["executors"] { parts.append("исполнителей \(executors)") }
            if data["executor_kinds"] != nil || data["executor_lists"] != nil { parts.append("добавлены исполнители по спискам") }
            return parts.isEmpty ? "Изменено мероприятие" : "Изменено мероприятие: " + parts.joined(separator: "; ")
        case ("action", "removed"): return "Удалено мероприятие \(quoted("title"))"
        case (_, "moved"):
            let what = ["goal": "Цель перемещена", "task": "Задача перемещена", "action": "Мероприятие перемещено"][entityType]
                ?? "Пункт плана перемещён"
            return "\(what) с \(data["from"] ?? "?")-го места на \(data["to"] ?? "?")-е"
        case ("assignment", "reported"): return "Подан отчёт" + (date("done_on").map { ", дата исполнения \($0)" } ?? "")
        case ("assignment", "done"): return "Отчёт принят, снято с контроля"
        case ("assignment", "returned"): return "Отчёт возвращён на доработку"
        case ("assignment", "started"): return "Работа начата"
        case ("assignment", "cancelled"): return "Назначение отменено"
        case ("assignment", "deadline_moved"):
            return "Срок перенесён" + (date("from").map { " с \($0)" } ?? "") + (date("to").map { " на \($0)" } ?? "")
        case ("report", "submitted"): return "Отчёт подан"
        case ("report", "accepted"): return "Отчёт принят"
        case ("report", "returned"): return "Отчёт возвращён на доработку"
        case ("report", "made_public"): return "Текст отчёта показан на открытой странице"
        case ("report", "made_private"): return "Текст отчёта убран с открытой страницы"
        case ("extension", "requested"): return "Запрошен перенос срока" + (date("due_on").map { " на \($0)" } ?? "")
        case ("extension", "approved"): return "Перенос срока одобрен"
        case ("extension", "rejected"): return "В переносе срока отказано"
        default: return "Событие «\(event)»"
        }
    }

    /// A role as the history names it.
    public static func role(_ role: String?) -> String? {
        switch role {
        case "admin": "администратор"
        case "coordinator": "координатор"
        case "viewer": "наблюдатель"
        case "executor": "исполнитель"
        default: nil
        }
    }
}
