import Foundation
import RoadmapDomain
import Testing

@Suite("Access policy")
struct AccessPolicyTests {
    let school = UUID()
    let otherSchool = UUID()

    func principal(_ role: Role, organization: UUID? = nil) -> Principal {
        Principal(userID: UUID(), login: role.rawValue, role: role, organizationID: organization)
    }

    @Test func anExecutorSeesOnlyItsOwnOrganisationsWork() {
        let policy = AccessPolicy(principal(.executor, organization: school))
        #expect(policy.read(ownedBy: school) == .allowed)
        #expect(policy.read(ownedBy: otherSchool) == .hidden)
        #expect(policy.readPlan(ownAssignments: 1) == .allowed)
        #expect(policy.readPlan(ownAssignments: 0) == .hidden)
        if case .forbidden = policy.compareOrganizations() {} else { Issue.record("a school must not compare organisations") }
        if case .forbidden = policy.readPlanHistory() {} else { Issue.record("a school must not read an order's history") }
    }

    @Test func everyoneElseSeesEverything() {
        for role in [Role.admin, .coordinator, .viewer] {
            let policy = AccessPolicy(principal(role))
            #expect(policy.read(ownedBy: otherSchool) == .allowed)
            #expect(policy.readPlan(ownAssignments: 0) == .allowed)
            #expect(policy.compareOrganizations() == .allowed)
            #expect(policy.readPlanHistory() == .allowed)
        }
    }

    @Test func anExecutorWorksOnItsOwnAssignmentsOnly() {
        let policy = AccessPolicy(principal(.executor, organization: school))
        for capability in [Capability.startAssignment, .submitReport, .requestExtension] {
            #expect(policy.may(capability, ownedBy: school) == .allowed)
            #expect(policy.may(capability, ownedBy: otherSchool) == .hidden)
            if case .forbidden = policy.may(capability) {} else { Issue.record("\(capability) without an owner must be forbidden") }
        }
        for capability in [Capability.manageOrganizations, .managePlans, .cancelAssignment, .reviewReport, .decideExtension,
                           .moveDeadline, .withdrawPlans, .publishProgress] {
            guard case .forbidden(let reason) = policy.may(capability, ownedBy: school) else {
                Issue.record("\(capability) must be forbidden to an executor")
                continue
            }
            #expect(reason.contains("committee"))
        }
    }

    @Test func aViewerChangesNothingAndStaffChangeEverything() {
        for capability in Capability.allCases {
            if case .forbidden = AccessPolicy(principal(.viewer)).may(capability, ownedBy: school) {} else {
                Issue.record("a viewer may not \(capability)")
            }
            let adminOnly: Set<Capability> = [.manageUsers, .manageAnalysts, .restorePlans, .sendNotifications, .manageCalendar, .maintainCounts, .manageBackups]
            if adminOnly.contains(capability) {
                if case .forbidden = AccessPolicy(principal(.coordinator)).may(capability) {} else {
                    Issue.record("a coordinator may not \(capability)")
                }
            } else {
                #expect(AccessPolicy(principal(.coordinator)).may(capability, ownedBy: school) == .allowed)
            }
            #expect(AccessPolicy(principal(.admin)).may(capability) == .allowed)
            #expect(AccessPolicy(.installation(commandLine: "roadmapctl import plan.docx")).may(capability) == .allowed)
        }
    }

    @Test func everyUserChangesTheirOwnAccountAndOnlyAnAdminAnothers() {
        for role in Role.allCases {
            let me = principal(role, organization: role == .executor ? school : nil)
            #expect(AccessPolicy(me).mayChangeAccount(me.userID) == .allowed)
            let other = AccessPolicy(me).mayChangeAccount(UUID())
            if role == .admin { #expect(other == .allowed) } else if case .forbidden = other {} else { Issue.record("\(role)") }
        }
        let installation = Principal.installation(commandLine: "roadmapctl user passwd x")
        #expect(installation.isInstallation && installation.role == .admin)
        #expect(!installation.isUser(Principal.installationID), "the installation is nobody's account")
        #expect(AccessPolicy(installation).mayChangeAccount(UUID()) == .allowed)
    }

    @Test func onlyExecutorsAreBoundToAnOrganisation() {
        #expect(!Role.executor.seesEverything)
        #expect(Role.allCases.filter(\.seesEverything) == [.admin, .coordinator, .viewer])
        #expect(principal(.executor, organization: school).actsFor(school))
        #expect(!principal(.coordinator, organization: school).actsFor(school))
    }
}
