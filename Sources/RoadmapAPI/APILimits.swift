/// How much one client may ask of the service.
public struct APILimits: Sendable {
    /// Requests a second per user (or per address before sign-in), on average; 0 turns the limit off.
    public var requestsPerSecond: Double
    /// How many requests may arrive at once above the average.
    public var burst: Double
    /// Failed sign-ins (bad or unknown tokens) an address may make before it is slowed.
    public var failedAuthenticationBurst: Double
    /// Failed sign-ins a minute an address is allowed after that.
    public var failedAuthenticationsPerMinute: Double
    /// The largest JSON request body.
    public var maximumBodyBytes: Int
    /// The largest document uploaded for import.
    public var maximumImportBytes: Int

    public init(
        requestsPerSecond: Double = 50, burst: Double = 200, failedAuthenticationBurst: Double = 10,
        failedAuthenticationsPerMinute: Double = 6, maximumBodyBytes: Int = 256 * 1024, maximumImportBytes: Int = 20 * 1024 * 1024
    ) {
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
        self.failedAuthenticationBurst = failedAuthenticationBurst
        self.failedAuthenticationsPerMinute = failedAuthenticationsPerMinute
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumImportBytes = maximumImportBytes
    }
}
