/// A kind of write. Reads are governed by `AccessPolicy.read(ownedBy:)`.
public enum Capability: String, CaseIterable, Hashable, Sendable {
    /// Create and edit organisations and their aliases.
    case manageOrganizations
    /// Create and edit orders, plans, goals, tasks and actions; import documents.
    case managePlans
    /// Start work on an assignment.
    case startAssignment
    /// Cancel an assignment.
    case cancelAssignment
    /// Submit a report on an assignment.
    case submitReport
    /// Accept or return a report.
    case reviewReport
    /// Ask for a later due date.
    case requestExtension
    /// Approve or reject an extension request.
    case decideExtension
    /// Move a deadline directly, with a reason (the committee's own decision).
    case moveDeadline
    /// Withdraw an order or a plan (an import made by mistake): hidden, kept in history.
    case withdrawPlans
    /// Bring a withdrawn order or plan back.
    case restorePlans
    /// Publish an order's progress on its public page, and mark reports' texts public.
    case publishProgress
    /// Run the daily reminder pass and see the outbox (the installation's operator).
    case sendNotifications
    /// Add, disable and unlock users; issue and revoke anybody's tokens; set anybody's password.
    case manageUsers
    /// Grant and revoke analysts' read-only SQL logins.
    case manageAnalysts
    /// Edit the production calendar: days off, transferred working days, loaded years.
    case manageCalendar
    /// Take a backup of the whole database, and restore one.
    case manageBackups
    /// Check the counts kept for pages (roll-ups) against a count from scratch, and repair them.
    case maintainCounts
}
