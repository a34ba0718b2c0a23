/// «Исполнительская дисциплина»: organisations ranked by how they carried out what fell due
/// in a period (those most behind first), and those that reported nothing on work already
/// due, with their contacts. For the committee's meetings; printable.
struct DisciplinePage: PageModel {
    static let template = "discipline"
    let title: String
    let user: PageUser?
    /// As typed (ISO), kept when refused.
    let fromValue: String
    let toValue: String
    let error: String?
    let orders: [Choice]
    let period: String
    let scope: String
    let rows: [Row]
    let hasRows: Bool
    let silent: [Silent]
    let hasSilent: Bool

    struct Choice: Sendable {
        let value: String
        let name: String
        let selected: Bool
    }

    struct Row: Sendable {
        let rank: Int
        let name: String
        let href: String
        let total: Int
        let onTime: Int
        let late: Int
        let overdue: Int
        let hasOverdue: Bool
        let notYetDue: Int
        let percentOnTime: Int
        let averageDelay: String
    }

    struct Silent: Sendable {
        let name: String
        let href: String
        let unreported: Int
        let firstDue: String
        let contacts: String
    }
}
