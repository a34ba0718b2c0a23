import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// Whom a command acts as: `--as USER`, default the first admin. The same rules and the
/// same history events as the API follow from acting as a named user.
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("The user to act as (default: the first admin).", valueName: "login"))
    var login: String?

    func principal(_ database: Database) async throws -> Principal {
        let users = UserStore(database: database)
        let user: UserRecord
        if let login {
            user = try await users.user(login: login)
        } else {
            guard let admin = try await users.firstAdmin() else {
                throw CommandError("there is no admin to act as; add one (`roadmapctl user add NAME --role admin`) or pass --as USER")
            }
            user = admin
        }
        guard !user.disabled else { throw CommandError("user «\(user.login)» is disabled") }
        return Principal(userID: user.id, login: user.login, role: user.role, organizationID: user.organizationID)
    }
}

