import ArgumentParser
import Foundation
import RoadmapStore

/// `roadmapctl user import FILE.csv`: executors for many schools at once, all or nothing.
struct UserImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add school users from a CSV file (organization;login;email;full_name), in one transaction.",
        discussion: """
            The first row names the columns: organization (a name, an alias or an id) and login are
            required, email and full_name optional. UTF-8 or Windows-1251, ; or , separated. Each user
            is an executor of its organisation with an initial password, printed once as CSV
            (login;organization;password): hand them over and keep no copy.
            Example:
              roadmapctl user import schools.csv > passwords.csv
            """
    )

    @Argument(help: "The CSV file.")
    var file: String

    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let rows = try UserImport.rows(of: try CSVFile.table(file))
        let created = try await database.withDatabase { db in
            try await UserImport(database: db).importUsers(rows, actor: try await actor.principal(db))
        }
        print("login;organization;password")
        for user in created {
            print([user.login, user.organization, user.password].map { $0.contains(";") || $0.contains("\"") ? "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" : $0 }.joined(separator: ";"))
        }
        FileHandle.standardError.write(Data("Added \(created.count) user(s); their passwords are above, shown once.\n".utf8))
    }
}
