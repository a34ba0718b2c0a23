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
    /// The academic year the months without a year were read in, «2024/2025», if any.
    let academicYearRead: String?
    /// The year field as typed (or as read, to keep), and why it was refused.
    let academicYear: String
    let academicYearError: String?
    /// What each executor name the import did not find is: new, a person, or a known organisation.
    let choices: [Choice]
    let hasChoices: Bool
    /// The names taken for persons or posts, each of which a coordinator may say is an
    /// organisation after all: folded away unless one of them was changed or refused.
    let personChoices: [Choice]
    let hasPersonChoices: Bool
    let personCount: Int
    let personsOpen: Bool
    let error: String?
    let warnings: [String]
    let hasWarnings: Bool
    let unchanged: Bool
    let plan: [Row]
    let hasPlan: Bool
    let moreActions: String

    /// One action as read.
    struct Row: Sendable {
        /// Where the rows of a goal start: its title and its tasks, numbered.
        let goalStart: Goal?
        /// Where the rows of the tasks an action names as its own start: «Задача: …».
        let tasksStart: String?
        let sectionStart: String?
        let number: Int
        let title: String
        let deadline: String
        let period: String
        let deadlineRead: Bool
        let executors: [Executor]
        let more: String
    }

    /// A goal's heading: «Цель: …» and its tasks.
    struct Goal: Sendable {
        let title: String
        let tasks: [String]
        /// Stored: the templates see stored properties only.
        let hasTasks: Bool

        init(title: String, tasks: [String]) {
            self.title = title
            self.tasks = tasks
            hasTasks = !tasks.isEmpty
        }
    }

    /// An executor as written, and how it was taken: «найдено», «новая организация», «лицо».
    struct Executor: Sendable {
        let written: String
        let organization: String?
        let tag: String
        let tagClass: String
    }

    /// A name the import did not find, with the coordinator's choice, kept as typed.
    struct Choice: Sendable {
        let index: Int
        let written: String
        /// The name stands for every school or kindergarten («ОО», «все ДОУ»): no new organisation.
        let isGroup: Bool
        let isNew: Bool
        let isPerson: Bool
        let isExisting: Bool
        let existing: String
        /// Named apart from the page's `error`: a section looks a missing name up in the page.
        let fieldError: String?
        /// Nothing was picked of the organisations the name fits.
        let pickError: String?
        /// The known organisations the name fits equally well, one to pick.
        let candidates: [Candidate]
        let isAmbiguous: Bool
        /// Taken for a person or a post by how it reads (the form says so again in `rN`).
        let readAsPerson: Bool
    }

    /// One of the organisations a name fits: a radio button of the name's choice, and the
    /// hidden field that carries it to the page shown again.
    struct Candidate: Sendable {
        let choiceField: String
        let value: String
        let name: String
        let checked: Bool
        let field: String
        let kept: String
    }

    struct Order: Sendable {
        let number: String
        let date: String
        let issuer: String
    }
}
