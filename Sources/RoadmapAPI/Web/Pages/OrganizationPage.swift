/// One organisation, edited: its name, short name, kind and other names (aliases), one a
/// line; a refused form comes back as typed with the error by its field.
struct OrganizationPage: PageModel {
    static let template = "organization"
    let title: String
    let user: PageUser?
    let csrf: String
    let id: String
    let notice: String?
    let error: String?
    let form: Input
    let kinds: [AdminPage.Choice]

    struct Input: Sendable {
        var name = ""
        var shortName = ""
        var kind = ""
        var aliases = ""
        var version = 0
        var nameError: String?
        var aliasesError: String?
    }
}
