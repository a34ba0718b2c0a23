/// The sign-in form: the login typed so far (never the password) and why it was refused.
struct LoginPage: PageModel {
    static let template = "login"
    let title = "Вход"
    let user: PageUser? = nil
    let csrf: String
    let login: String
    let error: String?
}
