/// A user's private calendar feed: what it is, the address just issued (shown once), and
/// the buttons that issue a new one or stop it.
struct CalendarPage: PageModel {
    static let template = "calendar"
    let title = "Сроки в календаре"
    let user: PageUser?
    let csrf: String
    let notice: String?
    /// The feed's address, only right after it was issued.
    let address: String?
}
