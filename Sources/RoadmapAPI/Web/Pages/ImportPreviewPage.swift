/// What a dry run of the import found, in Russian, before anything is written.
struct ImportPreviewPage: PageModel {
    static let template = "import-preview"
    let title = "Проверка перед импортом"
    let user: PageUser?
    let csrf: String
    let id: String
    let fileName: String
    let order: Order?
    let goals: Int
    let tasks: Int
    let actions: Int
    let assignments: Int
    let unparsed: Int
    let hasUnparsed: Bool
    let executorCount: Int
    let created: [String]
    let hasCreated: Bool
    let warnings: [String]
    let hasWarnings: Bool
    let unchanged: Bool

    struct Order: Sendable {
        let number: String
        let date: String
        let issuer: String
    }
}
