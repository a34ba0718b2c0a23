/// The import form: the order's details typed so far and why the file was refused.
struct ImportPage: PageModel {
    static let template = "import"
    let title = "Импорт плана"
    let user: PageUser?
    let csrf: String
    let error: String?
    let number: String
    let date: String
    let dateError: String?
    let issuer: String
    /// The academic year as typed, and why it was refused.
    let academicYear: String
    let academicYearError: String?
}
