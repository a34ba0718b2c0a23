import Foundation
import OpenAPIRuntime
import RoadmapDomain
import RoadmapStore

/// One's own messages and how they come: `/v1/me/notifications`, `/v1/me/notification-preferences`.
extension APIHandler {
    func listMyNotifications(_ input: Operations.ListMyNotifications.Input) async throws -> Operations.ListMyNotifications.Output {
        let principal = try RequestPrincipal.require()
        let messages = try await notifications.inbox(limit: input.query.limit ?? 50, actor: principal)
        return .ok(.init(body: .json(.init(items: messages.map { message in
            .init(id: message.id.wire, kind: .init(rawValue: message.kind.rawValue) ?? .digest, subject: message.subject, text: message.text,
                  link: message.linkPath, status: .init(rawValue: message.status) ?? .queued, createdAt: message.createdAt, sentAt: message.sentAt)
        }))))
    }

    func getMyNotificationPreferences(_ input: Operations.GetMyNotificationPreferences.Input) async throws -> Operations.GetMyNotificationPreferences.Output {
        .ok(.init(body: .json(Self.preferences(try await notifications.preferences(actor: try RequestPrincipal.require())))))
    }

    func setMyNotificationPreferences(_ input: Operations.SetMyNotificationPreferences.Input) async throws -> Operations.SetMyNotificationPreferences.Output {
        let principal = try RequestPrincipal.require()
        guard case .json(let body) = input.body else { throw Problem.badRequest("Send the preferences as JSON.") }
        let given: [NotificationKind: Components.Schemas.NotificationMode?] = [
            .dueSoon: body.dueSoon, .overdue: body.overdue, .reportReturned: body.reportReturned, .reportAccepted: body.reportAccepted,
            .extensionDecided: body.extensionDecided, .newWork: body.newWork, .reviewDigest: body.reviewDigest, .escalation: body.escalation,
        ]
        let modes = given.compactMapValues { $0.flatMap { NotificationMode(rawValue: $0.rawValue) } }
        try await notifications.setPreferences(modes, actor: principal)
        return .ok(.init(body: .json(Self.preferences(try await notifications.preferences(actor: principal)))))
    }

    static func preferences(_ modes: [NotificationKind: NotificationMode]) -> Components.Schemas.NotificationPreferences {
        func mode(_ kind: NotificationKind) -> Components.Schemas.NotificationMode? {
            modes[kind].flatMap { Components.Schemas.NotificationMode(rawValue: $0.rawValue) }
        }
        return .init(dueSoon: mode(.dueSoon), overdue: mode(.overdue), reportReturned: mode(.reportReturned), reportAccepted: mode(.reportAccepted),
                     extensionDecided: mode(.extensionDecided), newWork: mode(.newWork), reviewDigest: mode(.reviewDigest),
                     escalation: mode(.escalation))
    }
}
