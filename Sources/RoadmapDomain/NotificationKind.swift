/// What a message to a person is about (DESIGN: the control loop). Each person chooses per
/// kind how they get it (`NotificationMode`); the daily digest itself is not a choice.
public enum NotificationKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The due day is some days ahead.
    case dueSoon = "due_soon"
    /// The due day has passed and the work is not reported.
    case overdue
    /// A coordinator returned the school's report, with a comment.
    case reportReturned = "report_returned"
    /// A coordinator accepted the school's report: the work is done.
    case reportAccepted = "report_accepted"
    /// A coordinator approved or rejected a request to move a due day.
    case extensionDecided = "extension_decided"
    /// A new or changed plan gives the school work.
    case newWork = "new_work"
    /// A coordinator's day: reports to review, newly overdue work, requests, late schools.
    case reviewDigest = "review_digest"
    /// Work overdue for long, to the coordinators of its order.
    case escalation
    /// The messages a person chose to get once a day, in one letter.
    case digest

    /// The kinds a person may choose how to get, in the order the page lists them.
    public static let choosable: [NotificationKind] = [
        .dueSoon, .overdue, .reportReturned, .reportAccepted, .extensionDecided, .newWork, .reviewDigest, .escalation,
    ]

    /// The kinds that go to a school's executors; the others go to coordinators.
    public var isForExecutors: Bool {
        switch self {
        case .dueSoon, .overdue, .reportReturned, .reportAccepted, .extensionDecided, .newWork: true
        case .reviewDigest, .escalation, .digest: false
        }
    }

    /// As the preferences page names it.
    public var russian: String {
        switch self {
        case .dueSoon: "Напоминание о приближении срока"
        case .overdue: "Напоминание о просроченной работе"
        case .reportReturned: "Отчёт возвращён на доработку"
        case .reportAccepted: "Отчёт принят"
        case .extensionDecided: "Решение по переносу срока"
        case .newWork: "Новая работа по плану"
        case .reviewDigest: "Сводка дня координатора"
        case .escalation: "Давно просроченная работа (эскалация)"
        case .digest: "Дайджест за день"
        }
    }
}

/// How a person gets messages of one kind: each at once, gathered into one letter a day,
/// or not at all.
public enum NotificationMode: String, Sendable, Hashable, CaseIterable, Codable {
    case now
    case digest
    case off

    public var russian: String {
        switch self {
        case .now: "Сразу"
        case .digest: "В ежедневном дайджесте"
        case .off: "Не присылать"
        }
    }

    /// The status a message of this mode is queued with: `queued` goes out at once, `held`
    /// waits for the digest; nil means it is not written at all.
    public var queuedStatus: String? {
        switch self {
        case .now: "queued"
        case .digest: "held"
        case .off: nil
        }
    }
}
