/// One action, added or edited: title, expected result, venue, deadline (with the period
/// read from it shown before saving), tasks it serves, executors by group, by name or from
/// the list, and the reason a moved deadline needs.
struct ActionFormPage: PageModel {
    static let template = "action-form"
    let title: String
    let user: PageUser?
    let csrf: String
    /// Where the form posts: `/goals/{id}/actions` or `/actions/{id}`.
    let action: String
    let back: String
    let editing: Bool
    let error: String?
    let form: Input
    /// The period the deadline reads as, after «Проверить срок» or a refusal.
    let preview: String?
    let previewParsed: Bool
    let tasks: [Choice]
    let hasTasks: Bool
    let groups: [Choice]
    /// Saved lists of organisations, ticked like groups.
    let lists: [Choice]
    let chosen: [Choice]
    let hasChosen: Bool
    let kinds: [Kind]

    struct Input: Sendable {
        var title = ""
        var expectedResult = ""
        var venue = ""
        var deadline = ""
        var names = ""
        var reason = ""
        var version = 0
        var titleError: String?
        var deadlineError: String?
        var namesError: String?
        var reasonError: String?
        var executorsError: String?
    }

    struct Choice: Sendable {
        let value: String
        let name: String
        let checked: Bool
    }

    /// The organisations of one kind, under a disclosure.
    struct Kind: Sendable {
        let name: String
        let count: Int
        let organizations: [Choice]
    }
}
