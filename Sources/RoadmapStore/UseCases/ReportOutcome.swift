/// A submitted report, and whether it is the replay of an earlier request with the same
/// idempotency key (then nothing new was created).
public struct ReportOutcome: Sendable {
    public let report: ReportRecord
    public let replayed: Bool
}
