import Foundation

/// Who may see and do what. An executor sees only what belongs to its organisation and is
/// told "not found" about the rest, so ids of other organisations' work reveal nothing; it
/// may see but not change plan-level things (orders, actions) it has work in.
public struct AccessPolicy: Sendable {
    public let principal: Principal

    public init(_ principal: Principal) {
        self.principal = principal
    }

    /// May the principal read something owned by the executor organisation `owner`
    /// (an assignment, its reports and extensions)?
    public func read(ownedBy owner: UUID) -> AccessDecision {
        if principal.role.seesEverything || principal.actsFor(owner) { return .allowed }
        return .hidden
    }

    /// May the principal change the account `userID` (its password, its own tokens)? Each
    /// user may change their own; an administrator anybody's.
    public func mayChangeAccount(_ userID: UUID) -> AccessDecision {
        if principal.isUser(userID) || may(.manageUsers) == .allowed { return .allowed }
        return .forbidden("Only an administrator changes another user's account.")
    }

    /// May the principal read the directory of organisations (names, kinds, aliases)? It
    /// is public within the service: schools pick partners and see who else takes part.
    public func readDirectory() -> AccessDecision {
        .allowed
    }

    /// May the principal compare organisations with each other («исполнительская
    /// дисциплина»)? The committee's staff may; a school sees only its own work.
    public func compareOrganizations() -> AccessDecision {
        if principal.role.seesEverything { return .allowed }
        return .forbidden("Only the committee's staff compare organisations.")
    }

    /// May the principal read the history of an order's plan (its import, edits and
    /// withdrawals)? The committee's staff may; a school reads its own assignments' history.
    public func readPlanHistory() -> AccessDecision {
        if principal.role.seesEverything { return .allowed }
        return .forbidden("Only the committee's staff read an order's history.")
    }

    /// May the principal read a plan-level thing (an order, a goal, an action) in which
    /// its organisation has `ownAssignments` assignments?
    public func readPlan(ownAssignments: Int) -> AccessDecision {
        if principal.role.seesEverything || ownAssignments > 0 { return .allowed }
        return .hidden
    }

    /// May the principal perform `capability`, on something owned by `owner` when the
    /// thing belongs to one executor organisation? Call only once `read` allowed it.
    public func may(_ capability: Capability, ownedBy owner: UUID? = nil) -> AccessDecision {
        switch principal.role {
        case .admin:
            return .allowed
        case .viewer:
            return .forbidden("A viewer reads everything and changes nothing.")
        case .coordinator:
            switch capability {
            case .manageUsers: return .forbidden("Only an administrator manages users and their tokens.")
            case .manageAnalysts: return .forbidden("Only an administrator grants analysts' logins.")
            case .restorePlans: return .forbidden("Only an administrator restores a withdrawn order or plan.")
            case .sendNotifications: return .forbidden("Only an administrator runs the reminder pass and sees the outbox.")
            case .manageCalendar: return .forbidden("Only an administrator edits the production calendar.")
            case .maintainCounts: return .forbidden("Only an administrator checks and repairs the kept counts.")
            case .manageBackups: return .forbidden("Only an administrator takes and restores backups.")
            default: return .allowed
            }
        case .executor:
            switch capability {
            case .startAssignment, .submitReport, .requestExtension:
                guard let owner else { return .forbidden("This needs an assignment of your organisation.") }
                return principal.actsFor(owner) ? .allowed : .hidden
            case .manageOrganizations:
                return .forbidden("Only the committee's staff manage organisations.")
            case .managePlans:
                return .forbidden("Only the committee's staff change orders and plans.")
            case .cancelAssignment:
                return .forbidden("Only the committee's staff cancel assignments.")
            case .reviewReport:
                return .forbidden("Only the committee's staff accept or return reports.")
            case .decideExtension:
                return .forbidden("Only the committee's staff approve or reject extensions.")
            case .moveDeadline:
                return .forbidden("Only the committee's staff move deadlines; ask for an extension instead.")
            case .withdrawPlans:
                return .forbidden("Only the committee's staff withdraw orders and plans.")
            case .publishProgress:
                return .forbidden("Only the committee's staff publish an order's progress.")
            case .restorePlans:
                return .forbidden("Only an administrator restores a withdrawn order or plan.")
            case .sendNotifications:
                return .forbidden("Only an administrator runs the reminder pass and sees the outbox.")
            case .manageUsers:
                return .forbidden("Only an administrator manages users and their tokens.")
            case .manageAnalysts:
                return .forbidden("Only an administrator grants analysts' logins.")
            case .manageCalendar:
                return .forbidden("Only an administrator edits the production calendar.")
            case .maintainCounts:
                return .forbidden("Only an administrator checks and repairs the kept counts.")
            case .manageBackups:
                return .forbidden("Only an administrator takes and restores backups.")
            }
        }
    }
}
