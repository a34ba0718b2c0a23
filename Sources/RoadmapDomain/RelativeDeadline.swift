import Foundation

/// A deadline counted from the day the order or plan was approved: «в течение 10 рабочих дней
/// после утверждения», «в течение 5 дней со дня подписания приказа», «в 3-дневный срок с
/// момента издания». It is read once the approval day is known, and working days are counted
/// with the committee's production calendar; without an approval day it stays unread.
public struct RelativeDeadline: Sendable, Hashable {
    public let count: Int
    /// «рабочих дней»; otherwise calendar days.
    public let workingDays: Bool

    public init(count: Int, workingDays: Bool) {
        self.count = count
        self.workingDays = workingDays
    }

    /// The pattern: a number of (working or calendar) days, then after / from the day of the
    /// approval, signing, issue or entry into force.
    static let pattern: NSRegularExpression? = try? NSRegularExpression(pattern: #"""
        ^\s*(?:в\s+)?(?:течени[еи]\s+|срок\s+)?(\d{1,3})\s*(?:-?\s*(?:х|ти|и|ми|ух|ех|ёх))?\s*(?:-?\s*дневный\s+срок|(рабоч\w*|календарн\w*)?\s*(?:дн\w*|сут\w*))\s*
        (?:после|со?\s+дн\w*|с\s+момента|с\s+даты|от\s+даты|со\s+времени)\s+
        (?:его\s+|её\s+|их\s+)?(?:утвержд\w*|подписан\w*|издани\w*|принят\w*|вступлени\w*|опубликовани\w*)
        """#, options: [.caseInsensitive, .allowCommentsAndWhitespace])

    /// The relative deadline `text` states, or nil.
    public static func read(_ text: String) -> RelativeDeadline? {
        let text = RussianText.nfc(text).replacingOccurrences(of: "\u{00A0}", with: " ")
        guard let pattern, let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let countRange = Range(match.range(at: 1), in: text), let count = Int(text[countRange]), (1...366).contains(count) else { return nil }
        let unit = Range(match.range(at: 2), in: text).map { text[$0].lowercased() } ?? ""
        return RelativeDeadline(count: count, workingDays: unit.hasPrefix("рабоч"))
    }

    /// The due day, counted from `approvedOn` (the day itself not counted).
    public func dueDay(approvedOn: CalendarDate, calendar: WorkingCalendar) -> CalendarDate? {
        workingDays ? calendar.adding(workingDays: count, to: approvedOn) : approvedOn.adding(days: count)
    }

    /// `text` as a deadline due on its day, when it is a relative one; nil otherwise.
    public static func deadline(_ text: String, approvedOn: CalendarDate?, calendar: WorkingCalendar) -> Deadline? {
        guard let approvedOn, let relative = read(text), let due = relative.dueDay(approvedOn: approvedOn, calendar: calendar) else { return nil }
        return Deadline(text: text, kind: .dueDate, period: DatePeriod(day: due))
    }
}

extension PlanDraft {
    /// The draft with its actions' relative deadlines («в течение 10 рабочих дней после
    /// утверждения») read from the order's day, and the rest as they were.
    public func readingRelativeDeadlines(approvedOn: CalendarDate?, calendar: WorkingCalendar) -> PlanDraft {
        guard let approvedOn else { return self }
        var draft = self
        for goal in draft.goals.indices {
            for action in draft.goals[goal].actions.indices where !draft.goals[goal].actions[action].deadline.isParsed {
                let text = draft.goals[goal].actions[action].deadline.text
                if let deadline = RelativeDeadline.deadline(text, approvedOn: approvedOn, calendar: calendar) {
                    draft.goals[goal].actions[action].deadline = deadline
                }
            }
        }
        return draft
    }
}
