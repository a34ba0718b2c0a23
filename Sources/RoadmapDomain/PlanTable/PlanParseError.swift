/// Why no plan could be read out of a document. Each message names the file and, where there
/// is one, the line or cell, and says that nothing was imported.
public enum PlanParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The document holds no table a plan can be read from; `reason` says what was found instead.
    case noPlanTable(file: String, reason: String)
    /// A plan table with a header but no planned action under it.
    case noActions(file: String, location: SourceLocation)
    /// A text that names a plan's columns («Мероприятия», «Сроки проведения», «Ответственные»)
    /// but whose rows cannot be told apart: the copy lost the table's layout (text copied out
    /// of a PDF, its columns one after another, or a web page's cells run together).
    case layoutLost(file: String, headings: [String])

    /// The file the error is about.
    public var file: String {
        switch self {
        case .noPlanTable(let file, _), .noActions(let file, _), .layoutLost(let file, _): file
        }
    }

    public var description: String {
        switch self {
        case .noPlanTable(let file, let reason):
            "\(file): no plan table found: \(reason); nothing was imported"
        case .noActions(let file, let location):
            "\(file), \(location): the plan table has a header but no planned actions; nothing was imported"
        case .layoutLost(let file, let headings):
            "\(file): names a plan's columns (\(headings.map { "«\($0)»" }.joined(separator: ", "))) but its rows cannot be told apart: "
                + "the copy lost the table's layout (text copied out of a PDF or a web page); import the original document (.docx, .pdf, …); "
                + "nothing was imported"
        }
    }
}
