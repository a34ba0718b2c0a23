/// A reminder as a school reads it, in Russian: a subject that says what and when, and a
/// plain-text body with the action, its order, the due day and the link to its page.
public struct ReminderMessage: Sendable, Hashable {
    public let subject: String
    public let text: String

    /// `link` is the assignment's page, as the service's public address gives it.
    public init(_ reminder: ReminderRule.Reminder, actionTitle: String, order: String?, organization: String, dueOn: CalendarDate, link: String) {
        let when: String
        switch reminder {
        case .dueIn(let days):
            subject = "Срок через \(RussianPlural.days(days)): \(Self.short(actionTitle))"
            when = "Срок исполнения — \(dueOn.russian), через \(RussianPlural.days(days))."
        case .overdue(let days):
            subject = "Просрочено на \(RussianPlural.days(days)): \(Self.short(actionTitle))"
            when = "Срок исполнения был \(dueOn.russian); просрочено на \(RussianPlural.days(days))."
        }
        var lines = ["Здравствуйте!", "", "\(organization): мероприятие «\(actionTitle)»"]
        if let order { lines.append("по \(order).") }
        lines += [when, "", "Отчитаться или попросить перенос срока: \(link)", "",
                  "Это письмо отправлено автоматически. Какие напоминания получать, можно выбрать на странице «Мои сроки»."]
        text = lines.joined(separator: "\n")
    }

    /// A subject line stays short: a long title is cut at a word.
    static func short(_ title: String) -> String {
        guard title.count > 80 else { return title }
        let cut = title.prefix(80)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
