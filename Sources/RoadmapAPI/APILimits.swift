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
    /// Wrong passwords one address may give on the sign-in form, across all accounts, before
    /// it is refused for a while (the per-account lock is separate, in the database).
    public var signInFailuresPerAddress: Double
    /// How long an address takes to earn back all of `signInFailuresPerAddress`.
    public var signInFailureWindowSeconds: Double
    /// The largest JSON request body.
    public var maximumBodyBytes: Int
    /// The largest document uploaded for import.
    public var maximumImportBytes: Int
    /// The largest evidence file sent alone (`POST /v1/reports/{id}/files`): the domain's 20 MB.
    public var maximumEvidenceFileBytes: Int
    /// The largest report form with its files (the assignment page): above the 50 MB a report
    /// may carry, so that a file too large reaches the form and is refused beside its field.
    public var maximumReportFormBytes: Int

    public init(
        requestsPerSecond: Double = 50, burst: Double = 200, failedAuthenticationBurst: Double = 10,
        failedAuthenticationsPerMinute: Double = 6, signInFailuresPerAddress: Double = 20, signInFailureWindowSeconds: Double = 900,
        maximumBodyBytes: Int = 256 * 1024, maximumImportBytes: Int = 20 * 1024 * 1024,
        maximumEvidenceFileBytes: Int = 20 * 1024 * 1024, maximumReportFormBytes: Int = 64 * 1024 * 1024
    ) {
        self.maximumEvidenceFileBytes = maximumEvidenceFileBytes
        self.maximumReportFormBytes = maximumReportFormBytes
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
        self.failedAuthenticationBurst = failedAuthenticationBurst
        self.failedAuthenticationsPerMinute = failedAuthenticationsPerMinute
        self.signInFailuresPerAddress = signInFailuresPerAddress
        self.signInFailureWindowSeconds = signInFailureWindowSeconds
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumImportBytes = maximumImportBytes
    }
}
