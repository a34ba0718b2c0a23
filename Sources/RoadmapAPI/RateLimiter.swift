import NIOConcurrencyHelpers

/// A token bucket per key (a user, or a client address): `rate` requests a second on
/// average, bursts of `burst`. In memory and per instance: it protects this process, it
/// guards no data. The table is bounded; full buckets are forgotten first.
final class RateLimiter: Sendable {
    struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    let rate: Double
    let burst: Double
    let maximumKeys: Int
    private let buckets = NIOLockedValueBox<[String: Bucket]>([:])

    init(rate: Double, burst: Double, maximumKeys: Int = 10_000) {
        self.rate = rate
        self.burst = burst
        self.maximumKeys = maximumKeys
    }

    /// Takes one token for `key`: nil when allowed, else how long to wait.
    func take(_ key: String, now: ContinuousClock.Instant = .now) -> Duration? {
        buckets.withLockedValue { buckets in
            var bucket = refilled(buckets[key] ?? Bucket(tokens: burst, updated: now), now: now)
            defer {
                buckets[key] = bucket
                if buckets.count > maximumKeys { forgetFull(&buckets, now: now) }
            }
            guard bucket.tokens >= 1 else {
                return .milliseconds(Int64(((1 - bucket.tokens) / rate * 1000).rounded(.up)))
            }
            bucket.tokens -= 1
            return nil
        }
    }

    /// Whether `key` would be refused now, without taking a token.
    func isExhausted(_ key: String, now: ContinuousClock.Instant = .now) -> Duration? {
        buckets.withLockedValue { buckets in
            guard let bucket = buckets[key].map({ refilled($0, now: now) }), bucket.tokens < 1 else { return nil }
            return .milliseconds(Int64(((1 - bucket.tokens) / rate * 1000).rounded(.up)))
        }
    }

    private func refilled(_ bucket: Bucket, now: ContinuousClock.Instant) -> Bucket {
        let elapsed = now - bucket.updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Bucket(tokens: min(burst, bucket.tokens + max(0, seconds) * rate), updated: now)
    }

    private func forgetFull(_ buckets: inout [String: Bucket], now: ContinuousClock.Instant) {
        buckets = buckets.filter { refilled($0.value, now: now).tokens < burst }
        if buckets.count > maximumKeys { buckets.removeAll() }
    }
}
