/// A refusal or failure as a page: a heading, what happened in Russian, the request's
/// number for a report to the administrator, and the menu when signed in.
struct ErrorPage: PageModel {
    static let template = "error"
    let title: String
    let user: PageUser?
    let heading: String
    let message: String
    let requestID: String?
}
