/// A message to a person as they read it, in Russian: a subject that says what happened
/// and to what, a plain-text body, and the page it is about (a path; the sender makes it an
/// address with the service's public URL and adds the unsubscribe line).
public struct NotificationMessage: Sendable, Hashable {
    public let kind: NotificationKind
    public let subject: String
    public let text: String
    /// The page the message is about, as a path («/assignments/…»).
    public let linkPath: String?

    public init(kind: NotificationKind, subject: String, text: String, linkPath: String?) {
        self.kind = kind
        self.subject = subject
        self.text = text
        self.linkPath = linkPath
    }

    /// What a piece of work is: the action, the order that approved it and the school.
    public struct Work: Sendable, Hashable {
        public let actionTitle: String
        /// «приказу № 770 от 25.06.2018», nil for a school's own plan.
        public let order: String?
        public let organization: String
        public let assignmentPath: String

        public init(actionTitle: String, order: String?, organization: String, assignmentPath: String) {
            self.actionTitle = actionTitle
            self.order = order
            self.organization = organization
            self.assignmentPath = assignmentPath
        }

        /// «приказу № 770 от 25.06.2018».
        public static func order(number: String, issuedOn: CalendarDate?) -> String {
            "приказу № \(number)" + (issuedOn.map { " от \($0.russian)" } ?? "")
        }

        var lines: [String] {
            ["\(organization): мероприятие «\(actionTitle)»"] + (order.map { ["по \($0)."] } ?? [])
        }
    }

    static let greeting = ["Здравствуйте!", ""]

    /// A reminder before the due day or while the work is overdue.
    public static func reminder(_ reminder: ReminderRule.Reminder, work: Work, dueOn: CalendarDate) -> NotificationMessage {
        let subject: String
        let when: String
        switch reminder {
        case .dueIn(let days):
            subject = "Срок через \(RussianPlural.days(days)): \(short(work.actionTitle))"
            when = "Срок исполнения — \(dueOn.russian), через \(RussianPlural.days(days))."
        case .overdue(let days):
            subject = "Просрочено на \(RussianPlural.days(days)): \(short(work.actionTitle))"
            when = "Срок исполнения был \(dueOn.russian); просрочено на \(RussianPlural.days(days))."
        }
        let text = greeting + work.lines + [when, "", "Отчитаться или попросить перенос срока можно на странице мероприятия."]
        return NotificationMessage(kind: reminder.kind == "due_soon" ? .dueSoon : .overdue, subject: subject,
                                   text: text.joined(separator: "\n"), linkPath: work.assignmentPath)
    }

    /// A coordinator returned the school's report; the comment says what to change.
    public static func reportReturned(work: Work, comment: String?) -> NotificationMessage {
        var text = greeting + work.lines + ["", "Отчёт возвращён на доработку."]
        if let comment, !comment.isEmpty { text += ["Комментарий координатора: \(comment)"] }
        text += ["", "Исправьте отчёт и отправьте его снова на странице мероприятия."]
        return NotificationMessage(kind: .reportReturned, subject: "Отчёт возвращён: \(short(work.actionTitle))",
                                   text: text.joined(separator: "\n"), linkPath: work.assignmentPath)
    }

    /// A coordinator accepted the report: the work is done.
    public static func reportAccepted(work: Work, comment: String?) -> NotificationMessage {
        var text = greeting + work.lines + ["", "Отчёт принят, мероприятие исполнено."]
        if let comment, !comment.isEmpty { text += ["Комментарий координатора: \(comment)"] }
        return NotificationMessage(kind: .reportAccepted, subject: "Отчёт принят: \(short(work.actionTitle))",
                                   text: text.joined(separator: "\n"), linkPath: work.assignmentPath)
    }

    /// A request to move the due day was approved (the new due day) or rejected (the comment).
    public static func extensionDecided(work: Work, approved: Bool, dueOn: CalendarDate?, comment: String?) -> NotificationMessage {
        var text = greeting + work.lines + [""]
        if approved {
            text += ["Перенос срока одобрен." + (dueOn.map { " Новый срок — \($0.russian)." } ?? "")]
        } else {
            text += ["В переносе срока отказано." + (dueOn.map { " Срок остаётся прежним: \($0.russian)." } ?? "")]
        }
        if let comment, !comment.isEmpty { text += ["Комментарий координатора: \(comment)"] }
        return NotificationMessage(kind: .extensionDecided,
                                   subject: (approved ? "Срок перенесён: " : "В переносе срока отказано: ") + short(work.actionTitle),
                                   text: text.joined(separator: "\n"), linkPath: work.assignmentPath)
    }

    /// A plan gave the school new work: how many actions, and the nearest due day.
    public static func newWork(organization: String, order: String?, actions: Int, firstDueOn: CalendarDate?) -> NotificationMessage {
        let count = "\(actions) \(RussianPlural.form(actions, one: "мероприятие", few: "мероприятия", many: "мероприятий"))"
        var text = greeting + ["\(organization): назначено \(count)" + (order.map { " по \($0)." } ?? ".")]
        if let firstDueOn { text += ["Ближайший срок — \(firstDueOn.russian)."] }
        text += ["", "Все сроки учреждения — на странице «Мои сроки»."]
        return NotificationMessage(kind: .newWork, subject: "Новая работа: \(count)" + (order.map { " по \($0)" } ?? ""),
                                   text: text.joined(separator: "\n"), linkPath: "/")
    }

    /// A line of a digest: what, and the page it links to («→ /path», which the sender makes
    /// an address).
    public struct Line: Sendable, Hashable {
        public let text: String
        public let path: String?

        public init(_ text: String, path: String?) {
            self.text = text
            self.path = path
        }

        var rendered: String { path.map { "• \(text)\n  → \($0)" } ?? "• \(text)" }
    }

    /// The messages a person chose to get once a day, in one letter.
    public static func digest(day: CalendarDate, lines: [Line]) -> NotificationMessage {
        let count = "\(lines.count) \(RussianPlural.form(lines.count, one: "уведомление", few: "уведомления", many: "уведомлений"))"
        let text = greeting + ["Уведомления за \(day.russian): \(count)", ""] + lines.map(\.rendered)
            + ["", "Как получать уведомления, можно выбрать на странице «Уведомления»."]
        return NotificationMessage(kind: .digest, subject: "Дайджест за \(day.russian): \(count)",
                                   text: text.joined(separator: "\n"), linkPath: "/notifications")
    }

    /// One section of the coordinator's day: a heading with its count and the first lines.
    public struct Section: Sendable, Hashable {
        public let title: String
        public let count: Int
        public let lines: [Line]

        public init(title: String, count: Int, lines: [Line]) {
            self.title = title
            self.count = count
            self.lines = lines
        }
    }

    /// The coordinator's day: what arrived for review, what became overdue, extension
    /// requests waiting, schools that did not report in time, and work overdue for long.
    /// Nil when every section is empty: nobody gets an empty letter.
    public static func reviewDigest(day: CalendarDate, sections: [Section]) -> NotificationMessage? {
        let filled = sections.filter { $0.count > 0 }
        guard !filled.isEmpty else { return nil }
        var text = greeting + ["Сводка на \(day.russian)."]
        for section in filled {
            text += ["", "\(section.title): \(section.count)"] + section.lines.map(\.rendered)
            if section.count > section.lines.count { text.append("• … и ещё \(section.count - section.lines.count)") }
        }
        let summary = filled.map { "\($0.title.lowercased()) \($0.count)" }.joined(separator: ", ")
        return NotificationMessage(kind: .reviewDigest, subject: NotificationMessage.short("Сводка на \(day.russian): \(summary)"),
                                   text: text.joined(separator: "\n"), linkPath: "/dashboard")
    }

    /// Work of a school overdue for longer than the committee allows, to its head.
    public static func escalation(organization: String, days: Int, lines: [Line]) -> NotificationMessage {
        let count = "\(lines.count) \(RussianPlural.form(lines.count, one: "мероприятие", few: "мероприятия", many: "мероприятий"))"
        let text = greeting + ["\(organization): \(count) просрочено более чем на \(RussianPlural.days(days)).", ""]
            + lines.map(\.rendered) + ["", "Пожалуйста, проконтролируйте исполнение: отчитаться или попросить перенос срока можно на странице мероприятия."]
        return NotificationMessage(kind: .escalation, subject: "Давно просрочено: \(count) — \(organization)",
                                   text: text.joined(separator: "\n"), linkPath: "/")
    }

    /// A subject line stays short: a long title is cut at a word.
    public static func short(_ title: String) -> String {
        guard title.count > 80 else { return title }
        let cut = title.prefix(80)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
