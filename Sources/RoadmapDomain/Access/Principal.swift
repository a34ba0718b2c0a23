import Foundation

/// Who is acting: a signed-in user with a role and, for an executor, its organisation; or
/// the installation's administrator, a command run on the installation's own database
/// without naming a user, recorded in history as its command line.
public struct Principal: Hashable, Sendable {
    public let userID: UUID
    public let login: String
    public let role: Role
    public let organizationID: UUID?
    /// For the installation's administrator: the command line, kept in history in place of
    /// a user (nil for every user).
    public let commandLine: String?

    public init(userID: UUID, login: String, role: Role, organizationID: UUID?) {
        self.userID = userID
        self.login = login
        self.role = role
        self.organizationID = organizationID
        self.commandLine = nil
    }

    private init(commandLine: String) {
        userID = Self.installationID
        login = "installation"
        role = .admin
        organizationID = nil
        self.commandLine = commandLine
    }

    /// Not a user's id: the installation's administrator has no row in `users`.
    public static let installationID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// The installation's administrator acting through `commandLine`: an admin with no
    /// user behind it, before any user exists.
    public static func installation(commandLine: String) -> Principal {
        Principal(commandLine: commandLine)
    }

    /// Whether this is the installation's administrator rather than a user.
    public var isInstallation: Bool { commandLine != nil }

    /// Whether this principal acts for `organizationID` (an executor of that organisation).
    public func actsFor(_ organizationID: UUID) -> Bool {
        role == .executor && self.organizationID == organizationID
    }

    /// Whether this principal is the user `userID` (never the installation).
    public func isUser(_ userID: UUID) -> Bool {
        !isInstallation && self.userID == userID
    }
}
