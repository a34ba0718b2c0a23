/// How long a message whose delivery failed for a while waits before the next attempt:
/// doubling from one minute up to six hours, and no more attempts after `maximumAttempts`
/// (about a day and a half with the defaults), when the message is left failed for an
/// administrator to see.
public struct DeliveryRetry: Sendable, Hashable {
    public let firstWait: Double
    public let longestWait: Double
    public let maximumAttempts: Int

    public init(firstWait: Double = 60, longestWait: Double = 6 * 3_600, maximumAttempts: Int = 12) {
        self.firstWait = max(firstWait, 0)
        self.longestWait = max(longestWait, self.firstWait)
        self.maximumAttempts = max(maximumAttempts, 1)
    }

    public static let standard = DeliveryRetry()

    /// Seconds to wait after failed attempt number `attempt` (1 for the first), or nil when
    /// that was the last.
    public func wait(afterAttempt attempt: Int) -> Double? {
        guard attempt < maximumAttempts else { return nil }
        let doublings = min(max(attempt - 1, 0), 30)
        return min(firstWait * Double(1 << doublings), longestWait)
    }
}
