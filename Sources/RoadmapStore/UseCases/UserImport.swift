import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Users for many schools at once, from a table «organisation, login, e-mail, full name»:
/// each row one executor of its organisation (by name, alias or id), with an initial
/// password made here and shown once. All or nothing: any bad row refuses the whole table,
/// every bad row named by its line (`Refusal`).
public struct UserImport: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// One row as the table gives it.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var organization: String
        public var login: String
        public var email: String?
        public var fullName: String?

        public init(line: Int, organization: String, login: String, email: String? = nil, fullName: String? = nil) {
            self.line = line
            self.organization = organization
            self.login = login
            self.email = email
            self.fullName = fullName
        }
    }

    /// Why a table was refused: each bad row by its line. Nothing was written.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case unknownOrganization, ambiguousOrganization, badLogin, loginTwice, badEmail, badName, loginTaken
        }

        public struct Problem: Sendable, Equatable {
            public var line: Int
            public var kind: Kind
            public var value: String
        }

        public var problems: [Problem]

        public var description: String {
            problems.prefix(20).map { problem in
                let what = switch problem.kind {
                case .unknownOrganization: "no organisation «\(problem.value)»"
                case .ambiguousOrganization: "«\(problem.value)» fits several organisations; give its id"
                case .badLogin: "login «\(problem.value)» must be 1–64 Latin letters, digits and . _ @ -"
                case .loginTwice: "login «\(problem.value)» is given twice"
                case .badEmail: "«\(problem.value)» is not an e-mail address"
                case .badName: "the full name has characters a name cannot have"
                case .loginTaken: "a user with login «\(problem.value)» already exists"
                }
                return "line \(problem.line): \(what)"
            }.joined(separator: "; ") + "; nothing was added"
        }
    }

    /// A user made, with the password to hand over (kept nowhere but as a hash).
    public struct Created: Sendable, Equatable {
        public var login: String
        public var organization: String
        public var password: String
    }

    /// The rows of a table whose first row names the columns: `organization` and `login`
    /// required, `email` and `full_name` optional (Russian headings too: «организация»,
    /// «логин», «e-mail», «ФИО»).
    public static func rows(of table: SourceTable) throws -> [Row] {
        guard let header = table.rows.first else { throw UseCaseError.invalid(field: "file", reason: "the table is empty") }
        let names = header.map { RussianText.folded($0.text.trimmingCharacters(in: .whitespaces)) }
        func column(_ keys: [String]) -> Int? { names.firstIndex { keys.contains($0) } }
        guard let organization = column(["organization", "организация", "учреждение"]), let login = column(["login", "логин"]) else {
            throw UseCaseError.invalid(
                field: "file", reason: "the first row must name the columns organization and login (found: \(names.joined(separator: ", ")))")
        }
        let email = column(["email", "e-mail", "электронная почта", "почта"])
        let fullName = column(["full_name", "фио", "имя"])
        return table.rows.enumerated().dropFirst().compactMap { index, row in
            func cell(_ column: Int?) -> String? {
                guard let column, column < row.count else { return nil }
                let text = row[column].text.trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            guard cell(organization) != nil || cell(login) != nil else { return nil }
            return Row(line: index + 1, organization: cell(organization) ?? "", login: cell(login) ?? "",
                       email: cell(email), fullName: cell(fullName))
        }
    }

    public func importUsers(_ rows: [Row], actor: Principal) async throws -> [Created] {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageUsers))
        guard !rows.isEmpty else { throw UseCaseError.invalid(field: "file", reason: "no user rows") }
        guard rows.count <= 5000 else { throw UseCaseError.invalid(field: "file", reason: "at most 5000 users at once") }
        var problems: [Refusal.Problem] = []
        var seen: Set<String> = []
        var organizations: [Int: OrganizationRecord] = [:]
        let directory = OrganizationStore(database: database)
        for row in rows {
            if row.login.range(of: #"^[A-Za-z0-9._@-]{1,64}$"#, options: .regularExpression) == nil {
                problems.append(.init(line: row.line, kind: .badLogin, value: row.login))
            } else if !seen.insert(row.login.lowercased()).inserted {
                problems.append(.init(line: row.line, kind: .loginTwice, value: row.login))
            }
            if let email = row.email, !UserStore.isEmail(email) {
                problems.append(.init(line: row.line, kind: .badEmail, value: email))
            }
            if let name = row.fullName, Self.refusesName(name) {
                problems.append(.init(line: row.line, kind: .badName, value: name))
            }
            do {
                organizations[row.line] = try await directory.resolve(row.organization, scope: actor)
            } catch UseCaseError.conflict {
                problems.append(.init(line: row.line, kind: .ambiguousOrganization, value: row.organization))
            } catch UseCaseError.notFound {
                problems.append(.init(line: row.line, kind: .unknownOrganization, value: row.organization))
            }
        }
        if !problems.isEmpty { throw Refusal(problems: problems) }
        let resolved = organizations
        return try await database.transaction { connection in
            var created: [Created] = []
            var taken: [Refusal.Problem] = []
            for row in rows {
                guard let organization = resolved[row.line] else { continue }
                let password = Self.password()
                guard let id = try connection.query("""
                    INSERT INTO users (login, display_name, email, role, organization_id, password_hash)
                    VALUES (\(row.login), \(row.fullName), \(row.email), 'executor', \(organization.id), crypt(\(password), gen_salt('bf', 10)))
                    ON CONFLICT DO NOTHING RETURNING id
                    """).first?.decode(UUID.self, "id") else {
                    taken.append(.init(line: row.line, kind: .loginTaken, value: row.login))
                    continue
                }
                try EventLog.record(connection, actor: actor, entityType: "user", entityID: id, event: "created",
                                    data: ["role": "executor", "imported": "true"])
                created.append(Created(login: row.login, organization: organization.name, password: password))
            }
            if !taken.isEmpty { throw Refusal(problems: taken) }
            return created
        }
    }

    /// A name with characters a name cannot have (control or bidi characters), as typed
    /// texts are checked everywhere.
    static func refusesName(_ name: String) -> Bool {
        do {
            let _: String = try TypedText.field(name, "full_name")
            return false
        } catch {
            return true
        }
    }

    /// 16 characters from letters and digits no one misreads (no 0/O, 1/l/I): about 90 bits.
    static func password() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
